// The audit entry of a staff change to a body's affairs (meetings, attendance, minutes, written
// procedures): every such entry has the body as its subject, so the body's whole story reads in one
// place of the audit log, and it is written in the transaction of the change.
import type { ModuleContext } from '../../../core/module.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import type { Executor } from '../bodies.repo.js';
import type { Actor } from '../bodies.service.js';

/** Who did a change the scheduled jobs make (nobody: no user, no request). */
export const NO_ACTOR: Actor = { actorId: null, ip: null, requestId: null };

/** Records `action` on the body by `actor`, with the changed fields and further facts. */
export async function auditBody(
  trx: Executor,
  ctx: ModuleContext,
  actor: Actor,
  body: { id: string },
  action: string,
  facts: Pick<AuditEntry, 'changes' | 'meta'>,
): Promise<void> {
  await recordAudit(trx, { ...actor, action, subjectType: 'body', subjectId: body.id, ...facts }, ctx.clock);
}
