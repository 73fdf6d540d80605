// Routes of the accounts module: `/setup` creates the first administrator through the one-time
// link printed at start-up; without a valid token it answers 403 with an explanation.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isAppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { ModuleContext } from '../../core/module.js';
import { assertSetupAllowed, checkSetupForm, createFirstAdministrator } from './accounts.service.js';
import { SetupDone, SetupForm } from './accounts.views.js';

const SetupBody = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 1000 })),
  display_name: Type.Optional(Type.String({ maxLength: 1000 })),
  password: Type.Optional(Type.String({ maxLength: 1000 })),
  password_repeat: Type.Optional(Type.String({ maxLength: 1000 })),
  _csrf: Type.Optional(Type.String()),
});

export async function accountsRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  app.get(
    '/setup',
    { config: { access: 'public' }, schema: { querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const { token } = request.query as { token?: string };
      await assertSetupAllowed(ctx, token);
      return sendPage(request, reply, { title: request.t('setup.title') }, <SetupForm token={token!} csrf={reply.generateCsrf()} />);
    },
  );

  app.post(
    '/setup',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { body: SetupBody } },
    async (request, reply) => {
      const body = request.body as Record<string, string | undefined>;
      await assertSetupAllowed(ctx, body.token);
      try {
        const input = checkSetupForm(body);
        await createFirstAdministrator(ctx, body.token, input);
      } catch (err) {
        if (!isAppError(err) || err.code !== 'http.validation') throw err;
        const view = <SetupForm token={body.token!} csrf={reply.generateCsrf()} values={{ email: body.email ?? '', display_name: body.display_name ?? '' }} problems={err.problems} />;
        return sendPage(request, reply, { title: request.t('setup.title') }, view, 400);
      }
      return sendPage(request, reply, { title: request.t('setup.doneTitle') }, <SetupDone />);
    },
  );
}
