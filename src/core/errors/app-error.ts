// The one error type the application throws on purpose. Its code names the translated message and,
// through the app's ErrorCatalogue (the declarations of the core and of every module), the HTTP
// status; `problems` carry per-field messages for 400 answers.
import type { ErrorCode } from './catalogue.js';

export interface Problem {
  /** Form field or query parameter the problem is about; absent for whole-request problems. */
  field?: string;
  /** i18n key of the message, e.g. `validation.required`. */
  key: string;
  /** i18n key of the field's label; its translation fills the `{{field}}` placeholder. */
  label?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly problems: Problem[];

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, problems: Problem[] = []) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The per-field problems of a validation error (`http.validation`); null for any other error. */
export function validationProblems(err: unknown): Problem[] | null {
  return isAppError(err) && err.code === 'http.validation' ? err.problems : null;
}
