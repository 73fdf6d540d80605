// Rules of the programme's text versions: a version is a numbered list of sections (heading and a
// Markdown body), written in admin or imported from a Markdown or Word file whose headings become
// sections; files are recognised by their bytes, not their names. Versions are numbered 1, 2, 3…
// per programme and compared section by section with the core's word-level diff. Every change is
// audited. No HTTP and no SQL strings here.
import { sniffFileType, type Upload } from '../../core/http/uploads.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { markdownFromDocx, sectionsFromMarkdown, type TextSection } from '../../core/text/sections.js';
import { DocxRefused, docxProblem } from '../../core/text/docx.js';
import { compareSections, type SectionChange } from '../../core/text/word-diff.js';
import { FormChecker } from '../../core/validation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import type { VersionSource } from './programme.tables.js';
import * as repo from './versions.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type { VersionRow, SectionRow } from './versions.repo.js';

/** A programme text is a few dozen pages: 5 MB of Word or Markdown is far more than enough. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_SECTIONS = 500;
const NUMBER = /^(?:§ ?)?\d{1,4}(?:\.\d{1,4}){0,6}$/;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The anchor of a section on the public page (`#s-2.1`; `§ 3` becomes `#s-p3`). */
export function sectionAnchor(number: string): string {
  return `s-${number.replace(/§\s*/, 'p').replace(/[^0-9A-Za-z.]/g, '')}`;
}

export const sectionsOf = (rows: readonly repo.SectionRow[]): TextSection[] =>
  rows.map((r) => ({ number: r.number, heading: r.heading, body: r.body }));

// --- import --------------------------------------------------------------------------------------

export interface ParsedText {
  source: Extract<VersionSource, 'markdown' | 'docx'>;
  markdown: string;
  sections: TextSection[];
  problems: Problem[];
}

/** Plain UTF-8 text without binary control characters (Markdown has no magic number). */
function isText(bytes: Buffer): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(bytes.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads an uploaded Word (.docx) or Markdown file into sections. A file is Word when its bytes
 * say so, Markdown when it is UTF-8 text named .md, .markdown or .txt; anything else is refused
 * with a problem on the `file` field.
 */
export async function parseUpload(upload: Upload | null): Promise<ParsedText> {
  const fail = (key: string, params: Record<string, string | number> = {}): never => {
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'programme.versions.file', key, params }]);
  };
  if (!upload || upload.data.length === 0) return fail('programme.versions.fileRequired');
  if (upload.truncated || upload.data.length > MAX_IMPORT_BYTES) return fail('programme.versions.fileTooLarge', { size: '5 MB' });
  const found = await sniffFileType(upload.data);
  let source: ParsedText['source'];
  let markdown: string;
  if (found?.mime === DOCX_MIME) {
    source = 'docx';
    try {
      markdown = await markdownFromDocx(upload.data);
    } catch (err) {
      // too large or too slow to read gets its own message; anything else is "damaged"
      const p = err instanceof DocxRefused ? docxProblem(err, 'file', 'programme.versions.file') : null;
      if (p) throw new AppError('http.validation', {}, [p]);
      return fail('programme.versions.fileUnreadable');
    }
  } else if (!found && /\.(md|markdown|txt)$/i.test(upload.filename) && isText(upload.data)) {
    source = 'markdown';
    markdown = upload.data.toString('utf8').replace(/^\uFEFF/, '');
  } else return fail('programme.versions.fileType');
  return { source, markdown, ...parseMarkdown(markdown) };
}

/** Sections of a Markdown text and what would stop them from being saved. */
export function parseMarkdown(markdown: string): { sections: TextSection[]; problems: Problem[] } {
  const sections = sectionsFromMarkdown(markdown);
  return { sections, problems: sectionListProblems(sections) };
}

function sectionListProblems(sections: readonly TextSection[]): Problem[] {
  const problems: Problem[] = [];
  if (sections.length === 0) problems.push({ field: 'file', label: 'programme.versions.file', key: 'programme.versions.noSections' });
  if (sections.length > MAX_SECTIONS)
    problems.push({
      field: 'file',
      label: 'programme.versions.file',
      key: 'programme.versions.tooManySections',
      params: { count: MAX_SECTIONS },
    });
  const seen = new Set<string>();
  for (const s of sections) {
    if (seen.has(s.number)) problems.push({ key: 'programme.versions.duplicateNumber', params: { number: s.number } });
    seen.add(s.number);
  }
  return problems;
}

