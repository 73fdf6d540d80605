// The public page of a programme's yearly follow-up summary of evaluation recommendations
// (/ewaluacja/podsumowanie/{programme}/{year}): what a body's meeting discusses once a year, and where
// the body's opinion on it links back (evaluationPageSections).
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { findProgrammeBySlug } from '../programme/index.js';
import { evaluationPageExtras, summaryYears } from './evaluation.agenda.js';
import { followUpReportSection } from './evaluation.contributions.js';
import { SummaryView } from './evaluation.summary.views.js';

const SummaryParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }), year: Type.String({ pattern: '^[0-9]{4}$' }) });

export async function summaryRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get(
    '/ewaluacja/podsumowanie/:slug/:year',
    { config: { access: 'public' }, schema: { params: SummaryParams } },
    async (request, reply) => {
      const programme = await findProgrammeBySlug(ctx.db, request.params.slug);
      const year = Number(request.params.year);
      if (!programme || !(await summaryYears(ctx, programme)).includes(year)) throw new AppError('http.not_found');
      const part = await followUpReportSection.build(ctx, programme, year, request.t, request.fmt);
      const title = request.t('evaluation.summary.title', { year });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [{ label: request.t('evaluation.title'), path: '/ewaluacja' }, { label: title }] },
        <SummaryView
          title={title}
          programme={{ title: programme.title, slug: programme.slug }}
          blocks={part?.blocks ?? []}
          extras={await evaluationPageExtras(ctx, { kind: 'summary', id: `${programme.id}:${year}` }, request)}
        />,
      );
    },
  );
}
