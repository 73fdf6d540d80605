// Liveness and readiness for load balancers and orchestrators: `/healthz` says the process runs,
// `/readyz` that the database answers (503 otherwise).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { DatabaseHandle } from '../db/database.js';
import { AppError } from '../errors/app-error.js';

const Status = Type.Object({ status: Type.String() });

export function registerHealth(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(
    '/healthz',
    { config: { access: 'public', rateLimit: false }, schema: { tags: ['system'], summary: 'Process alive', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { config: { access: 'public', rateLimit: false }, schema: { tags: ['system'], summary: 'Database reachable', response: { 200: Status } } },
    async (request) => {
      try {
        await database.seam.ping(database.db);
      } catch (err) {
        request.log.warn({ err }, 'database not ready');
        throw new AppError('http.unavailable');
      }
      return { status: 'ready' };
    },
  );
}