/** The text carried from the preview to the save button, safe in a hidden field. */
export const encodeCarried = (markdown: string): string => Buffer.from(markdown, 'utf8').toString('base64url');
export const decodeCarried = (carried: string): string => Buffer.from(carried, 'base64url').toString('utf8');

// --- versions ------------------------------------------------------------------------------------

export interface VersionMeta {
  label: string;
  note: string | null;
}

export function checkVersionMeta(body: Record<string, unknown>, c = new FormChecker(body)): VersionMeta {
  const label = c.required('label', 'programme.versions.label', { max: 200 });
  const note = c.text('note');
  if ([...note].length > 2000) c.add('note', 'programme.versions.note', 'validation.tooLong', { count: 2000 });
  return { label, note: note || null };
}

export async function createVersion(
  ctx: ModuleContext,
  programmeId: string,
  meta: VersionMeta,
  source: VersionSource,
  sections: readonly TextSection[],
  actor: Actor,
): Promise<number> {
  const problems = sections.length ? sectionListProblems(sections) : [];
  if (problems.length) throw new AppError('http.validation', {}, problems);
  const id = newId();
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const number = await repo.nextVersionNumber(trx, programmeId);
    await repo.insertVersion(
      trx,
      { id, programme_id: programmeId, number, label: meta.label, source, note: meta.note, created_by: actor.actorId, created_at: now },
      sections.map((s, i) => ({ id: newId(), version_id: id, position: i, number: s.number, heading: s.heading, body: s.body })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.version.create',
        subjectType: 'programme_version',
        subjectId: id,
        changes: { label: { before: null, after: meta.label } },
        meta: { programme_id: programmeId, number, source, sections: sections.length },
      },
      ctx.clock,
    );
    return number;
  });
}

export async function versionByNumber(
  ctx: ModuleContext,
  programmeId: string,
  number: number,
): Promise<{ version: repo.VersionRow; sections: repo.SectionRow[] }> {
  const version = await repo.findVersionByNumber(ctx.db, programmeId, number);
  if (!version) throw new AppError('http.not_found');
  return { version, sections: await repo.listSections(ctx.db, version.id) };
}

export async function versionsWithCounts(ctx: ModuleContext, programmeId: string): Promise<(repo.VersionRow & { sections: number })[]> {
  const versions = await repo.listVersions(ctx.db, programmeId);
  const counts = await repo.countSectionsByVersion(
    ctx.db,
    versions.map((v) => v.id),
  );
  return versions.map((v) => ({ ...v, sections: counts.get(v.id) ?? 0 }));
}

export async function updateVersionMeta(ctx: ModuleContext, version: repo.VersionRow, meta: VersionMeta, actor: Actor): Promise<void> {
  if (meta.label === version.label && meta.note === version.note) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateVersion(trx, version.id, meta);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.version.update',
        subjectType: 'programme_version',
        subjectId: version.id,
        changes: { label: { before: version.label, after: meta.label }, note: { before: version.note, after: meta.note } },
      },
      ctx.clock,
    );
  });
}

export interface Comparison {
  changes: SectionChange[];
  counts: { changed: number; added: number; removed: number; unchanged: number };
}

export function compare(before: readonly TextSection[], after: readonly TextSection[]): Comparison {
  const changes = compareSections(before, after);
  const counts = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return { changes, counts };
}

// --- sections edited in admin --------------------------------------------------------------------

export interface SectionInput {
  number: string;
  heading: string;
  body: string;
}

export function checkSection(body: Record<string, unknown>, siblings: readonly repo.SectionRow[], sectionId: string | null): SectionInput {
  const c = new FormChecker(body);
  const number = c.text('number').replace(/^§\s*/, '§ ');
  if (number === '') c.add('number', 'programme.versions.sectionNumber', 'validation.required');
  else if (number !== '0' && !NUMBER.test(number)) c.add('number', 'programme.versions.sectionNumber', 'programme.versions.numberInvalid');
  else if (siblings.some((s) => s.number === number && s.id !== sectionId))
    c.add('number', 'programme.versions.sectionNumber', 'programme.versions.numberTaken', { number });
  const heading = c.text('heading');
  if (heading === '' && number !== '0') c.add('heading', 'programme.versions.sectionHeading', 'validation.required');
  else if ([...heading].length > 500) c.add('heading', 'programme.versions.sectionHeading', 'validation.tooLong', { count: 500 });
  const text = c.raw('body').replace(/\r\n?/g, '\n').trim();
  if ([...text].length > 100_000) c.add('body', 'programme.versions.sectionBody', 'validation.tooLong', { count: 100_000 });
  c.assertValid();
  return { number, heading, body: text };
}

