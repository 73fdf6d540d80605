// Views of the audit module: the administrators' event log with its filter form (plain GET, so a
// filtered view can be bookmarked or sent to a colleague), the result table and page links.
import type { Problem } from '../../core/errors/app-error.js';
import { Button, ErrorSummary, FormField, Pagination, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { AuditFilterInput, AuditPage, AuditViewRow } from './audit.service.js';

export const AUDIT_PATH = '/admin/dziennik';

function SelectField({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string;
  options: string[];
  anyLabel: string;
}) {
  // keep a value typed into the URL selectable even when no row has it (yet)
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">{anyLabel}</option>
        {all.map((o) => (
          <option key={o} value={o} selected={o === value}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

function useTimeFormat(): (iso: string) => string {
  const { fmt } = usePage();
  return (iso) => fmt.timestamp(iso);
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <>—</>;
  return (
    <ul class="plain audit-lines">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

export interface AuditLogViewProps {
  input: AuditFilterInput;
  problems: Problem[];
  choices: { actions: string[]; subjectTypes: string[] };
  result: AuditPage | null;
  /** Query string of the current filter (no `page`), '' when unfiltered. */
  query: string;
}

export function AuditLogView({ input, problems, choices, result, query }: AuditLogViewProps) {
  const { t, href } = usePage();
  const time = useTimeFormat();
  const link = (params: Record<string, string>) => href(`${AUDIT_PATH}?${new URLSearchParams(params).toString()}`);
  const pageLink = (p: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(p));
    return href(`${AUDIT_PATH}?${params.toString()}`);
  };
  const who = (r: AuditViewRow) => {
    if (!r.actorId) return t('audit.anonymous');
    const name = r.actorName ?? r.actorId;
    return (
      <>
        <a href={link({ actor: r.actorId })} aria-label={t('audit.showActor', { name })}>
          {name}
        </a>
        {r.actorEmail ? <span class="audit-sub">{r.actorEmail}</span> : null}
      </>
    );
  };
  const subject = (r: AuditViewRow) => {
    const label = r.subjectId ? `${r.subjectType} ${r.subjectId}` : r.subjectType;
    if (!r.subjectId) return label;
    return (
      <a href={link({ subject_type: r.subjectType, subject_id: r.subjectId })} aria-label={t('audit.showSubject', { subject: label })}>
        {label}
      </a>
    );
  };
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <p>{t('audit.intro')}</p>
      <ErrorSummary problems={problems} />
      <form method="get" action={href(AUDIT_PATH)} class="filter-form" aria-labelledby="audit-filters" novalidate>
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <div class="filter-grid">
          <FormField
            name="actor"
            label={t('audit.actor')}
            hint={t('audit.actorHint')}
            value={input.actor}
            maxLength={254}
            problems={problems}
          />
          <SelectField name="action" label={t('audit.action')} value={input.action} options={choices.actions} anyLabel={t('audit.any')} />
          <SelectField
            name="subject_type"
            label={t('audit.subjectType')}
            value={input.subject_type}
            options={choices.subjectTypes}
            anyLabel={t('audit.any')}
          />
          <FormField name="subject_id" label={t('audit.subjectId')} value={input.subject_id} maxLength={200} problems={problems} />
          <FormField name="from" type="date" label={t('audit.from')} hint={t('audit.dateHint')} value={input.from} problems={problems} />
          <FormField name="to" type="date" label={t('audit.to')} hint={t('audit.dateHint')} value={input.to} problems={problems} />
        </div>
        <div class="actions">
          <Button>{t('audit.submit')}</Button>
          {query ? <a href={href(AUDIT_PATH)}>{t('audit.clear')}</a> : null}
        </div>
      </form>
      {result ? (
        <>
          <p role="status">{t('count.results', { count: result.total })}</p>
          {result.total > 0 ? (
            <>
              <p>
                <a href={href(`${AUDIT_PATH}.csv${query ? `?${query}` : ''}`)} download>
                  {t('audit.download')}
                </a>
              </p>
              <Table
                caption={t('audit.caption', { page: result.page, pages: result.pages })}
                rows={result.rows}
                rowKey={(r) => r.id}
                columns={[
                  { header: t('audit.time'), cell: (r) => <time dateTime={r.at}>{time(r.at)}</time> },
                  { header: t('audit.who'), cell: who },
                  { header: t('audit.ip'), cell: (r) => r.ip ?? '—' },
                  { header: t('audit.action'), cell: (r) => <code>{r.action}</code> },
                  { header: t('audit.subject'), cell: subject },
                  { header: t('audit.changes'), cell: (r) => <Lines lines={r.changes} /> },
                  {
                    header: t('audit.details'),
                    cell: (r) => <Lines lines={[...r.meta, ...(r.requestId ? [t('audit.requestId', { id: r.requestId })] : [])]} />,
                  },
                ]}
              />
              <Pagination page={result.page} pages={result.pages} link={pageLink} />
            </>
          ) : (
            <p>{t('audit.none')}</p>
          )}
        </>
      ) : null}
    </>
  );
}
