// Who sits on a body today, for other modules (the licences module asks who the Kapituła's members
// and chair are): current memberships with a user account, in the term in force, of the bodies of
// one type. People without an account cannot act in the platform, so they are not listed here.
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import * as repo from './bodies.repo.js';
import { currentTerm, isCurrentMembership } from './bodies.service.js';
import type { BodyType, MemberRole } from './bodies.tables.js';

export interface CurrentMember {
  userId: string;
  name: string;
  role: MemberRole;
  bodyId: string;
  bodyName: string;
}

/** Today's members (with an account) of every body of `type`; substitutes are left out. */
export async function currentMembersOfType(ctx: Pick<ModuleContext, 'db' | 'clock'>, type: BodyType): Promise<CurrentMember[]> {
  const today = warsawToday(ctx.clock);
  const out: CurrentMember[] = [];
  for (const body of (await repo.listBodies(ctx.db)).filter((b) => b.type === type)) {
    const term = currentTerm(await repo.listTerms(ctx.db, body.id), today);
    if (!term) continue;
    for (const m of await repo.listMemberships(ctx.db, term.id)) {
      if (m.user_id === null || m.role === 'substitute' || !isCurrentMembership(m, today)) continue;
      out.push({ userId: m.user_id, name: m.person_name, role: m.role, bodyId: body.id, bodyName: body.name });
    }
  }
  return out;
}
