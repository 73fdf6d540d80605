// Written procedures for the browser suite: an open procedure of the fixture body (the fixture's
// member has a ballot and a one-click link in the outbox), a closed one (for the register), and the
// fixture's membership linked to a signed-in account (for the member space pages).
import { nowIso } from '../../../core/db/time.js';
import type { ModuleContext } from '../../../core/module.js';
import { toWarsawLocal } from '../../../core/time/index.js';
import * as repo from '../bodies.repo.js';
import { bodyFixture, E2E_BODY } from '../bodies.testing.js';
import { closeDueProcedures, createProcedure, openProcedure } from './procedures.service.js';

const actor = { actorId: null, ip: null, requestId: null };

/** Links the fixture's current membership to an account (the one a page visit signed in with). */
export async function linkFixtureMember(ctx: ModuleContext, userId: string): Promise<void> {
  await bodyFixture(ctx);
  await ctx.db.updateTable('body_memberships').set({ user_id: userId }).where('id', '=', E2E_BODY.memberId).execute();
}

/** A draft procedure of the fixture body, its deadline a week ahead. */
export async function draftProcedure(ctx: ModuleContext): Promise<string> {
  await bodyFixture(ctx);
  const body = (await repo.findBody(ctx.db, E2E_BODY.id))!;
  const deadline = toWarsawLocal(new Date(ctx.clock.now().getTime() + 7 * 24 * 3600_000));
  return createProcedure(
    ctx,
    body,
    { title: 'Opinia o projekcie programu na 2028 r.', text: 'Komitet **pozytywnie** opiniuje projekt programu.', deadline },
    actor,
  );
}

/** An open procedure of the fixture body and the path of the member's one-click link from the outbox. */
export async function openedProcedure(ctx: ModuleContext): Promise<{ procedureId: string; link: string }> {
  const procedureId = await draftProcedure(ctx);
  await openProcedure(ctx, (await repo.findBody(ctx.db, E2E_BODY.id))!, procedureId, actor);
  const mail = await ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', 'czlonek@example.pl')
    .where('template', '=', 'body_procedure_opened')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { procedureId, link: /\/zespoly\/glosowanie\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0] };
}

/** A procedure of the fixture body closed by the job (its deadline moved into the past), with one vote for. */
export async function closedProcedure(ctx: ModuleContext): Promise<string> {
  const { procedureId } = await openedProcedure(ctx);
  const at = nowIso(ctx.clock);
  await ctx.db
    .insertInto('body_procedure_votes')
    .values({ procedure_id: procedureId, membership_id: E2E_BODY.memberId, vote: 'for', voted_at: at })
    .execute();
  await ctx.db.updateTable('body_procedures').set({ deadline: at }).where('id', '=', procedureId).execute();
  await closeDueProcedures(ctx);
  return procedureId;
}
