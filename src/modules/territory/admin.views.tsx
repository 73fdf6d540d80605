// Views of the coordinators' territory page: OWES subregions by period (with a check that every
// powiat is covered once), the subregion and new-period forms, the statistics upload and the
// preview that lists every problem and every value before anything is saved.
import type { CsvDelimiter } from '../../core/csv/index.js';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table, useProblemText, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField } from '../../core/ui/fields.js';
import type { TKey } from '../../i18n/index.js';
import { MAX_FILE_BYTES, statKey, type UploadPreview } from './statistics.service.js';
import { seededBasis, type Period, type Subregion } from './subregions.service.js';
import type { UnitRow } from './territory.repo.js';
import { STAT_MEASURES, type StatMeasure } from './territory.tables.js';
import { usePowiatName } from './territory.views.js';
import { profilePath } from './units.js';

const DELIMITER_NAME: Record<CsvDelimiter, TKey> = {
  ';': 'territory.stats.delimiter.semicolon',
  ',': 'territory.stats.delimiter.comma',
  '\t': 'territory.stats.delimiter.tab',
};

export const ADMIN_PATH = '/admin/terytorium';

export interface StatsSummaryRow {
  year: number;
  measure: StatMeasure;
  source: string;
  gminy: number;
  uploaded_at: string;
}

function PeriodLabel({ from, to }: { from: string; to: string | null }) {
  const { t, fmt } = usePage();
  return <>{t('territory.admin.period', { from: fmt.date(from), to: to ? fmt.date(to) : t('territory.admin.openEnded') })}</>;
}

