// HTTP plumbing the staff pages of awards and good practices share: their breadcrumbs under the
// module's admin page, the list page, the new/edit form page (with the refusals a form shows instead
// of an error page) and its submission, which redirects to the saved entry with `?ok=1`. Each
// sub-feature still registers its own routes, so its routes file lists every URL it serves.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentType, VNode } from 'preact';
import { Type } from 'typebox';
import { UUID_PATTERN } from '../../core/db/ids.js';
import type { Problem } from '../../core/errors/app-error.js';
import { submitForm, type FormFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import type { Actor } from './localgov.audited.service.js';
import type { StaffFormProps } from './localgov.staff.views.js';
import { unitOptions } from './localgov.units.js';

export const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
/** The notice after a save's redirect. */
export const SavedQuery = Type.Object({ ok: Type.Optional(Type.Literal('1')) });

interface StaffPagesOptions {
  /** The list's address, e.g. `/admin/samorzady/nagrody`; an entry is at `{path}/{id}`. */
  path: string;
  listTitle: TKey;
  newTitle: TKey;
  editTitle: TKey;
  Form: ComponentType<StaffFormProps>;
  save: (ctx: ModuleContext, id: string | null, values: Record<string, unknown>, actor: Actor) => Promise<string>;
}

export function staffPages(ctx: ModuleContext, opts: StaffPagesOptions) {
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('localgov.admin.title'), path: '/admin/samorzady' },
    ...(last ? [{ label: request.t(opts.listTitle), path: opts.path }, { label: last }] : [{ label: request.t(opts.listTitle) }]),
  ];

  /** The staff list page with its view. */
  const list = (request: FastifyRequest, reply: FastifyReply, view: VNode) =>
    sendPage(request, reply, { title: request.t(opts.listTitle), breadcrumbs: crumbs(request) }, view);

  /** The form of a new entry (id null) or of the entry `id`. */
  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string>,
    shown: { problems?: Problem[]; saved?: boolean; status?: number } = {},
  ) => {
    const title = request.t(id ? opts.editTitle : opts.newTitle);
    const { Form } = opts;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <Form
        csrf={reply.generateCsrf()}
        id={id}
        values={values}
        problems={shown.problems ?? []}
        units={await unitOptions(ctx, request.lang)}
        saved={shown.saved ?? false}
        title={title}
      />,
      shown.status ?? 200,
    );
  };

  /** Saves the form (a new entry when id is null): the form again with its problems, or a redirect to the entry. */
  const submit = async (request: FastifyRequest, reply: FastifyReply, id: string | null, body: FormFields) => {
    const done = await submitForm(() => opts.save(ctx, id, body, auditFromRequest(request)), refusals);
    if (!done.ok) return form(request, reply, id, body, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${opts.path}/${id ?? done.value}?ok=1`, request.lang), 303);
  };

  return { list, form, submit };
}
