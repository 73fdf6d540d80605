// Kysely queries of written procedures: the procedures of a body, the ballots handed out when one
// opens, the votes (a second vote of the same member is not inserted: the caller learns it from the
// count), and the closing that only one run of the job can win.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../bodies.repo.js';
import type { BallotVote, BodyProcedureBallotsTable, BodyProceduresTable, BodyProcedureVotesTable } from './procedures.tables.js';
import './procedures.tables.js';

export type ProcedureRow = Selectable<BodyProceduresTable>;
export type BallotRow = Selectable<BodyProcedureBallotsTable>;
export type ProcedureVoteRow = Selectable<BodyProcedureVotesTable>;

export async function insertProcedure(db: Executor, row: Insertable<BodyProceduresTable>): Promise<void> {
  await db.insertInto('body_procedures').values(row).execute();
}

export async function findProcedure(db: Executor, id: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('body_procedures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listProcedures(db: Executor, bodyId: string): Promise<ProcedureRow[]> {
  return db.selectFrom('body_procedures').selectAll().where('body_id', '=', bodyId).orderBy('deadline', 'desc').orderBy('id').execute();
}

/** Moves a procedure from one status to the next; false when another request or run got there first. */
export async function moveProcedure(
  db: Executor,
  id: string,
  from: BodyProceduresTable['status'],
  set: Updateable<BodyProceduresTable>,
): Promise<boolean> {
  const res = await db.updateTable('body_procedures').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Open procedures whose deadline has passed. */
export async function listDue(db: Executor, now: string): Promise<ProcedureRow[]> {
  return db
    .selectFrom('body_procedures')
    .selectAll()
    .where('status', '=', 'open')
    .where('deadline', '<=', now)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export async function insertBallot(db: Executor, row: Insertable<BodyProcedureBallotsTable>): Promise<void> {
  await db.insertInto('body_procedure_ballots').values(row).execute();
}

export async function findBallotByHash(db: Executor, hash: string): Promise<BallotRow | undefined> {
  return db.selectFrom('body_procedure_ballots').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function listBallots(db: Executor, procedureId: string): Promise<BallotRow[]> {
  return db.selectFrom('body_procedure_ballots').selectAll().where('procedure_id', '=', procedureId).execute();
}

/** Records a vote; false when the member had already voted (the primary key keeps the first). */
export async function insertVote(db: Executor, procedureId: string, membershipId: string, vote: BallotVote, at: string): Promise<boolean> {
  const res = await db
    .insertInto('body_procedure_votes')
    .values({ procedure_id: procedureId, membership_id: membershipId, vote, voted_at: at })
    .onConflict((oc) => oc.columns(['procedure_id', 'membership_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listVotes(db: Executor, procedureId: string): Promise<ProcedureVoteRow[]> {
  return db.selectFrom('body_procedure_votes').selectAll().where('procedure_id', '=', procedureId).orderBy('voted_at').execute();
}

/** The open procedures of a body with the ballot of a user's membership and their vote, if any. */
export async function listOpenOfUser(db: Executor, bodyId: string, userId: string) {
  return db
    .selectFrom('body_procedures as p')
    .innerJoin('body_procedure_ballots as b', 'b.procedure_id', 'p.id')
    .innerJoin('body_memberships as m', 'm.id', 'b.membership_id')
    .leftJoin('body_procedure_votes as v', (j) => j.onRef('v.procedure_id', '=', 'p.id').onRef('v.membership_id', '=', 'm.id'))
    .select(['p.id', 'p.title', 'p.deadline', 'v.vote'])
    .where('p.body_id', '=', bodyId)
    .where('p.status', '=', 'open')
    .where('m.user_id', '=', userId)
    .orderBy('p.deadline')
    .orderBy('p.id')
    .execute();
}
