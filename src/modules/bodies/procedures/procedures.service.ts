// Rules of written procedures (tryb obiegowy) between meetings: staff write a draft resolution with a
// deadline on the Warsaw clock and open it to the members sitting on the body that day; each gets a
// ballot with a one-click signed link (a random token, stored hashed) by e-mail in their language and
// in their space, and votes for, against or abstaining exactly once (the primary key of the votes
// keeps the first, even from two requests at once). At the deadline the job counts the votes with the
// meetings' rules (attendance.rules.ts): those who voted are the ones "present" for the quorum, the
// members who got a ballot its base. The result then stands in the body's register of resolutions.
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { toWarsawLocal, warsawLocalToUtc, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { newId } from '../../../core/db/ids.js';
import { enqueueMail } from '../../mail/index.js';
import { voteOutcome, type VoteCounts } from '../attendance.rules.js';
import * as repo from '../bodies.repo.js';
import { currentTerm, isCurrentMembership, type Actor } from '../bodies.service.js';
import { auditBody, NO_ACTOR } from '../shared/audit.js';
import { hashToken, memberLanguages, newLinkToken, publicBase } from '../shared/member-mail.js';
import * as prepo from './procedures.repo.js';
import { BALLOT_VOTES, type BallotVote } from './procedures.tables.js';
import { operatorText } from '../../../i18n/index.js';

const isVote = (x: string): x is BallotVote => (BALLOT_VOTES as readonly string[]).includes(x);

/** The members who vote in a procedure opened today: sitting today, not substitutes, not demo placeholders. */
export function electorate(memberships: readonly repo.MembershipRow[], today: string): repo.MembershipRow[] {
  return memberships.filter((m) => isCurrentMembership(m, today) && m.role !== 'substitute' && !m.is_example);
}

interface ProcedureValues {
  title: string;
  text: string;
  deadline: string;
}

function checkProcedure(ctx: ModuleContext, form: Record<string, string>): ProcedureValues {
  const c = new FormChecker(form);
  const title = c.required('title', 'bodies.procedure.titleField', { max: 300 });
  const text = c.required('text', 'bodies.procedure.text', { max: 20000 });
  const local = c.required('deadline', 'bodies.procedure.deadline');
  const deadline = local === '' ? null : warsawLocalToUtc(local);
  if (local !== '' && (!deadline || deadline <= nowIso(ctx.clock)))
    c.add('deadline', 'bodies.procedure.deadline', 'bodies.errors.futureTime');
  c.assertValid();
  return { title, text, deadline: deadline! };
}

export function procedureFormValues(p: prepo.ProcedureRow): Record<string, string> {
  return { title: p.title, text: p.text, deadline: toWarsawLocal(p.deadline) };
}

export async function getProcedure(ctx: ModuleContext, body: repo.BodyRow, id: string): Promise<prepo.ProcedureRow> {
  const p = await prepo.findProcedure(ctx.db, id);
  if (!p || p.body_id !== body.id) throw new AppError('http.not_found');
  return p;
}

/** A draft procedure of the body's current term. */
export async function createProcedure(ctx: ModuleContext, body: repo.BodyRow, form: Record<string, string>, actor: Actor): Promise<string> {
  const v = checkProcedure(ctx, form);
  const term = currentTerm(await repo.listTerms(ctx.db, body.id), warsawToday(ctx.clock));
  if (!term) throw new AppError('bodies.no_term');
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await prepo.insertProcedure(trx, {
      id,
      body_id: body.id,
      term_id: term.id,
      ...v,
      status: 'draft',
      opened_at: null,
      closed_at: null,
      members: null,
      votes_for: null,
      votes_against: null,
      votes_abstained: null,
      result: null,
      rule: null,
      needed: null,
      created_at: now,
      updated_at: now,
    });
    await auditBody(trx, ctx, actor, body, 'body.procedure_create', {
      changes: { procedure: { before: null, after: { id, title: v.title, deadline: v.deadline } } },
    });
  });
  return id;
}

/** Changes a draft (an open procedure no longer changes: members vote on what they were sent). */
export async function changeProcedure(
  ctx: ModuleContext,
  body: repo.BodyRow,
  id: string,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  const p = await getProcedure(ctx, body, id);
  if (p.status !== 'draft') throw new AppError('bodies.procedure_not_draft');
  const v = checkProcedure(ctx, form);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await prepo.moveProcedure(trx, p.id, 'draft', { ...v, updated_at: nowIso(ctx.clock) })))
      throw new AppError('bodies.procedure_not_draft');
    await auditBody(trx, ctx, actor, body, 'body.procedure_change', {
      changes: { title: { before: p.title, after: v.title }, deadline: { before: p.deadline, after: v.deadline } },
      meta: { procedure: p.id },
    });
  });
}

/**
 * Opens a draft to the members sitting today: a ballot each, and an e-mail with the one-click link in
 * the member's language (Polish without an account) to those with an address. Returns the ballots.
 */
