// The consultations' JSON API: public data only. Comments appear once the report is published, and
// then as in the report (organisations by name, everyone else as a private person); e-mail
// addresses and private persons' names are never part of any answer.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import * as repo from './consultations.repo.js';
import * as svc from './consultations.service.js';
import { IdParams } from './public.routes.js';
import { buildReport, sectionLabel } from './report.js';
import { translator } from '../../i18n/index.js';
import { OpenDataProperties, openDataMeta } from '../opendata/index.js';
import { consultationsDataset } from './consultations.opendata.js';

const Phase = Type.Union([Type.Literal('announced'), Type.Literal('open'), Type.Literal('closed'), Type.Literal('report')], {
  description: 'announced → open → closed (analysis) → report (published)',
});
const Summary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  phase: Phase,
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.String({ format: 'date-time' }),
  who_may_comment: Type.Union([Type.Literal('everyone'), Type.Literal('organisations')]),
  url: Type.String(),
  report_url: Type.Union([Type.String(), Type.Null()]),
});
const Section = Type.Object({
  id: Type.String(),
  number: Type.String(),
  heading: Type.String(),
  body: Type.String({ description: 'Markdown' }),
});
const Comment = Type.Object({
  no: Type.Integer(),
  section_id: Type.Union([Type.String(), Type.Null()]),
  section: Type.String(),
  author: Type.String({ description: 'organisation name, or "osoba prywatna"' }),
  author_kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
  comment: Type.String(),
  proposed_change: Type.String(),
  is_hidden: Type.Boolean(),
  response: Type.Union([
    Type.Literal('accepted'),
    Type.Literal('partly_accepted'),
    Type.Literal('not_accepted'),
    Type.Literal('explanation'),
    Type.Null(),
  ]),
  justification: Type.String(),
});
const Detail = Type.Object({
  ...Summary.properties,
  description: Type.String({ description: 'Markdown' }),
  source_programme_version_id: Type.Union([Type.String(), Type.Null()]),
  sections: Type.Array(Section),
  documents: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), url: Type.String() })),
  comments: Type.Union([Type.Array(Comment), Type.Null()], { description: 'null until the report is published' }),
});

export async function apiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const summary = (c: repo.ConsultationRow): Static<typeof Summary> => {
    const phase = svc.phase(ctx, c);
    return {
      id: c.id,
      title: c.title,
      phase: phase === 'draft' ? 'announced' : phase,
      starts_at: c.starts_at,
      ends_at: c.ends_at,
      who_may_comment: c.who_may_comment,
      url: `${base}/konsultacje/${c.id}`,
      report_url: c.is_report_published ? `${base}/konsultacje/${c.id}/raport` : null,
    };
  };

  app.get(
    '/api/v1/konsultacje',
    {
      config: { access: 'public' },
      schema: {
        tags: ['consultations'],
        summary: 'Public consultations, newest first',
        response: { 200: Type.Object({ ...OpenDataProperties, items: Type.Array(Summary) }) },
      },
    },
    async () => ({
      ...openDataMeta(await consultationsDataset.lastChanged(ctx)),
      items: (await svc.listForPublic(ctx)).map(({ c }) => summary(c)),
    }),
  );

  app.get(
    '/api/v1/konsultacje/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['consultations'],
        summary: 'One consultation: text by section, documents, comments with responses once the report is published',
        params: IdParams,
        response: { 200: Detail },
      },
    },
    async (request) => {
      const c = await svc.publicConsultation(ctx, request.params.id);
      const sections = await repo.listSections(ctx.db, c.id, 'consulted');
      const report = c.is_report_published ? await buildReport(ctx.db, c, 'pl') : null;
      const t = translator('pl');
      const docs = await svc.documentsOf(ctx, c, 'pl');
      return {
        ...summary(c),
        description: c.description,
        source_programme_version_id: c.source_version_id,
        sections: sections.map((s) => ({ id: s.id, number: s.number, heading: s.heading, body: s.body })),
        documents: docs.map((d) => ({ id: d.id, title: d.title, url: `${base}${d.href}` })),
        comments: report
          ? report.rows.map((r) => ({
              no: r.no,
              section_id: r.sectionId,
              section: r.sectionId ? r.section : sectionLabel(t, undefined),
              author: r.author,
              author_kind: r.authorKind,
              comment: r.comment,
              proposed_change: r.proposedChange,
              is_hidden: r.hidden,
              response: r.responseKind,
              justification: r.justification,
            }))
          : null,
      };
    },
  );
}
