// Rules of running a consultation (staff side): creating it from a programme version or from an
// entered or imported text, editing its details and the versioned information clause, answering
// comments (alone or as a group), hiding abusive ones, publishing the report, the next version of
// the text, erasure on request and the retention setting. No HTTP and no SQL strings here.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { Upload } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { sectionsFromDocx, sectionsFromMarkdown, type TextSection } from '../../core/text/sections.js';
import { DocxRefused, docxProblem } from '../../core/text/docx.js';
import { toWarsawLocal, warsawLocalToUtc } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit, setSettingAudited, type AuditEntry } from '../audit/index.js';
import { enqueueMail, eraseMailAbout } from '../mail/index.js';
import { attachedDocuments, findDocumentChoices, publishedDocumentChoice, type DocumentPick } from '../portal/index.js';
import { findProgrammeVersion, listAllVersions, listVersionSections } from '../programme/index.js';
import * as repo from './consultations.repo.js';
import type { ResponseKind, TextKind, WhoMayComment } from './consultations.tables.js';
import { phaseOf, type Phase } from './consultations.phase.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type FormValues = Record<string, string | undefined>;

export const RETENTION_SETTING = 'consultations.retention_months';
export const DEFAULT_RETENTION_MONTHS = 12;
export const CLAUSE_SETTING = 'consultations.default_clause';
/**
 * The information clause a new consultation starts from until an administrator sets the institution's
 * own: the items art. 13 of the GDPR (Regulation (EU) 2016/679) requires when data are collected from
 * the person, with the details only the institution knows left in brackets to fill in.
 */
export const DEFAULT_CLAUSE = [
  'Na podstawie art. 13 ust. 1 i 2 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 (RODO) informujemy, że:',
  '1. Administratorem Pani/Pana danych osobowych jest [nazwa i adres administratora].',
  '2. Z inspektorem ochrony danych można się skontaktować: [adres e-mail inspektora].',
  '3. Dane (imię i nazwisko albo nazwa organizacji i osoba ją reprezentująca oraz adres e-mail) przetwarzamy w celu przeprowadzenia konsultacji i przygotowania raportu z konsultacji, na podstawie art. 6 ust. 1 lit. e RODO (zadanie realizowane w interesie publicznym).',
  '4. Adres e-mail służy wyłącznie do potwierdzenia uwagi; nie jest publikowany. W raporcie nie publikujemy imion i nazwisk osób prywatnych.',
  '5. Dane przechowujemy przez okres wskazany w ustawieniach serwisu po publikacji raportu, a następnie je usuwamy.',
  '6. Ma Pani/Pan prawo dostępu do swoich danych, ich sprostowania, ograniczenia przetwarzania, wniesienia sprzeciwu oraz skargi do Prezesa Urzędu Ochrony Danych Osobowych.',
  '7. Podanie danych jest dobrowolne, ale bez nich nie można zgłosić uwagi. Dane nie są przekazywane do państw trzecich ani wykorzystywane do zautomatyzowanego podejmowania decyzji.',
].join('\n\n');
export const RESPONSE_KINDS: readonly ResponseKind[] = ['accepted', 'partly_accepted', 'not_accepted', 'explanation'];
const MAX_DOCX_BYTES = 10 * 1024 * 1024;

export function isResponseKind(v: unknown): v is ResponseKind {
  return typeof v === 'string' && (RESPONSE_KINDS as readonly string[]).includes(v);
}

export async function getConsultation(ctx: ModuleContext, id: string): Promise<repo.ConsultationRow> {
  const c = await repo.findConsultation(ctx.db, id);
  if (!c) throw new AppError('http.not_found');
  return c;
}

/** A consultation as the public may see it (drafts do not exist for them). */
export async function publicConsultation(ctx: ModuleContext, id: string): Promise<repo.ConsultationRow> {
  const c = await repo.findConsultation(ctx.db, id);
  if (!c || !c.is_published) throw new AppError('http.not_found');
  return c;
}

export function phase(ctx: ModuleContext, c: repo.ConsultationRow): Phase {
  return phaseOf(c, ctx.clock.now());
}

