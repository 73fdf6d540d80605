// Views of monitoring rounds: the partner's list and form (only their indicators and territories,
// one group per indicator, one fieldset per territory; reported values shown read-only), and the
// coordinator's pages — rounds with the "open a round" form, and one round with completeness per
// partner as a table and every value with approve / return actions. Status is always a word; a
// round's period reads "2026" or "I kwartał 2026" (indicators.period.ts).
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldShell, FormField, Table, PageHeader } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { RadioGroup, SelectField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import { formatAmount } from '../indicators.amount.js';
import { periodLabel, quarterOptions } from '../indicators.period.js';
import type { IndicatorRow } from '../indicators.repo.js';
import {
  adminRoundsPath,
  fieldName,
  isEditable,
  roundPath,
  type Cell,
  type PartnerProgress,
  type PartnerRound,
  type RoundRow,
  type RoundValue,
} from './monitoring.service.js';

function DateText({ day }: { day: string }) {
  const { fmt } = usePage();
  return <time dateTime={day}>{fmt.date(`${day}T12:00:00Z`)}</time>;
}

function StatusText({ status }: { status: string }) {
  const { t } = usePage();
  return <span class={`value-status value-status--${status}`}>{t(`indicators.status.${status}` as TKey)}</span>;
}

// --- partner ----------------------------------------------------------------------------------------

export function PartnerRoundsView({ rounds }: { rounds: { round: RoundRow; programme: string; cells: number; reported: number }[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('monitoring.partner.title')} />
      <p>{t('monitoring.partner.intro')}</p>
      {rounds.length === 0 ? (
        <p>{t('monitoring.partner.none')}</p>
      ) : (
        <Table
          caption={t('monitoring.partner.caption')}
          rowKey={(r) => r.round.id}
          rows={rounds}
          columns={[
            { header: t('monitoring.field.name'), cell: (r) => <a href={href(roundPath(r.round.id))}>{r.round.name}</a> },
            { header: t('monitoring.programme'), cell: (r) => r.programme },
            { header: t('monitoring.field.reportingPeriod'), cell: (r) => periodLabel(t, r.round.period, r.round.quarter) },
            { header: t('monitoring.field.deadline'), cell: (r) => <DateText day={r.round.deadline} /> },
            {
              header: t('monitoring.partner.reported'),
              cell: (r) => t('monitoring.partner.reportedOf', { done: r.reported, total: r.cells }),
              numeric: true,
            },
          ]}
        />
      )}
    </>
  );
}

function ReadOnlyCell({ cell }: { cell: Cell }) {
  const { t, fmt } = usePage();
  const v = cell.value!;
  return (
    <dl class="value-readonly">
      <dt>{t('indicators.field.value')}</dt>
      <dd>{v.value === null ? `— ${cell.indicator.unit}` : formatAmount(t, fmt, v.value, cell.indicator.unit)}</dd>
      <dt>{t('monitoring.status')}</dt>
      <dd>
        <StatusText status={v.status} />
      </dd>
      {v.source ? (
        <>
          <dt>{t('indicators.field.source')}</dt>
          <dd>{v.source}</dd>
        </>
      ) : null}
      {v.comment ? (
        <>
          <dt>{t('indicators.field.comment')}</dt>
          <dd>{v.comment}</dd>
        </>
      ) : null}
    </dl>
  );
}

function EditableCell({ cell, values, problems }: { cell: Cell; values: Record<string, string>; problems: Problem[] }) {
  const { t } = usePage();
  const v = fieldName('value', cell.key);
  return (
    <>
      {cell.value?.status === 'returned' ? (
        <Alert kind="warning" title={t('monitoring.partner.returned')}>
          <p>{cell.value.return_reason}</p>
        </Alert>
      ) : null}
      {cell.value?.status === 'draft' ? <p class="hint">{t('monitoring.partner.draftSaved')}</p> : null}
      <FormField
        name={v}
        label={t('monitoring.partner.valueIn', { unit: cell.indicator.unit })}
        value={values[v]}
        problems={problems}
        inputMode="decimal"
        hint={t('monitoring.partner.valueHint')}
      />
      <FormField
        name={fieldName('source', cell.key)}
        label={t('indicators.field.source')}
        value={values[fieldName('source', cell.key)]}
        problems={problems}
        maxLength={1000}
      />
      <FormField
        name={fieldName('comment', cell.key)}
        label={t('indicators.field.comment')}
        value={values[fieldName('comment', cell.key)]}
        problems={problems}
        maxLength={1000}
        multiline
        rows={2}
      />
    </>
  );
}

export function PartnerFormView({
  pr,
  csrf,
  values,
  problems,
  notice,
}: {
  pr: PartnerRound;
  csrf: string;
  values: Record<string, string>;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href } = usePage();
  const open = pr.round.status === 'open';
  const groups = new Map<string, { indicator: IndicatorRow; cells: Cell[] }>();
  for (const c of pr.cells) {
    const g = groups.get(c.indicator.id) ?? { indicator: c.indicator, cells: [] };
    g.cells.push(c);
    groups.set(c.indicator.id, g);
  }
  const anyEditable = open && pr.cells.some(isEditable);
  const body = [...groups.values()].map((g) => (
    <section key={g.indicator.id} class="round-indicator" aria-labelledby={`ind-${g.indicator.id}`}>
      <h2 id={`ind-${g.indicator.id}`}>
        {g.indicator.code} {g.indicator.name}
        {g.indicator.is_example ? <span class="example-mark"> ({t('indicators.exampleIndicator')})</span> : null}
      </h2>
      {g.indicator.is_example ? <p class="hint">{t('indicators.exampleIndicatorNote')}</p> : null}
      {g.indicator.description ? <p>{g.indicator.description}</p> : null}
      {g.cells.map((c) => (
        <fieldset key={c.key} class="round-cell">
          <legend>{c.territoryName}</legend>
          {open && isEditable(c) ? (
            <EditableCell cell={c} values={values} problems={problems} />
          ) : c.value ? (
            <ReadOnlyCell cell={c} />
          ) : (
            <p>{t('monitoring.partner.notReported')}</p>
          )}
        </fieldset>
      ))}
    </section>
  ));
  return (
    <>
      <PageHeader title={pr.round.name} />
      <ErrorSummary problems={problems} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        {pr.round.quarter
          ? t('monitoring.partner.formIntroQuarter', {
              programme: pr.programme.title,
              period: periodLabel(t, pr.round.period, pr.round.quarter),
            })
          : t('monitoring.partner.formIntro', { programme: pr.programme.title, period: pr.round.period })}{' '}
        {t('monitoring.field.deadline')}: <DateText day={pr.round.deadline} />.
      </p>
      {pr.round.quarter ? <p class="hint">{t('indicators.quarter.sumRule')}</p> : null}
      {!open ? <Alert kind="info">{t('monitoring.partner.closed')}</Alert> : null}
      {anyEditable ? (
        <form method="post" action={href(roundPath(pr.round.id))} novalidate>
          <CsrfField token={csrf} />
          {body}
          <div class="actions">
            <Button name="action" value="save" variant="secondary">
              {t('monitoring.partner.save')}
            </Button>
            <Button name="action" value="submit">
              {t('monitoring.partner.submit')}
            </Button>
          </div>
          <p class="hint">{t('monitoring.partner.submitHint')}</p>
        </form>
      ) : (
        body
      )}
    </>
  );
}

// --- coordinator ---------------------------------------------------------------------------------

export function AdminRoundsView({
  programme,
  rounds,
  indicators,
  csrf,
  values,
  problems,
  notice,
}: {
  programme: { slug: string; title: string; period_from: number; period_to: number };
  rounds: RoundRow[];
  indicators: IndicatorRow[];
  csrf: string;
  values: Record<string, string | string[] | undefined>;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href } = usePage();
  const chosen = new Set(Array.isArray(values.indicators) ? values.indicators : values.indicators ? [values.indicators] : []);
  const base = adminRoundsPath(programme.slug);
  const indicatorProblems = problems.filter((p) => p.field === 'indicators');
  return (
    <>
      <PageHeader title={t('monitoring.admin.title', { programme: programme.title })} />
      <ErrorSummary problems={problems} fieldIds={{ indicators: 'f-indicators-0' }} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>{t('monitoring.admin.intro')}</p>
      {rounds.length === 0 ? (
        <p>{t('monitoring.admin.none')}</p>
      ) : (
        <Table
          caption={t('monitoring.admin.caption')}
          rowKey={(r) => r.id}
          rows={rounds}
          columns={[
            { header: t('monitoring.field.name'), cell: (r) => <a href={href(`${base}/${r.id}`)}>{r.name}</a> },
            { header: t('monitoring.field.reportingPeriod'), cell: (r) => periodLabel(t, r.period, r.quarter) },
            { header: t('monitoring.field.deadline'), cell: (r) => <DateText day={r.deadline} /> },
            { header: t('monitoring.status'), cell: (r) => t(`monitoring.roundStatus.${r.status}` as TKey) },
          ]}
        />
      )}
      <h2 id="open-round">{t('monitoring.admin.openTitle')}</h2>
      {indicators.length === 0 ? (
        <p>{t('monitoring.admin.noIndicators')}</p>
      ) : (
        <form method="post" action={href(base)} novalidate>
          <CsrfField token={csrf} />
          <FormField
            name="name"
            label={t('monitoring.field.name')}
            hint={t('monitoring.admin.nameHint')}
            value={values.name as string | undefined}
            problems={problems}
            required
            maxLength={120}
          />
          <FormField
            name="period"
            label={t('monitoring.field.period')}
            hint={t('monitoring.admin.periodHint', { from: programme.period_from, to: programme.period_to })}
            value={values.period as string | undefined}
            problems={problems}
            required
            inputMode="numeric"
          />
          <RadioGroup
            name="period_kind"
            legend={t('monitoring.field.periodKind')}
            hint={t('indicators.quarter.sumRule')}
            options={[
              { value: 'year', label: t('monitoring.periodKind.year') },
              { value: 'quarter', label: t('monitoring.periodKind.quarter') },
            ]}
            value={typeof values.period_kind === 'string' && values.period_kind ? values.period_kind : 'year'}
            problems={problems}
          />
          <SelectField
            name="quarter"
            label={t('monitoring.field.quarter')}
            hint={t('monitoring.admin.quarterHint')}
            options={[{ value: '', label: '—' }, ...quarterOptions(t)]}
            value={typeof values.quarter === 'string' ? values.quarter : ''}
            problems={problems}
          />
          <FormField
            name="deadline"
            type="date"
            label={t('monitoring.field.deadline')}
            hint={t('monitoring.admin.deadlineHint')}
            value={values.deadline as string | undefined}
            problems={problems}
            required
          />
          <fieldset
            class={`field${indicatorProblems.length ? ' field--error' : ''}`}
            aria-describedby={indicatorProblems.length ? 'f-indicators-error' : undefined}
          >
            <legend>{t('monitoring.field.indicators')}</legend>
            {indicatorProblems.length ? (
              <p class="field-error" id="f-indicators-error">
                {t('monitoring.problem.noIndicators')}
              </p>
            ) : null}
            {indicators.map((i, n) => (
              <div class="checkbox" key={i.id}>
                <input type="checkbox" id={`f-indicators-${n}`} name="indicators" value={i.id} checked={chosen.has(i.id)} />
                <label for={`f-indicators-${n}`}>
                  {i.code} {i.name}
                  {i.is_example ? ` (${t('indicators.exampleIndicator')})` : null}
                </label>
              </div>
            ))}
          </fieldset>
          <Button>{t('monitoring.admin.open')}</Button>
        </form>
      )}
    </>
  );
}

export function AdminRoundView({
  slug,
  round,
  progress,
  values,
  csrf,
  problems,
  notice,
}: {
  slug: string;
  round: RoundRow;
  progress: PartnerProgress[];
  values: RoundValue[];
  csrf: string;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  const base = `${adminRoundsPath(slug)}/${round.id}`;
  return (
    <>
      <PageHeader title={round.name} />
      <ErrorSummary problems={problems} linkFields={false} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <dl class="facts">
        <dt>{t('monitoring.field.reportingPeriod')}</dt>
        <dd>{periodLabel(t, round.period, round.quarter)}</dd>
        <dt>{t('monitoring.field.deadline')}</dt>
        <dd>
          <DateText day={round.deadline} />
        </dd>
        <dt>{t('monitoring.status')}</dt>
        <dd>{t(`monitoring.roundStatus.${round.status}` as TKey)}</dd>
      </dl>
      {round.quarter ? <p class="hint">{t('indicators.quarter.sumRule')}</p> : null}
      <h2>{t('monitoring.admin.completeness')}</h2>
      {progress.length === 0 ? (
        <p>{t('monitoring.admin.noPartners')}</p>
      ) : (
        <Table
          caption={t('monitoring.admin.completenessCaption')}
          rowKey={(p) => p.userId}
          rows={progress}
          columns={[
            { header: t('monitoring.admin.partner'), cell: (p) => p.name },
            { header: t('monitoring.admin.expected'), cell: (p) => fmt.number(p.expected), numeric: true },
            { header: t('indicators.status.submitted'), cell: (p) => fmt.number(p.submitted), numeric: true },
            { header: t('indicators.status.approved'), cell: (p) => fmt.number(p.approved), numeric: true },
            { header: t('indicators.status.returned'), cell: (p) => fmt.number(p.returned), numeric: true },
            { header: t('monitoring.admin.missing'), cell: (p) => fmt.number(p.missing), numeric: true },
          ]}
        />
      )}
      <h2>{t('monitoring.admin.values')}</h2>
      {values.length === 0 ? (
        <p>{t('monitoring.admin.noValues')}</p>
      ) : (
        <Table
          caption={t('monitoring.admin.valuesCaption')}
          rowKey={(r) => r.value.id}
          rows={values}
          columns={[
            { header: t('monitoring.admin.cell'), cell: (r) => `${r.indicator.code} — ${r.territoryName}` },
            {
              header: t('indicators.field.value'),
              cell: (r) => (r.value.value === null ? '—' : formatAmount(t, fmt, r.value.value, r.indicator.unit)),
              numeric: true,
            },
            { header: t('monitoring.status'), cell: (r) => <StatusText status={r.value.status} /> },
            { header: t('monitoring.admin.enteredBy'), cell: (r) => r.enteredBy ?? '—' },
            {
              header: t('monitoring.admin.decision'),
              cell: (r) =>
                r.value.status === 'submitted' && round.status === 'open' ? (
                  <div class="round-decision">
                    <form method="post" action={href(`${base}/wartosci/${r.value.id}/zatwierdz`)} class="inline-form">
                      <CsrfField token={csrf} />
                      <Button
                        variant="secondary"
                        aria-label={t('monitoring.admin.approveLabel', { cell: `${r.indicator.code} — ${r.territoryName}` })}
                      >
                        {t('monitoring.admin.approve')}
                      </Button>
                    </form>
                    <form method="post" action={href(`${base}/wartosci/${r.value.id}/zwroc`)}>
                      <CsrfField token={csrf} />
                      <FieldShell
                        id={`f-reason-${r.value.id}`}
                        label={t('monitoring.admin.reasonLabel', { cell: `${r.indicator.code} — ${r.territoryName}` })}
                        mine={[]}
                      >
                        <input id={`f-reason-${r.value.id}`} name="reason" type="text" maxLength={1000} />
                      </FieldShell>
                      <Button variant="secondary">{t('monitoring.admin.return')}</Button>
                    </form>
                  </div>
                ) : r.value.status === 'returned' && r.value.return_reason ? (
                  t('monitoring.admin.returnedBecause', { reason: r.value.return_reason })
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {round.status === 'open' ? (
        <>
          <h2>{t('monitoring.admin.closeTitle')}</h2>
          <p>{t('monitoring.admin.closeIntro')}</p>
          <form method="post" action={href(`${base}/zamknij`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('monitoring.admin.close')}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}
