// The sitemap's addresses: the index at `/sitemap.xml` (where robots.txt points) and its parts at
// `/sitemap-{n}.xml`, streamed as they are written (sitemap.ts). A part number that does not exist
// today is 404, like any missing page.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { sitemapIndex, sitemapPart } from './sitemap.js';

const PartParams = Type.Object({ part: Type.String({ maxLength: 20 }) });
const PART = /^[1-9]\d*$/;

/** XML, and a copy for an hour: crawlers come back daily at most, and a part is 50,000 addresses to write. */
function xml(reply: FastifyReply): FastifyReply {
  return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600');
}

export async function sitemapRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get('/sitemap.xml', { config: { access: 'public' } }, async (_request, reply) => xml(reply).send(await sitemapIndex(ctx)));

  app.get('/sitemap-:part.xml', { config: { access: 'public' }, schema: { params: PartParams } }, async (request, reply) => {
    const { part } = request.params;
    const stream = PART.test(part) ? await sitemapPart(ctx, Number(part)) : null;
    if (!stream) throw new AppError('http.not_found');
    return xml(reply).send(stream);
  });
}