export async function openProcedure(ctx: ModuleContext, body: repo.BodyRow, id: string, actor: Actor): Promise<number> {
  const p = await getProcedure(ctx, body, id);
  if (p.status !== 'draft') throw new AppError('bodies.procedure_not_draft');
  const now = nowIso(ctx.clock);
  if (p.deadline <= now) throw new AppError('bodies.procedure_deadline_passed');
  const members = electorate(await repo.listMemberships(ctx.db, p.term_id), warsawToday(ctx.clock));
  const langOf = await memberLanguages(ctx.db, members);
  const base = publicBase(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await prepo.moveProcedure(trx, p.id, 'draft', { status: 'open', opened_at: now, members: members.length, updated_at: now })))
      throw new AppError('bodies.procedure_not_draft');
    for (const m of members) {
      const { token, hash } = newLinkToken();
      await prepo.insertBallot(trx, { procedure_id: p.id, membership_id: m.id, token_hash: hash });
      if (!m.email) continue;
      await enqueueMail(
        trx,
        {
          to: m.email,
          lang: langOf(m),
          template: 'body_procedure_opened',
          params: {
            body: body.name,
            title: p.title,
            deadline: toWarsawLocal(p.deadline, ' '),
            link: `${base}/zespoly/glosowanie/${token}`,
          },
          about: `body:${body.id}`,
        },
        ctx.clock,
      );
    }
    await auditBody(trx, ctx, actor, body, 'body.procedure_open', {
      changes: { status: { before: 'draft', after: 'open' } },
      meta: { procedure: p.id, ballots: members.length },
    });
  });
  return members.length;
}

export interface BallotView {
  procedure: prepo.ProcedureRow;
  body: repo.BodyRow;
  membership: repo.MembershipRow;
  vote: BallotVote | null;
}

async function ballotView(ctx: ModuleContext, ballot: prepo.BallotRow | undefined): Promise<BallotView> {
  if (!ballot) throw new AppError('bodies.ballot_invalid');
  const procedure = (await prepo.findProcedure(ctx.db, ballot.procedure_id))!;
  const body = (await repo.findBody(ctx.db, procedure.body_id))!;
  const membership = (await repo.findMembership(ctx.db, ballot.membership_id))!;
  const vote = (await prepo.listVotes(ctx.db, procedure.id)).find((v) => v.membership_id === membership.id)?.vote ?? null;
  return { procedure, body, membership, vote };
}

/** The ballot a one-click link stands for; a made-up or foreign token is refused. */
export async function ballotByToken(ctx: ModuleContext, token: string): Promise<BallotView> {
  return ballotView(ctx, await prepo.findBallotByHash(ctx.db, hashToken(token)));
}

/** The ballot of a signed-in member in a procedure of their body; none for anybody else. */
export async function ballotOfUser(ctx: ModuleContext, userId: string, body: repo.BodyRow, procedureId: string): Promise<BallotView> {
  const p = await prepo.findProcedure(ctx.db, procedureId);
  if (!p || p.body_id !== body.id || p.status === 'draft') throw new AppError('http.not_found');
  for (const b of await prepo.listBallots(ctx.db, p.id)) {
    const m = await repo.findMembership(ctx.db, b.membership_id);
    if (m?.user_id === userId) return ballotView(ctx, b);
  }
  throw new AppError('bodies.ballot_invalid');
}

/** True while the ballot may be used: the procedure is open, its deadline ahead. */
export function votingOpen(ctx: ModuleContext, p: prepo.ProcedureRow): boolean {
  return p.status === 'open' && nowIso(ctx.clock) < p.deadline;
}

/** Records the member's one vote; a second one is refused with `bodies.already_voted` and changes nothing. */
export async function castVote(ctx: ModuleContext, view: BallotView, form: Record<string, string>): Promise<BallotVote> {
  if (!votingOpen(ctx, view.procedure)) throw new AppError('bodies.procedure_closed');
  // a member whose membership has ended since the procedure opened no longer votes
  if (!isCurrentMembership(view.membership, warsawToday(ctx.clock))) throw new AppError('bodies.ballot_invalid');
  if (view.vote) throw new AppError('bodies.already_voted');
  const c = new FormChecker(form);
  const vote = c.text('vote');
  if (!isVote(vote)) c.add('vote', 'bodies.procedure.vote', 'validation.required');
  c.assertValid();
  if (!isVote(vote)) throw new AppError('http.validation');
  if (!(await prepo.insertVote(ctx.db, view.procedure.id, view.membership.id, vote, nowIso(ctx.clock))))
    throw new AppError('bodies.already_voted');
  return vote;
}

/**
 * The scheduled job: every open procedure whose deadline has passed is counted and closed. The close
 * is a conditional update inside the transaction that reads the votes, so a second run (or a second
 * process) finds nothing left to close and changes nothing.
 */
export async function closeDueProcedures(ctx: ModuleContext): Promise<string> {
  const now = nowIso(ctx.clock);
  let closed = 0;
  for (const p of await prepo.listDue(ctx.db, now)) {
    const body = (await repo.findBody(ctx.db, p.body_id))!;
    await ctx.db.transaction().execute(async (trx) => {
      const votes = await prepo.listVotes(trx, p.id);
      const counts: VoteCounts = {
        for: votes.filter((v) => v.vote === 'for').length,
        against: votes.filter((v) => v.vote === 'against').length,
        abstained: votes.filter((v) => v.vote === 'abstained').length,
      };
      const outcome = body.has_rules ? voteOutcome(counts, votes.length, p.members ?? 0, body) : null;
      const moved = await prepo.moveProcedure(trx, p.id, 'open', {
        status: 'closed',
        closed_at: now,
        votes_for: counts.for,
        votes_against: counts.against,
        votes_abstained: counts.abstained,
        result: outcome?.result ?? null,
        rule: outcome?.rule ?? null,
        needed: outcome?.needed ?? null,
        updated_at: now,
      });
      if (!moved) return;
      await auditBody(trx, ctx, NO_ACTOR, body, 'body.procedure_close', {
        changes: { status: { before: 'open', after: 'closed' } },
        meta: { procedure: p.id, ...counts, result: outcome?.result ?? null },
      });
      closed++;
    });
  }
  return operatorText('bodies.cli.proceduresClosed', { count: closed });
}
