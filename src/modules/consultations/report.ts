// The consultation report: summary figures and the numbered table of comments with responses, as
// one data structure that the HTML page, the CSV file and the PDF/DOCX export all render — so the
// four never disagree. Authors appear as organisations by name and as "osoba prywatna" otherwise;
// e-mail addresses never reach it.
import { spreadsheetCsv } from '../../core/csv/index.js';
import type { ExportDocument } from '../../core/export/index.js';
import { formatters, translator, type Lang, type T } from '../../i18n/index.js';
import * as repo from './consultations.repo.js';
import { RESPONSE_KINDS } from './consultations.service.js';
import type { ResponseKind } from './consultations.tables.js';

export interface ReportRow {
  no: number;
  commentId: string;
  sectionId: string | null;
  section: string;
  author: string;
  authorKind: 'person' | 'organisation';
  comment: string;
  proposedChange: string;
  hidden: boolean;
  responseKind: ResponseKind | null;
  response: string;
  justification: string;
  /** The report number of the first comment answered with the same response (grouped), or null. */
  groupedWith: number | null;
}

export interface ReportSummary {
  startsAt: string;
  endsAt: string;
  comments: number;
  authors: number;
  byAuthorKind: { person: number; organisation: number };
  authorsByKind: { person: number; organisation: number };
  byResponse: Record<ResponseKind | 'none', number>;
}

export interface Report {
  consultation: repo.ConsultationRow;
  summary: ReportSummary;
  rows: ReportRow[];
}

export function sectionLabel(t: T, s: Pick<repo.SectionRow, 'number' | 'heading'> | undefined): string {
  return s
    ? `${s.number === '0' ? '' : s.number} ${s.heading}`.trim() || t('consultations.comment.preamble')
    : t('consultations.comment.general');
}

export async function buildReport(db: repo.Executor, consultation: repo.ConsultationRow, lang: Lang): Promise<Report> {
  const t = translator(lang);
  const sections = new Map((await repo.listSections(db, consultation.id, 'consulted')).map((s) => [s.id, s]));
  const comments = await repo.listConfirmedComments(db, consultation.id);
  const firstOfResponse = new Map<string, number>();
  const rows: ReportRow[] = comments.map((c, i) => {
    const no = i + 1;
    let groupedWith: number | null = null;
    if (c.response_id) {
      const first = firstOfResponse.get(c.response_id);
      if (first === undefined) firstOfResponse.set(c.response_id, no);
      else groupedWith = first;
    }
    return {
      no,
      commentId: c.id,
      sectionId: c.section_id,
      section: c.section_id ? sectionLabel(t, sections.get(c.section_id)) : t('consultations.comment.general'),
      author: c.author_kind === 'organisation' && c.organisation_name ? c.organisation_name : t('consultations.report.privatePerson'),
      authorKind: c.author_kind,
      comment: c.is_hidden ? t('consultations.report.hiddenBy', { reason: c.hidden_reason ?? '' }) : c.justification,
      proposedChange: c.is_hidden ? '' : (c.proposed_change ?? ''),
      hidden: c.is_hidden,
      responseKind: c.response_kind,
      response: c.response_kind ? t(`consultations.responseKinds.${c.response_kind}`) : t('consultations.report.noResponse'),
      justification: c.response_justification ?? '',
      groupedWith,
    };
  });
  const byResponse = Object.fromEntries([...RESPONSE_KINDS, 'none'].map((k) => [k, 0])) as Record<ResponseKind | 'none', number>;
  for (const r of rows) byResponse[r.responseKind ?? 'none'] += 1;
  const authorsOf = (kind?: 'person' | 'organisation') =>
    new Set(comments.filter((c) => !kind || c.author_kind === kind).map((c) => c.author_ref ?? c.id)).size;
  return {
    consultation,
    rows,
    summary: {
      startsAt: consultation.starts_at,
      endsAt: consultation.ends_at,
      comments: rows.length,
      authors: authorsOf(),
      byAuthorKind: {
        person: rows.filter((r) => r.authorKind === 'person').length,
        organisation: rows.filter((r) => r.authorKind === 'organisation').length,
      },
      authorsByKind: { person: authorsOf('person'), organisation: authorsOf('organisation') },
      byResponse,
    },
  };
}

function tableHead(t: T): string[] {
  return [
    t('consultations.report.no'),
    t('consultations.report.section'),
    t('consultations.report.author'),
    t('consultations.report.comment'),
    t('consultations.report.proposedChange'),
    t('consultations.report.response'),
    t('consultations.report.justification'),
  ];
}

function tableRow(t: T, r: ReportRow): string[] {
  const justification = r.groupedWith
    ? `${r.justification} (${t('consultations.report.groupedWith', { no: r.groupedWith })})`
    : r.justification;
  return [String(r.no), r.section, r.author, r.comment, r.proposedChange, r.response, justification];
}

/** The table for spreadsheets (core/csv: UTF-8 with a BOM, `;`, CRLF, formula-like cells made inert). */
export function reportCsv(report: Report, lang: Lang): string {
  const t = translator(lang);
  return spreadsheetCsv([tableHead(t), ...report.rows.map((r) => tableRow(t, r))]);
}

export function summaryLines(report: Report, lang: Lang): string[] {
  const t = translator(lang);
  const fmt = formatters(lang);
  const s = report.summary;
  return [
    t('consultations.report.period', { from: fmt.dateTime(s.startsAt), to: fmt.dateTime(s.endsAt) }),
    t('consultations.report.commentsCount', { count: s.comments }),
    t('consultations.report.authorsCount', { count: s.authors }),
    t('consultations.report.byKind', {
      persons: s.authorsByKind.person,
      organisations: s.authorsByKind.organisation,
      personComments: s.byAuthorKind.person,
      organisationComments: s.byAuthorKind.organisation,
    }),
    ...[...RESPONSE_KINDS, 'none' as const].map(
      (k) => `${k === 'none' ? t('consultations.report.noResponse') : t(`consultations.responseKinds.${k}`)}: ${s.byResponse[k]}`,
    ),
  ];
}

/** The report as the export core's document (tagged PDF and DOCX). */
export function reportDocument(report: Report, lang: Lang, institution: string): ExportDocument {
  const t = translator(lang);
  return {
    lang,
    title: t('consultations.report.title', { title: report.consultation.title }),
    subtitle: t('consultations.report.subtitle'),
    author: institution,
    blocks: [
      { kind: 'heading', level: 2, text: t('consultations.report.summary') },
      { kind: 'list', items: summaryLines(report, lang) },
      { kind: 'heading', level: 2, text: t('consultations.report.tableTitle') },
      report.rows.length
        ? {
            kind: 'table',
            caption: t('consultations.report.tableCaption'),
            head: tableHead(t),
            rows: report.rows.map((r) => tableRow(t, r)),
            numeric: [true, false, false, false, false, false, false],
          }
        : { kind: 'paragraph', text: t('consultations.report.none') },
    ],
  };
}
