// HTTP plumbing the bodies routes share (bodies, meetings, agenda items, written procedures, the
// public pages): the parameter schemas, which refusals a form shows instead of an error page, the
// staff and public breadcrumbs, the member space's access, the step every form repeats — run the
// service, then draw the form again with its problems or go on — and a member's answer by link or in
// the member space (an invitation's answer, a ballot's vote).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { submitForm, type FormRefused, type FormRefusals } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { ModuleContext } from '../../../core/module.js';
import type { Crumb } from '../../../core/ui/components.js';
import type { TKey } from '../../../i18n/index.js';
import { memberSpace } from '../bodies.policy.js';
import * as repo from '../bodies.repo.js';
import type { Values } from './views.js';

export const ID = '^[0-9a-zA-Z-]{1,64}$';
export const SLUG = '^[a-z0-9-]{1,80}$';
export const IdParams = Type.Object({ id: Type.String({ pattern: ID }) });
/** A one-click link's token (invitations, ballots). */
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
/** The notice after a redirect (`?ok=`). */
export const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });

/** What a form is drawn with: the values typed (or saved), the problems found, the status. */
export interface FormState {
  values?: Values;
  problems?: Problem[];
  status?: number;
}

/** The bodies refusals a form shows as a problem (no term, not a draft, already voted…). */
export function bodiesRefusals(ctx: ModuleContext): FormRefusals {
  return { errors: ctx.errors, codes: (code) => code.startsWith('bodies.') };
}

/** The redirect after a form (303), in the request's language. */
export function go(request: FastifyRequest, reply: FastifyReply, path: string) {
  return reply.redirect(localize(path, request.lang), 303);
}

/** The notice one of `keys` names when the address carries `?ok=` (after a redirect), else none. */
export function okNotice(request: FastifyRequest, ok: string | undefined, keys: Record<string, TKey>): string | null {
  const key = ok && Object.hasOwn(keys, ok) ? keys[ok] : undefined;
  return key ? request.t(key) : null;
}

/** Administration → bodies (→ the body): the start of every staff page's trail. */
export function staffCrumbs(request: FastifyRequest, body?: repo.BodyRow): Crumb[] {
  return [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('bodies.admin.title'), path: '/admin/zespoly' },
    ...(body ? [{ label: body.name, path: `/admin/zespoly/${body.id}` }] : []),
  ];
}

/** Bodies (→ the body): the start of every public and member page's trail. */
export function publicCrumbs(request: FastifyRequest, body?: Pick<repo.BodyRow, 'name' | 'slug'>): Crumb[] {
  return [{ label: request.t('bodies.title'), path: '/zespoly' }, ...(body ? [{ label: body.name, path: `/zespoly/${body.slug}` }] : [])];
}

/** A staff page of one body titled `title`, its trail passing through `between`. */
export function staffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  body: repo.BodyRow,
  title: string,
  between: Crumb[],
  view: VNode,
  status = 200,
) {
  return sendPage(request, reply, { title, breadcrumbs: [...staffCrumbs(request, body), ...between, { label: title }] }, view, status);
}

/** A public or member page of one body titled `title`, its trail passing through `between`. */
export function publicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  body: Pick<repo.BodyRow, 'name' | 'slug'>,
  title: string,
  between: Crumb[],
  view: VNode,
  status = 200,
) {
  return sendPage(request, reply, { title, breadcrumbs: [...publicCrumbs(request, body), ...between, { label: title }] }, view, status);
}

/**
 * The options of a member-space route of the body its `:slug` names: the access rule, and before it
 * a 404 to an anonymous visitor, to whom the member space does not exist.
 */
export function memberSpaceRoute(ctx: ModuleContext) {
  const bodyIdOfSlug = async (slug: string) => (await repo.findBodyBySlug(ctx.db, slug))?.id ?? null;
  return {
    config: { access: memberSpace(bodyIdOfSlug) },
    onRequest: async (request: FastifyRequest) => {
      if (!request.user) throw new AppError('http.not_found');
    },
  };
}

/**
 * A form's action: the service does the work; a refusal (bad input or a bodies refusal) goes to
 * `refused` with its problems and status, to draw the form again, the value to `saved` (a redirect, or
 * the page again with the answer recorded).
 */
export async function onForm<T, R>(
  ctx: ModuleContext,
  action: () => Promise<T>,
  refused: (r: FormRefused) => R | Promise<R>,
  saved: (value: T) => R | Promise<R>,
): Promise<R> {
  const outcome = await submitForm(action, bodiesRefusals(ctx));
  return outcome.ok ? saved(outcome.value) : refused(outcome);
}

/** A member's answer page as a route finds it: what it shows, and the address its form posts to. */
export interface AnswerPlace<V> {
  view: V;
  action: string;
}

/** What an answer page's view is drawn with besides the answer's own facts. */
export interface AnswerForm {
  action: string;
  csrf: string;
  problems: Problem[];
  /** The answer was recorded just now. */
  saved: boolean;
}

/**
 * A member's one-choice answer on its own page titled `title` (an invitation's answer, a ballot's
 * vote), reached by the e-mail's one-click link or in the member space: `show` draws the page;
 * `submit` records the answer, then draws the page again, with the problems of a refusal (and their
 * status) or with the answer recorded.
 */
export function answerFlow<V extends { body: Pick<repo.BodyRow, 'name' | 'slug'> }, A>(
  ctx: ModuleContext,
  title: TKey,
  draw: (view: V, form: AnswerForm) => VNode,
  record: (view: V, form: Record<string, string>) => Promise<A>,
  answered: (view: V, answer: A) => V,
) {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: V,
    action: string,
    { problems = [], status = 200, saved = false }: { problems?: Problem[]; status?: number; saved?: boolean } = {},
  ) =>
    publicPage(
      request,
      reply,
      view.body,
      request.t(title),
      [],
      draw(view, { action, csrf: reply.generateCsrf(), problems, saved }),
      status,
    );
  return {
    show: (request: FastifyRequest, reply: FastifyReply, { view, action }: AnswerPlace<V>) => page(request, reply, view, action),
    submit: (request: FastifyRequest, reply: FastifyReply, { view, action }: AnswerPlace<V>, form: Record<string, string>) =>
      onForm(
        ctx,
        () => record(view, form),
        (refused) => page(request, reply, view, action, refused),
        (answer) => page(request, reply, answered(view, answer), action, { saved: true }),
      ),
  };
}
