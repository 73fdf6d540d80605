// Library documents attached to an event (programme, presentations, a report): published documents
// of the portal's library, found by their title (never by an id typed or pasted) and attached or
// detached by the organisers with an audit entry; the event page lists the published ones.
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import {
  attachedDocuments,
  findDocumentChoices,
  publishedDocumentChoice,
  type AttachedDocument,
  type DocumentPick,
} from '../portal/index.js';
import * as repo from './events.repo.js';
import { getEvent, type Actor, type FormValues } from './events.service.js';

/** The published documents attached to an event, in the order they were attached. */
export async function eventDocuments(ctx: ModuleContext, eventId: string, lang: Lang): Promise<AttachedDocument[]> {
  return attachedDocuments(ctx, await repo.documentIdsOf(ctx.db, eventId), lang);
}

/** The published library documents not yet attached, narrowed by words of their title (the portal's picker search). */
export async function findDocuments(ctx: ModuleContext, eventId: string, query: string): Promise<DocumentPick> {
  return findDocumentChoices(ctx, query, await repo.documentIdsOf(ctx.db, eventId));
}

export async function attachDocument(ctx: ModuleContext, eventId: string, body: FormValues, actor: Actor): Promise<void> {
  const e = await getEvent(ctx, eventId);
  const f = new FormChecker(body);
  const id = f.text('document_id');
  const doc = await publishedDocumentChoice(ctx, id);
  if (!doc) f.add('q', 'documents.picker.search', 'validation.invalid');
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.attachDocument(trx, e.id, doc!.id, nowIso(ctx.clock)))) return;
    await repo.updateEvent(trx, e.id, { updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'event.document.attach', subjectType: 'event', subjectId: e.id, meta: { document: doc!.id, title: doc!.title } },
      ctx.clock,
    );
  });
}

export async function detachDocument(ctx: ModuleContext, eventId: string, documentId: string, actor: Actor): Promise<void> {
  const e = await getEvent(ctx, eventId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.detachDocument(trx, e.id, documentId))) throw new AppError('http.not_found');
    await repo.updateEvent(trx, e.id, { updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'event.document.detach', subjectType: 'event', subjectId: e.id, meta: { document: documentId } },
      ctx.clock,
    );
  });
}
