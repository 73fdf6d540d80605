// The route of the ZIP of a term's approved minutes: public where the body publishes its minutes,
// else for its members and the staff (anonymous visitors 404, other users 403).
import { Type } from 'typebox';
import { contentDisposition } from '../../../core/http/uploads.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { assertMinutesReader, isInsider } from '../bodies.policy.js';
import * as svc from '../bodies.service.js';
import { termMinutesZip } from './minutes-zip.js';

const TermParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
  number: Type.Integer({ minimum: 1, maximum: 9999 }),
});

export async function archiveRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get(
    '/zespoly/:slug/kadencje/:number/protokoly.zip',
    { config: { access: 'public' }, schema: { params: TermParams } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      assertMinutesReader(request.user, body);
      const zip = await termMinutesZip(ctx, body, request.params.number, {
        publicOnly: !isInsider(request.user, body.id),
        lang: request.lang,
      });
      return reply.type('application/zip').header('content-disposition', contentDisposition(zip.filename)).send(Buffer.from(zip.bytes));
    },
  );
}
