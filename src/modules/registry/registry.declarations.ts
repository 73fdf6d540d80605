// What the registry module adds to the platform's shared vocabularies: the error codes of its
// self-service with their HTTP statuses (listed on registryModule, typed for AppError) and the
// e-mails it sends about claims and proposals (typed for enqueueMail; texts under `mail.<template>`).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const registryErrors = {
  'registry.claim_decided': { status: 409 },
  'registry.proposal_decided': { status: 409 },
} as const satisfies ErrorDeclarations;

type RegistryErrors = typeof registryErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends RegistryErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    registry_claim_approved: { name: string; entity: string; link: string };
    registry_claim_rejected: { name: string; entity: string; reason: string };
    registry_proposal_rejected: { name: string; entity: string; change: string; reason: string };
  }
}
