// Views of the CSV import for staff: the upload form with recent imports, and one page per import
// that shows the step it is at — column mapping, dry-run report, progress, result. Without
// JavaScript the progress page has a refresh link; public/js/registry-import.js refreshes the
// progress region in place (no meta refresh: a page reloading itself disorients screen readers).
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldShell, Table, fieldDescription } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { TKey } from '../../../i18n/index.js';
import { IMPORT_FIELDS, MAX_IMPORT_MB, type ImportJobView } from './import.jobs.js';
import { IMPORT_FIELD_LABELS, problemText, type RowProblem } from './import.service.js';
import type { ImportRow } from './quality.repo.js';

export const IMPORT_PATH = '/admin/podmioty/import';

type JobSummary = Pick<ImportRow, 'id' | 'file_name' | 'status' | 'created_at' | 'ok_rows' | 'refused_rows' | 'total_rows'>;

export function ImportUploadView({ csrf, problems = [], jobs }: { csrf: string; problems?: Problem[]; jobs: JobSummary[] }) {
  const { t, href, fmt } = usePage();
  const mine = problems.filter((p) => p.field === 'file');
  const hint = t('registryImport.fileHint', { size: MAX_IMPORT_MB });
  return (
    <>
      <ErrorSummary problems={problems} />
      <p>{t('registryImport.intro')}</p>
      <form method="post" action={href(IMPORT_PATH)} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <FieldShell id="f-file" label={t('registryImport.file')} hint={hint} mine={mine} required>
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={fieldDescription('f-file', hint, mine)}
            aria-invalid={mine.length ? 'true' : undefined}
          />
        </FieldShell>
        <Button>{t('registryImport.upload')}</Button>
      </form>
      <h2>{t('registryImport.recent')}</h2>
      {jobs.length === 0 ? (
        <p>{t('registryImport.recentNone')}</p>
      ) : (
        <Table
          caption={t('registryImport.recent')}
          rows={jobs}
          rowKey={(j) => j.id}
          columns={[
            { header: t('registryImport.colFile'), cell: (j) => <a href={href(`${IMPORT_PATH}/${j.id}`)}>{j.file_name}</a> },
            { header: t('registryImport.colCreated'), cell: (j) => fmt.dateTime(j.created_at) },
            { header: t('registryImport.colStatus'), cell: (j) => t(`registryImport.status.${j.status}` as TKey) },
            {
              header: t('registryImport.colRows'),
              cell: (j) =>
                j.status === 'uploaded' ? fmt.number(j.total_rows) : `${fmt.number(j.ok_rows)} / ${fmt.number(j.refused_rows)}`,
              numeric: true,
            },
          ]}
        />
      )}
    </>
  );
}

function MappingForm({ csrf, job }: { csrf: string; job: ImportJobView }) {
  const { t, href } = usePage();
  const rows = job.headers.map((header, i) => ({ i, header }));
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('registryImport.mapping.title')}</h2>
      <p>{t('registryImport.mapping.intro')}</p>
      <form method="post" action={href(`${IMPORT_PATH}/${job.id}/sprawdz`)} novalidate>
        <CsrfField token={csrf} />
        <Table
          caption={t('registryImport.mapping.caption')}
          rows={rows}
          rowKey={(r) => String(r.i)}
          columns={[
            { header: t('registryImport.mapping.column'), cell: (r) => r.header || `#${r.i + 1}` },
            { header: t('registryImport.mapping.example'), cell: (r) => (job.example[r.i] ?? '').slice(0, 80) },
            {
              header: t('registryImport.mapping.target'),
              cell: (r) => (
                <>
                  <label class="visually-hidden" for={`f-col_${r.i}`}>
                    {t('registryImport.mapping.targetLabel', { header: r.header || `#${r.i + 1}` })}
                  </label>
                  <select id={`f-col_${r.i}`} name={`col_${r.i}`}>
                    <option value="" selected={job.mapping[r.i] == null}>
                      {t('registryImport.mapping.ignore')}
                    </option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f} selected={job.mapping[r.i] === f}>
                        {t(IMPORT_FIELD_LABELS[f])}
                      </option>
                    ))}
                  </select>
                </>
              ),
            },
          ]}
        />
        <Button>{t('registryImport.mapping.check')}</Button>
      </form>
    </section>
  );
}

