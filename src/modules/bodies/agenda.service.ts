// Rules of agenda items' links: an item is public or internal (internal items are never shown to the
// public: pages, the calendar feed, the API, the minutes HTML and PDF), has library documents
// attached by name and at most one linked object of a contributed kind (agenda.extensions.ts). A
// planned meeting's retyped agenda keeps its items (and their links) by title. The public items that
// concern an object, with the body's decision on them, are what other modules' pages show
// ("RKRES opinion on the 2025 annual report").
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { newId } from '../../core/db/ids.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang, TKey } from '../../i18n/index.js';
import { attachedDocuments, documentChoices, findDocumentChoices, type AttachedDocument } from '../portal/index.js';
import { agendaObjectKind, agendaObjectKinds, pickByName, type AgendaObject } from './agenda.extensions.js';
import * as arepo from './agenda.repo.js';
import { decisions, type ItemDecision } from './attendance.service.js';
import * as repo from './bodies.repo.js';
import type { Actor } from './bodies.service.js';
import * as mrepo from './meetings.repo.js';
import { auditBody } from './shared/audit.js';

/** How many candidates a search lists. */
export const PICK_LIMIT = 20;
const MAX_DOCUMENTS = 20;

export interface LinkedObject extends AgendaObject {
  kind: string;
  /** The kind's name (i18n key); null when no module of this app contributes the kind any more. */
  labelKey: TKey | null;
}

export interface ItemLinks {
  documents: AttachedDocument[];
  object: LinkedObject | null;
}

/** What a retyped agenda becomes: items with the same title keep their row (and links), in the new order. */
export function matchAgenda(
  existing: readonly Pick<mrepo.AgendaRow, 'id' | 'title'>[],
  lines: readonly { title: string; presenter: string | null }[],
): {
  keep: { id: string; position: number; title: string; presenter: string | null }[];
  add: { position: number; title: string; presenter: string | null }[];
} {
  const free = [...existing];
  const keep: { id: string; position: number; title: string; presenter: string | null }[] = [];
  const add: { position: number; title: string; presenter: string | null }[] = [];
  lines.forEach((line, position) => {
    const i = free.findIndex((e) => e.title === line.title);
    if (i >= 0) keep.push({ id: free.splice(i, 1)[0]!.id, position, ...line });
    else add.push({ position, ...line });
  });
  return { keep, add };
}

/** Rewrites the agenda of a planned meeting from its typed lines, keeping the items whose title stays. */
export async function syncAgendaLines(
  trx: repo.Executor,
  meetingId: string,
  lines: readonly { title: string; presenter: string | null }[],
): Promise<void> {
  const { keep, add } = matchAgenda(await mrepo.listAgenda(trx, meetingId), lines);
  await arepo.syncAgenda(
    trx,
    meetingId,
    keep,
    add.map((a) => ({ id: newId(), meeting_id: meetingId, is_public: true, object_kind: null, object_id: null, ...a })),
  );
}

async function linkedObject(ctx: ModuleContext, kind: string, id: string, lang: Lang): Promise<LinkedObject | null> {
  const k = agendaObjectKind(ctx, kind);
  if (!k) return null;
  const o = await k.resolve(ctx, id, lang);
  return o ? { ...o, kind, labelKey: k.labelKey } : null;
}

/** The documents (published ones) and the linked object of each item. */
export async function itemLinks(ctx: ModuleContext, items: readonly mrepo.AgendaRow[], lang: Lang): Promise<Map<string, ItemLinks>> {
  const docs = await arepo.listAgendaDocuments(
    ctx.db,
    items.map((i) => i.id),
  );
  const out = new Map<string, ItemLinks>();
  for (const item of items) {
    out.set(item.id, {
      documents: await attachedDocuments(ctx, docs.get(item.id) ?? [], lang),
      object: item.object_kind && item.object_id ? await linkedObject(ctx, item.object_kind, item.object_id, lang) : null,
    });
  }
  return out;
}

export async function getAgendaItem(ctx: ModuleContext, meeting: mrepo.MeetingRow, itemId: string): Promise<mrepo.AgendaRow> {
  const item = await arepo.findAgendaItem(ctx.db, itemId);
  if (!item || item.meeting_id !== meeting.id) throw new AppError('http.not_found');
  return item;
}

export interface ItemEditor {
  item: mrepo.AgendaRow;
  links: ItemLinks;
  /** The kinds of objects this app offers. */
  kinds: { kind: string; labelKey: TKey }[];
  /** Published library documents matching the document search, not yet attached. */
  documentHits: { id: string; title: string }[] | null;
  /** Objects of the chosen kind matching the object search. */
  objectHits: (AgendaObject & { kind: string })[] | null;
}

/** What the item's page shows: its links and, when searched, the documents and objects to choose from by name. */
export async function itemEditor(
  ctx: ModuleContext,
  item: mrepo.AgendaRow,
  search: { documents?: string; kind?: string; objects?: string },
  lang: Lang,
): Promise<ItemEditor> {
  const links = (await itemLinks(ctx, [item], lang)).get(item.id)!;
  const attached = new Set(links.documents.map((d) => d.id));
  const documentHits =
    search.documents === undefined ? null : (await findDocumentChoices(ctx, search.documents, attached, PICK_LIMIT)).choices;
  const kind = search.kind ? agendaObjectKind(ctx, search.kind) : undefined;
  const objectHits = kind
    ? pickByName(await kind.candidates(ctx, search.objects ?? '', lang), search.objects ?? '', PICK_LIMIT).map((o) => ({
        ...o,
        kind: kind.kind,
      }))
    : null;
  return {
    item,
    links,
    kinds: agendaObjectKinds(ctx).map((k) => ({ kind: k.kind, labelKey: k.labelKey })),
    documentHits,
    objectHits,
  };
}

