// `/weryfikacja/{kind}/{number}` (HTML) and `/api/v1/weryfikacja/{kind}/{number}` (JSON): the
// status of a document issued by any module that contributes its kind. An unknown kind or number is
// a 404 ("unknown"); the answer never lists other documents, and the route is rate limited.
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { verificationKind } from './verification.extension.js';
import { NUMBER_PATTERN } from './verification.numbers.js';
import { VerificationView } from './verification.views.js';

const Params = Type.Object({ kind: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }), number: Type.String({ maxLength: 40 }) });
const NUMBER = new RegExp(NUMBER_PATTERN, 'u');
const limit = { max: 30, timeWindow: '1 minute' };

export async function verificationRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const find = async (kind: string, number: string) => {
    const k = verificationKind(ctx, kind);
    const n = number.toUpperCase();
    if (!k || !NUMBER.test(n)) return null;
    const doc = await k.lookup(ctx, n);
    return doc ? { k, n, doc } : null;
  };

  app.get(
    '/weryfikacja/:kind/:number',
    { config: { access: 'public', rateLimit: limit }, schema: { params: Params } },
    async (request, reply) => {
      const found = await find(request.params.kind, request.params.number);
      if (!found) throw new AppError('http.not_found');
      reply.header('cache-control', 'no-store');
      return sendPage(
        request,
        reply,
        { title: `${request.t(found.k.labelKey)} ${found.n}`, breadcrumbs: [{ label: request.t('verification.title') }] },
        <VerificationView labelKey={found.k.labelKey} number={found.n} doc={found.doc} />,
      );
    },
  );

  const Answer = Type.Object({
    status: Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('withdrawn'), Type.Literal('unknown')]),
    kind: Type.String(),
    number: Type.String(),
    title: Type.Optional(Type.String()),
    holder: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    issuer: Type.Optional(Type.String()),
    issued_at: Type.Optional(Type.String()),
    valid_until: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  });

  app.get(
    '/api/v1/weryfikacja/:kind/:number',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags: ['verification'],
        summary: 'The status of a verifiable document (valid, expired, withdrawn; unknown: 404)',
        params: Params,
        response: { 200: Answer, 404: Answer },
      },
    },
    async (request, reply) => {
      const found = await find(request.params.kind, request.params.number);
      reply.header('cache-control', 'no-store');
      if (!found) return reply.code(404).send({ status: 'unknown' as const, kind: request.params.kind, number: request.params.number });
      const d = found.doc;
      return {
        status: d.status,
        kind: found.k.kind,
        number: found.n,
        title: d.title,
        holder: d.holder,
        issuer: d.issuer,
        issued_at: d.issuedAt,
        valid_until: d.validUntil,
      };
    },
  );
}
