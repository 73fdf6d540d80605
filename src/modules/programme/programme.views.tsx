// Views of the programme: the public page (summary, facts, dated status timeline as an ordered
// list, the objective tree, the indicators section and links), the archive, the helpful page shown
// while no programme is current, and the staff pages (list, programme form, life-cycle form).
// Historical dates are shown only as precisely as they are known ("2013", not an invented day).
// `/program` says plainly when no programme is in force today, and why the one shown is not.
import type { VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldShell, fieldDescription, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { Formatters } from '../../i18n/index.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import {
  type ProgrammeDetails,
  type ProgrammeRow,
  type StatusEventRow,
  isInForce,
  programmePath,
  statusLabel,
  TRANSITIONS,
} from './programme.service.js';
import type { DatePrecision, ProgrammeStatus } from './programme.tables.js';
import { PublicTree } from './structure.views.js';

export function eventDate(fmt: Formatters, day: string, precision: DatePrecision): string {
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month')
    return new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return fmt.date(`${day}T12:00:00Z`);
}

const datetimeAttr = (day: string, precision: DatePrecision) =>
  precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;

function Period({ p }: { p: Pick<ProgrammeRow, 'period_from' | 'period_to'> }) {
  return <>{p.period_from === p.period_to ? p.period_from : `${p.period_from}–${p.period_to}`}</>;
}

