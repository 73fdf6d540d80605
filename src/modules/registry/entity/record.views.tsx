// Views of an entity's record beyond its main fields: the staff sections (activity, places, PS
// status, employment with the statutory conditions, marks) reached from a section menu on the
// record, the warning shown when a PS no longer meets the conditions (icon and text, never colour
// alone), the field history with readable values, and the record's part of the public page.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { SelectField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import { AT_RISK_CATEGORIES, formatFte, type ConditionCheck, type EmploymentFigures, type PsType } from './employment.js';
import type { EmploymentYear, PlaceView, PsFlag, PublicRecord, RecordOverview, SubregionName } from './record.service.js';
import { EMPLOYMENT_LABELS } from './record.service.js';
import type { PsEntryRow } from './record.repo.js';
import { FIELD_LABELS } from './registry.service.js';
import { ACTIVITY_TYPES } from './registry.tables.js';
import { QUALITY_HISTORY_LABELS } from '../data-quality/duplicates.service.js';
import { GminaField, type GminaChoice } from '../../territory/index.js';
import { activityLabel, activityState } from './activity-state.js';
import { markText, type MarkView } from './mark-validity.js';

export type Section = 'main' | 'activity' | 'places' | 'ps' | 'employment' | 'marks';
const SECTIONS: { id: Section; path: string }[] = [
  { id: 'main', path: '' },
  { id: 'activity', path: '/dzialalnosc' },
  { id: 'places', path: '/miejsca' },
  { id: 'ps', path: '/status-ps' },
  { id: 'employment', path: '/zatrudnienie' },
  { id: 'marks', path: '/znaki' },
];

export function sectionPath(id: string, section: Section): string {
  return `/admin/podmioty/${id}${SECTIONS.find((s) => s.id === section)!.path}`;
}

