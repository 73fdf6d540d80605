// Staff views of indicators: the list of a programme's indicators with the year-closing form, the
// definition form (every field labelled, problems summarised at the top and next to each field),
// and the values page — direct entry for reported indicators, approval and return of submitted
// values, the current computed figures with the recompute button, and the history of changes.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, SelectField as Select } from '../../core/ui/fields.js';
import type { TKey } from '../../i18n/index.js';
import { FILTER_LEGAL_FORMS, FILTER_LIFECYCLES } from './indicators.formulas.js';
import type { HistoryRow, ValueRow } from './indicators.repo.js';
import type { DefinitionValues, FormulaParamField, IndicatorView } from './indicators.service.js';
import type { TerritoryOption } from './indicators.territory.js';
import { SMALL_COUNT_LIMIT, SMALL_COUNT_TEXT } from './indicators.privacy.js';
import { FormulaDescription, indicatorPath, ProgressBadge } from './indicators.views.js';
import { INDICATOR_BREAKDOWNS, INDICATOR_DIRECTIONS, INDICATOR_METHODS, INDICATOR_TYPES } from './indicators.tables.js';

export interface AdminProgramme {
  id: string;
  slug: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
}

export const adminBase = (p: { id: string }) => `/admin/program/${p.id}/wskazniki`;