export function documentIdsOf(c: repo.ConsultationRow): string[] {
  try {
    const v = JSON.parse(c.document_ids) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function documentsOf(ctx: ModuleContext, c: repo.ConsultationRow, lang: Lang) {
  return attachedDocuments(ctx, documentIdsOf(c), lang);
}

/** Confirmed comments per section id (general comments under ''), hidden ones included: a count names no one. */
export async function commentCounts(ctx: ModuleContext, consultationId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const x of await repo.listConfirmedComments(ctx.db, consultationId))
    out.set(x.section_id ?? '', (out.get(x.section_id ?? '') ?? 0) + 1);
  return out;
}

export async function listForPublic(ctx: ModuleContext) {
  const now = ctx.clock.now();
  return (await repo.listConsultations(ctx.db, true)).map((c) => ({ c, phase: phaseOf(c, now) }));
}

export async function listForStaff(ctx: ModuleContext) {
  const now = ctx.clock.now();
  const rows = await repo.listConsultations(ctx.db, false);
  const out = [];
  for (const c of rows) out.push({ c, phase: phaseOf(c, now), comments: await repo.countConfirmed(ctx.db, c.id) });
  return out;
}

export async function programmeVersionChoices(ctx: ModuleContext) {
  return (await listAllVersions(ctx.db)).map((v) => ({ id: v.id, label: `${v.programme_title} — ${v.label}` }));
}

// --- the text -------------------------------------------------------------------------------------

/** The text chosen on a form: a programme version, Markdown typed in, or a Word file. */
async function textFromForm(
  ctx: ModuleContext,
  f: FormChecker,
  body: FormValues,
  upload: Upload | null,
  label: 'consultations.form.source' | 'consultations.next.source',
): Promise<{ sections: TextSection[]; versionId: string | null }> {
  const source = f.text('source');
  if (source === 'programme') {
    const versionId = f.text('version_id');
    const version = versionId ? await findProgrammeVersion(ctx.db, versionId) : undefined;
    if (!version) {
      f.add('version_id', 'consultations.form.version', 'validation.required');
      return { sections: [], versionId: null };
    }
    const rows = await listVersionSections(ctx.db, version.id);
    if (!rows.length) f.add('version_id', 'consultations.form.version', 'consultations.errors.emptyVersion');
    return { sections: rows.map((r) => ({ number: r.number, heading: r.heading, body: r.body })), versionId: version.id };
  }
  if (source === 'docx') {
    if (!upload || upload.data.length === 0) {
      f.add('file', 'consultations.form.file', 'validation.required');
      return { sections: [], versionId: null };
    }
    if (upload.truncated || upload.data.length > MAX_DOCX_BYTES || upload.data.subarray(0, 2).toString('latin1') !== 'PK') {
      f.add('file', 'consultations.form.file', 'consultations.errors.docx');
      return { sections: [], versionId: null };
    }
    try {
      const sections = await sectionsFromDocx(upload.data);
      if (!sections.length) f.add('file', 'consultations.form.file', 'consultations.errors.noSections');
      return { sections, versionId: null };
    } catch (err) {
      // too large or too slow to read gets its own message; anything else is "not a valid Word file"
      const p = err instanceof DocxRefused ? docxProblem(err, 'file', 'consultations.form.file') : null;
      if (p) f.add(p.field, p.label, p.key, p.params);
      else f.add('file', 'consultations.form.file', 'consultations.errors.docx');
      return { sections: [], versionId: null };
    }
  }
  if (source === 'text') {
    const text = f.required('text', 'consultations.form.text', { max: 500_000 });
    const sections = text ? sectionsFromMarkdown(text) : [];
    if (text && !sections.length) f.add('text', 'consultations.form.text', 'consultations.errors.noSections');
    return { sections, versionId: null };
  }
  f.add('source', label, 'validation.required');
  void body;
  return { sections: [], versionId: null };
}

function sectionRows(consultationId: string, kind: TextKind, sections: readonly TextSection[]) {
  return sections.map((s, i) => ({
    id: newId(),
    consultation_id: consultationId,
    text_kind: kind,
    position: i + 1,
    number: s.number,
    heading: s.heading,
    body: s.body,
  }));
}

// --- details ----------------------------------------------------------------------------------------

interface Details {
  title: string;
  description: string;
  who: WhoMayComment;
  startsAt: string;
  endsAt: string;
  commentsPublic: boolean;
  published: boolean;
  clause: string;
}

function checkDetails(f: FormChecker): Details {
  const title = f.required('title', 'consultations.form.title', { max: 300 });
  const description = f.required('description', 'consultations.form.description', { max: 20_000 });
  const whoText = f.text('who_may_comment');
  const who: WhoMayComment = whoText === 'organisations' ? 'organisations' : 'everyone';
  if (whoText !== 'everyone' && whoText !== 'organisations') f.add('who_may_comment', 'consultations.form.who', 'validation.invalid');
  const startsAt = warsawLocalToUtc(f.text('starts_at'));
  const endsAt = warsawLocalToUtc(f.text('ends_at'));
  if (!f.text('starts_at')) f.add('starts_at', 'consultations.form.startsAt', 'validation.required');
  else if (!startsAt) f.add('starts_at', 'consultations.form.startsAt', 'consultations.errors.dateTime');
  if (!f.text('ends_at')) f.add('ends_at', 'consultations.form.endsAt', 'validation.required');
  else if (!endsAt) f.add('ends_at', 'consultations.form.endsAt', 'consultations.errors.dateTime');
  if (startsAt && endsAt && endsAt <= startsAt) f.add('ends_at', 'consultations.form.endsAt', 'consultations.errors.endBeforeStart');
  const clause = f.required('clause', 'consultations.form.clause', { max: 20_000 });
  return {
    title,
    description,
    who,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    commentsPublic: f.text('is_comments_public') === '1',
    published: f.text('is_published') === '1',
    clause,
  };
}

export async function createConsultation(ctx: ModuleContext, body: FormValues, upload: Upload | null, actor: Actor): Promise<string> {
  const f = new FormChecker(body);
  const d = checkDetails(f);
  const text = await textFromForm(ctx, f, body, upload, 'consultations.form.source');
  f.assertValid();
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertConsultation(trx, {
      id,
      title: d.title,
      description: d.description,
      who_may_comment: d.who,
      starts_at: d.startsAt,
      ends_at: d.endsAt,
      source_version_id: text.versionId,
      next_version_id: null,
      next_text_at: null,
      document_ids: '[]',
      is_published: d.published,
      is_comments_public: d.commentsPublic,
      is_report_published: false,
      report_published_at: null,
      personal_data_erased_at: null,
      title_sort: polishSortKey(d.title),
      created_at: now,
      updated_at: now,
      created_by: actor.actorId,
    });
    await repo.insertSections(trx, sectionRows(id, 'consulted', text.sections));
    await repo.insertClause(trx, {
      id: newId(),
      consultation_id: id,
      version: 1,
      body: d.clause,
      created_at: now,
      created_by: actor.actorId,
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'consultation.create',
        subjectType: 'consultation',
        subjectId: id,
        meta: { title: d.title, sections: text.sections.length, source_version_id: text.versionId },
      },
      ctx.clock,
    );
  });
  return id;
}

