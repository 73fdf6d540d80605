// Liveness and readiness for load balancers and orchestrators: `/healthz` says the process runs,
// `/readyz` that the database answers, and every other store the process was told to rely on (the
// shared rate-limit Redis when REDIS_URL is set); 503 otherwise.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { DatabaseHandle } from '../db/database.js';
import { AppError } from '../errors/app-error.js';

const Status = Type.Object({ status: Type.String() });

/** Something besides the database that must answer for the process to be ready. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (quickly) when it does not. */
  check(): Promise<void>;
}

export function registerHealth(app: FastifyInstance, database: DatabaseHandle, checks: readonly ReadinessCheck[] = []): void {
  app.get(
    '/healthz',
    { config: { access: 'public', rateLimit: false }, schema: { tags: ['system'], summary: 'Process alive', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['system'], summary: 'Database (and Redis, when configured) reachable', response: { 200: Status } },
    },
    async (request) => {
      const all: ReadinessCheck[] = [{ name: 'database', check: async () => database.seam.ping(database.db) }, ...checks];
      for (const { name, check } of all) {
        try {
          await check();
        } catch (err) {
          request.log.warn({ err }, `${name} not ready`);
          throw new AppError('http.unavailable');
        }
      }
      return { status: 'ready' };
    },
  );
}
