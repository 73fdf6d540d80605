// Routes of the site module: the home page.
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../core/http/render.js';
import { HomeView } from './site.views.js';

export async function siteRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(request, reply, { title: request.t('home.title') }, <HomeView />),
  );
}