export function StatusTimeline({ programme, events }: { programme: ProgrammeRow; events: readonly StatusEventRow[] }) {
  const { t, fmt } = usePage();
  if (events.length === 0) return <p>{t('programme.timeline.empty')}</p>;
  return (
    <ol class="programme-timeline">
      {events.map((e) => (
        <li key={e.id}>
          <p class="programme-timeline__head">
            <time dateTime={datetimeAttr(e.occurred_on, e.date_precision)}>{eventDate(fmt, e.occurred_on, e.date_precision)}</time>
            {' — '}
            <strong>{t(statusLabel(e.status))}</strong>
          </p>
          {e.status === 'adopted' && programme.adopted_by && programme.adopted_on === e.occurred_on ? (
            <p>
              {programme.resolution_number
                ? t('programme.timeline.adoption', { body: programme.adopted_by, resolution: programme.resolution_number })
                : t('programme.timeline.adoptionNoNumber', { body: programme.adopted_by })}
            </p>
          ) : null}
          {e.note ? (
            <p class="programme-timeline__note" lang="pl">
              {e.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Facts({ d }: { d: ProgrammeDetails }) {
  const { t, fmt } = usePage();
  const p = d.programme;
  return (
    <dl class="programme-facts">
      <div>
        <dt>{t('programme.facts.status')}</dt>
        <dd>{t(statusLabel(p.status))}</dd>
      </div>
      <div>
        <dt>{t('programme.facts.period')}</dt>
        <dd>
          <Period p={p} />
        </dd>
      </div>
      {p.short_name ? (
        <div>
          <dt>{t('programme.form.shortName')}</dt>
          <dd>{p.short_name}</dd>
        </div>
      ) : null}
      {p.responsible_institution ? (
        <div>
          <dt>{t('programme.form.responsible')}</dt>
          <dd>{p.responsible_institution}</dd>
        </div>
      ) : null}
      {p.adopted_by ? (
        <div>
          <dt>{t('programme.facts.adoption')}</dt>
          <dd>
            {p.adopted_on ? fmt.date(`${p.adopted_on}T12:00:00Z`) : null}
            {p.adopted_on ? ', ' : null}
            {p.resolution_number
              ? t('programme.timeline.adoption', { body: p.adopted_by, resolution: p.resolution_number })
              : t('programme.timeline.adoptionNoNumber', { body: p.adopted_by })}
          </dd>
        </div>
      ) : null}
      {p.legal_basis ? (
        <div>
          <dt>{t('programme.form.legalBasis')}</dt>
          <dd lang="pl">{p.legal_basis}</dd>
        </div>
      ) : null}
      {d.alignment.length ? (
        <div>
          <dt>{t('programme.form.alignment')}</dt>
          <dd>
            <ul lang="pl">
              {d.alignment.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** `/program` while the programme it shows is not in force (`today`: the office's calendar day). */
function NotInForce({ p, today }: { p: ProgrammeRow; today: string }) {
  const { t, fmt } = usePage();
  const year = Number(today.slice(0, 4));
  const why =
    p.status === 'closed'
      ? t('programme.page.whyClosed')
      : year > p.period_to
        ? t('programme.page.whyEnded', { year: p.period_to })
        : year < p.period_from
          ? t('programme.page.whyNotStarted', { year: p.period_from })
          : t('programme.page.whyNotAdopted');
  return (
    <Alert kind="info" title={t('programme.page.noneInForce', { date: fmt.date(`${today}T12:00:00Z`) })}>
      <p>
        {t('programme.page.lastShown', {
          period: p.period_from === p.period_to ? String(p.period_from) : `${p.period_from}–${p.period_to}`,
          status: t(statusLabel(p.status)),
        })}{' '}
        {why}
      </p>
    </Alert>
  );
}

export function ProgrammePageView({
  d,
  extras,
  elementExtras,
  isCurrentPage,
  today,
}: {
  d: ProgrammeDetails;
  extras: VNode[];
  /** What other modules show under elements of the tree, by element id. */
  elementExtras?: ReadonlyMap<string, VNode[]>;
  isCurrentPage: boolean;
  today: string;
}) {
  const { t, href, lang } = usePage();
  const p = d.programme;
  const base = `/program/${p.slug}`;
  return (
    <>
      <PageHeader title={p.title} lang="pl" />
      {isCurrentPage ? (
        isInForce(p, today) ? (
          <p class="lead">{t('programme.page.currentLead')}</p>
        ) : (
          <NotInForce p={p} today={today} />
        )
      ) : !p.is_current ? (
        <p class="lead">{t('programme.page.archivedLead')}</p>
      ) : null}
      {lang !== 'pl' ? <p class="portal-lang-note">{t('programme.page.polishOnly')}</p> : null}
      <Facts d={d} />
      {p.summary ? (
        <section aria-labelledby="programme-summary">
          <h2 id="programme-summary">{t('programme.page.summary')}</h2>
          {/* Markdown rendered and sanitised by the portal's renderer */}
          <div class="prose" lang="pl" dangerouslySetInnerHTML={{ __html: renderMarkdown(p.summary) }} />
        </section>
      ) : null}
      <section aria-labelledby="programme-timeline">
        <h2 id="programme-timeline">{t('programme.timeline.title')}</h2>
        <StatusTimeline programme={p} events={d.events} />
      </section>
      <section aria-labelledby="programme-tree">
        <h2 id="programme-tree">{t('programme.structure.title')}</h2>
        <div lang="pl">
          <PublicTree tree={d.tree} level={3} {...(elementExtras ? { extras: elementExtras } : {})} />
        </div>
      </section>
      {extras}
      <section aria-labelledby="programme-more">
        <h2 id="programme-more">{t('programme.page.more')}</h2>
        <ul>
          <li>
            <a href={href(`${base}/wersje`)}>{t('programme.versions.title')}</a>
            {d.versions.length ? ` (${d.versions.length})` : null}
          </li>
          <li>
            <a href={href('/program/archiwum')}>{t('programme.archive.title')}</a>
          </li>
          <li>
            <a href={`/api/v1/program/${p.slug}`} hrefLang="en">
              {t('programme.page.api')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

export function NoCurrentView({ programmes, today }: { programmes: readonly ProgrammeRow[]; today: string }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('programme.title')} />
      <p class="lead">{t('programme.page.noneCurrent')}</p>
      {programmes.length ? (
        <>
          <p>{t('programme.page.noneCurrentArchive')}</p>
          <ProgrammeList programmes={programmes} today={today} />
        </>
      ) : (
        <p>{t('programme.page.noneAtAll')}</p>
      )}
      <p>
        <a href={href('/dokumenty')}>{t('programme.page.documentsLink')}</a>
      </p>
    </>
  );
}

function ProgrammeList({ programmes, today }: { programmes: readonly ProgrammeRow[]; today: string }) {
  const { t, href } = usePage();
  return (
    <ul class="programme-list">
      {programmes.map((p) => (
        <li key={p.id}>
          <a href={href(programmePath(p))} lang="pl">
            {p.title}
          </a>{' '}
          — <Period p={p} />, {t(statusLabel(p.status))}
          {isInForce(p, today) ? <> ({t('programme.inForce')})</> : null}
        </li>
      ))}
    </ul>
  );
}

export function ArchiveView({ programmes, today }: { programmes: readonly ProgrammeRow[]; today: string }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('programme.archive.title')} />
      <p class="lead">{t('programme.archive.lead')}</p>
      {programmes.length ? <ProgrammeList programmes={programmes} today={today} /> : <p>{t('programme.archive.empty')}</p>}
    </>
  );
}

// --- staff ---------------------------------------------------------------------------------------

export function ProgrammesAdminView({
  programmes,
  canManage,
  notice,
}: {
  programmes: readonly ProgrammeRow[];
  canManage: boolean;
  notice: string | null;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('programme.admin.title')} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>{t(canManage ? 'programme.admin.intro' : 'programme.admin.introEditor')}</p>
      {canManage ? (
        <p>
          <a class="button button--primary" href={href('/admin/program/nowy')}>
            {t('programme.admin.new')}
          </a>
        </p>
      ) : null}
      {programmes.length === 0 ? (
        <p>{t('programme.archive.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('programme.admin.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.form.title')}</th>
                <th scope="col">{t('programme.facts.period')}</th>
                <th scope="col">{t('programme.facts.status')}</th>
                <th scope="col">{t('programme.admin.parts')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {canManage ? <a href={href(`/admin/program/${p.id}`)}>{p.title}</a> : p.title}
                    {p.is_current ? <span class="portal-badge portal-badge--ok"> {t('programme.current')}</span> : null}
                  </th>
                  <td>
                    <Period p={p} />
                  </td>
                  <td>{t(statusLabel(p.status))}</td>
                  <td>
                    <ul class="plain">
                      <li>
                        <a href={href(`/admin/program/${p.id}/wersje`)}>
                          {t('programme.versions.adminTitle')}
                          <span class="visually-hidden">: {p.title}</span>
                        </a>
                      </li>
                      {canManage ? (
                        <>
                          <li>
                            <a href={href(`/admin/program/${p.id}/struktura`)}>
                              {t('programme.structure.adminTitle')}
                              <span class="visually-hidden">: {p.title}</span>
                            </a>
                          </li>
                          <li>
                            <a href={href(`/admin/program/${p.id}/wskazniki`)}>
                              {t('indicators.admin.title')}
                              <span class="visually-hidden">: {p.title}</span>
                            </a>
                          </li>
                          <li>
                            <a href={href(`/admin/program/${p.id}/monitorowanie`)}>
                              {t('monitoring.admin.rounds')}
                              <span class="visually-hidden">: {p.title}</span>
                            </a>
                          </li>
                        </>
                      ) : null}
                      <li>
                        <a href={href(programmePath(p))}>
                          {t('programme.admin.publicPage')}
                          <span class="visually-hidden">: {p.title}</span>
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ProgrammeFields({ values, problems, isNew }: { values: Record<string, string>; problems: Problem[]; isNew: boolean }) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <FormField name="title" label={t('programme.form.title')} value={v('title')} problems={problems} required maxLength={300} />
      <FormField
        name="short_name"
        label={t('programme.form.shortName')}
        hint={t('programme.form.shortNameHint')}
        value={v('short_name')}
        problems={problems}
        maxLength={80}
      />
      <FormField
        name="slug"
        label={t('programme.form.slug')}
        hint={t('programme.form.slugHint')}
        value={v('slug')}
        problems={problems}
        maxLength={80}
      />
      <FormField
        name="period_from"
        label={t('programme.form.periodFrom')}
        value={v('period_from')}
        problems={problems}
        required
        inputMode="numeric"
        maxLength={4}
      />
      <FormField
        name="period_to"
        label={t('programme.form.periodTo')}
        value={v('period_to')}
        problems={problems}
        required
        inputMode="numeric"
        maxLength={4}
      />
      {isNew ? (
        <FormField
          name="started_on"
          type="date"
          label={t('programme.form.startedOn')}
          hint={t('programme.form.startedOnHint')}
          value={v('started_on')}
          problems={problems}
        />
      ) : null}
      <FormField
        name="legal_basis"
        label={t('programme.form.legalBasis')}
        value={v('legal_basis')}
        problems={problems}
        multiline
        rows={3}
      />
      <FormField
        name="alignment"
        label={t('programme.form.alignment')}
        hint={t('programme.form.alignmentHint')}
        value={v('alignment')}
        problems={problems}
        multiline
        rows={4}
      />
      <FormField
        name="responsible_institution"
        label={t('programme.form.responsible')}
        value={v('responsible_institution')}
        problems={problems}
        maxLength={300}
      />
      <FormField
        name="summary"
        label={t('programme.form.summary')}
        hint={t('programme.form.summaryHint')}
        value={v('summary')}
        problems={problems}
        multiline
        rows={10}
      />
    </>
  );
}

export function ProgrammeNewView({ values, problems = [], csrf }: { values: Record<string, string>; problems?: Problem[]; csrf: string }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('programme.admin.new')} />
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/admin/program/nowy')} novalidate>
        <CsrfField token={csrf} />
        <ProgrammeFields values={values} problems={problems} isNew />
        <Button>{t('programme.save')}</Button>
      </form>
    </>
  );
}

function StatusForm({
  programme,
  values,
  problems,
  csrf,
}: {
  programme: ProgrammeRow;
  values: Record<string, string>;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href } = usePage();
  const next = TRANSITIONS[programme.status];
  if (next.length === 0) return <p>{t('programme.lifecycle.final')}</p>;
  const id = 'f-status';
  const mine = problems.filter((p) => p.field === 'status');
  const hint = t('programme.lifecycle.targetHint');
  const v = (k: string) => values[k] ?? '';
  return (
    <form method="post" action={href(`/admin/program/${programme.id}/status`)} novalidate>
      <CsrfField token={csrf} />
      <ErrorSummary problems={problems} />
      <FieldShell id={id} label={t('programme.lifecycle.target')} hint={hint} mine={mine} required>
        <select id={id} name="status" aria-describedby={fieldDescription(id, hint, mine)} aria-invalid={mine.length ? 'true' : undefined}>
          {next.map((s: ProgrammeStatus) => (
            <option key={s} value={s} selected={v('status') === s}>
              {t(statusLabel(s))}
            </option>
          ))}
        </select>
      </FieldShell>
      <FormField
        name="occurred_on"
        type="date"
        label={t('programme.lifecycle.date')}
        value={v('occurred_on')}
        problems={problems}
        required
      />
      {next.includes('adopted') ? (
        <fieldset>
          <legend>{t('programme.lifecycle.adoptionLegend')}</legend>
          <FormField
            name="adopted_by"
            label={t('programme.lifecycle.adoptedBy')}
            hint={t('programme.lifecycle.adoptedByHint')}
            value={v('adopted_by')}
            problems={problems}
            maxLength={300}
          />
          <FormField
            name="resolution_number"
            label={t('programme.lifecycle.resolution')}
            hint={t('programme.lifecycle.resolutionHint')}
            value={v('resolution_number')}
            problems={problems}
            maxLength={120}
          />
        </fieldset>
      ) : null}
      <FormField name="note" label={t('programme.lifecycle.note')} value={v('note')} problems={problems} multiline rows={3} />
      <Button>{t('programme.lifecycle.submit')}</Button>
    </form>
  );
}

export function ProgrammeAdminView({
  d,
  values,
  problems = [],
  statusValues,
  statusProblems = [],
  csrf,
  notice,
}: {
  d: ProgrammeDetails;
  values: Record<string, string>;
  problems?: Problem[];
  statusValues: Record<string, string>;
  statusProblems?: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t, href } = usePage();
  const p = d.programme;
  return (
    <>
      <PageHeader title={p.title} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ul class="actions plain">
        <li>
          <a href={href(`/admin/program/${p.id}/wersje`)}>{t('programme.versions.adminTitle')}</a>
        </li>
        <li>
          <a href={href(`/admin/program/${p.id}/struktura`)}>{t('programme.structure.adminTitle')}</a>
        </li>
        <li>
          <a href={href(`/admin/program/${p.id}/wskazniki`)}>{t('indicators.admin.title')}</a>
        </li>
        <li>
          <a href={href(`/admin/program/${p.id}/monitorowanie`)}>{t('monitoring.admin.rounds')}</a>
        </li>
        <li>
          <a href={href(programmePath(p))}>{t('programme.admin.publicPage')}</a>
        </li>
      </ul>
      <section aria-labelledby="lifecycle">
        <h2 id="lifecycle">{t('programme.lifecycle.title')}</h2>
        <p>{t('programme.lifecycle.currentStatus', { status: t(statusLabel(p.status)) })}</p>
        <StatusTimeline programme={p} events={d.events} />
        <StatusForm programme={p} values={statusValues} problems={statusProblems} csrf={csrf} />
      </section>
      <section aria-labelledby="current">
        <h2 id="current">{t('programme.admin.currentTitle')}</h2>
        {p.is_current ? (
          <p>{t('programme.admin.isCurrent')}</p>
        ) : (
          <form method="post" action={href(`/admin/program/${p.id}/biezacy`)}>
            <CsrfField token={csrf} />
            <p>{t('programme.admin.makeCurrentHint')}</p>
            <Button variant="secondary">{t('programme.admin.makeCurrent')}</Button>
          </form>
        )}
      </section>
      <section aria-labelledby="data">
        <h2 id="data">{t('programme.admin.dataTitle')}</h2>
        <ErrorSummary problems={problems} />
        <form method="post" action={href(`/admin/program/${p.id}`)} novalidate>
          <CsrfField token={csrf} />
          <ProgrammeFields values={values} problems={problems} isNew={false} />
          <Button>{t('programme.save')}</Button>
        </form>
      </section>
    </>
  );
}
