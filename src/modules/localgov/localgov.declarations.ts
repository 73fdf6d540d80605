// The localgov module's error codes with their HTTP statuses (listed on localgovModule, typed for AppError).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const localgovErrors = {
  'localgov.duplicate': { status: 409 },
  'localgov.no_programme': { status: 409 },
} as const satisfies ErrorDeclarations;

type LocalgovErrors = typeof localgovErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends LocalgovErrors {}
}