export async function detailsFormValues(ctx: ModuleContext, c: repo.ConsultationRow): Promise<Record<string, string>> {
  const clause = await repo.currentClause(ctx.db, c.id);
  return {
    title: c.title,
    description: c.description,
    who_may_comment: c.who_may_comment,
    starts_at: toWarsawLocal(c.starts_at),
    ends_at: toWarsawLocal(c.ends_at),
    is_comments_public: c.is_comments_public ? '1' : '',
    is_published: c.is_published ? '1' : '',
    clause: clause?.body ?? '',
  };
}

/** Saves the details; a changed clause becomes a new version (earlier comments keep theirs). */
export async function updateConsultation(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const c = await getConsultation(ctx, id);
  const f = new FormChecker(body);
  const d = checkDetails(f);
  f.assertValid();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateConsultation(trx, id, {
      title: d.title,
      description: d.description,
      who_may_comment: d.who,
      starts_at: d.startsAt,
      ends_at: d.endsAt,
      is_published: d.published || c.is_report_published,
      is_comments_public: d.commentsPublic,
      title_sort: polishSortKey(d.title),
      updated_at: now,
    });
    const clause = await repo.currentClause(trx, id);
    let clauseVersion = clause?.version ?? 0;
    if (!clause || clause.body !== d.clause) {
      clauseVersion += 1;
      await repo.insertClause(trx, {
        id: newId(),
        consultation_id: id,
        version: clauseVersion,
        body: d.clause,
        created_at: now,
        created_by: actor.actorId,
      });
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const pairs: [string, unknown, unknown][] = [
      ['title', c.title, d.title],
      ['who_may_comment', c.who_may_comment, d.who],
      ['starts_at', c.starts_at, d.startsAt],
      ['ends_at', c.ends_at, d.endsAt],
      ['is_published', c.is_published, d.published],
      ['is_comments_public', c.is_comments_public, d.commentsPublic],
      ['clause_version', clause?.version ?? 0, clauseVersion],
    ];
    for (const [k, before, after] of pairs) if (before !== after) changes[k] = { before, after };
    if (c.description !== d.description) changes.description = { before: '…', after: '…' };
    await recordAudit(trx, { ...actor, action: 'consultation.update', subjectType: 'consultation', subjectId: id, changes }, ctx.clock);
  });
}