/**
 * Saves an item's public switch, its documents (`doc_<id>` checked: those kept and those picked from a
 * search) and its linked object (`object` = `<kind>:<id>`, or empty for none). Only published library
 * documents and objects a contributed kind resolves are accepted; until the minutes are approved.
 */
export async function saveAgendaItem(
  ctx: ModuleContext,
  body: repo.BodyRow,
  meeting: mrepo.MeetingRow,
  item: mrepo.AgendaRow,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (meeting.status !== 'planned' && meeting.status !== 'held') throw new AppError('bodies.agenda_locked');
  const c = new FormChecker(form);
  const picked = Object.keys(form)
    .filter((k) => k.startsWith('doc_') && form[k] === '1')
    .map((k) => k.slice(4));
  const published = new Set((await documentChoices(ctx)).map((d) => d.id));
  if (picked.some((id) => !published.has(id))) c.add('documents', 'bodies.agenda.documents', 'bodies.agenda.errors.documentUnknown');
  if (picked.length > MAX_DOCUMENTS)
    c.add('documents', 'bodies.agenda.documents', 'bodies.agenda.errors.tooManyDocuments', { max: MAX_DOCUMENTS });
  const ref = c.text('object');
  let object: { kind: string; id: string } | null = null;
  if (ref !== '') {
    const at = ref.indexOf(':');
    const kind = at > 0 ? ref.slice(0, at) : '';
    const id = at > 0 ? ref.slice(at + 1) : '';
    if (id === '' || !(await linkedObject(ctx, kind, id, 'pl')))
      c.add('object', 'bodies.agenda.object', 'bodies.agenda.errors.objectUnknown');
    else object = { kind, id };
  }
  c.assertValid();
  const isPublic = c.text('is_public') === '1';
  const before = await arepo.listAgendaDocuments(ctx.db, [item.id]);
  await ctx.db.transaction().execute(async (trx) => {
    await arepo.saveItemLinks(
      trx,
      item.id,
      { is_public: isPublic, object_kind: object?.kind ?? null, object_id: object?.id ?? null },
      picked,
    );
    await auditBody(trx, ctx, actor, body, 'body.agenda_item_links', {
      changes: {
        is_public: { before: item.is_public, after: isPublic },
        object: {
          before: item.object_kind ? `${item.object_kind}:${item.object_id}` : null,
          after: object ? `${object.kind}:${object.id}` : null,
        },
        documents: { before: before.get(item.id) ?? [], after: picked },
      },
      meta: { meeting: meeting.id, item: item.id },
    });
  });
}

export interface OpinionOnObject {
  body: { name: string; slug: string };
  meeting: { id: string; starts_at: string; status: mrepo.MeetingRow['status'] };
  decision: ItemDecision;
  /** The public approved minutes of the meeting, when there are. */
  minutesPath: string | null;
}

/**
 * The public agenda items of public meetings that concern the object (kind + id): the body's opinions
 * and resolutions on it, with the vote's result once recorded, and items still to be discussed.
 */
export function opinionsOn(ctx: ModuleContext, kind: string, objectId: string): Promise<OpinionOnObject[]> {
  // shown on other modules' public pages (a report, a consultation): read once until the bodies' tables change
  return cachedUntilWrite(ctx, OPINION_TABLES, `opinions:${kind}:${objectId}`, () => readOpinionsOn(ctx, kind, objectId));
}

/** The tables an opinion on an object is made of (its item, meeting, body, votes, attendance, minutes). */
export const OPINION_TABLES: readonly string[] = [
  'bodies',
  'body_meetings',
  'body_agenda_items',
  'body_votes',
  'body_attendance',
  'body_guests',
  'body_memberships',
  'body_seats',
  'body_terms',
  'body_minutes_items',
];

async function readOpinionsOn(ctx: ModuleContext, kind: string, objectId: string): Promise<OpinionOnObject[]> {
  const rows = await arepo.listPublicItemsOn(ctx.db, kind, objectId);
  const out: OpinionOnObject[] = [];
  for (const { item, meeting } of rows) {
    const body = await repo.findBody(ctx.db, meeting.body_id);
    if (!body) continue;
    const decision = (await decisions(ctx, body, meeting)).items.find((d) => d.item.id === item.id);
    if (!decision) continue;
    out.push({
      body: { name: body.name, slug: body.slug },
      meeting: { id: meeting.id, starts_at: meeting.starts_at, status: meeting.status },
      decision,
      minutesPath:
        meeting.status === 'minutes_approved' && body.is_minutes_public ? `/zespoly/${body.slug}/posiedzenia/${meeting.id}/protokol` : null,
    });
  }
  return out;
}

/** The public items of a meeting with their links (what the public may see of its agenda). */
export async function publicAgenda(
  ctx: ModuleContext,
  meetingId: string,
  lang: Lang,
): Promise<{ items: mrepo.AgendaRow[]; links: Map<string, ItemLinks> }> {
  const items = (await mrepo.listAgenda(ctx.db, meetingId)).filter((a) => a.is_public);
  return { items, links: await itemLinks(ctx, items, lang) };
}