function Checkboxes({
  name,
  legend,
  options,
  values,
  problems,
  hint,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: readonly string[];
  problems: Problem[];
  hint?: string;
}) {
  const text = problems.filter((p) => p.field === name);
  const { t } = usePage();
  return (
    <fieldset class={`field${text.length ? ' field--error' : ''}`} id={`f-${name}`} aria-describedby={hint ? `f-${name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {text.length ? (
        <p class="field-error">{text.map((p) => t(p.key as TKey, { ...(p.params ?? {}), field: legend })).join(' ')}</p>
      ) : null}
      {options.map((o) => (
        <div class="checkbox" key={o.value}>
          <input type="checkbox" id={`f-${name}-${o.value}`} name={name} value={o.value} checked={values.includes(o.value)} />
          <label for={`f-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

const listOf = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const textOf = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export function IndicatorAdminList({
  programme,
  views,
  csrf,
  notice,
  years,
}: {
  programme: AdminProgramme;
  views: IndicatorView[];
  csrf: string;
  notice: string | null;
  years: number[];
}) {
  const { t, href } = usePage();
  const base = adminBase(programme);
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>{t('indicators.admin.intro', { programme: programme.title })}</p>
      <p>
        <a class="button button--primary" href={href(`${base}/nowy`)}>
          {t('indicators.admin.add')}
        </a>{' '}
        <a href={href(`/program/${programme.slug}/wskazniki`)}>{t('indicators.admin.publicPage')}</a>
      </p>
      {views.length === 0 ? (
        <p>{t('indicators.list.empty')}</p>
      ) : (
        <Table
          caption={t('indicators.admin.title')}
          rowKey={(v) => v.indicator.id}
          rows={views}
          columns={[
            { header: t('indicators.field.code'), cell: (v) => v.indicator.code },
            { header: t('indicators.field.name'), cell: (v) => v.indicator.name },
            { header: t('indicators.field.method'), cell: (v) => t(`indicators.method.${v.indicator.method}` as TKey) },
            { header: t('indicators.field.breakdown'), cell: (v) => t(`indicators.breakdown.${v.indicator.breakdown}` as TKey) },
            { header: t('indicators.progress.label'), cell: (v) => <ProgressBadge progress={v.progress} /> },
            {
              header: t('indicators.admin.actions'),
              cell: (v) => (
                <>
                  <a href={href(`${base}/${v.indicator.id}`)} aria-label={`${t('indicators.admin.edit')}: ${v.indicator.code}`}>
                    {t('indicators.admin.edit')}
                  </a>
                  {' · '}
                  <a href={href(`${base}/${v.indicator.id}/wartosci`)} aria-label={`${t('indicators.admin.values')}: ${v.indicator.code}`}>
                    {t('indicators.admin.values')}
                  </a>
                </>
              ),
            },
          ]}
        />
      )}
      {views.some((v) => v.indicator.method === 'computed') && years.length ? (
        <form method="post" action={href(`${base}/zamknij-rok`)} class="inline-form">
          <CsrfField token={csrf} />
          <Select
            name="year"
            label={t('indicators.admin.closeYear')}
            value={String(years[years.length - 1])}
            problems={[]}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <Button variant="secondary">{t('indicators.admin.closePeriod')}</Button>
        </form>
      ) : null}
    </>
  );
}

export function DefinitionForm({
  programme,
  id,
  values,
  problems,
  csrf,
  elements,
  formulas,
  formulaParams,
}: {
  programme: AdminProgramme;
  id: string | null;
  values: DefinitionValues;
  problems: Problem[];
  csrf: string;
  elements: { id: string; code: string; title: string }[];
  /** The formulas offered, by key and name. */
  formulas: { value: string; label: string }[];
  /** The parameters the formulas declare, each a group of checkboxes with names. */
  formulaParams: FormulaParamField[];
}) {
  const { t, href } = usePage();
  const base = adminBase(programme);
  const opt = <K extends string>(list: readonly K[], prefix: string) => list.map((k) => ({ value: k, label: t(`${prefix}.${k}` as TKey) }));
  return (
    <>
      <ErrorSummary problems={problems} fieldIds={{ elements: 'f-elements', legal_forms: 'f-legal_forms', lifecycles: 'f-lifecycles' }} />
      <form method="post" action={href(id ? `${base}/${id}` : `${base}/nowy`)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="code"
          label={t('indicators.field.code')}
          hint={t('indicators.hint.code')}
          value={textOf(values.code)}
          problems={problems}
          required
          maxLength={20}
        />
        <FormField
          name="name"
          label={t('indicators.field.name')}
          value={textOf(values.name)}
          problems={problems}
          required
          maxLength={300}
        />
        <FormField
          name="description"
          label={t('indicators.field.description')}
          value={textOf(values.description)}
          problems={problems}
          multiline
          rows={3}
        />
        <FormField name="unit" label={t('indicators.field.unit')} value={textOf(values.unit)} problems={problems} required maxLength={60} />
        <Select
          name="type"
          label={t('indicators.field.type')}
          value={textOf(values.type)}
          problems={problems}
          options={opt(INDICATOR_TYPES, 'indicators.type')}
        />
        <Select
          name="direction"
          label={t('indicators.field.direction')}
          value={textOf(values.direction)}
          problems={problems}
          options={opt(INDICATOR_DIRECTIONS, 'indicators.direction')}
        />
        <FormField
          name="baseline_value"
          label={t('indicators.field.baselineValue')}
          value={textOf(values.baseline_value)}
          problems={problems}
          inputMode="decimal"
        />
        <FormField
          name="baseline_year"
          label={t('indicators.field.baselineYear')}
          value={textOf(values.baseline_year)}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
        />
        <FormField
          name="targets"
          label={t('indicators.field.targets')}
          hint={t('indicators.hint.targets')}
          value={textOf(values.targets)}
          problems={problems}
          multiline
          rows={4}
        />
        <div class="checkbox">
          <input
            type="checkbox"
            id="f-is_negative_allowed"
            name="is_negative_allowed"
            value="on"
            checked={textOf(values.is_negative_allowed) !== ''}
          />
          <label for="f-is_negative_allowed">{t('indicators.field.negativeAllowed')}</label>
        </div>
        <CheckboxField
          name="is_small_count_suppressed"
          value="on"
          label={t('indicators.field.smallCounts')}
          hint={t('indicators.hint.smallCounts', { limit: SMALL_COUNT_LIMIT, text: SMALL_COUNT_TEXT })}
          checked={textOf(values.is_small_count_suppressed) !== ''}
          problems={problems}
        />
        <Select
          name="frequency"
          label={t('indicators.field.frequency')}
          value={textOf(values.frequency) || 'annual'}
          problems={problems}
          options={[{ value: 'annual', label: t('indicators.frequency.annual') }]}
        />
        <FormField
          name="data_source"
          label={t('indicators.field.dataSource')}
          value={textOf(values.data_source)}
          problems={problems}
          maxLength={500}
        />
        <FormField
          name="responsible_partner"
          label={t('indicators.field.responsiblePartner')}
          value={textOf(values.responsible_partner)}
          problems={problems}
          maxLength={300}
        />
        <Select
          name="breakdown"
          label={t('indicators.field.breakdown')}
          value={textOf(values.breakdown)}
          problems={problems}
          options={opt(INDICATOR_BREAKDOWNS, 'indicators.breakdown')}
        />
        <Select
          name="method"
          label={t('indicators.field.method')}
          value={textOf(values.method)}
          problems={problems}
          options={opt(INDICATOR_METHODS, 'indicators.method')}
        />
        <Select
          name="formula"
          label={t('indicators.field.formula')}
          hint={t('indicators.hint.formula')}
          value={textOf(values.formula)}
          problems={problems}
          options={[{ value: '', label: t('indicators.formula.none') }, ...formulas]}
        />
        <Checkboxes
          name="legal_forms"
          legend={t('indicators.field.legalForms')}
          values={listOf(values.legal_forms)}
          problems={problems}
          options={FILTER_LEGAL_FORMS.map((f) => ({ value: f, label: t(`registry.legalForm.${f}` as TKey) }))}
        />
        <Checkboxes
          name="lifecycles"
          legend={t('indicators.field.lifecycles')}
          values={listOf(values.lifecycles)}
          problems={problems}
          options={FILTER_LIFECYCLES.map((f) => ({ value: f, label: t(`registry.lifecycle.${f}` as TKey) }))}
        />
        {formulaParams.map((p) => (
          <Checkboxes
            key={p.name}
            name={p.name}
            legend={p.legend}
            hint={p.hint}
            values={listOf(values[p.name])}
            problems={problems}
            options={p.options}
          />
        ))}
        {elements.length ? (
          <Checkboxes
            name="elements"
            legend={t('indicators.field.elements')}
            hint={t('indicators.hint.elements')}
            values={listOf(values.elements)}
            problems={problems}
            options={elements.map((e) => ({ value: e.id, label: `${e.code} ${e.title}` }))}
          />
        ) : null}
        <Button>{t('indicators.admin.save')}</Button>
      </form>
      {id ? (
        <form method="post" action={href(`${base}/${id}/usun`)} class="danger-zone">
          <CsrfField token={csrf} />
          <p>{t('indicators.admin.deleteConfirm')}</p>
          <Button variant="secondary">{t('indicators.admin.delete')}</Button>
        </form>
      ) : null}
    </>
  );
}

export interface ValuesPageData {
  programme: AdminProgramme;
  view: IndicatorView;
  values: (ValueRow & { territoryName: string })[];
  history: (HistoryRow & { user_name: string | null; territoryName: string; period: number })[];
  territories: TerritoryOption[];
  years: number[];
  closedYears: Set<number>;
}

export function ValuesAdminView({
  data,
  csrf,
  notice,
  problems,
  form,
}: {
  data: ValuesPageData;
  csrf: string;
  notice: string | null;
  problems: Problem[];
  form: Record<string, string>;
}) {
  const { t, fmt, href } = usePage();
  const { programme, view } = data;
  const i = view.indicator;
  const base = `${adminBase(programme)}/${i.id}`;
  const n = (v: number | null) => (v === null ? '—' : fmt.number(v));
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      <p>
        <ProgressBadge progress={view.progress} /> ·{' '}
        <a href={href(indicatorPath(programme.slug, i.code))}>{t('indicators.admin.publicPage')}</a> ·{' '}
        <a href={href(base)}>{t('indicators.admin.edit')}</a>
      </p>
      {i.method === 'computed' ? (
        <section aria-labelledby="computed-title">
          <h2 id="computed-title">{t('indicators.admin.computedTitle')}</h2>
          {view.formula ? (
            <p>
              {t('indicators.field.formula')}: <FormulaDescription formula={view.formula} formulaParams={i.formula_params} />
            </p>
          ) : null}
          <p>{t('indicators.computedNote')}</p>
          <Table
            caption={t('indicators.admin.computedCaption')}
            rowKey={(f) => String(f.period)}
            rows={view.regionSeries}
            columns={[
              { header: t('indicators.field.period'), cell: (f) => String(f.period) },
              { header: `${t('indicators.field.value')} (${i.unit})`, numeric: true, cell: (f) => n(f.value) },
              {
                header: t('indicators.admin.state'),
                cell: (f) => (f.isLive ? t('indicators.admin.stateLive') : t('indicators.admin.stateClosed')),
              },
            ]}
          />
          <form method="post" action={href(`${base}/przelicz`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('indicators.admin.recompute')}</Button>
          </form>
        </section>
      ) : (
        <section aria-labelledby="enter-title">
          <h2 id="enter-title">{t('indicators.admin.enterTitle')}</h2>
          <p class="hint">{t('indicators.admin.enterHint')}</p>
          <form method="post" action={href(`${base}/wartosci`)} novalidate>
            <CsrfField token={csrf} />
            <Select
              name="period"
              label={t('indicators.field.period')}
              value={form.period ?? String(data.years[data.years.length - 1] ?? '')}
              problems={problems}
              options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <Select
              name="territory_code"
              label={t('indicators.field.territory')}
              value={form.territory_code ?? 'region'}
              problems={problems}
              options={data.territories.map((o) => ({ value: o.code, label: o.name }))}
            />
            <FormField
              name="value"
              label={`${t('indicators.field.value')} (${i.unit})`}
              hint={t('indicators.hint.value')}
              value={form.value ?? ''}
              problems={problems}
              inputMode="decimal"
              required
            />
            <FormField name="source" label={t('indicators.field.source')} value={form.source ?? ''} problems={problems} maxLength={1000} />
            <FormField
              name="comment"
              label={t('indicators.field.comment')}
              value={form.comment ?? ''}
              problems={problems}
              multiline
              rows={2}
              maxLength={1000}
            />
            <Button>{t('indicators.admin.enter')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="values-title">
        <h2 id="values-title">{t('indicators.admin.values')}</h2>
        {data.values.length === 0 ? (
          <p>{t('indicators.admin.noValues')}</p>
        ) : (
          <Table
            caption={t('indicators.admin.valuesTitle', { code: i.code })}
            rowKey={(v) => v.id}
            rows={data.values}
            columns={[
              { header: t('indicators.field.period'), cell: (v) => String(v.period) },
              { header: t('indicators.field.territory'), cell: (v) => v.territoryName },
              {
                header: `${t('indicators.field.value')} (${i.unit})`,
                numeric: true,
                cell: (v) => (
                  <>
                    {n(v.value)}
                    {v.is_example ? <span class="example-mark"> {t('indicators.example')}</span> : null}
                  </>
                ),
              },
              {
                header: t('indicators.field.status'),
                cell: (v) => (
                  <>
                    {t(`indicators.status.${v.status}` as TKey)}
                    {v.return_reason ? ` — ${v.return_reason}` : ''}
                  </>
                ),
              },
              { header: t('indicators.field.source'), cell: (v) => v.source ?? '' },
              {
                header: t('indicators.admin.actions'),
                cell: (v) =>
                  v.status === 'submitted' ? (
                    <div class="value-actions">
                      <form method="post" action={href(`${base}/wartosci/${v.id}/zatwierdz`)}>
                        <CsrfField token={csrf} />
                        <Button aria-label={`${t('indicators.admin.approve')}: ${v.period}, ${v.territoryName}`}>
                          {t('indicators.admin.approve')}
                        </Button>
                      </form>
                      <form method="post" action={href(`${base}/wartosci/${v.id}/zwroc`)}>
                        <CsrfField token={csrf} />
                        <label for={`f-reason-${v.id}`}>{t('indicators.field.returnReason')}</label>
                        <textarea id={`f-reason-${v.id}`} name="reason" rows={2} maxLength={1000} />
                        <Button variant="secondary" aria-label={`${t('indicators.admin.return')}: ${v.period}, ${v.territoryName}`}>
                          {t('indicators.admin.return')}
                        </Button>
                      </form>
                    </div>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('indicators.admin.history')}</h2>
        {data.history.length === 0 ? (
          <p>{t('indicators.admin.noValues')}</p>
        ) : (
          <Table
            caption={t('indicators.admin.historyCaption')}
            rowKey={(h) => h.id}
            rows={data.history}
            columns={[
              { header: t('indicators.admin.when'), cell: (h) => fmt.dateTime(h.at) },
              { header: t('indicators.field.period'), cell: (h) => `${h.period}, ${h.territoryName}` },
              { header: t('indicators.admin.action'), cell: (h) => t(`indicators.historyAction.${h.action}` as TKey) },
              { header: t('indicators.field.status'), cell: (h) => t(`indicators.status.${h.status}` as TKey) },
              { header: t('indicators.field.value'), numeric: true, cell: (h) => n(h.value) },
              { header: t('indicators.admin.who'), cell: (h) => h.user_name ?? t('indicators.admin.system') },
              { header: t('indicators.field.comment'), cell: (h) => h.comment ?? '' },
            ]}
          />
        )}
      </section>
    </>
  );
}