// --- library documents ------------------------------------------------------------------------------

/** The published library documents not yet attached to the consultation, narrowed by words of their title. */
export async function findDocuments(ctx: ModuleContext, c: repo.ConsultationRow, query: string): Promise<DocumentPick> {
  return findDocumentChoices(ctx, query, documentIdsOf(c));
}

/** A few tries when other staff change the attached documents at the same moment. */
const DOCUMENT_TRIES = 3;

/**
 * Changes the consultation's attached documents with `change` (compare and set: a change that came
 * first is read again, never overwritten) and records the audit entry in the same transaction;
 * nothing happens when `change` leaves the list as it is.
 */
async function changeDocuments(
  ctx: ModuleContext,
  id: string,
  change: (ids: string[]) => string[],
  audit: Omit<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
  actor: Actor,
): Promise<boolean> {
  for (let i = 0; i < DOCUMENT_TRIES; i += 1) {
    const c = await getConsultation(ctx, id);
    const before = documentIdsOf(c);
    const after = change(before);
    if (after.length === before.length && after.every((x, j) => x === before[j])) return false;
    const done = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.replaceDocumentIds(trx, c.id, c.document_ids, JSON.stringify(after), nowIso(ctx.clock)))) return false;
      await recordAudit(trx, { ...actor, ...audit }, ctx.clock);
      return true;
    });
    if (done) return true;
  }
  throw new AppError('consultations.documents_changed');
}

/** Attaches the published library document chosen in the picker (its id comes back from the form). */
export async function attachDocument(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const c = await getConsultation(ctx, id);
  const f = new FormChecker(body);
  const doc = await publishedDocumentChoice(ctx, f.text('document_id'));
  if (!doc) f.add('q', 'documents.picker.search', 'validation.invalid');
  f.assertValid();
  await changeDocuments(
    ctx,
    c.id,
    (ids) => (ids.includes(doc!.id) ? ids : [...ids, doc!.id]),
    {
      action: 'consultation.document.attach',
      subjectType: 'consultation',
      subjectId: c.id,
      meta: { document: doc!.id, title: doc!.title },
    },
    actor,
  );
}

/** Detaches an attached document; one that is not attached is not found. */
export async function detachDocument(ctx: ModuleContext, id: string, documentId: string, actor: Actor): Promise<void> {
  const c = await getConsultation(ctx, id);
  if (!documentIdsOf(c).includes(documentId)) throw new AppError('http.not_found');
  await changeDocuments(
    ctx,
    c.id,
    (ids) => ids.filter((x) => x !== documentId),
    { action: 'consultation.document.detach', subjectType: 'consultation', subjectId: c.id, meta: { document: documentId } },
    actor,
  );
}

// --- the next version of the text ------------------------------------------------------------------

export async function setNextText(ctx: ModuleContext, id: string, body: FormValues, upload: Upload | null, actor: Actor): Promise<void> {
  const c = await getConsultation(ctx, id);
  const p = phase(ctx, c);
  if (p !== 'closed' && p !== 'report') throw new AppError('consultations.not_closed');
  const f = new FormChecker(body);
  const text = await textFromForm(ctx, f, body, upload, 'consultations.next.source');
  f.assertValid();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSections(trx, id, 'next');
    await repo.insertSections(trx, sectionRows(id, 'next', text.sections));
    await repo.updateConsultation(trx, id, { next_version_id: text.versionId, next_text_at: now, updated_at: now });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'consultation.next_text',
        subjectType: 'consultation',
        subjectId: id,
        meta: { sections: text.sections.length, source_version_id: text.versionId },
      },
      ctx.clock,
    );
  });
}

// --- responses, moderation --------------------------------------------------------------------------

