// The counts of an event that stay after its registrants' personal data are erased: per event and
// per session, registered, confirmed and attended, by participant type and by powiat (the powiat of
// the gmina a registrant chose; "outside the region", or "unknown" for registrations made before the
// question was asked). Built from the registration rows, their places and check-ins, none of which
// the retention job removes. They feed the organisers' overview and the programme's indicators.
import type { ModuleContext } from '../../core/module.js';
import * as repo from './events.repo.js';
import type { ParticipantType } from './events.tables.js';

/** A powiat's 4-digit TERYT, or where a registrant came from when it is not one. */
export type PowiatKey = string | 'outside' | 'unknown';

export interface CountRow {
  /** Null: the whole event. */
  sessionId: string | null;
  participantType: ParticipantType;
  powiat: PowiatKey;
  registered: number;
  confirmed: number;
  attended: number;
}

export function powiatKey(r: Pick<repo.CountSource, 'residence' | 'powiat_teryt'>): PowiatKey {
  if (r.residence === 'outside') return 'outside';
  return r.powiat_teryt ?? 'unknown';
}

function add(map: Map<string, CountRow>, sessionId: string | null, r: repo.CountSource, confirmed: boolean, attended: boolean) {
  const powiat = powiatKey(r);
  const key = `${sessionId ?? ''}|${r.participant_type}|${powiat}`;
  const row = map.get(key) ?? { sessionId, participantType: r.participant_type, powiat, registered: 0, confirmed: 0, attended: 0 };
  row.registered += 1;
  if (confirmed) row.confirmed += 1;
  if (attended) row.attended += 1;
  map.set(key, row);
}

/**
 * Registered: every registration (a session: every place asked for); confirmed: a confirmed
 * registration (a session: a confirmed place); attended: checked in (a session: with a confirmed place).
 */
export async function eventCounts(ctx: Pick<ModuleContext, 'db'>, eventId: string): Promise<CountRow[]> {
  const sources = await repo.countSources(ctx.db, eventId);
  const byId = new Map(sources.map((r) => [r.id, r]));
  const map = new Map<string, CountRow>();
  for (const r of sources) add(map, null, r, r.status === 'confirmed', r.attended);
  const sessions = await repo.listSessions(ctx.db, eventId);
  const order = new Map(sessions.map((s, i) => [s.id, i]));
  for (const p of await repo.placesOfEvent(ctx.db, eventId)) {
    const r = byId.get(p.registration_id);
    if (!r) continue;
    const confirmed = p.status === 'confirmed' && r.status === 'confirmed';
    add(map, p.session_id, r, confirmed, confirmed && r.attended);
  }
  return [...map.values()].sort(
    (a, b) =>
      (a.sessionId === null ? -1 : (order.get(a.sessionId) ?? 0)) - (b.sessionId === null ? -1 : (order.get(b.sessionId) ?? 0)) ||
      a.participantType.localeCompare(b.participantType) ||
      a.powiat.localeCompare(b.powiat),
  );
}
