// Error codes and their HTTP statuses: 4xx belong to the user (shown in full), 5xx to us (a reference
// id only). The core declares only its own codes here. Each module declares its codes on its
// AppModule (`errors`) and adds them to `ErrorCodes` by declaration merging, so the compiler still
// refuses `new AppError('unknown.code')`. Statuses are read from an ErrorCatalogue built from the
// modules of one app instance (buildApp, the CLI), never from a table filled at import time.
// Messages live in i18n under `errors.<code>.title` / `.detail`.

export interface ErrorDeclaration {
  readonly status: number;
}

export type ErrorDeclarations = Readonly<Record<string, ErrorDeclaration>>;

/** The core's own codes: HTTP plumbing and the command line. */
export const CORE_ERRORS = {
  'http.bad_request': { status: 400 },
  'http.validation': { status: 400 },
  'http.unauthenticated': { status: 401 },
  'http.forbidden': { status: 403 },
  'http.csrf': { status: 403 },
  'http.not_found': { status: 404 },
  'http.method_not_allowed': { status: 405 },
  'http.payload_too_large': { status: 413 },
  'http.unsupported_media_type': { status: 415 },
  'http.rate_limited': { status: 429 },
  'http.internal': { status: 500 },
  'http.unavailable': { status: 503 },
  'cli.usage': { status: 400 },
  'cli.backup_postgres': { status: 400 },
} as const satisfies ErrorDeclarations;

type CoreErrors = typeof CORE_ERRORS;

/**
 * Every code the platform can answer with → its declaration. A module adds its own codes:
 *
 *     export const exampleErrors = { 'example.conflict': { status: 409 } } as const satisfies ErrorDeclarations;
 *     type ExampleErrors = typeof exampleErrors;
 *     declare module '../../core/errors/catalogue.js' { interface ErrorCodes extends ExampleErrors {} }
 *
 * and lists `exampleErrors` as `errors` of its AppModule.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodes extends CoreErrors {}

export type ErrorCode = keyof ErrorCodes & string;

/** The `errors` of an AppModule: codes declared in `ErrorCodes`, with the same statuses. */
export type ModuleErrors = { readonly [C in ErrorCode]?: ErrorCodes[C] };

/** The status a module's own declarations give `code` (for its forms); one they do not declare is our fault (500). */
export function statusIn(declarations: ErrorDeclarations, code: string): number {
  return Object.hasOwn(declarations, code) ? declarations[code]!.status : 500;
}

/** Status of a core code, or undefined for a module's code (ask the app's ErrorCatalogue). */
export function coreErrorStatus(code: string): number | undefined {
  return Object.hasOwn(CORE_ERRORS, code) ? CORE_ERRORS[code as keyof CoreErrors].status : undefined;
}

/** The statuses of the core's codes and of the given modules' codes, built once per app instance. */
export class ErrorCatalogue {
  readonly #statuses = new Map<string, number>();

  constructor(modules: readonly { name: string; errors?: ModuleErrors }[]) {
    const owner = new Map<string, string>();
    for (const [code, d] of Object.entries(CORE_ERRORS)) {
      this.#statuses.set(code, d.status);
      owner.set(code, 'core');
    }
    for (const mod of modules) {
      for (const [code, d] of Object.entries(mod.errors ?? {}) as [string, ErrorDeclaration][]) {
        const other = owner.get(code);
        if (other !== undefined) throw new Error(`error code ${code} is declared by both ${other} and ${mod.name}`);
        owner.set(code, mod.name);
        this.#statuses.set(code, d.status);
      }
    }
  }

  /** The HTTP status of a code; a code no module declared at run time is our fault (500). */
  status(code: ErrorCode): number {
    return this.#statuses.get(code) ?? 500;
  }

  has(code: string): boolean {
    return this.#statuses.has(code);
  }

  codes(): string[] {
    return [...this.#statuses.keys()];
  }
}