export async function respond(
  ctx: ModuleContext,
  consultationId: string,
  commentId: string,
  body: FormValues,
  also: readonly string[],
  actor: Actor,
): Promise<void> {
  const c = await getConsultation(ctx, consultationId);
  const comment = await repo.findComment(ctx.db, consultationId, commentId);
  if (!comment || comment.status !== 'confirmed') throw new AppError('http.not_found');
  if (c.is_report_published) throw new AppError('consultations.report_published');
  const f = new FormChecker(body);
  const kind = f.text('kind');
  if (!isResponseKind(kind)) f.add('kind', 'consultations.respond.kind', 'validation.required');
  const justification = f.required('justification', 'consultations.respond.justification', { max: 10_000 });
  f.assertValid();
  const confirmed = new Set((await repo.listConfirmedComments(ctx.db, consultationId)).map((x) => x.id));
  const group = [commentId, ...also.filter((x) => x !== commentId && confirmed.has(x))];
  const responseId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertResponse(trx, {
      id: responseId,
      consultation_id: consultationId,
      kind: kind as ResponseKind,
      justification,
      responded_at: nowIso(ctx.clock),
      responded_by: actor.actorId,
    });
    await repo.attachResponse(trx, consultationId, group, responseId);
    await repo.deleteOrphanResponses(trx, consultationId);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'consultation.respond',
        subjectType: 'consultation_comment',
        subjectId: commentId,
        meta: { consultation: consultationId, kind, group },
      },
      ctx.clock,
    );
  });
}

export async function hideComment(
  ctx: ModuleContext,
  consultationId: string,
  commentId: string,
  body: FormValues,
  actor: Actor,
): Promise<void> {
  const comment = await repo.findComment(ctx.db, consultationId, commentId);
  if (!comment || comment.status !== 'confirmed') throw new AppError('http.not_found');
  const f = new FormChecker(body);
  const unhide = f.text('unhide') === '1';
  const reason = unhide ? '' : f.required('reason', 'consultations.hide.reason', { max: 500 });
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateComment(
      trx,
      commentId,
      unhide
        ? { is_hidden: false, hidden_reason: null, hidden_at: null }
        : { is_hidden: true, hidden_reason: reason, hidden_at: nowIso(ctx.clock) },
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: unhide ? 'consultation.comment_unhide' : 'consultation.comment_hide',
        subjectType: 'consultation_comment',
        subjectId: commentId,
        meta: { consultation: consultationId, reason },
      },
      ctx.clock,
    );
  });
}

/** What the outbox knows the consultation's e-mails (confirmations, report notices) to be about. */
export function consultationMailAbout(consultationId: string): string {
  return `consultation:${consultationId}`;
}

/** The templates of consultation e-mails queued before they carried what they are about. */
const CONSULTATION_TEMPLATES = ['consultation_confirm', 'consultation_report'] as const;

/**
 * Erases one author's personal data (at their request): every comment with their address, and the
 * e-mails of this consultation to that address — waiting ones are withdrawn, sent ones keep no
 * address or text (the audit entry counts both).
 */
export async function eraseAuthor(ctx: ModuleContext, consultationId: string, commentId: string, actor: Actor): Promise<number> {
  const comment = await repo.findComment(ctx.db, consultationId, commentId);
  if (!comment) throw new AppError('http.not_found');
  const ids = comment.email_norm ? (await repo.commentsOfEmail(ctx.db, consultationId, comment.email_norm)).map((x) => x.id) : [comment.id];
  return ctx.db.transaction().execute(async (trx) => {
    const n = await repo.erasePersonalData(trx, consultationId, ids);
    const mail = await eraseMailAbout(
      trx,
      {
        about: consultationMailAbout(consultationId),
        to: comment.email_norm ? [comment.email_norm] : [],
        unlabelledTemplates: CONSULTATION_TEMPLATES,
      },
      ctx.clock,
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'consultation.author_erased',
        subjectType: 'consultation_comment',
        subjectId: commentId,
        meta: {
          consultation: consultationId,
          comments: n,
          requested_at: comment.erasure_requested_at,
          mail_withdrawn: mail.withdrawn,
          mail_redacted: mail.redacted,
        },
      },
      ctx.clock,
    );
    return n;
  });
}

// --- the report -------------------------------------------------------------------------------------