/** The number a new section gets by default: one more than the last top-level number. */
export function nextSectionNumber(sections: readonly repo.SectionRow[]): string {
  const tops = sections.map((s) => Number.parseInt(s.number.replace(/^§ ?/, ''), 10)).filter((n) => Number.isFinite(n));
  return String((tops.length ? Math.max(...tops) : 0) + 1);
}

export async function addSection(ctx: ModuleContext, version: repo.VersionRow, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const sections = await repo.listSections(ctx.db, version.id);
  if (sections.length >= MAX_SECTIONS)
    throw new AppError('http.validation', {}, [{ key: 'programme.versions.tooManySections', params: { count: MAX_SECTIONS } }]);
  const input = checkSection(body, sections, null);
  const id = newId();
  const position = sections.length ? Math.max(...sections.map((s) => s.position)) + 1 : 0;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSection(trx, { id, version_id: version.id, position, ...input });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.section.create',
        subjectType: 'programme_section',
        subjectId: id,
        changes: {
          number: { before: null, after: input.number },
          heading: { before: null, after: input.heading },
          body: { before: null, after: input.body },
        },
        meta: { version_id: version.id },
      },
      ctx.clock,
    );
  });
}

async function mustFindSection(ctx: ModuleContext, version: repo.VersionRow, sectionId: string): Promise<repo.SectionRow> {
  const s = await repo.findSection(ctx.db, sectionId);
  if (!s || s.version_id !== version.id) throw new AppError('http.not_found');
  return s;
}

export async function updateSection(
  ctx: ModuleContext,
  version: repo.VersionRow,
  sectionId: string,
  body: Record<string, unknown>,
  actor: Actor,
): Promise<void> {
  const before = await mustFindSection(ctx, version, sectionId);
  const input = checkSection(body, await repo.listSections(ctx.db, version.id), sectionId);
  const changes = Object.fromEntries(
    (['number', 'heading', 'body'] as const).filter((k) => before[k] !== input[k]).map((k) => [k, { before: before[k], after: input[k] }]),
  );
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSection(trx, sectionId, input);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.section.update',
        subjectType: 'programme_section',
        subjectId: sectionId,
        changes,
        meta: { version_id: version.id },
      },
      ctx.clock,
    );
  });
}

export async function deleteSection(ctx: ModuleContext, version: repo.VersionRow, sectionId: string, actor: Actor): Promise<void> {
  const before = await mustFindSection(ctx, version, sectionId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSection(trx, sectionId);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.section.delete',
        subjectType: 'programme_section',
        subjectId: sectionId,
        changes: {
          number: { before: before.number, after: null },
          heading: { before: before.heading, after: null },
          body: { before: before.body, after: null },
        },
        meta: { version_id: version.id },
      },
      ctx.clock,
    );
  });
}

/** Moves a section one place up or down; at either end nothing changes. */
export async function moveSection(
  ctx: ModuleContext,
  version: repo.VersionRow,
  sectionId: string,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<boolean> {
  await mustFindSection(ctx, version, sectionId);
  const sections = await repo.listSections(ctx.db, version.id);
  const at = sections.findIndex((s) => s.id === sectionId);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= sections.length) return false;
  const order = sections.map((s) => s.id);
  [order[at], order[to]] = [order[to]!, order[at]!];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, id] of order.entries())
      if (sections.find((s) => s.id === id)!.position !== i) await repo.updateSection(trx, id, { position: i });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.section.move',
        subjectType: 'programme_section',
        subjectId: sectionId,
        changes: { position: { before: at, after: to } },
        meta: { version_id: version.id, direction },
      },
      ctx.clock,
    );
  });
  return true;
}

/** A new version holding a copy of an existing one's sections (the usual start of a new draft). */
export async function copyVersion(
  ctx: ModuleContext,
  programmeId: string,
  fromNumber: number,
  meta: VersionMeta,
  actor: Actor,
): Promise<number> {
  const { sections } = await versionByNumber(ctx, programmeId, fromNumber);
  return createVersion(ctx, programmeId, meta, 'manual', sectionsOf(sections), actor);
}
