// Pages of buyers' needs: the public list and a need's page (with, for its buyer and staff, the
// state, the staff's message, "N podmiotów otrzyma powiadomienie" and the next step's form), the
// buyer's form (the offers' area picker, by name), "my needs" and the staff's moderation list.
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { CheckboxField, RadioGroup, SelectField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import { CATEGORY_KEYS } from '../offers.categories.js';
import type { UnitChoices } from '../offers.service.js';
import { AreaPicker, CpvList, fieldBinder } from '../offers.views.js';
import type { AnswerContext, FiguresRow, Funnel, NeedRow } from './needs.service.js';
import type { Answer } from './needs.tables.js';
import { needPath } from './needs.service.js';

type Values = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const catKey = (c: string) => `offers.categories.${c}` as TKey;

function useNeedText() {
  const { t, fmt } = usePage();
  return {
    amount: (n: NeedRow) =>
      n.amount_kind === 'range' && n.amount_min !== null && n.amount_max !== null
        ? t('needs.amountRange', { min: fmt.number(n.amount_min), max: fmt.number(n.amount_max) })
        : n.amount_kind === 'exact' && n.amount_min !== null
          ? t('needs.amountExact', { amount: fmt.number(n.amount_min) })
          : t('needs.amountUndisclosed'),
    area: (n: NeedRow, areas: string[], names: Map<string, string>) =>
      n.area_scope === 'region' ? t('needs.wholeRegion') : fmt.list(areas.map((a) => names.get(a) ?? a)),
  };
}

export function NeedsListView({ needs, canAdd }: { needs: NeedRow[]; canAdd: boolean }) {
  const { t, href, fmt } = usePage();
  const text = useNeedText();
  return (
    <>
      <PageHeader title={t('needs.title')} lead={t('needs.intro')} />
      {canAdd ? (
        <p>
          <a class="button button--primary" href={href('/oferta/potrzeby/nowa')}>
            {t('needs.add')}
          </a>{' '}
          <a href={href('/oferta/potrzeby/moje')}>{t('needs.mine')}</a>
        </p>
      ) : null}
      {needs.length === 0 ? (
        <p>{t('needs.none')}</p>
      ) : (
        <Table
          caption={t('needs.title')}
          rows={needs}
          rowKey={(n) => n.id}
          columns={[
            {
              header: t('needs.fields.title'),
              cell: (n) => (
                <>
                  <a href={href(needPath(n))}>{n.title}</a>
                  {n.is_example ? (
                    <>
                      {' '}
                      <span class="badge badge--synthetic">{t('offers.badges.example')}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: t('needs.fields.kind'), cell: (n) => t(`needs.kinds.${n.kind}`) },
            { header: t('needs.fields.category'), cell: (n) => t(catKey(n.category)) },
            { header: t('needs.fields.institution'), cell: (n) => n.institution },
            { header: t('needs.fields.deadline'), cell: (n) => fmt.date(n.deadline) },
            { header: t('needs.fields.amount'), cell: (n) => text.amount(n) },
          ]}
        />
      )}
    </>
  );
}

export function NeedView({
  need,
  cpvLabels,
  areas,
  unitNames,
  notice,
  manage,
  representing = [],
}: {
  need: NeedRow;
  /** Polish label of the need's CPV code when the vocabulary table holds it. */
  cpvLabels: ReadonlyMap<string, string>;
  areas: string[];
  unitNames: Map<string, string>;
  notice: string | null;
  /** For the buyer and staff: what they may do now. */
  manage: {
    recipients: number;
    canEdit: boolean;
    canSubmit: boolean;
    canClose: boolean;
    canDecide: boolean;
    csrf: string;
    problems: Problem[];
    values: Record<string, string>;
    answers: { funnel: Funnel; answers: { entity: string; answer: Answer; reason: string | null }[] };
    showFunnel: boolean;
    canRecordOutcome: boolean;
  } | null;
  /** Entities the visitor represents that were notified of this need: each answers on its own page. */
  representing?: { id: string; name: string }[];
}) {
  const { t, href, fmt } = usePage();
  const text = useNeedText();
  const base = needPath(need);
  return (
    <>
      <PageHeader title={need.title} />
      {need.is_example ? <Alert kind="info">{t('needs.exampleNotice')}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <dl class="facts">
        {manage ? (
          <>
            <dt>{t('needs.fields.state')}</dt>
            <dd>{t(`needs.states.${need.status}`)}</dd>
          </>
        ) : null}
        <dt>{t('needs.fields.kind')}</dt>
        <dd>{t(`needs.kinds.${need.kind}`)}</dd>
        <dt>{t('needs.fields.category')}</dt>
        <dd>{t(catKey(need.category))}</dd>
        {need.cpv ? (
          <>
            <dt>{t('needs.fields.cpv')}</dt>
            <dd>
              <CpvList codes={[need.cpv]} labels={cpvLabels} />
            </dd>
          </>
        ) : null}
        <dt>{t('needs.fields.area')}</dt>
        <dd>{text.area(need, areas, unitNames)}</dd>
        {need.only_ps || need.only_mark || need.only_reserved ? (
          <>
            <dt>{t('needs.form.filters')}</dt>
            <dd>
              {fmt.list(
                (['only_ps', 'only_mark', 'only_reserved'] as const).filter((f) => need[f]).map((f) => t(`needs.form.filterLabels.${f}`)),
              )}
            </dd>
          </>
        ) : null}
        <dt>{t('needs.fields.deadline')}</dt>
        <dd>{fmt.date(need.deadline)}</dd>
        <dt>{t('needs.fields.amount')}</dt>
        <dd>{text.amount(need)}</dd>
        <dt>{t('needs.fields.institution')}</dt>
        <dd>{need.institution}</dd>
        <dt>{t('needs.fields.contact')}</dt>
        <dd>
          {need.contact_name}, <a href={`mailto:${need.contact_email}`}>{need.contact_email}</a>
          {need.contact_phone ? `, ${need.contact_phone}` : ''}
        </dd>
        {need.link ? (
          <>
            <dt>{t('needs.fields.link')}</dt>
            <dd>
              <a href={need.link} rel="nofollow noopener">
                {need.link}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {representing.length ? (
        <ul class="plain">
          {representing.map((e) => (
            <li key={e.id}>
              <a href={href(`${base}/odpowiedz-podmiot/${e.id}`)}>{t('needs.answer.asEntity', { name: e.name })}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {manage ? (
        <>
          {need.staff_message && (need.status === 'changes_requested' || need.status === 'rejected') ? (
            <Alert kind="warning">
              <strong>{t('needs.staffMessage')}:</strong> {need.staff_message}
            </Alert>
          ) : null}
          {need.status === 'draft' || need.status === 'changes_requested' || need.status === 'submitted' ? (
            <p>
              <strong>{t('needs.recipients', { count: manage.recipients })}</strong>. {t('needs.recipientsHint')}
            </p>
          ) : null}
          {need.published_at !== null ? <AnswersSection data={manage.answers} showFunnel={manage.showFunnel} /> : null}
          {need.outcome_signed !== null ? (
            <p>
              {t(need.outcome_signed ? 'needs.outcome.recordedYes' : 'needs.outcome.recordedNo')}{' '}
              {need.outcome_value !== null ? t('needs.outcome.recordedValue', { value: fmt.number(Number(need.outcome_value)) }) : null}
            </p>
          ) : null}
          {manage.canRecordOutcome ? (
            <p>
              <a href={href(`${base}/wynik`)}>{t('needs.outcome.record')}</a>
            </p>
          ) : null}
          {manage.canEdit ? (
            <p>
              <a href={href(`${base}/edycja`)}>{t('needs.edit')}</a>
            </p>
          ) : null}
          {manage.canSubmit ? (
            <form method="post" action={href(`${base}/zglos`)}>
              <CsrfField token={manage.csrf} />
              <p>{t('needs.submitHint')}</p>
              <Button>{t('needs.submit')}</Button>
            </form>
          ) : null}
          {manage.canClose ? (
            <form method="post" action={href(`${base}/zamknij`)}>
              <CsrfField token={manage.csrf} />
              <Button variant="secondary">{t('needs.close')}</Button>
            </form>
          ) : null}
          {manage.canDecide ? (
            <section aria-labelledby="decision-title">
              <h2 id="decision-title">{t('needs.moderation.heading')}</h2>
              <ErrorSummary problems={manage.problems} />
              <form method="post" action={href(`${base}/decyzja`)} novalidate>
                <CsrfField token={manage.csrf} />
                <RadioGroup
                  name="decision"
                  legend={t('needs.moderation.decision')}
                  value={manage.values.decision ?? ''}
                  options={(['publish', 'changes', 'reject'] as const).map((d) => ({
                    value: d,
                    label: t(`needs.moderation.decisions.${d}`),
                  }))}
                  problems={manage.problems}
                />
                <FormField
                  name="message"
                  multiline
                  label={t('needs.moderation.message')}
                  hint={t('needs.moderation.messageHint')}
                  maxLength={2000}
                  value={manage.values.message ?? ''}
                  problems={manage.problems}
                />
                <Button>{t('needs.moderation.save')}</Button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function NeedFormView({
  title,
  action,
  values,
  problems,
  csrf,
  units,
  recipients,
}: {
  title: string;
  action: string;
  values: Values;
  problems: Problem[];
  csrf: string;
  units: UnitChoices;
  recipients: number | null;
}) {
  const { t, href } = usePage();
  const field = fieldBinder(values, problems);
  return (
    <>
      <PageHeader title={title} />
      {recipients !== null ? (
        <p>
          <strong>{t('needs.recipients', { count: recipients })}</strong>. {t('needs.recipientsHint')}
        </p>
      ) : null}
      <ErrorSummary problems={problems} fieldIds={{ area: 'f-area_scope' }} />
      <form method="post" action={href(action)} id="formularz" novalidate>
        <CsrfField token={csrf} />
        <RadioGroup
          name="kind"
          legend={t('needs.form.kind')}
          value={one(values.kind)}
          options={(['quote', 'tender', 'sounding'] as const).map((k) => ({ value: k, label: t(`needs.kinds.${k}`) }))}
          problems={problems}
        />
        <FormField {...field('title')} label={t('needs.form.title')} required maxLength={200} />
        <SelectField
          name="category"
          label={t('needs.form.category')}
          required
          value={one(values.category)}
          options={[{ value: '', label: t('needs.form.chooseCategory') }, ...CATEGORY_KEYS.map((c) => ({ value: c, label: t(catKey(c)) }))]}
          problems={problems}
        />
        <FormField {...field('cpv')} label={t('needs.form.cpv')} hint={t('needs.form.cpvHint')} maxLength={20} />
        <AreaPicker values={values} problems={problems} units={units} legend={t('needs.form.area')} />
        <fieldset class="fieldset">
          <legend>{t('needs.form.filters')}</legend>
          <p class="hint">{t('needs.form.filtersHint')}</p>
          {(['only_ps', 'only_mark', 'only_reserved'] as const).map((f) => (
            <CheckboxField key={f} name={f} checked={one(values[f]) === '1'} label={t(`needs.form.filterLabels.${f}`)} />
          ))}
        </fieldset>
        <FormField {...field('link')} type="url" label={t('needs.form.link')} hint={t('needs.form.linkHint')} maxLength={500} />
        <FormField {...field('deadline')} label={t('needs.form.deadline')} hint={t('needs.form.deadlineHint')} required maxLength={10} />
        <RadioGroup
          name="amount_kind"
          legend={t('needs.form.amountKind')}
          value={one(values.amount_kind) || 'undisclosed'}
          options={(['undisclosed', 'exact', 'range'] as const).map((k) => ({ value: k, label: t(`needs.form.amountKinds.${k}`) }))}
          problems={problems}
        />
        <FormField {...field('amount_min')} label={t('needs.form.amountMin')} inputMode="numeric" maxLength={14} />
        <FormField {...field('amount_max')} label={t('needs.form.amountMax')} inputMode="numeric" maxLength={14} />
        <FormField {...field('institution')} label={t('needs.form.institution')} required maxLength={300} />
        <FormField {...field('contact_name')} label={t('needs.form.contactName')} required maxLength={200} />
        <FormField
          {...field('contact_email')}
          type="email"
          autocomplete="email"
          label={t('needs.form.contactEmail')}
          required
          maxLength={254}
        />
        <FormField {...field('contact_phone')} type="tel" label={t('needs.form.contactPhone')} maxLength={30} />
        <Button>{t('needs.form.save')}</Button>
      </form>
    </>
  );
}

export function MyNeedsView({ needs }: { needs: NeedRow[] }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('needs.mine')} />
      <p>
        <a class="button button--primary" href={href('/oferta/potrzeby/nowa')}>
          {t('needs.add')}
        </a>
      </p>
      {needs.length === 0 ? <p>{t('needs.mineNone')}</p> : <NeedsTable needs={needs} caption={t('needs.mine')} fmt={fmt} />}
    </>
  );
}

function NeedsTable({ needs, caption, fmt }: { needs: NeedRow[]; caption: string; fmt: ReturnType<typeof usePage>['fmt'] }) {
  const { t, href } = usePage();
  return (
    <Table
      caption={caption}
      rows={needs}
      rowKey={(n) => n.id}
      columns={[
        { header: t('needs.fields.title'), cell: (n) => <a href={href(needPath(n))}>{n.title}</a> },
        { header: t('needs.fields.state'), cell: (n) => t(`needs.states.${n.status}`) },
        { header: t('needs.fields.institution'), cell: (n) => n.institution },
        { header: t('needs.fields.deadline'), cell: (n) => fmt.date(n.deadline) },
      ]}
    />
  );
}

export function ModerationView({ needs }: { needs: NeedRow[] }) {
  const { t, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('needs.moderation.title')} />
      {needs.length === 0 ? (
        <p>{t('needs.moderation.none')}</p>
      ) : (
        <NeedsTable needs={needs} caption={t('needs.moderation.title')} fmt={fmt} />
      )}
    </>
  );
}

function AnswersSection({
  data,
  showFunnel,
}: {
  data: { funnel: Funnel; answers: { entity: string; answer: Answer; reason: string | null }[] };
  showFunnel: boolean;
}) {
  const { t, fmt } = usePage();
  const stages = [
    { stage: t('needs.answers.notified'), count: data.funnel.notified },
    { stage: t('needs.answers.viewed'), count: data.funnel.viewed },
    { stage: t('needs.answers.answered'), count: data.funnel.answered },
  ];
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t('needs.answers.title')}</h2>
      {showFunnel ? (
        <Table
          caption={t('needs.answers.funnel')}
          rows={stages}
          rowKey={(r) => r.stage}
          columns={[
            { header: t('needs.answers.stage'), cell: (r) => r.stage },
            { header: t('needs.answers.count'), cell: (r) => fmt.number(r.count), numeric: true },
          ]}
        />
      ) : null}
      {data.answers.length === 0 ? (
        <p>{t('needs.answers.none')}</p>
      ) : (
        <Table
          caption={t('needs.answers.title')}
          rows={data.answers}
          rowKey={(r) => r.entity}
          columns={[
            { header: t('needs.answers.entity'), cell: (r) => r.entity },
            { header: t('needs.answers.answer'), cell: (r) => t(`needs.answer.options.${r.answer}`) },
            { header: t('needs.answers.reason'), cell: (r) => r.reason ?? '' },
          ]}
        />
      )}
    </section>
  );
}

export function AnswerFormView({
  answer,
  action,
  csrf,
  problems,
  values,
  saved,
}: {
  answer: AnswerContext;
  action: string;
  csrf: string;
  problems: Problem[];
  values: Record<string, string>;
  saved: boolean;
}) {
  const { t, href, fmt } = usePage();
  const { need, row } = answer;
  return (
    <>
      <PageHeader title={t('needs.answer.title')} lead={t('needs.answer.lead', { entity: answer.entityName })} />
      {saved ? <Alert kind="success">{t('needs.answer.saved')}</Alert> : null}
      <p>
        <a href={href(needPath(need))}>{need.title}</a> — {need.institution}, {t('needs.fields.deadline').toLowerCase()}:{' '}
        {fmt.date(need.deadline)}
      </p>
      {row.answer ? <p>{t('needs.answer.current', { answer: t(`needs.answer.options.${row.answer}`) })}</p> : null}
      {answer.asksOutcome ? (
        <OutcomeForm
          action={`${action}/wynik`}
          csrf={csrf}
          problems={problems}
          values={{
            signed: row.outcome_signed === null ? '' : row.outcome_signed ? 'yes' : 'no',
            value: row.outcome_value?.toString() ?? '',
            ...values,
          }}
          heading
        />
      ) : null}
      {answer.isOpen ? (
        <>
          <ErrorSummary problems={problems} />
          <form method="post" action={href(action)} id="formularz" novalidate>
            <CsrfField token={csrf} />
            <RadioGroup
              name="answer"
              legend={t('needs.answer.question')}
              value={values.answer ?? row.answer ?? ''}
              options={(['interested', 'consortium', 'not_interested'] as const).map((a) => ({
                value: a,
                label: t(`needs.answer.options.${a}`),
              }))}
              problems={problems}
            />
            <FormField
              name="reason"
              multiline
              label={t('needs.answer.reason')}
              maxLength={1000}
              value={values.reason ?? row.reason ?? ''}
              problems={problems}
            />
            <Button>{t('needs.answer.save')}</Button>
          </form>
        </>
      ) : answer.asksOutcome ? null : (
        <p>{t('needs.answer.closed')}</p>
      )}
    </>
  );
}

function OutcomeForm({
  action,
  csrf,
  problems,
  values,
  heading,
}: {
  action: string;
  csrf: string;
  problems: Problem[];
  values: Record<string, string>;
  heading?: boolean;
}) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby={heading ? 'outcome-title' : undefined}>
      {heading ? <h2 id="outcome-title">{t('needs.outcome.title')}</h2> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} id="wynik" novalidate>
        <CsrfField token={csrf} />
        <RadioGroup
          name="signed"
          legend={t('needs.outcome.question')}
          value={values.signed ?? ''}
          options={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`needs.outcome.signed.${v}`) }))}
          problems={problems}
        />
        <FormField
          name="value"
          label={t('needs.outcome.value')}
          inputMode="numeric"
          maxLength={14}
          value={values.value ?? ''}
          problems={problems}
        />
        <Button>{t('needs.outcome.save')}</Button>
      </form>
    </section>
  );
}

export function OutcomeFormView({
  need,
  csrf,
  problems,
  values,
}: {
  need: NeedRow;
  csrf: string;
  problems: Problem[];
  values: Record<string, string>;
}) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('needs.outcome.title')} lead={need.title} />
      <OutcomeForm action={`${needPath(need)}/wynik`} csrf={csrf} problems={problems} values={values} />
    </>
  );
}

export function FiguresView({ rows, unitNames }: { rows: FiguresRow[]; unitNames: Map<string, string> }) {
  const { t, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('needs.figures.title')} lead={t('needs.figures.lead')} />
      {rows.length === 0 ? (
        <p>{t('needs.moderation.none')}</p>
      ) : (
        <Table
          caption={t('needs.figures.title')}
          rows={rows}
          rowKey={(r) => `${r.year}|${r.powiat ?? ''}|${r.category}`}
          columns={[
            { header: t('needs.figures.year'), cell: (r) => String(r.year) },
            {
              header: t('needs.figures.powiat'),
              cell: (r) => (r.powiat === null ? t('needs.wholeRegion') : (unitNames.get(r.powiat) ?? r.powiat)),
            },
            { header: t('needs.fields.category'), cell: (r) => t(catKey(r.category)) },
            { header: t('needs.figures.needs'), cell: (r) => fmt.number(r.needs), numeric: true },
            { header: t('needs.answers.notified'), cell: (r) => fmt.number(r.notified), numeric: true },
            { header: t('needs.answers.answered'), cell: (r) => fmt.number(r.answers), numeric: true },
            { header: t('needs.figures.contracts'), cell: (r) => fmt.number(r.contracts), numeric: true },
            { header: t('needs.figures.pln'), cell: (r) => fmt.number(r.pln), numeric: true },
          ]}
        />
      )}
    </>
  );
}