export async function publishReport(ctx: ModuleContext, id: string, actor: Actor): Promise<number> {
  const c = await getConsultation(ctx, id);
  if (c.is_report_published) throw new AppError('consultations.report_published');
  if (phase(ctx, c) !== 'closed') throw new AppError('consultations.not_closed');
  const comments = await repo.listConfirmedComments(ctx.db, id);
  if (comments.some((x) => x.response_kind === null)) throw new AppError('consultations.responses_missing');
  const now = nowIso(ctx.clock);
  const link = `${ctx.config.publicUrl.replace(/\/$/, '')}/konsultacje/${id}/raport`;
  const recipients = new Map<string, Lang>();
  for (const x of comments) if (x.email_norm && !recipients.has(x.email_norm)) recipients.set(x.email_norm, x.lang === 'en' ? 'en' : 'pl');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateConsultation(trx, id, { is_report_published: true, report_published_at: now, updated_at: now });
    for (const [to, lang] of recipients) {
      await enqueueMail(
        trx,
        {
          to,
          lang,
          template: 'consultation_report',
          params: { consultation: c.title, link: lang === 'en' ? link.replace('/konsultacje/', '/en/konsultacje/') : link },
          about: consultationMailAbout(id),
        },
        ctx.clock,
      );
    }
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'consultation.report_publish',
        subjectType: 'consultation',
        subjectId: id,
        meta: { comments: comments.length, notified: recipients.size },
      },
      ctx.clock,
    );
  });
  return recipients.size;
}

// --- retention --------------------------------------------------------------------------------------

export async function retentionMonths(ctx: ModuleContext): Promise<number> {
  const v = await ctx.settings.get<number>(RETENTION_SETTING, DEFAULT_RETENTION_MONTHS);
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_RETENTION_MONTHS;
}

/** The information clause the new-consultation form is prefilled with (set by staff in the settings). */
export async function defaultClause(ctx: ModuleContext): Promise<string> {
  const v = await ctx.settings.get<string>(CLAUSE_SETTING, DEFAULT_CLAUSE);
  return typeof v === 'string' && v.trim() !== '' ? v : DEFAULT_CLAUSE;
}

/** Saves the settings form: the retention months and, when the form sends it, the default clause. */
export async function setRetentionMonths(ctx: ModuleContext, body: FormValues, actor: Actor): Promise<void> {
  const f = new FormChecker(body);
  const months = f.wholeNumber('months', 'consultations.settings.months', 'consultations.errors.months', {
    min: 1,
    max: 120,
    required: true,
  });
  const clause = body.clause === undefined ? undefined : f.required('clause', 'consultations.settings.clause', { max: 20_000 });
  f.assertValid();
  const before = await retentionMonths(ctx);
  if (before !== months)
    await setSettingAudited(
      ctx,
      { key: RETENTION_SETTING, value: months, before, action: 'consultation.retention_setting', field: 'months' },
      actor,
    );
  const clauseBefore = await defaultClause(ctx);
  if (clause !== undefined && clause !== clauseBefore)
    await setSettingAudited(
      ctx,
      { key: CLAUSE_SETTING, value: clause, before: clauseBefore, action: 'consultation.clause_setting', field: 'clause' },
      actor,
    );
}

/** Months before `now`, by calendar (31 March − 1 month = 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * The daily job: erases e-mails and private persons' names the set number of months after the
 * report, and what the outbox still holds of the consultation's e-mails (a failed one is kept longer
 * than a sent one).
 */
export async function eraseAfterRetention(ctx: ModuleContext): Promise<string> {
  const months = await retentionMonths(ctx);
  const cutoff = monthsBefore(ctx.clock.now(), months).toISOString();
  const due = await repo.dueForErasure(ctx.db, cutoff);
  let total = 0;
  for (const c of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const n = await repo.erasePersonalData(trx, c.id);
      const mail = await eraseMailAbout(trx, { about: consultationMailAbout(c.id) }, ctx.clock);
      await repo.updateConsultation(trx, c.id, { personal_data_erased_at: nowIso(ctx.clock) });
      await recordAudit(
        trx,
        {
          actorId: null,
          ip: null,
          requestId: null,
          action: 'consultation.retention_erase',
          subjectType: 'consultation',
          subjectId: c.id,
          meta: { comments: n, months, mail_withdrawn: mail.withdrawn, mail_redacted: mail.redacted },
        },
        ctx.clock,
      );
      total += n;
    });
  }
  return operatorText('consultations.cli.erased', {
    consultations: operatorText('consultations.cli.consultations', { count: due.length }),
    comments: operatorText('consultations.cli.comments', { count: total }),
  });
}
