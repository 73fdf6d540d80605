// The yearly follow-up summary's page: the figures of the annual report's section on the follow-up of
// evaluation recommendations (counts by status at the year's end and by rating, the overdue list),
// drawn from the same document blocks, and what other modules add (a body's opinion on it).
import type { VNode } from 'preact';
import type { ExportBlock } from '../../core/export/index.js';
import { PageHeader, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';

export function SummaryView({
  title,
  programme,
  blocks,
  extras,
}: {
  title: string;
  programme: { title: string; slug: string };
  blocks: ExportBlock[];
  extras: VNode[];
}) {
  const { t, href, lang } = usePage();
  return (
    <>
      <PageHeader title={title} lead={programme.title} />
      <p>
        <a href={href(`/program/${programme.slug}`)} lang={lang === 'en' ? 'pl' : undefined}>
          {programme.title}
        </a>{' '}
        · <a href={href('/ewaluacja/rekomendacje')}>{t('evaluation.table.title')}</a>
      </p>
      <section aria-labelledby="summary-figures">
        <h2 id="summary-figures">{t('evaluation.report.title')}</h2>
        {blocks.map((b, i) =>
          b.kind === 'paragraph' ? (
            <p key={i}>{b.text}</p>
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
      {extras}
    </>
  );
}
