// Kysely queries over the objective tree (programme elements) and their budget frames. The tree is
// small (tens of nodes), so a programme's whole tree is read at once and assembled in the service.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { ProgrammeBudgetLinesTable, ProgrammeElementsTable } from './programme.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type ElementRow = Selectable<ProgrammeElementsTable>;
export type BudgetLineRow = Selectable<ProgrammeBudgetLinesTable>;

export async function listElements(db: Executor, programmeIds: readonly string[]): Promise<ElementRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_elements')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function findElement(db: Executor, id: string): Promise<ElementRow | undefined> {
  return db.selectFrom('programme_elements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findElementByCode(db: Executor, programmeId: string, code: string): Promise<ElementRow | undefined> {
  return db
    .selectFrom('programme_elements')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertElement(db: Executor, row: Insertable<ProgrammeElementsTable>): Promise<void> {
  await db.insertInto('programme_elements').values(row).execute();
}

export async function updateElement(db: Executor, id: string, patch: Updateable<ProgrammeElementsTable>): Promise<void> {
  await db.updateTable('programme_elements').set(patch).where('id', '=', id).execute();
}

export async function deleteElement(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('programme_elements').where('id', '=', id).execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('programme_elements').select(countAll().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return row.n;
}

/** Indicators that measure the element (the indicators part owns them; deleting would cut the link). */
export async function countIndicatorLinks(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('indicator_elements').select(countAll().as('n')).where('element_id', '=', id).executeTakeFirstOrThrow();
  return row.n;
}

/** Siblings under the same parent (null: the roots), in their order. */
export async function listSiblings(db: Executor, programmeId: string, parentId: string | null): Promise<ElementRow[]> {
  let q = db.selectFrom('programme_elements').selectAll().where('programme_id', '=', programmeId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.orderBy('position').orderBy('code').execute();
}

export async function setPosition(db: Executor, id: string, position: number): Promise<void> {
  await db.updateTable('programme_elements').set({ position }).where('id', '=', id).execute();
}

export async function listBudgetLines(db: Executor, elementIds: readonly string[]): Promise<BudgetLineRow[]> {
  if (elementIds.length === 0) return [];
  return db
    .selectFrom('programme_budget_lines')
    .selectAll()
    .where('element_id', 'in', [...elementIds])
    .orderBy('year')
    .orderBy('source')
    .execute();
}

export async function replaceBudgetLines(db: Executor, elementId: string, lines: Insertable<ProgrammeBudgetLinesTable>[]): Promise<void> {
  await db.deleteFrom('programme_budget_lines').where('element_id', '=', elementId).execute();
  if (lines.length) await db.insertInto('programme_budget_lines').values(lines).execute();
}
