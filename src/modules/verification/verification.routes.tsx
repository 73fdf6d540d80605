// `/weryfikacja/{kind}/{number}`: the state of a numbered document as a page, or as JSON when the
// client asks for it (Accept: application/json) or the address ends with `.json`. An unknown kind
// or number is a 404 in both forms, and says nothing about which numbers exist.
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { translator } from '../../i18n/index.js';
import { verifiableKind, type VerifiedDocument } from './extension.js';
import { VerificationView } from './verification.views.js';

const Params = Type.Object({
  kind: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
  number: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}(\\.json)?$' }),
});

const wantsJson = (accept: string | undefined) => /application\/json/.test(accept ?? '') && !/text\/html/.test(accept ?? '');

export async function verificationRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get(
    '/weryfikacja/:kind/:number',
    {
      config: { access: 'public' },
      schema: {
        tags: ['verification'],
        summary:
          'State of a numbered document (valid, expired, withdrawn, suspended); JSON with Accept: application/json or a .json suffix',
        params: Params,
      },
    },
    async (request, reply) => {
      const asJson = request.params.number.endsWith('.json') || wantsJson(request.headers.accept);
      const number = request.params.number.replace(/\.json$/, '').toUpperCase();
      const kind = verifiableKind(ctx, request.params.kind);
      const doc: VerifiedDocument | null = kind ? await kind.lookup(ctx, number) : null;
      reply.header('cache-control', 'no-store').header('vary', 'accept');
      if (asJson) {
        if (!kind || !doc) return reply.code(404).type('application/json').send({ kind: request.params.kind, number, state: 'unknown' });
        const t = translator(request.lang);
        return reply.type('application/json').send({
          kind: kind.kind,
          number: doc.number,
          state: doc.state,
          is_example: doc.isExample,
          fields: doc.fields.map((f) => ({ label: t(f.labelKey), value: f.value })),
          checked_at: ctx.clock.now().toISOString(),
        });
      }
      if (!kind || !doc) throw new AppError('http.not_found');
      const kindTitle = request.t(kind.titleKey);
      return sendPage(
        request,
        reply,
        { title: request.t('verification.title', { number: doc.number }), breadcrumbs: [{ label: doc.number }] },
        <VerificationView kindTitle={kindTitle} doc={doc} />,
      );
    },
  );
}