export function AdminView({
  csrf,
  periods,
  powiaty,
  summary,
  notice,
  uploadProblems = [],
  uploadValues = {},
  deleteProblems = [],
}: {
  csrf: string;
  periods: Period[];
  powiaty: UnitRow[];
  summary: StatsSummaryRow[];
  notice: string | null;
  uploadProblems?: Problem[];
  uploadValues?: Record<string, string>;
  deleteProblems?: Problem[];
}) {
  const { t, href, lang, fmt } = usePage();
  const powiatName = usePowiatName();
  const nameOf = new Map(powiaty.map((p) => [p.teryt, powiatName(p)]));
  // powiaty come in Polish alphabetical order; members are listed in the same order
  const rank = new Map(powiaty.map((p, i) => [p.teryt, i]));
  const membersText = (s: Subregion) =>
    [...s.powiaty]
      .sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
      .map((x) => nameOf.get(x) ?? x)
      .join(', ');
  const years = [...new Set(summary.map((s) => s.year))];
  const problems = [...uploadProblems, ...deleteProblems];
  // the basis of the grouping loaded from the reference data, said plainly: a source, or an assumption
  const basisText = (s: Subregion) => {
    const basis = seededBasis(s);
    if (!basis) return t('territory.admin.basisOwn');
    const sources = basis.sources.map((x) => x.address).join('; ');
    if (basis.assumption === 'unchanged') return t('territory.admin.basisUnchanged', { sources });
    if (basis.assumption === 'remainder') return t('territory.admin.basisRemainder');
    return t('territory.admin.basisSources', { sources });
  };
  return (
    <>
      <PageHeader title={t('territory.admin.title')} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} />
      <p>{t('territory.admin.intro')}</p>

      <section aria-labelledby="subregions-heading">
        <h2 id="subregions-heading">{t('territory.admin.subregionsHeading')}</h2>
        <p>{t('territory.admin.subregionsIntro')}</p>
        <ul class="actions plain">
          <li>
            <a href={href(`${ADMIN_PATH}/subregiony/nowy`)}>{t('territory.admin.addSubregion')}</a>
          </li>
          <li>
            <a href={href(`${ADMIN_PATH}/okresy/nowy`)}>{t('territory.admin.addPeriod')}</a>
          </li>
        </ul>
        {periods.length === 0 ? <p>{t('territory.admin.noSubregions')}</p> : null}
        {periods.map((p) => (
          <div key={`${p.from}-${p.to ?? ''}`} class="territory-period">
            <h3>
              <PeriodLabel from={p.from} to={p.to} />
            </h3>
            {p.uncovered.length === 0 && p.doubled.length === 0 ? (
              <p class="territory-check">{t('territory.admin.coverageOk', { count: powiaty.length })}</p>
            ) : (
              <Alert kind="warning">
                {p.uncovered.length > 0 ? (
                  <p>{t('territory.admin.uncovered', { powiaty: p.uncovered.map((x) => nameOf.get(x) ?? x).join(', ') })}</p>
                ) : null}
                {p.doubled.length > 0 ? (
                  <p>{t('territory.admin.doubled', { powiaty: p.doubled.map((x) => nameOf.get(x) ?? x).join(', ') })}</p>
                ) : null}
              </Alert>
            )}
            {p.subregions.some((s) => seededBasis(s)?.assumption) ? (
              <Alert kind="warning">
                <p>{t('territory.admin.basisNote')}</p>
              </Alert>
            ) : null}
            <Table
              caption={t('territory.admin.periodCaption', { from: p.from, to: p.to ?? '…' })}
              rows={[...p.subregions]}
              rowKey={(s) => s.id}
              columns={[
                { header: t('territory.admin.subregion'), cell: (s: Subregion) => (lang === 'pl' ? s.name_pl : s.name_en) },
                { header: t('territory.admin.code'), cell: (s: Subregion) => <code>{s.code}</code> },
                { header: t('territory.admin.powiaty'), cell: membersText },
                { header: t('territory.admin.basis'), cell: basisText },
                {
                  header: t('territory.admin.actions'),
                  cell: (s: Subregion) => (
                    <a href={href(`${ADMIN_PATH}/subregiony/${s.id}`)}>
                      {t('territory.admin.edit')}
                      <span class="visually-hidden">: {lang === 'pl' ? s.name_pl : s.name_en}</span>
                    </a>
                  ),
                },
              ]}
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="stats-admin-heading">
        <h2 id="stats-admin-heading">{t('territory.stats.heading')}</h2>
        <p>{t('territory.stats.intro')}</p>
        {summary.length === 0 ? (
          <p>{t('territory.stats.none')}</p>
        ) : (
          <Table
            caption={t('territory.stats.summaryCaption')}
            rows={summary}
            rowKey={(r) => `${r.year}-${r.measure}-${r.source}`}
            columns={[
              { header: t('territory.stats.year'), cell: (r) => String(r.year) },
              { header: t('territory.stats.measure'), cell: (r) => t(`territory.statMeasure.${r.measure}`) },
              { header: t('territory.stats.gminy'), numeric: true, cell: (r) => fmt.number(r.gminy) },
              { header: t('territory.stats.source'), cell: (r) => r.source },
              { header: t('territory.stats.uploadedAt'), cell: (r) => fmt.dateTime(r.uploaded_at) },
            ]}
          />
        )}

        <form method="post" action={href(`${ADMIN_PATH}/statystyki`)} enctype="multipart/form-data" class="filter-form" novalidate>
          <h3>{t('territory.stats.uploadHeading')}</h3>
          <CsrfField token={csrf} />
          <FileField problems={uploadProblems} />
          <FormField
            name="source"
            label={t('territory.stats.source')}
            hint={t('territory.stats.sourceHint')}
            value={uploadValues.source ?? ''}
            problems={uploadProblems}
            required
            maxLength={200}
          />
          <details class="territory-details">
            <summary>{t('territory.stats.formatSummary')}</summary>
            <p>{t('territory.stats.formatColumns')}</p>
            <ul>
              <li>{t('territory.stats.formatTeryt')}</li>
              <li>{t('territory.stats.formatYear')}</li>
              {STAT_MEASURES.map((m) => (
                <li key={m}>{t(`territory.stats.formatMeasure.${m}`)}</li>
              ))}
            </ul>
            <p>{t('territory.stats.formatEncoding')}</p>
            <p>{t('territory.stats.formatExample')}</p>
            <pre class="territory-example">{'teryt;rok;ludnosc;bezrobotni;pomoc_spoleczna\n0463011;2023;196000;2100;5400'}</pre>
          </details>
          <Button>{t('territory.stats.check')}</Button>
        </form>

        {years.length > 0 ? (
          <form method="post" action={href(`${ADMIN_PATH}/statystyki/usun-rok`)} class="danger-zone" novalidate>
            <h3>{t('territory.stats.deleteHeading')}</h3>
            <CsrfField token={csrf} />
            <div class="field">
              <label for="f-year">{t('territory.stats.year')}</label>
              <select id="f-year" name="year">
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <CheckboxField
              name="confirm"
              value="tak"
              label={t('territory.stats.confirmDelete')}
              problems={deleteProblems}
              checked={false}
            />
            <Button variant="secondary">{t('territory.stats.deleteYear')}</Button>
          </form>
        ) : null}
      </section>
    </>
  );
}

function FileField({ problems }: { problems: Problem[] }) {
  const { t } = usePage();
  const text = useProblemText();
  const mine = problems.filter((p) => p.field === 'file');
  const describedBy = ['f-file-hint', mine.length ? 'f-file-error' : null].filter(Boolean).join(' ');
  return (
    <div class={`field${mine.length ? ' field--error' : ''}`}>
      <label for="f-file">
        {t('territory.stats.file')}
        <span aria-hidden="true"> *</span>
      </label>
      <p class="hint" id="f-file-hint">
        {t('territory.stats.fileHint', { mb: MAX_FILE_BYTES / 1024 / 1024 })}
      </p>
      {mine.length ? (
        <p class="field-error" id="f-file-error">
          {mine.map(text).join(' ')}
        </p>
      ) : null}
      <input
        id="f-file"
        name="file"
        type="file"
        accept=".csv,text/csv,text/plain"
        required
        aria-describedby={describedBy}
        aria-invalid={mine.length ? 'true' : undefined}
      />
    </div>
  );
}

// --- subregion form ---------------------------------------------------------------------------

export function SubregionFormView({
  csrf,
  id,
  values,
  powiaty,
  problems = [],
  saved,
}: {
  csrf: string;
  id: string | null;
  values: Record<string, string | string[]>;
  powiaty: UnitRow[];
  problems?: Problem[];
  saved?: boolean;
}) {
  const { t, href } = usePage();
  const powiatName = usePowiatName();
  const text = useProblemText();
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const ticked = new Set(Array.isArray(values.powiaty) ? values.powiaty : typeof values.powiaty === 'string' ? [values.powiaty] : []);
  const powiatProblems = problems.filter((p) => p.field === 'powiaty');
  const action = id ? `${ADMIN_PATH}/subregiony/${id}` : `${ADMIN_PATH}/subregiony/nowy`;
  return (
    <>
      <PageHeader title={id ? t('territory.admin.editTitle') : t('territory.admin.newTitle')} />
      {saved ? (
        <Alert kind="success">
          <p>{t('territory.admin.saved')}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} fieldIds={{ powiaty: 'f-powiaty' }} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        <FormField name="name_pl" label={t('territory.admin.namePl')} value={str('name_pl')} problems={problems} required maxLength={120} />
        <FormField name="name_en" label={t('territory.admin.nameEn')} value={str('name_en')} problems={problems} required maxLength={120} />
        <FormField
          name="code"
          label={t('territory.admin.code')}
          hint={t('territory.admin.codeHint')}
          value={str('code')}
          problems={problems}
          required
          maxLength={40}
        />
        <FormField
          name="valid_from"
          type="date"
          label={t('territory.admin.validFrom')}
          hint={t('territory.admin.dateHint')}
          value={str('valid_from')}
          problems={problems}
          required
        />
        <FormField
          name="valid_to"
          type="date"
          label={t('territory.admin.validTo')}
          hint={t('territory.admin.validToHint')}
          value={str('valid_to')}
          problems={problems}
        />
        <fieldset
          class={powiatProblems.length ? 'field--error' : undefined}
          aria-describedby={powiatProblems.length ? 'f-powiaty-error' : undefined}
        >
          <legend>{t('territory.admin.powiaty')}</legend>
          {powiatProblems.length ? (
            <p class="field-error" id="f-powiaty-error">
              {powiatProblems.map(text).join(' ')}
            </p>
          ) : null}
          <div class="territory-checkboxes">
            {powiaty.map((p, i) => (
              <div class="checkbox" key={p.teryt}>
                <input
                  type="checkbox"
                  id={i === 0 ? 'f-powiaty' : `f-powiaty-${p.teryt}`}
                  name="powiaty"
                  value={p.teryt}
                  checked={ticked.has(p.teryt)}
                />
                <label for={i === 0 ? 'f-powiaty' : `f-powiaty-${p.teryt}`}>{powiatName(p)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="actions">
          <Button>{t('territory.admin.save')}</Button>
          <a href={href(ADMIN_PATH)}>{t('territory.admin.back')}</a>
        </div>
      </form>
      {id ? (
        <form method="post" action={href(`${ADMIN_PATH}/subregiony/${id}/usun`)} class="danger-zone">
          <h2>{t('territory.admin.deleteHeading')}</h2>
          <p>{t('territory.admin.deleteText')}</p>
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('territory.admin.delete')}</Button>
        </form>
      ) : null}
    </>
  );
}

export function PeriodFormView({
  csrf,
  periods,
  values,
  problems = [],
}: {
  csrf: string;
  periods: Period[];
  values: Record<string, string>;
  problems?: Problem[];
}) {
  const { t, href, fmt } = usePage();
  const text = useProblemText();
  const mine = problems.filter((p) => p.field === 'copy_from');
  return (
    <>
      <PageHeader title={t('territory.admin.periodTitle')} />
      <p>{t('territory.admin.periodIntro')}</p>
      <ErrorSummary problems={problems} />
      {periods.length === 0 ? (
        <p>{t('territory.admin.noSubregions')}</p>
      ) : (
        <form method="post" action={href(`${ADMIN_PATH}/okresy/nowy`)} novalidate>
          <CsrfField token={csrf} />
          <div class={`field${mine.length ? ' field--error' : ''}`}>
            <label for="f-copy_from">{t('territory.admin.copyFrom')}</label>
            {mine.length ? (
              <p class="field-error" id="f-copy_from-error">
                {mine.map(text).join(' ')}
              </p>
            ) : null}
            <select id="f-copy_from" name="copy_from" aria-describedby={mine.length ? 'f-copy_from-error' : undefined}>
              {periods.map((p) => {
                const key = `${p.from}|${p.to ?? ''}`;
                return (
                  <option key={key} value={key} selected={values.copy_from === key}>
                    {t('territory.admin.period', { from: fmt.date(p.from), to: p.to ? fmt.date(p.to) : t('territory.admin.openEnded') })} (
                    {t('territory.admin.subregionCount', { count: p.subregions.length })})
                  </option>
                );
              })}
            </select>
          </div>
          <FormField
            name="valid_from"
            type="date"
            label={t('territory.admin.validFrom')}
            hint={t('territory.admin.dateHint')}
            value={values.valid_from ?? ''}
            problems={problems}
            required
          />
          <FormField
            name="valid_to"
            type="date"
            label={t('territory.admin.validTo')}
            hint={t('territory.admin.validToHint')}
            value={values.valid_to ?? ''}
            problems={problems}
          />
          <div class="actions">
            <Button>{t('territory.admin.createPeriod')}</Button>
            <a href={href(ADMIN_PATH)}>{t('territory.admin.back')}</a>
          </div>
        </form>
      )}
    </>
  );
}

// --- statistics preview -----------------------------------------------------------------------

export function UploadPreviewView({ csrf, preview, names }: { csrf: string; preview: UploadPreview; names: Map<string, string> }) {
  const { t, href, fmt } = usePage();
  const { result } = preview;
  const badLines = new Set(result.problems.map((p) => p.line)).size;
  const cell = (teryt: string, year: number, m: StatMeasure, value: number | undefined) => {
    if (value === undefined) return '—';
    const before = preview.existing.get(statKey(teryt, year, m));
    const note =
      before === undefined
        ? t('territory.stats.new')
        : before === value
          ? t('territory.stats.unchanged')
          : t('territory.stats.replaces', { value: fmt.number(before) });
    return (
      <>
        {fmt.number(value)} <span class="small">({note})</span>
      </>
    );
  };
  return (
    <>
      <PageHeader title={t('territory.stats.previewTitle')} />
      <p>{t('territory.stats.previewIntro')}</p>
      <dl class="mail-facts">
        <dt>{t('territory.stats.file')}</dt>
        <dd>{preview.fileName || '—'}</dd>
        <dt>{t('territory.stats.source')}</dt>
        <dd>{preview.source}</dd>
        <dt>{t('territory.stats.encoding')}</dt>
        <dd>
          {result.encoding}, {t(DELIMITER_NAME[result.delimiter])}
        </dd>
        <dt>{t('territory.stats.columns')}</dt>
        <dd>{result.columns.map((c) => `${c.header} → ${t(`territory.statMeasure.${c.measure}`)}`).join('; ')}</dd>
        {result.ignoredColumns.length > 0 ? (
          <>
            <dt>{t('territory.stats.ignoredColumns')}</dt>
            <dd>{result.ignoredColumns.join('; ')}</dd>
          </>
        ) : null}
        <dt>{t('territory.stats.rows')}</dt>
        <dd>{t('territory.stats.rowsSummary', { total: result.totalRows, good: result.rows.length, bad: badLines })}</dd>
      </dl>

      {result.problems.length > 0 ? (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t('territory.stats.problemsHeading', { count: badLines })}</h2>
          <Alert kind="warning">
            <p>{t('territory.stats.problemsIntro')}</p>
          </Alert>
          <Table
            caption={t('territory.stats.problemsCaption')}
            rows={result.problems.map((p, i) => ({ ...p, i }))}
            rowKey={(p) => String(p.i)}
            columns={[
              { header: t('territory.stats.line'), cell: (p) => String(p.line) },
              { header: t('territory.stats.code'), cell: (p) => p.code || '—' },
              { header: t('territory.stats.problemColumn'), cell: (p) => t(p.key as TKey, p.params) },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="save-heading">
        <h2 id="save-heading">{t('territory.stats.saveHeading')}</h2>
        {result.rows.length === 0 ? (
          <p>{t('territory.stats.nothingToSave')}</p>
        ) : (
          <Table
            caption={t('territory.stats.saveCaption', { count: preview.valueCount })}
            rows={result.rows}
            rowKey={(r) => `${r.teryt}-${r.year}`}
            columns={[
              { header: t('territory.table.gmina'), cell: (r) => <a href={href(profilePath(r.teryt))}>{names.get(r.teryt) ?? r.teryt}</a> },
              { header: t('territory.stats.code'), cell: (r) => r.teryt },
              { header: t('territory.stats.year'), cell: (r) => String(r.year) },
              ...STAT_MEASURES.map((m) => ({
                header: t(`territory.statMeasure.${m}`),
                numeric: true,
                cell: (r: (typeof result.rows)[number]) => cell(r.teryt, r.year, m, r.values[m]),
              })),
            ]}
          />
        )}
      </section>

      <div class="actions">
        {result.rows.length > 0 ? (
          <form method="post" action={href(`${ADMIN_PATH}/statystyki/${preview.id}/zapisz`)} class="inline-form">
            <CsrfField token={csrf} />
            <Button>{t('territory.stats.confirm', { count: preview.valueCount })}</Button>
          </form>
        ) : null}
        <form method="post" action={href(`${ADMIN_PATH}/statystyki/${preview.id}/anuluj`)} class="inline-form">
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('territory.stats.cancel')}</Button>
        </form>
      </div>
    </>
  );
}