export function RecordNav({ id, current }: { id: string; current: Section }) {
  const { t, href } = usePage();
  return (
    <nav class="record-nav" aria-label={t('entityRecord.nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={href(sectionPath(id, s.id))} aria-current={s.id === current ? 'page' : undefined}>
              {t(`entityRecord.nav.${s.id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Notice({ text }: { text: string | null | undefined }) {
  return text ? <Alert kind="success">{text}</Alert> : null;
}

const psTypeLabel = (t: (k: TKey) => string, type: string | null) =>
  type === 'reintegration' || type === 'social_services' ? t(`entityRecord.ps.types.${type}`) : '—';

function ConditionLines({ check, psType }: { check: ConditionCheck; psType: PsType | null }) {
  const { t, fmt } = usePage();
  const state = (ok: boolean) => (
    <>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      <strong>{ok ? t('entityRecord.employment.ok') : t('entityRecord.employment.notOk')}</strong>
    </>
  );
  const share = check.atRiskShare;
  return (
    <ul class="plain conditions">
      <li>
        {state(check.minEmployees.holds)} — {t('entityRecord.employment.min', { count: check.minEmployees.count })}
      </li>
      <li>
        {share.applies ? (
          <>
            {state(share.holds)} —{' '}
            {t('entityRecord.employment.atRiskShare', {
              percent: share.percent === null ? t('entityRecord.employment.noPercent') : `${fmt.number(share.percent)}%`,
            })}
          </>
        ) : psType ? (
          t('entityRecord.employment.notApplicable', { type: psTypeLabel(t, psType) })
        ) : (
          t('entityRecord.employment.noType')
        )}
      </li>
    </ul>
  );
}

/** The warning on the record when a PS does not meet the conditions for its latest year (or has no figures). */
export function ConditionsWarning({ id, warning }: { id: string; warning: RecordOverview['warning'] }) {
  const { t, href } = usePage();
  if (!warning) return null;
  const link = (
    <p>
      <a href={href(sectionPath(id, 'employment'))}>{t('entityRecord.warning.link')}</a>
    </p>
  );
  const icon = (
    <span class="warning-icon" role="img" aria-label={t('entityRecord.warning.icon')}>
      ⚠
    </span>
  );
  if (warning.kind === 'noData') {
    return (
      <div class="record-warning">
        <Alert kind="warning" title={`${t('entityRecord.warning.noDataTitle')}`}>
          {icon} {t('entityRecord.warning.noData')}
          {link}
        </Alert>
      </div>
    );
  }
  return (
    <div class="record-warning">
      <Alert kind="warning" title={t('entityRecord.warning.title')}>
        {icon} {t('entityRecord.warning.failed', { year: warning.year.figures.year })}
        <ConditionLines check={warning.year.check} psType={warning.year.psType} />
        {link}
      </Alert>
    </div>
  );
}

const subregionName = (lang: string, s: SubregionName | null) => (s ? (lang === 'en' ? s.en : s.pl) : null);

/** Shown above the main form of the record: section menu, warning and a short summary. */
export function RecordSummary({ overview, csrf }: { overview: RecordOverview; csrf: string }) {
  const { t, lang } = usePage();
  const e = overview.entity;
  const sub = subregionName(lang, overview.seatSubregion);
  return (
    <>
      <RecordNav id={e.id} current="main" />
      <ConditionsWarning id={e.id} warning={overview.warning} />
      <section aria-labelledby="record-summary">
        <h2 id="record-summary">{t('entityRecord.summary.title')}</h2>
        <ul>
          <li>
            {overview.ps.has
              ? t('entityRecord.summary.psHas', {
                  type: psTypeLabel(t, overview.ps.type),
                  date: overview.ps.since ?? '—',
                  number: overview.ps.decisionNumber ?? '—',
                })
              : t('entityRecord.summary.psNone')}
          </li>
          <li>{sub ? t('entityRecord.summary.subregion', { name: sub }) : t('entityRecord.summary.noSubregion')}</li>
          <li>{t('entityRecord.summary.places', { count: overview.places.length })}</li>
          <li>{t('entityRecord.summary.marks', { count: overview.marks.filter((m) => m.validity === 'valid').length })}</li>
        </ul>
      </section>
      <ActivityCheck overview={overview} csrf={csrf} />
    </>
  );
}

/**
 * The entity's activity as the data support it, and the one way to record that a person checked
 * it (activity-state.ts): a button that saves today's date and the staff member, audited.
 */
function ActivityCheck({ overview, csrf }: { overview: RecordOverview; csrf: string }) {
  const { t, href } = usePage();
  const e = overview.entity;
  const state = activityState(e);
  return (
    <section aria-labelledby="activity-check">
      <h2 id="activity-check">{t('registry.activity.check')}</h2>
      <p>
        <strong>{activityLabel(t, e)}</strong>
      </p>
      <p>
        {e.activity_verified_on
          ? overview.activityVerifiedBy
            ? t('registry.activity.checkedBy', { name: overview.activityVerifiedBy, date: e.activity_verified_on })
            : t('registry.activity.checkedOn', { date: e.activity_verified_on })
          : t('registry.activity.neverChecked')}
      </p>
      {state === 'active' || state === 'unverified' ? (
        <form method="post" action={href(`/admin/podmioty/${e.id}/sprawdzenie-dzialalnosci`)}>
          <CsrfField token={csrf} />
          <p class="field-hint" id="activity-check-hint">
            {t('registry.activity.confirmHint')}
          </p>
          <Button variant="secondary" aria-describedby="activity-check-hint">
            {t('registry.activity.confirm')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** The PS column of the staff list: the status, and a warning sign with words when the conditions fail. */
export function PsFlagCell({ flag }: { flag: PsFlag | undefined }) {
  const { t } = usePage();
  if (flag === undefined) return <>—</>;
  if (flag === 'ok') return <>{t('entityRecord.list.psOk')}</>;
  return (
    <>
      <span aria-hidden="true">⚠ </span>
      <strong>{flag === 'failed' ? t('entityRecord.list.psFailed') : t('entityRecord.list.psNoData')}</strong>
    </>
  );
}

// --- forms ---------------------------------------------------------------------------------------

/** A one-button form that removes a row; its accessible name says which row. */
function RemoveButton({ action, csrf, which }: { action: string; csrf: string; which: string }) {
  const { t, href } = usePage();
  return (
    <form method="post" action={href(action)} class="inline-form">
      <CsrfField token={csrf} />
      <Button variant="secondary">
        {t('entityRecord.remove')}
        <span class="visually-hidden">: {which}</span>
      </Button>
    </form>
  );
}

function EditLink({ path, which }: { path: string; which: string }) {
  const { t, href } = usePage();
  return (
    <a href={href(path)}>
      {t('entityRecord.edit')}
      <span class="visually-hidden">: {which}</span>
    </a>
  );
}

interface FormState {
  values: Record<string, string>;
  problems: Problem[];
}
const EMPTY: FormState = { values: {}, problems: [] };

// --- activity --------------------------------------------------------------------------------------

export function ActivityPage({ id, csrf, state, notice }: { id: string; csrf: string; state: FormState; notice?: string | null }) {
  const { t, href } = usePage();
  const { values, problems } = state;
  return (
    <>
      <RecordNav id={id} current="activity" />
      <Notice text={notice} />
      <ErrorSummary problems={problems} />
      <form method="post" action={href(sectionPath(id, 'activity'))} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="activity_type"
          label={t('entityRecord.activity.type')}
          value={values.activity_type ?? ''}
          problems={problems}
          options={[
            { value: '', label: t('entityRecord.activity.typeNone') },
            ...ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`registry.activityType.${a}`) })),
          ]}
        />
        <FormField
          name="pkd"
          label={t('entityRecord.activity.pkd')}
          hint={t('entityRecord.activity.pkdHint')}
          value={values.pkd ?? ''}
          problems={problems}
          multiline
          rows={3}
        />
        <FormField
          name="sectors"
          label={t('entityRecord.activity.sectors')}
          hint={t('entityRecord.activity.sectorsHint')}
          value={values.sectors ?? ''}
          problems={problems}
          multiline
          rows={5}
        />
        <Button>{t('entityRecord.activity.save')}</Button>
      </form>
    </>
  );
}

// --- places ------------------------------------------------------------------------------------------

function PlaceFields({ state, gminy }: { state: FormState; gminy: readonly GminaChoice[] }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <>
      <GminaField
        name="gmina_teryt"
        label={t('entityRecord.place.gmina')}
        value={values.gmina_teryt ?? ''}
        problems={problems}
        required
        gminy={gminy}
      />
      <FormField name="town" label={t('entityRecord.place.town')} value={values.town ?? ''} problems={problems} required maxLength={200} />
      <FormField name="address" label={t('entityRecord.place.address')} value={values.address ?? ''} problems={problems} maxLength={300} />
      <FormField
        name="lat"
        label={t('entityRecord.place.lat')}
        hint={t('entityRecord.place.coordHint')}
        value={values.lat ?? ''}
        problems={problems}
        inputMode="decimal"
      />
      <FormField name="lon" label={t('entityRecord.place.lon')} value={values.lon ?? ''} problems={problems} inputMode="decimal" />
    </>
  );
}

const placeName = (p: Pick<PlaceView, 'town' | 'address'>) => [p.town, p.address].filter(Boolean).join(', ');

export function PlacesPage({
  id,
  csrf,
  places,
  gminy,
  state = EMPTY,
  notice,
}: {
  id: string;
  csrf: string;
  places: PlaceView[];
  gminy: readonly GminaChoice[];
  state?: FormState;
  notice?: string | null;
}) {
  const { t, href, lang } = usePage();
  const base = sectionPath(id, 'places');
  return (
    <>
      <RecordNav id={id} current="places" />
      <Notice text={notice} />
      <ErrorSummary problems={state.problems} />
      {places.length === 0 ? (
        <p>{t('entityRecord.place.none')}</p>
      ) : (
        <Table
          caption={t('entityRecord.place.caption')}
          rows={places}
          rowKey={(p) => p.id}
          columns={[
            { header: t('entityRecord.place.place'), cell: (p) => placeName(p) || '—' },
            { header: t('entityRecord.place.gminaCol'), cell: (p) => (p.gmina_teryt ? `${p.gminaName ?? '?'} (${p.gmina_teryt})` : '—') },
            {
              header: t('entityRecord.place.subregion'),
              cell: (p) => subregionName(lang, p.subregion) ?? t('entityRecord.place.noSubregion'),
            },
            {
              header: t('entityRecord.place.coordinates'),
              cell: (p) => (p.lat !== null && p.lon !== null ? `${p.lat}, ${p.lon}` : t('entityRecord.place.noCoordinates')),
            },
            {
              header: t('entityRecord.actions'),
              cell: (p) => (
                <div class="actions">
                  <EditLink path={`${base}/${p.id}`} which={t('entityRecord.place.which', { name: placeName(p) })} />
                  <RemoveButton action={`${base}/${p.id}/usun`} csrf={csrf} which={t('entityRecord.place.which', { name: placeName(p) })} />
                </div>
              ),
            },
          ]}
        />
      )}
      <h2 id="add-place">{t('entityRecord.place.add')}</h2>
      <form method="post" action={href(base)} novalidate aria-labelledby="add-place">
        <CsrfField token={csrf} />
        <PlaceFields state={state} gminy={gminy} />
        <Button>{t('entityRecord.place.save')}</Button>
      </form>
    </>
  );
}

export function PlaceFormPage({
  id,
  placeId,
  csrf,
  state,
  gminy,
}: {
  id: string;
  placeId: string;
  csrf: string;
  state: FormState;
  gminy: readonly GminaChoice[];
}) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'places');
  return (
    <>
      <RecordNav id={id} current="places" />
      <ErrorSummary problems={state.problems} />
      <form method="post" action={href(`${base}/${placeId}`)} novalidate>
        <CsrfField token={csrf} />
        <PlaceFields state={state} gminy={gminy} />
        <Button>{t('entityRecord.place.save')}</Button>
      </form>
      <p>
        <a href={href(base)}>{t('entityRecord.place.back')}</a>
      </p>
    </>
  );
}

// --- PS status -----------------------------------------------------------------------------------------

function GrantFields({ state }: { state: FormState }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <>
      <SelectField
        name="ps_type"
        label={t('entityRecord.ps.type')}
        value={values.ps_type ?? 'reintegration'}
        problems={problems}
        options={(['reintegration', 'social_services'] as const).map((p) => ({ value: p, label: t(`entityRecord.ps.types.${p}`) }))}
      />
      <FormField
        name="decision_number"
        label={t('entityRecord.ps.decisionNumber')}
        value={values.decision_number ?? ''}
        problems={problems}
        required
        maxLength={100}
      />
      <FormField
        name="decision_date"
        type="date"
        label={t('entityRecord.ps.decisionDate')}
        hint={t('entityRecord.ps.dateHint')}
        value={values.decision_date ?? ''}
        problems={problems}
        required
      />
    </>
  );
}

function LossFields({ state }: { state: FormState }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <>
      <FormField
        name="loss_date"
        type="date"
        label={t('entityRecord.ps.lossDate')}
        hint={t('entityRecord.ps.dateHint')}
        value={values.loss_date ?? ''}
        problems={problems}
        required
      />
      <FormField
        name="loss_reason"
        label={t('entityRecord.ps.lossReason')}
        value={values.loss_reason ?? ''}
        problems={problems}
        required
        multiline
        rows={3}
        maxLength={1000}
      />
      <FormField
        name="loss_decision_number"
        label={t('entityRecord.ps.lossDecisionNumber')}
        value={values.loss_decision_number ?? ''}
        problems={problems}
        maxLength={100}
      />
    </>
  );
}

/** Form values of a stored entry (grant fields or loss fields, by its kind). */
export function psEntryValues(e: PsEntryRow): Record<string, string> {
  return e.kind === 'granted'
    ? { ps_type: e.ps_type ?? '', decision_number: e.decision_number ?? '', decision_date: e.decision_date }
    : { loss_date: e.decision_date, loss_reason: e.loss_reason ?? '', loss_decision_number: e.decision_number ?? '' };
}

export function PsEntryFormPage({ id, entry, csrf, state }: { id: string; entry: PsEntryRow; csrf: string; state: FormState }) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'ps');
  return (
    <>
      <RecordNav id={id} current="ps" />
      <ErrorSummary problems={state.problems} />
      <p>{t('entityRecord.ps.rule')}</p>
      <form method="post" action={href(`${base}/${entry.id}`)} novalidate>
        <CsrfField token={csrf} />
        {entry.kind === 'granted' ? <GrantFields state={state} /> : <LossFields state={state} />}
        <Button>{entry.kind === 'granted' ? t('entityRecord.ps.saveGrant') : t('entityRecord.ps.saveLoss')}</Button>
      </form>
      <p>
        <a href={href(base)}>{t('entityRecord.ps.back')}</a>
      </p>
    </>
  );
}

export function PsPage({
  id,
  csrf,
  overview,
  form,
  state = EMPTY,
  notice,
}: {
  id: string;
  csrf: string;
  overview: RecordOverview;
  form?: 'grant' | 'loss' | 'remove';
  state?: FormState;
  notice?: string | null;
}) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'ps');
  const grant = form === 'grant' ? state : EMPTY;
  const loss = form === 'loss' ? state : EMPTY;
  const rows = overview.psHistory;
  return (
    <>
      <RecordNav id={id} current="ps" />
      <Notice text={notice} />
      <ErrorSummary problems={state.problems} linkFields={form !== 'remove'} />
      <h2>{t('entityRecord.ps.current')}</h2>
      <p>
        {overview.ps.has
          ? t('entityRecord.summary.psHas', {
              type: psTypeLabel(t, overview.ps.type),
              date: overview.ps.since ?? '—',
              number: overview.ps.decisionNumber ?? '—',
            })
          : t('entityRecord.summary.psNone')}
      </p>
      <ConditionsWarning id={id} warning={overview.warning} />
      <h2>{t('entityRecord.ps.history')}</h2>
      <p>{t('entityRecord.ps.rule')}</p>
      {rows.length === 0 ? (
        <p>{t('entityRecord.ps.none')}</p>
      ) : (
        <Table
          caption={t('entityRecord.ps.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('entityRecord.ps.date'), cell: (r: PsEntryRow) => r.decision_date },
            {
              header: t('entityRecord.ps.entry'),
              cell: (r) => (r.kind === 'granted' ? t('entityRecord.ps.granted') : t('entityRecord.ps.lost')),
            },
            { header: t('entityRecord.ps.type'), cell: (r) => (r.kind === 'granted' ? psTypeLabel(t, r.ps_type) : '—') },
            { header: t('entityRecord.ps.decisionNumber'), cell: (r) => r.decision_number ?? '—' },
            { header: t('entityRecord.ps.lossReason'), cell: (r) => r.loss_reason ?? '—' },
            {
              header: t('entityRecord.actions'),
              cell: (r) => (
                <div class="actions">
                  <EditLink path={`${base}/${r.id}`} which={t('entityRecord.ps.which', { date: r.decision_date })} />
                  <RemoveButton action={`${base}/${r.id}/usun`} csrf={csrf} which={t('entityRecord.ps.which', { date: r.decision_date })} />
                </div>
              ),
            },
          ]}
        />
      )}
      <h2 id="add-grant">{t('entityRecord.ps.addGrant')}</h2>
      <form method="post" action={href(`${base}/przyznanie`)} novalidate aria-labelledby="add-grant">
        <CsrfField token={csrf} />
        <GrantFields state={grant} />
        <Button>{t('entityRecord.ps.saveGrant')}</Button>
      </form>
      <h2 id="add-loss">{t('entityRecord.ps.addLoss')}</h2>
      <form method="post" action={href(`${base}/utrata`)} novalidate aria-labelledby="add-loss">
        <CsrfField token={csrf} />
        <LossFields state={loss} />
        <Button>{t('entityRecord.ps.saveLoss')}</Button>
      </form>
    </>
  );
}

// --- employment ------------------------------------------------------------------------------------------

/** The at-risk categories of the employment form; a representative's employment proposal has the same fields. */
export function AtRiskCategoryFields({ state }: { state: { values: Record<string, string | undefined>; problems: Problem[] } }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <fieldset>
      <legend>{t('entityRecord.employment.categories')}</legend>
      <p class="hint">{t('entityRecord.employment.categoriesHint')}</p>
      {AT_RISK_CATEGORIES.map((k) => (
        <FormField
          key={k}
          name={`cat_${k}`}
          label={t(EMPLOYMENT_LABELS[`cat_${k}`]!)}
          value={values[`cat_${k}`] ?? ''}
          problems={problems}
          inputMode="numeric"
        />
      ))}
    </fieldset>
  );
}

function EmploymentFields({ state, fixedYear }: { state: FormState; fixedYear?: number }) {
  const { t } = usePage();
  const { values, problems } = state;
  const num = (name: string, hint?: string) => (
    <FormField
      name={name}
      label={t(EMPLOYMENT_LABELS[name]!)}
      hint={hint}
      value={values[name] ?? ''}
      problems={problems}
      inputMode="numeric"
      required
    />
  );
  return (
    <>
      {fixedYear === undefined ? num('year') : null}
      {num('headcount', t('entityRecord.employment.headcountHint'))}
      {num('employees')}
      <FormField
        name="fte"
        label={t('entityRecord.employment.fte')}
        hint={t('entityRecord.employment.fteHint')}
        value={values.fte ?? ''}
        problems={problems}
        inputMode="decimal"
        required
      />
      {num('employees_half_time')}
      {num('at_risk')}
      {num('at_risk_half_time')}
      <AtRiskCategoryFields state={state} />
      <FormField
        name="source"
        label={t('entityRecord.employment.source')}
        hint={t('entityRecord.employment.sourceHint')}
        value={values.source ?? ''}
        problems={problems}
        maxLength={300}
      />
    </>
  );
}

/** Form values of stored figures (for the edit form). */
export function employmentValues(f: EmploymentFigures): Record<string, string> {
  return {
    year: String(f.year),
    headcount: String(f.headcount),
    employees: String(f.employees),
    fte: formatFte(f.fteHundredths),
    employees_half_time: String(f.employeesHalfTime),
    at_risk: String(f.atRisk),
    at_risk_half_time: String(f.atRiskHalfTime),
    source: f.source ?? '',
    ...Object.fromEntries(Object.entries(f.categories).map(([k, n]) => [`cat_${k}`, String(n)])),
  };
}

export function EmploymentPage({
  id,
  csrf,
  overview,
  state = EMPTY,
  notice,
}: {
  id: string;
  csrf: string;
  overview: RecordOverview;
  state?: FormState;
  notice?: string | null;
}) {
  const { t, href, fmt } = usePage();
  const base = sectionPath(id, 'employment');
  return (
    <>
      <RecordNav id={id} current="employment" />
      <Notice text={notice} />
      <ErrorSummary problems={state.problems} />
      <ConditionsWarning id={id} warning={overview.warning} />
      <Alert kind="info">{t('entityRecord.employment.staffOnly')}</Alert>
      <p>{t('entityRecord.employment.rule')}</p>
      {overview.employment.length === 0 ? (
        <p>{t('entityRecord.employment.none')}</p>
      ) : (
        <Table
          caption={t('entityRecord.employment.caption')}
          rows={overview.employment}
          rowKey={(y) => String(y.figures.year)}
          columns={[
            { header: t('entityRecord.employment.year'), cell: (y: EmploymentYear) => String(y.figures.year) },
            { header: t('entityRecord.employment.headcount'), cell: (y) => String(y.figures.headcount), numeric: true },
            { header: t('entityRecord.employment.employees'), cell: (y) => String(y.figures.employees), numeric: true },
            { header: t('entityRecord.employment.fte'), cell: (y) => fmt.number(y.figures.fteHundredths / 100), numeric: true },
            { header: t('entityRecord.employment.employeesHalfTime'), cell: (y) => String(y.figures.employeesHalfTime), numeric: true },
            {
              header: t('entityRecord.employment.atRisk'),
              cell: (y) => `${y.figures.atRisk} (${y.figures.atRiskHalfTime})`,
              numeric: true,
            },
            {
              header: t('entityRecord.employment.share'),
              cell: (y) => (y.check.atRiskShare.percent === null ? '—' : `${fmt.number(y.check.atRiskShare.percent)}%`),
              numeric: true,
            },
            {
              header: t('entityRecord.employment.conditions'),
              cell: (y) => (
                <>
                  <span aria-hidden="true">{y.check.holds ? '✓ ' : '✗ '}</span>
                  <strong>{y.check.holds ? t('entityRecord.employment.holds') : t('entityRecord.employment.fails')}</strong>
                  <ConditionLines check={y.check} psType={y.psType} />
                </>
              ),
            },
            {
              header: t('entityRecord.actions'),
              cell: (y) => (
                <div class="actions">
                  <EditLink path={`${base}/${y.figures.year}`} which={t('entityRecord.employment.which', { year: y.figures.year })} />
                  <RemoveButton
                    action={`${base}/${y.figures.year}/usun`}
                    csrf={csrf}
                    which={t('entityRecord.employment.which', { year: y.figures.year })}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      <h2 id="add-year">{t('entityRecord.employment.add')}</h2>
      <form method="post" action={href(base)} novalidate aria-labelledby="add-year">
        <CsrfField token={csrf} />
        <EmploymentFields state={state} />
        <Button>{t('entityRecord.employment.save')}</Button>
      </form>
    </>
  );
}

export function EmploymentFormPage({ id, year, csrf, state }: { id: string; year: number; csrf: string; state: FormState }) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'employment');
  return (
    <>
      <RecordNav id={id} current="employment" />
      <ErrorSummary problems={state.problems} />
      <Alert kind="info">{t('entityRecord.employment.staffOnly')}</Alert>
      <form method="post" action={href(`${base}/${year}`)} novalidate>
        <CsrfField token={csrf} />
        <EmploymentFields state={state} fixedYear={year} />
        <Button>{t('entityRecord.employment.save')}</Button>
      </form>
      <p>
        <a href={href(base)}>{t('entityRecord.employment.back')}</a>
      </p>
    </>
  );
}

// --- marks ---------------------------------------------------------------------------------------------

function MarkFields({ state }: { state: FormState }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <>
      <FormField
        name="subject"
        label={t('entityRecord.mark.subject')}
        hint={t('entityRecord.mark.subjectHint')}
        value={values.subject ?? ''}
        problems={problems}
        required
        maxLength={300}
      />
      <FormField
        name="granted_on"
        type="date"
        label={t('entityRecord.mark.grantedOn')}
        hint={t('entityRecord.mark.dateHint')}
        value={values.granted_on ?? ''}
        problems={problems}
        required
      />
      <FormField
        name="expires_on"
        type="date"
        label={t('entityRecord.mark.expiresOn')}
        value={values.expires_on ?? ''}
        problems={problems}
        required
      />
      <FormField
        name="source_url"
        type="url"
        label={t('entityRecord.mark.sourceUrl')}
        value={values.source_url ?? ''}
        problems={problems}
      />
    </>
  );
}

export function MarksPage({
  id,
  csrf,
  overview,
  state = EMPTY,
  notice,
}: {
  id: string;
  csrf: string;
  overview: RecordOverview;
  state?: FormState;
  notice?: string | null;
}) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'marks');
  const subject = (m: { subject: string | null }) => m.subject ?? t('entityRecord.mark.noSubject');
  return (
    <>
      <RecordNav id={id} current="marks" />
      <Notice text={notice} />
      <ErrorSummary problems={state.problems} />
      {overview.marks.length === 0 ? (
        <p>{t('entityRecord.mark.none')}</p>
      ) : (
        <Table
          caption={t('entityRecord.mark.caption')}
          rows={overview.marks}
          rowKey={(m) => m.id}
          columns={[
            { header: t('entityRecord.mark.subject'), cell: (m) => subject(m) },
            { header: t('entityRecord.mark.grantedOn'), cell: (m) => m.granted_on ?? t('entityRecord.mark.unknown') },
            {
              header: t('entityRecord.mark.expiresOn'),
              cell: (m) =>
                m.expires_on === null
                  ? t('entityRecord.mark.unknown')
                  : m.is_expiry_derived
                    ? t('entityRecord.mark.derived', { date: m.expires_on })
                    : m.expires_on,
            },
            { header: t('entityRecord.mark.state'), cell: (m) => t(`registry.mark.state.${m.validity}`) },
            { header: t('entityRecord.mark.source'), cell: (m) => (m.source_url ? <a href={m.source_url}>{m.source_url}</a> : '—') },
            {
              header: t('entityRecord.actions'),
              cell: (m) => (
                <div class="actions">
                  <EditLink path={`${base}/${m.id}`} which={t('entityRecord.mark.which', { subject: subject(m) })} />
                  <RemoveButton action={`${base}/${m.id}/usun`} csrf={csrf} which={t('entityRecord.mark.which', { subject: subject(m) })} />
                </div>
              ),
            },
          ]}
        />
      )}
      <h2 id="add-mark">{t('entityRecord.mark.add')}</h2>
      <form method="post" action={href(base)} novalidate aria-labelledby="add-mark">
        <CsrfField token={csrf} />
        <MarkFields state={state} />
        <Button>{t('entityRecord.mark.save')}</Button>
      </form>
    </>
  );
}

export function MarkFormPage({ id, markId, csrf, state }: { id: string; markId: string; csrf: string; state: FormState }) {
  const { t, href } = usePage();
  const base = sectionPath(id, 'marks');
  return (
    <>
      <RecordNav id={id} current="marks" />
      <ErrorSummary problems={state.problems} />
      <form method="post" action={href(`${base}/${markId}`)} novalidate>
        <CsrfField token={csrf} />
        <MarkFields state={state} />
        <Button>{t('entityRecord.mark.save')}</Button>
      </form>
      <p>
        <a href={href(base)}>{t('entityRecord.mark.back')}</a>
      </p>
    </>
  );
}

// --- field history -------------------------------------------------------------------------------------

export interface ChangeRow {
  id: string;
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  /** Who made the change; null for a system load (seed, import) or an account since removed. */
  author?: string | null;
  /** Who proposed the change when it was a representative's proposal accepted by `author`. */
  proposer?: string | null;
}

const RECORD_FIELDS = [
  'place',
  'ps_status',
  'employment',
  'mark',
  'activity_type',
  'pkd_codes',
  'sectors',
  'activity_verified_on',
] as const;

function parse(value: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(value);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A stored old/new value made readable: the record's entries are kept as JSON. */
function useChangeText(): (field: string, value: string | null) => string {
  const { t } = usePage();
  return (field, value) => {
    if (value === null) return '—';
    const s = (k: string, o: Record<string, unknown>) => (o[k] === null || o[k] === undefined ? '—' : String(o[k]));
    if (field === 'activity_type')
      return (ACTIVITY_TYPES as readonly string[]).includes(value)
        ? t(`registry.activityType.${value as (typeof ACTIVITY_TYPES)[number]}`)
        : value;
    if (field === 'legal_form') return t(`registry.legalForm.${value}` as TKey);
    if (field === 'lifecycle') return t(`registry.lifecycle.${value}` as TKey);
    const o = field === 'place' || field === 'ps_status' || field === 'employment' || field === 'mark' ? parse(value) : null;
    if (!o) return value;
    if (field === 'place')
      return [
        s('town', o),
        o.address ? s('address', o) : null,
        `TERYT ${s('gmina_teryt', o)}`,
        o.lat !== null && o.lat !== undefined ? `${s('lat', o)}, ${s('lon', o)}` : null,
      ]
        .filter(Boolean)
        .join('; ');
    if (field === 'ps_status')
      return o.kind === 'granted'
        ? `${s('decision_date', o)}: ${t('entityRecord.ps.granted')} (${psTypeLabel(t, o.ps_type as string | null)}), ${s('decision_number', o)}`
        : `${s('decision_date', o)}: ${t('entityRecord.ps.lost')}${o.decision_number ? `, ${s('decision_number', o)}` : ''} — ${s('loss_reason', o)}`;
    if (field === 'employment')
      return t('entityRecord.history.employmentLine', {
        year: s('year', o),
        headcount: s('headcount', o),
        employees: s('employees', o),
        fte: s('fte', o),
        half: s('employees_half_time', o),
        atRisk: s('at_risk', o),
        atRiskHalf: s('at_risk_half_time', o),
      });
    return t('entityRecord.history.markLine', {
      subject: o.subject ? s('subject', o) : t('entityRecord.mark.noSubject'),
      granted: s('granted_on', o),
      expires: s('expires_on', o),
    });
  };
}

export function HistoryTable({ rows, caption }: { rows: ChangeRow[]; caption: string }) {
  const { t } = usePage();
  const text = useChangeText();
  const label = (f: string) =>
    f in FIELD_LABELS
      ? t(FIELD_LABELS[f as keyof typeof FIELD_LABELS])
      : (RECORD_FIELDS as readonly string[]).includes(f)
        ? t(`entityRecord.history.${f as (typeof RECORD_FIELDS)[number]}`)
        : f in QUALITY_HISTORY_LABELS
          ? t(QUALITY_HISTORY_LABELS[f]!)
          : f;
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: t('registry.admin.when'), cell: (r) => r.at.slice(0, 19).replace('T', ' ') + ' UTC' },
        {
          header: t('entityRecord.history.who'),
          cell: (r) =>
            r.proposer
              ? t('claims.history.proposedBy', { verifier: r.author ?? t('entityRecord.history.system'), proposer: r.proposer })
              : (r.author ?? t('entityRecord.history.system')),
        },
        { header: t('registry.admin.fieldCol'), cell: (r) => label(r.field) },
        { header: t('registry.admin.oldValue'), cell: (r) => text(r.field, r.old_value) },
        { header: t('registry.admin.newValue'), cell: (r) => text(r.field, r.new_value) },
      ]}
    />
  );
}

// --- public entity page ------------------------------------------------------------------------------

function Facts({ children }: { children: ComponentChildren }) {
  return <dl class="registry-facts">{children}</dl>;
}

/** The PS status (with the decision), places, activity and valid marks on the public entity page. */
export function PublicRecordSections({ record }: { record: PublicRecord }) {
  const { t, lang } = usePage();
  const hasActivity = record.activityType || record.pkd.length || record.sectors.length || record.creatingBody;
  return (
    <>
      {hasActivity ? (
        <>
          <h2>{t('entityRecord.public.activity')}</h2>
          <Facts>
            {record.creatingBody ? (
              <>
                <dt>{t('entityRecord.public.creatingBody')}</dt>
                <dd>{record.creatingBody}</dd>
              </>
            ) : null}
            {record.activityType ? (
              <>
                <dt>{t('entityRecord.public.activityType')}</dt>
                <dd>{t(`registry.activityType.${record.activityType}`)}</dd>
              </>
            ) : null}
            {record.pkd.length ? (
              <>
                <dt>{t('entityRecord.public.pkd')}</dt>
                <dd>{record.pkd.join(', ')}</dd>
              </>
            ) : null}
            {record.sectors.length ? (
              <>
                <dt>{t('entityRecord.public.sectors')}</dt>
                <dd>{record.sectors.join(', ')}</dd>
              </>
            ) : null}
          </Facts>
        </>
      ) : null}
      {record.places.length ? (
        <>
          <h2>{t('entityRecord.public.places')}</h2>
          <ul>
            {record.places.map((p) => {
              const sub = subregionName(lang, p.subregion);
              return (
                <li key={p.id}>
                  {placeName(p)}
                  {p.gminaName ? ` (${p.gminaName}${sub ? `; ${t('entityRecord.public.subregion', { name: sub })}` : ''})` : ''}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h2>{t('registry.entity.psStatus')}</h2>
      {record.ps.has ? (
        <p>
          {t('registry.entity.psHas', { date: record.ps.since! })}{' '}
          {t('entityRecord.public.psType', { type: psTypeLabel(t, record.ps.type) })}{' '}
          {record.ps.decisionNumber ? t('entityRecord.public.decision', { number: record.ps.decisionNumber, date: record.ps.since! }) : ''}
        </p>
      ) : (
        <p>{t('registry.entity.psNone')}</p>
      )}
      {record.psHistory.length > 1 || (record.psHistory.length === 1 && !record.ps.has) ? (
        <>
          <h3>{t('entityRecord.public.psHistory')}</h3>
          <ul>
            {record.psHistory.map((h) => (
              <li key={h.id}>
                {h.kind === 'granted'
                  ? t('entityRecord.public.grantedLine', { date: h.decision_date, number: h.decision_number ?? '—' })
                  : t('entityRecord.public.lostLine', { date: h.decision_date })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('registry.entity.marks')}</h2>
      {record.marks.length === 0 ? (
        <p>{t('registry.entity.noMarks')}</p>
      ) : (
        <>
          {record.marks.some((m) => m.validity === 'valid') ? null : <p>{t('registry.mark.noneValid')}</p>}
          <ul>
            {record.marks.map((m) => (
              <li key={m.id}>
                <MarkLine mark={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** A mark with its dates and state; a mark of unknown validity names its source as a link. */
function MarkLine({ mark }: { mark: MarkView }) {
  const { t } = usePage();
  const subject = mark.subject ? `${mark.subject}: ` : '';
  if (mark.validity === 'unknown' && mark.sourceUrl) {
    const [before, after] = markText(t, mark, '\u0000').split('\u0000');
    return (
      <>
        {subject}
        {before}
        <a href={mark.sourceUrl}>{hostOf(mark.sourceUrl)}</a>
        {after}
      </>
    );
  }
  return (
    <>
      {subject}
      {markText(t, mark)}
    </>
  );
}
