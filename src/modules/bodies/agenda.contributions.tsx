// What the bodies module adds to other modules' pages: the bodies' opinions and resolutions shown on
// the object they concern — the annual report (indicators' `annualReportSections`, so the page, PDF
// and Word file say it), a consultation's page (`consultationPageSections`), an evaluation study's
// and a yearly follow-up summary's page (`evaluationPageSections`). The kinds named here are the
// ones those modules contribute under `agendaObjectKinds`. Only public items of public meetings.
import type { ConsultationPageSection } from '../consultations/index.js';
import type { EvaluationPageSection } from '../evaluation/index.js';
import type { AnnualReportSection } from '../indicators/index.js';
import { decisionText } from './minutes.document.js';
import { OPINION_TABLES, opinionsOn } from './agenda.service.js';
import { OpinionsSection } from './agenda.views.js';

export const reportOpinions: AnnualReportSection = {
  id: 'bodies.opinions',
  order: 60,
  tables: OPINION_TABLES,
  async build(ctx, programme, year, t, fmt) {
    const opinions = await opinionsOn(ctx, 'annual-report', `${programme.id}:${year}`);
    if (opinions.length === 0) return null;
    const base = ctx.config.publicUrl.replace(/\/$/, '');
    return {
      title: t('bodies.agenda.opinionsReport'),
      blocks: [
        {
          kind: 'list',
          items: opinions.map((o) =>
            [
              t('bodies.agenda.opinionLine', {
                body: o.body.name,
                when: fmt.dateTime(o.meeting.starts_at),
                item: o.decision.item.title,
                decision: o.meeting.status === 'planned' ? t('bodies.agenda.toDiscuss') : decisionText(t, o.decision),
              }),
              o.minutesPath ? t('bodies.agenda.minutesAt', { url: `${base}${o.minutesPath}` }) : null,
            ]
              .filter(Boolean)
              .join(' '),
          ),
        },
      ],
    };
  },
};

export const consultationOpinions: ConsultationPageSection = {
  id: 'bodies.opinions',
  order: 50,
  async render(ctx, consultation) {
    const opinions = await opinionsOn(ctx, 'consultation', consultation.id);
    return opinions.length ? <OpinionsSection opinions={opinions} headingId="body-opinions" /> : null;
  },
};

export const evaluationOpinions: EvaluationPageSection = {
  id: 'bodies.opinions',
  order: 50,
  async render(ctx, page) {
    const opinions = await opinionsOn(ctx, page.kind === 'study' ? 'evaluation-study' : 'evaluation-summary', page.id);
    return opinions.length ? <OpinionsSection opinions={opinions} headingId="body-opinions" /> : null;
  },
};
