// Check-in at the door on an organiser's phone: the list (names and short codes of confirmed
// registrations) is downloaded, people are marked present offline, and the marks are synced later.
// Every mark carries an id generated on the device, so a batch sent twice is applied once; a second
// mark for a person already present (another phone) is not applied and is reported as a duplicate —
// the first one wins.
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { newId } from '../../core/db/ids.js';
import { FormChecker } from '../../core/validation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import * as repo from './events.repo.js';

export interface CheckinMark {
  /** Generated on the device (a UUID). */
  id: string;
  code: string;
  /** When it was marked on the device (ISO); the server's time when missing or implausible. */
  at?: string;
}

export interface SyncResult {
  applied: string[];
  /** Ids already applied by an earlier sync (a retry): nothing to do. */
  alreadyApplied: string[];
  /** Marks for a person another mark already checked in (first one wins). */
  duplicates: { id: string; code: string }[];
  /** Codes that match no confirmed registration of the event. */
  unknown: { id: string; code: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function isMarkId(id: string): boolean {
  return UUID.test(id);
}

export async function applyCheckins(
  ctx: ModuleContext,
  eventId: string,
  marks: readonly CheckinMark[],
  by: string | null,
): Promise<SyncResult> {
  const out: SyncResult = { applied: [], alreadyApplied: [], duplicates: [], unknown: [] };
  const now = ctx.clock.now();
  for (const m of marks) {
    const id = m.id.toLowerCase();
    await ctx.db.transaction().execute(async (trx) => {
      const seen = await repo.findCheckin(trx, id);
      if (seen) {
        out.alreadyApplied.push(id);
        return;
      }
      const r = await repo.findByCode(trx, eventId, m.code.trim().toUpperCase());
      if (!r || r.status !== 'confirmed') {
        out.unknown.push({ id, code: m.code });
        return;
      }
      const at =
        m.at && !Number.isNaN(Date.parse(m.at)) && Math.abs(Date.parse(m.at) - now.getTime()) < 7 * 86_400_000
          ? new Date(m.at).toISOString()
          : now.toISOString();
      const inserted = await repo.insertCheckin(trx, {
        id,
        event_id: eventId,
        registration_id: r.id,
        checked_at: at,
        received_at: nowIso(ctx.clock),
        received_by: by,
      });
      if (inserted) out.applied.push(id);
      else if (await repo.findCheckin(trx, id)) out.alreadyApplied.push(id);
      else out.duplicates.push({ id, code: m.code });
    });
  }
  return out;
}

/**
 * Staff correct attendance after the fact, with a reason kept in the audit log: a person marked
 * present by mistake loses the check-in (and any certificate then reads "withdrawn"); a person
 * missed at the door is added.
 */
export async function correctAttendance(
  ctx: ModuleContext,
  eventId: string,
  body: Record<string, string | undefined>,
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<'added' | 'removed' | 'unchanged'> {
  const f = new FormChecker(body);
  const code = f.required('code', 'events.checkin.code', { max: 12 }).toUpperCase();
  const present = f.text('present');
  if (present !== '1' && present !== '0') f.add('present', 'events.checkin.correctPresent', 'validation.required');
  const reason = f.required('reason', 'events.checkin.reason', { max: 500 });
  const r = code ? await repo.findByCode(ctx.db, eventId, code) : undefined;
  if (code && (!r || r.status !== 'confirmed')) f.add('code', 'events.checkin.code', 'events.errors.unknownCode');
  f.assertValid();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findCheckinOf(trx, r!.id);
    let outcome: 'added' | 'removed' | 'unchanged' = 'unchanged';
    if (present === '1' && !existing) {
      await repo.insertCheckin(trx, {
        id: newId(),
        event_id: eventId,
        registration_id: r!.id,
        checked_at: nowIso(ctx.clock),
        received_at: nowIso(ctx.clock),
        received_by: actor.actorId,
      });
      outcome = 'added';
    } else if (present === '0' && existing) {
      await repo.deleteCheckin(trx, existing.id);
      outcome = 'removed';
    }
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'event.attendance.correct',
        subjectType: 'event',
        subjectId: eventId,
        meta: { code, present: present === '1', outcome, reason },
      },
      ctx.clock,
    );
    return outcome;
  });
}
