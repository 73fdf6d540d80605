// HTTP plumbing the account routes share (sign-in, passwords, users, own data): the form and
// parameter schemas, the rate limits of forms that guess or spend a secret, which refusals a form
// shows instead of an error page, and the small page and redirect helpers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { ErrorCode } from '../../core/errors/catalogue.js';
import { formBody, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { failClosed } from '../../core/http/rate-limits.js';
import { sendPage } from '../../core/http/render.js';
import type { CurrentUser } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';

export const FormBody = formBody({ maxLength: 5000, maxProperties: 60 });
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The notice after a redirect (`?ok=`, with a count `?n=` on the sessions page). */
export const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })), n: Type.Optional(Type.String({ maxLength: 6 })) });

// Every limited form here guesses or spends a secret (password, code, token), so its limit holds
// even when the shared rate-limit store is down: refused with 503 rather than left unguarded (ADR 10).
export const STRICT = failClosed({ max: 10, timeWindow: '1 minute' });
export const LOGIN_LIMIT = failClosed({ max: 30, timeWindow: '1 minute' });
export const RESET_LIMIT = failClosed({ max: 5, timeWindow: '1 minute' });

/**
 * For pages whose address holds a one-time secret (password reset, invitation): no Referer header
 * carries it to another site, and no cache keeps the page, whatever the answer (errors too).
 */
export const secretInAddress = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
};

/**
 * The accounts refusals a form shows as a problem (wrong password, locked out, bad code…), with
 * their statuses; `except` is one that must reach the error page instead (a dead link's token).
 */
export function formRefusals(ctx: ModuleContext, except?: ErrorCode): FormRefusals {
  return { errors: ctx.errors, codes: (code) => code.startsWith('accounts.') && code !== except };
}

/** A page of the module titled by `title`. */
export function page(request: FastifyRequest, reply: FastifyReply, title: TKey, body: VNode, status = 200) {
  return sendPage(request, reply, { title: request.t(title) }, body, status);
}

/** The redirect after a form (303), in the request's language. */
export function go(request: FastifyRequest, reply: FastifyReply, path: string) {
  return reply.redirect(localize(path, request.lang), 303);
}

/** The signed-in user of a route whose access requires one. */
export function me(request: FastifyRequest): CurrentUser {
  return request.user!;
}

/** The notice `key` when the address carries `?ok=` (after a redirect), else none. */
export function notice(request: FastifyRequest, ok: string | undefined, key: TKey): string | null {
  return ok ? request.t(key) : null;
}
