// A long table of the figures a map or chart shows folds behind "Pokaż tabelę danych (N wierszy)",
// so the page stays short. It is a native <details>, closed at first: the table is in the HTML all
// the time and opens without script, by keyboard and by screen readers (which announce the summary
// as a collapsed control); the map's description says the data is in the table below it. A short
// table (at most `limit` rows) is shown as it is. The core knows no domain: the module gives the
// table and its number of rows.
import type { ComponentChildren } from 'preact';
import { usePage } from './context.js';

/** Tables with more rows than this fold away. */
export const DATA_TABLE_LIMIT = 12;

export function DataTableDisclosure({
  rows,
  limit = DATA_TABLE_LIMIT,
  children,
}: {
  /** Rows of the table (the number in the summary). */
  rows: number;
  limit?: number;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  if (rows <= limit) return <>{children}</>;
  return (
    <details class="data-table-disclosure">
      <summary>{t('dataTable.show', { count: rows })}</summary>
      {children}
    </details>
  );
}