function ProblemsTable({ problems, total }: { problems: RowProblem[]; total: number }) {
  const { t } = usePage();
  if (problems.length === 0) return null;
  const rows = problems.map((p, i) => ({ ...p, i }));
  return (
    <>
      <Table
        caption={t('registryImport.report.caption')}
        rows={rows}
        rowKey={(p) => String(p.i)}
        columns={[
          { header: t('registryImport.report.row'), cell: (p) => String(p.row), numeric: true },
          {
            header: t('registryImport.report.field'),
            cell: (p) => (p.field ? t(IMPORT_FIELD_LABELS[p.field]) : t('registryImport.report.wholeRow')),
          },
          { header: t('registryImport.report.problem'), cell: (p) => problemText(t, p) },
        ]}
      />
      {total > problems.length ? <p>{t('registryImport.report.more', { shown: problems.length, count: total })}</p> : null}
    </>
  );
}

function Report({ csrf, job }: { csrf: string; job: ImportJobView }) {
  const { t, href, fmt } = usePage();
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('registryImport.report.title')}</h2>
      <p>
        {t('registryImport.report.summary', { total: fmt.number(job.total), ok: fmt.number(job.ok), refused: fmt.number(job.refused) })}
      </p>
      {job.refused === 0 ? <p>{t('registryImport.report.none')}</p> : <p>{t('registryImport.report.refusedNote')}</p>}
      <ProblemsTable problems={job.problems} total={job.problemCount} />
      {job.ok > 0 ? (
        <form method="post" action={href(`${IMPORT_PATH}/${job.id}/importuj`)}>
          <CsrfField token={csrf} />
          <Button>{t('registryImport.report.start', { count: fmt.number(job.ok) })}</Button>
        </form>
      ) : (
        <Alert kind="warning">{t('registryImport.report.nothing')}</Alert>
      )}
    </section>
  );
}

function Progress({ job }: { job: ImportJobView }) {
  const { t, href, fmt } = usePage();
  const running = job.status === 'running' && !job.isStale;
  return (
    <div class="import-progress" role={running ? 'status' : undefined} data-import-progress data-status={running ? 'running' : job.status}>
      {running ? (
        <>
          <p id="import-progress-text">
            {t('registryImport.progress.running', { count: job.total, done: fmt.number(job.processed), total: fmt.number(job.total) })}
          </p>
          <progress max={job.total} value={job.processed} aria-labelledby="import-progress-text">
            {job.total === 0 ? '' : `${Math.floor((job.processed / job.total) * 100)}%`}
          </progress>
          <p>
            <a href={href(`${IMPORT_PATH}/${job.id}`)}>{t('registryImport.progress.refresh')}</a>
          </p>
        </>
      ) : job.status === 'done' ? (
        <Alert kind="success">
          {t('registryImport.progress.done', { imported: fmt.number(job.imported), refused: fmt.number(job.refused) })}
        </Alert>
      ) : (
        <Alert kind="error">{t('registryImport.progress.failed', { imported: fmt.number(job.imported) })}</Alert>
      )}
    </div>
  );
}

export function ImportJobPageView({ csrf, job, problems = [] }: { csrf: string; job: ImportJobView; problems?: Problem[] }) {
  const { t, href, fmt } = usePage();
  const fileProblems: Problem[] = job.fileProblems.map((p) => ({
    key: p.key,
    ...(p.params
      ? {
          params: {
            ...p.params,
            ...(typeof p.params.field === 'string' && IMPORT_FIELDS.includes(p.params.field as never)
              ? { field: t(IMPORT_FIELD_LABELS[p.params.field as (typeof IMPORT_FIELDS)[number]]) }
              : {}),
          },
        }
      : {}),
  }));
  const editable = job.status === 'uploaded' || job.status === 'checked';
  return (
    <>
      <ErrorSummary problems={[...problems, ...fileProblems]} linkFields={false} />
      <p>
        {t('registryImport.mapping.detected', {
          file: job.fileName,
          encoding: job.encoding,
          delimiter: job.delimiter === '\t' ? 'TAB' : job.delimiter,
          count: fmt.number(job.total),
        })}
      </p>
      {editable ? <MappingForm csrf={csrf} job={job} /> : null}
      {job.status === 'checked' ? <Report csrf={csrf} job={job} /> : null}
      {job.status === 'running' || job.status === 'done' || job.status === 'failed' ? (
        <>
          <Progress job={job} />
          {job.status !== 'running' ? <ProblemsTable problems={job.problems} total={job.problemCount} /> : null}
          <p>
            <a href={href(IMPORT_PATH)}>{t('registryImport.progress.back')}</a> ·{' '}
            <a href={href('/admin/podmioty')}>{t('registryImport.progress.registry')}</a>
          </p>
          <script src="/assets/js/registry-import.js" defer />
        </>
      ) : null}
    </>
  );
}
