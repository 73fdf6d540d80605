// Views of the annual report: the public page (the objective tree as headings, narratives, each
// indicator's chart with the table of the same numbers and progress as an icon and words; a visible
// "draft" mark until published; links to the PDF and Word versions) and the coordinator's editor
// (one Markdown field per goal and action, publish).
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table, PageHeader } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { IndicatorChart } from '../indicators.chart.js';
import { ProgressBadge, progressSentence } from '../indicators.views.js';
import { blocksFromMarkdown } from '../../../core/export/index.js';
import { chartText, indicatorTitle, sectionHeading, tableHead, tableRows } from './report.document.js';
import type { ReportExtra } from './report.extensions.js';
import { reportPath, type ReportModel, type ReportSection } from './report.service.js';

/** A section another module contributes (annualReportSections), from the document model's blocks. */
function ExtraSection({ x }: { x: ReportExtra }) {
  return (
    <section class="report-section report-section--extra" aria-labelledby={`extra-${x.id}`}>
      <h2 id={`extra-${x.id}`}>{x.title}</h2>
      {x.blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>{b.text}</p>
        ) : b.kind === 'heading' ? (
          <h3 key={i}>{b.text}</h3>
        ) : b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : b.kind === 'table' ? (
          <Table
            key={i}
            caption={b.caption}
            rowKey={(row) => row.join('|')}
            rows={b.rows}
            columns={b.head.map((h, c) => ({ header: h, cell: (row: string[]) => row[c] ?? '', numeric: b.numeric?.[c] ?? false }))}
          />
        ) : null,
      )}
    </section>
  );
}

function Narrative({ text }: { text: string }) {
  // the narrative is Markdown typed by staff: rendered through the same block model as the PDF, as text only
  return (
    <>
      {blocksFromMarkdown(text).map((b, i) =>
        b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : b.kind === 'heading' || b.kind === 'paragraph' ? (
          <p key={i}>{b.text}</p>
        ) : null,
      )}
    </>
  );
}

function Section({ s, n }: { s: ReportSection; n: { figure: number } }) {
  const { t, fmt } = usePage();
  const Heading = (['h2', 'h3', 'h4'] as const)[s.depth] ?? 'h4';
  return (
    <section class={`report-section report-section--${s.element.kind}`} aria-labelledby={`el-${s.element.id}`}>
      <Heading id={`el-${s.element.id}`}>{sectionHeading(t, s)}</Heading>
      {s.element.is_example ? <p class="example-mark">{t('monitoring.report.exampleElement')}</p> : null}
      {s.narrative ? <Narrative text={s.narrative} /> : <p class="hint">{t('monitoring.report.noNarrative')}</p>}
      {s.indicators.map((r) => {
        n.figure += 1;
        const i = r.view.indicator;
        const name = indicatorTitle(t, r);
        return (
          <div class="report-indicator" key={i.id}>
            <p>
              <strong>
                {t('monitoring.report.indicator')}: {name}
              </strong>{' '}
              ({i.unit})
            </p>
            <p>
              <ProgressBadge progress={r.progress} /> {progressSentence(r.progress, t, fmt.number)}
            </p>
            <IndicatorChart rows={r.rows} text={chartText(t, fmt, r, `report-chart-${n.figure}`)} />
            <Table
              caption={t('monitoring.report.tableCaption', { n: n.figure, name })}
              rowKey={(row) => row[0]!}
              rows={tableRows(fmt, r.rows, t('indicators.example'))}
              columns={tableHead(t, i.unit).map((header, c) => ({ header, numeric: c > 0, cell: (row: string[]) => row[c] }))}
            />
          </div>
        );
      })}
    </section>
  );
}

export function ReportView({ model, isStaff, extras = [] }: { model: ReportModel; isStaff: boolean; extras?: readonly ReportExtra[] }) {
  const { t, href, fmt } = usePage();
  const base = reportPath(model.programme.slug, model.year);
  const counter = { figure: 0 };
  return (
    <>
      <h1>
        {t('monitoring.report.title', { year: model.year })}
        {model.status === 'draft' ? <span class="draft-mark"> — {t('monitoring.report.draftMark')}</span> : null}
      </h1>
      <p class="lead">{model.programme.title}</p>
      {model.status === 'draft' ? (
        <Alert kind="warning" title={t('monitoring.report.draftMark')}>
          <p>{t('monitoring.report.draftNotice')}</p>
          {isStaff ? <p>{t('monitoring.report.draftStaff')}</p> : null}
        </Alert>
      ) : model.publishedAt ? (
        <p>{t('monitoring.report.publishedOn', { date: fmt.date(model.publishedAt) })}</p>
      ) : null}
      <ul class="plain downloads">
        <li>
          <a href={href(`${base}.pdf`)} type="application/pdf">
            {t('monitoring.report.pdf')}
          </a>
        </li>
        <li>
          <a href={href(`${base}.docx`)} type="application/vnd.openxmlformats-officedocument.wordprocessingml.document">
            {t('monitoring.report.docx')}
          </a>
        </li>
      </ul>
      {model.sections.length === 0 ? (
        <p>{t('monitoring.report.noStructure')}</p>
      ) : (
        model.sections.map((s) => <Section key={s.element.id} s={s} n={counter} />)
      )}
      {extras.map((x) => (
        <ExtraSection key={x.id} x={x} />
      ))}
    </>
  );
}

