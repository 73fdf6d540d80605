// What the portal's forms share: the body schema of its text forms (long Markdown bodies, many
// fields) and the refusals they show on the form instead of an error page (any `portal.*` code,
// e.g. a file too large or a page that still has sub-pages).
import { formBody, type FormRefusals } from '../../core/http/forms.js';
import type { ModuleContext } from '../../core/module.js';

export const FormBody = formBody({ maxLength: 220_000, maxProperties: 60 });

/** The portal's own refusals, shown on the form with their declared status. */
export function portalRefusals(ctx: ModuleContext): FormRefusals {
  return { errors: ctx.errors, codes: (code) => code.startsWith('portal.') };
}
