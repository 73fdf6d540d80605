// What the programme module adds to the platform's shared vocabularies: the error codes of the
// life cycle and the objective tree with their HTTP statuses (listed on programmeModule, typed for
// AppError).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const programmeErrors = {
  // life cycle and objective tree
  'programme.illegal_transition': { status: 409 },
  'programme.element_has_children': { status: 409 },
  'programme.element_measured': { status: 409 },
} as const satisfies ErrorDeclarations;

type ProgrammeErrors = typeof programmeErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ProgrammeErrors {}
}