export function ReportEditorView({
  model,
  csrf,
  values,
  problems,
  notice,
}: {
  model: ReportModel;
  csrf: string;
  values: Record<string, string>;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href } = usePage();
  const admin = `/admin/program/${model.programme.id}/sprawozdanie/${model.year}`;
  return (
    <>
      <PageHeader title={t('monitoring.report.editorTitle', { year: model.year })} />
      <ErrorSummary problems={problems} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        {t('monitoring.report.status')}:{' '}
        <strong>{model.status === 'published' ? t('monitoring.report.published') : t('monitoring.report.draftMark')}</strong>.{' '}
        <a href={href(reportPath(model.programme.slug, model.year))}>{t('monitoring.report.preview')}</a>
      </p>
      <p>{t('monitoring.report.editorIntro')}</p>
      {model.sections.length === 0 ? (
        <p>{t('monitoring.report.noStructure')}</p>
      ) : (
        <form method="post" action={href(admin)} novalidate>
          <CsrfField token={csrf} />
          {model.sections.map((s) => (
            <FormField
              key={s.element.id}
              name={`narrative_${s.element.id}`}
              label={sectionHeading(t, s)}
              hint={
                s.indicators.length
                  ? t('monitoring.report.measuredBy', { codes: s.indicators.map((r) => r.view.indicator.code).join(', ') })
                  : undefined
              }
              value={values[`narrative_${s.element.id}`] ?? s.narrative ?? ''}
              problems={problems}
              multiline
              rows={5}
              maxLength={20000}
            />
          ))}
          <Button>{t('monitoring.report.save')}</Button>
        </form>
      )}
      <h2>{t('monitoring.report.publication')}</h2>
      {model.status === 'draft' ? (
        <>
          <p>{t('monitoring.report.publishIntro')}</p>
          <form method="post" action={href(`${admin}/publikuj`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('monitoring.report.publish')}</Button>
          </form>
        </>
      ) : (
        <>
          <p>{t('monitoring.report.unpublishIntro')}</p>
          <form method="post" action={href(`${admin}/wycofaj`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('monitoring.report.unpublish')}</Button>
          </form>
        </>
      )}
    </>
  );
}

/**
 * The programme page's section on annual reports: the published years for everyone; for staff also
 * the years not published yet (marked as drafts) and the links to the editor and monitoring rounds.
 */
export function ReportsSection({
  slug,
  programmeId,
  years,
  isStaff,
}: {
  slug: string;
  programmeId: string;
  years: { year: number; status: 'draft' | 'published' }[];
  isStaff: boolean;
}) {
  const { t, href } = usePage();
  const shown = years.filter((y) => isStaff || y.status === 'published');
  if (shown.length === 0 && !isStaff) return null;
  return (
    <section aria-labelledby="annual-reports">
      <h2 id="annual-reports">{t('monitoring.report.listTitle')}</h2>
      {shown.length === 0 ? (
        <p>{t('monitoring.report.listNone')}</p>
      ) : (
        <ul>
          {shown.map((y) => (
            <li key={y.year}>
              <a href={href(reportPath(slug, y.year))}>{t('monitoring.report.title', { year: y.year })}</a>
              {y.status === 'draft' ? ` (${t('monitoring.report.draftMark')})` : null}
              {isStaff ? (
                <>
                  {' — '}
                  <a href={href(`/admin/program/${programmeId}/sprawozdanie/${y.year}`)}>
                    {t('monitoring.report.editLink', { year: y.year })}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isStaff ? (
        <p>
          <a href={href(`/admin/program/${programmeId}/monitorowanie`)}>{t('monitoring.admin.link')}</a>
        </p>
      ) : null}
    </section>
  );
}
