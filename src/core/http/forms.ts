// HTML forms, the one way: a form's body schema (field names to text, bounded), and the re-render
// pattern — an expected refusal (bad input, or a module's declared refusal such as "already decided")
// goes back to the form with its problems and the right status; anything else propagates to the error
// handler. Every module's form routes use these instead of catching `http.validation` by hand.
import { Type, type Static } from 'typebox';
import { isAppError, validationProblems, type Problem } from '../errors/app-error.js';
import type { ErrorCatalogue, ErrorCode } from '../errors/catalogue.js';

interface FormLimits {
  /** Longest value of one field (characters). */
  maxLength: number;
  /** Most fields in one form. */
  maxProperties: number;
}

/** The body schema of a form whose fields are single text values: typed `Record<string, string>`. */
export function formBody(limits: FormLimits) {
  return Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: limits.maxLength }), {
    maxProperties: limits.maxProperties,
  });
}

/**
 * The body schema of a form with repeated fields (checkbox groups, multiple selects): a field sent once
 * is a string, sent more than once an array of at most `maxItems` values, each at most `maxItemLength`
 * characters (ids, codes: usually far shorter than a text field).
 */
export function formBodyWithLists(limits: FormLimits & { maxItems: number; maxItemLength: number }) {
  return Type.Record(
    Type.String({ maxLength: 200 }),
    Type.Union([
      Type.String({ maxLength: limits.maxLength }),
      Type.Array(Type.String({ maxLength: limits.maxItemLength }), { maxItems: limits.maxItems }),
    ]),
    { maxProperties: limits.maxProperties },
  );
}

/** A form body as `formBody` types it. */
export type FormFields = Static<ReturnType<typeof formBody>>;
/** A form body as `formBodyWithLists` types it. */
export type FormFieldsWithLists = Static<ReturnType<typeof formBodyWithLists>>;

/** The text fields of a body that may also hold arrays or files (a repeated field's values are dropped). */
export function textFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Refusals of a module that a form shows as a problem instead of an error page: the listed codes (or
 * those a predicate accepts), with the status the app's error catalogue gives them.
 */
export interface FormRefusals {
  errors: ErrorCatalogue;
  codes: readonly ErrorCode[] | ((code: ErrorCode) => boolean);
}

export interface FormRefused {
  problems: Problem[];
  status: number;
}

/**
 * What to show on the form for an expected refusal: a validation error's problems (400), or a listed
 * refusal with its declared status: its own problems when it carries some (a file too large names its
 * field), else one whole-form problem (`errors.<code>.detail`, filled with the error's parameters). Any
 * other error is thrown on, so it reaches the error handler unchanged.
 */
export function formProblems(err: unknown, refusals?: FormRefusals): FormRefused {
  if (!isAppError(err)) throw err;
  const invalid = validationProblems(err);
  if (invalid) return { problems: invalid, status: 400 };
  if (refusals) {
    const listed = typeof refusals.codes === 'function' ? refusals.codes(err.code) : refusals.codes.includes(err.code);
    if (listed) {
      if (err.problems.length > 0) return { problems: err.problems, status: refusals.errors.status(err.code) };
      const problem: Problem = { key: `errors.${err.code}.detail` };
      if (Object.keys(err.params).length > 0) problem.params = err.params; // e.g. the minutes to wait
      return { problems: [problem], status: refusals.errors.status(err.code) };
    }
  }
  throw err;
}

export type FormOutcome<T> = { ok: true; value: T } | ({ ok: false } & FormRefused);

/**
 * Runs a form's action: its value when it succeeds, or the problems and status to re-render the form
 * with when it is refused as `formProblems` describes.
 *
 *     const saved = await submitForm(() => svc.save(ctx, request.body, audit));
 *     if (!saved.ok) return formPage(request, reply, request.body, saved.problems, saved.status);
 */
export async function submitForm<T>(action: () => T | Promise<T>, refusals?: FormRefusals): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (err) {
    return { ok: false, ...formProblems(err, refusals) };
  }
}
