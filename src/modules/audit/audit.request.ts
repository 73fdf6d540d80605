// Who is acting and from where, taken from the request once, so every module records the same
// facts (user id, IP as resolved by the trust-proxy setting, the request id seen in the logs).
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from './audit.service.js';

export function auditFromRequest(request: FastifyRequest): Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> {
  return { actorId: request.user?.id ?? null, ip: request.ip ?? null, requestId: request.id ?? null };
}
