// What the evaluation module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses and the coordinator's digest e-mail (texts under `errors.<code>` and `mail.<template>`).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const evaluationErrors = {
  'evaluation.closed': { status: 409 },
  'evaluation.already_validated': { status: 409 },
} as const satisfies ErrorDeclarations;

type EvaluationErrors = typeof evaluationErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends EvaluationErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    evaluation_digest: { name: string; overdueResponses: string; overdueActions: string; dueSoon: string; list: string; link: string };
  }
}
