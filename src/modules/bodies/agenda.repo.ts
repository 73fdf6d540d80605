// Queries of agenda items' links: the library documents attached to an item, the linked object
// (kind + id on the item), keeping items (and so their links) when a planned meeting's agenda is
// retyped, and the public items that concern one object, with their meeting and body.
import type { Insertable } from 'kysely';
import type { Executor } from './bodies.repo.js';
import type { BodyAgendaItemsTable } from './bodies.tables.js';
import type { AgendaRow, MeetingRow } from './meetings.repo.js';

export async function findAgendaItem(db: Executor, id: string): Promise<AgendaRow | undefined> {
  return db.selectFrom('body_agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The documents attached to the items of a meeting, in order, by item. */
export async function listAgendaDocuments(db: Executor, itemIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('body_agenda_documents')
    .select(['agenda_item_id', 'document_id'])
    .where('agenda_item_id', 'in', [...itemIds])
    .orderBy('agenda_item_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.agenda_item_id, [...(out.get(r.agenda_item_id) ?? []), r.document_id]);
  return out;
}

/** Sets an item's public switch, linked object and documents (replacing those it had). */
export async function saveItemLinks(
  db: Executor,
  itemId: string,
  set: { is_public: boolean; object_kind: string | null; object_id: string | null },
  documentIds: readonly string[],
): Promise<void> {
  await db.updateTable('body_agenda_items').set(set).where('id', '=', itemId).execute();
  await db.deleteFrom('body_agenda_documents').where('agenda_item_id', '=', itemId).execute();
  if (documentIds.length)
    await db
      .insertInto('body_agenda_documents')
      .values(documentIds.map((document_id, position) => ({ agenda_item_id: itemId, document_id, position })))
      .execute();
}

/** Rewrites a planned meeting's agenda keeping the rows listed in `keep` (their links stay), adding `add`, deleting the rest. */
export async function syncAgenda(
  db: Executor,
  meetingId: string,
  keep: { id: string; position: number; title: string; presenter: string | null }[],
  add: Insertable<BodyAgendaItemsTable>[],
): Promise<void> {
  const kept = keep.map((k) => k.id);
  let gone = db.deleteFrom('body_agenda_items').where('meeting_id', '=', meetingId);
  if (kept.length) gone = gone.where('id', 'not in', kept);
  await gone.execute();
  for (const k of keep)
    await db
      .updateTable('body_agenda_items')
      .set({ position: k.position, title: k.title, presenter: k.presenter })
      .where('id', '=', k.id)
      .execute();
  if (add.length) await db.insertInto('body_agenda_items').values(add).execute();
}

export interface ObjectItemRow {
  item: AgendaRow;
  meeting: MeetingRow;
}

/** The public items of public, not cancelled meetings that concern one object, oldest meeting first. */
export async function listPublicItemsOn(db: Executor, kind: string, objectId: string): Promise<ObjectItemRow[]> {
  const items = await db
    .selectFrom('body_agenda_items as a')
    .innerJoin('body_meetings as g', 'g.id', 'a.meeting_id')
    .selectAll('a')
    .where('a.object_kind', '=', kind)
    .where('a.object_id', '=', objectId)
    .where('a.is_public', '=', true)
    .where('g.is_public', '=', true)
    .where('g.status', '!=', 'cancelled')
    .orderBy('g.starts_at')
    .orderBy('a.position')
    .execute();
  if (items.length === 0) return [];
  const meetings = await db
    .selectFrom('body_meetings')
    .selectAll()
    .where('id', 'in', [...new Set(items.map((i) => i.meeting_id))])
    .execute();
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return items.map((item) => ({ item, meeting: byId.get(item.meeting_id)! }));
}
