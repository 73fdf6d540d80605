// Staff views of the support module: the list of centres with the counts of "Chcę założyć podmiot"
// requests (per subregion and month, never their texts), a new centre, and one centre's page with a
// small form per part (data, services, areas, partnership, offices, contacts, accreditations).
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { CheckboxField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import { usePage } from '../../core/ui/context.js';
import { WeeklyHoursFields } from '../site/index.js';
import { GminaField, type Subregion } from '../territory/index.js';
import type { LeadCount } from './leads.service.js';
import { SUPPORT_SERVICES } from './services.js';
import type { CentreDetail, GminaOption } from './support.service.js';
import { AccreditationText, centrePath } from './public.views.js';

export const PART_PATHS = {
  area: 'obszary',
  partner: 'partnerzy',
  office: 'biura',
  contact: 'kontakty',
  accreditation: 'akredytacje',
} as const;

export function adminCentrePath(id: string): string {
  return `/admin/wsparcie/${id}`;
}

export function AdminListView({
  centres,
  counts,
  csrf,
  retention,
}: {
  centres: CentreDetail[];
  counts: LeadCount[];
  csrf: string;
  /** The retention form's value and problems (after a refused save) or the current setting. */
  retention: { value: string; problems: Problem[] };
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('support.admin.title')} lead={t('support.admin.intro')} />
      <p>
        <a class="button button--secondary" href={href('/admin/wsparcie/nowy')}>
          {t('support.admin.add')}
        </a>
      </p>
      {centres.length === 0 ? (
        <p>{t('support.none')}</p>
      ) : (
        <Table
          caption={t('support.centresCaption')}
          rows={centres}
          rowKey={(c) => c.centre.id}
          columns={[
            { header: t('support.colCentre'), cell: (c) => <a href={href(adminCentrePath(c.centre.id))}>{c.centre.name}</a> },
            { header: t('support.colAccreditation'), cell: (c) => <AccreditationText state={c.accreditation} /> },
          ]}
        />
      )}
      <p class="hint">{t('support.admin.reminders')}</p>
      <h2>{t('support.lead.countsTitle')}</h2>
      {counts.length === 0 ? (
        <p>{t('support.lead.noCounts')}</p>
      ) : (
        <Table
          caption={t('support.lead.countsCaption')}
          rows={counts}
          rowKey={(r) => `${r.subregion}|${r.month}`}
          columns={[
            { header: t('support.page.subregion'), cell: (r) => r.subregion },
            { header: t('support.lead.month'), cell: (r) => r.month },
            { header: t('support.lead.count'), cell: (r) => r.count, numeric: true },
          ]}
        />
      )}
      <h2>{t('support.admin.settingsTitle')}</h2>
      <ErrorSummary problems={retention.problems} />
      <form method="post" action={href('/admin/wsparcie/ustawienia')} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="retention_months"
          label={t('support.lead.retentionField')}
          hint={t('support.lead.retentionHint')}
          value={retention.value}
          problems={retention.problems}
          inputMode="numeric"
          maxLength={2}
          required
        />
        <Button>{t('support.admin.saveSettings')}</Button>
      </form>
    </>
  );
}

export interface FormState {
  /** Which form the values and problems belong to ('centre', 'services', or a part kind). */
  form: string | null;
  values: Record<string, string>;
  problems: Problem[];
}

const EMPTY: FormState = { form: null, values: {}, problems: [] };

function CentreFields({ state }: { state: FormState }) {
  const { t } = usePage();
  const { values, problems } = state;
  return (
    <>
      <FormField name="name" label={t('support.field.name')} value={values.name ?? ''} problems={problems} required maxLength={300} />
      <FormField name="website" type="url" label={t('support.field.website')} value={values.website ?? ''} problems={problems} />
      <FormField
        name="leads_email"
        type="email"
        label={t('support.field.leadsEmail')}
        hint={t('support.field.leadsEmailHint')}
        value={values.leads_email ?? ''}
        problems={problems}
      />
      <FormField
        name="sources"
        label={t('support.field.sources')}
        hint={t('support.field.sourcesHint')}
        value={values.sources ?? ''}
        problems={problems}
        multiline
        rows={4}
      />
      <CheckboxField name="is_example" label={t('support.field.isExample')} checked={values.is_example === '1'} problems={problems} />
    </>
  );
}

export function NewCentreView({ csrf, state = EMPTY }: { csrf: string; state?: FormState }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('support.admin.newTitle')} />
      <ErrorSummary problems={state.problems} />
      <form method="post" action={href('/admin/wsparcie/nowy')} novalidate>
        <CsrfField token={csrf} />
        <CentreFields state={state} />
        <Button>{t('support.admin.save')}</Button>
      </form>
    </>
  );
}

function PartForm({
  id,
  kind,
  title,
  csrf,
  children,
}: {
  id: string;
  kind: keyof typeof PART_PATHS;
  title: string;
  csrf: string;
  children: ComponentChildren;
}) {
  const { href } = usePage();
  return (
    <form method="post" action={href(`${adminCentrePath(id)}/${PART_PATHS[kind]}`)} novalidate aria-labelledby={`add-${kind}`}>
      <h3 id={`add-${kind}`}>{title}</h3>
      <CsrfField token={csrf} />
      {children}
      <Button variant="secondary">{title}</Button>
    </form>
  );
}

function RemoveButton({
  id,
  kind,
  partId,
  label,
  csrf,
}: {
  id: string;
  kind: keyof typeof PART_PATHS;
  partId: string;
  label: string;
  csrf: string;
}) {
  const { t, href } = usePage();
  return (
    <form method="post" action={href(`${adminCentrePath(id)}/${PART_PATHS[kind]}/${partId}/usun`)} class="inline-form">
      <CsrfField token={csrf} />
      <Button variant="secondary" aria-label={t('support.admin.removeItem', { name: label })}>
        {t('support.admin.remove')}
      </Button>
    </form>
  );
}

export function CentreAdminView({
  d,
  csrf,
  state,
  subregions,
  gminy,
  saved,
}: {
  d: CentreDetail;
  csrf: string;
  state: FormState;
  subregions: readonly Subregion[];
  gminy: GminaOption[];
  saved: boolean;
}) {
  const { t, href, lang, fmt } = usePage();
  const id = d.centre.id;
  const of = (form: string): FormState => (state.form === form ? state : EMPTY);
  const centreState: FormState =
    state.form === 'centre'
      ? state
      : {
          form: 'centre',
          values: {
            name: d.centre.name,
            website: d.centre.website ?? '',
            leads_email: d.centre.leads_email ?? '',
            sources: d.centre.sources,
            is_example: d.centre.is_example ? '1' : '',
          },
          problems: [],
        };
  const codes = [...new Map(subregions.map((s) => [s.code, lang === 'pl' ? s.name_pl : s.name_en])).entries()];
  const dateHint = t('support.field.dateHint');
  const field = (st: FormState, name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={st.values[name] ?? ''} problems={st.problems} {...extra} />
  );
  const area = of('area');
  const partner = of('partner');
  const office = of('office');
  const contact = of('contact');
  const acc = of('accreditation');
  return (
    <>
      <PageHeader title={d.centre.name} />
      {saved ? (
        <Alert kind="success">
          <p>{t('support.admin.saved')}</p>
        </Alert>
      ) : null}
      <p>
        <a href={href(centrePath(id))}>{t('support.admin.public')}</a>
      </p>
      <ErrorSummary problems={state.problems} />

      <h2>{t('support.admin.dataLegend')}</h2>
      <form method="post" action={href(adminCentrePath(id))} novalidate>
        <CsrfField token={csrf} />
        <CentreFields state={centreState} />
        <Button>{t('support.admin.save')}</Button>
      </form>

      <h2>{t('support.page.services')}</h2>
      <form method="post" action={href(`${adminCentrePath(id)}/uslugi`)} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{t('support.field.services')}</legend>
          {SUPPORT_SERVICES.map((s) => (
            <CheckboxField
              key={s}
              name="services"
              value={s}
              idSuffix={s}
              label={t(`support.services.${s}`)}
              checked={d.services.includes(s)}
            />
          ))}
        </fieldset>
        <Button>{t('support.admin.saveServices')}</Button>
      </form>

      <h2>{t('support.page.areas')}</h2>
      <ul>
        {d.areas.map((a) => (
          <li key={a.id}>
            {a.subregionName}: {a.valid_from} – {a.valid_to ?? '…'}{' '}
            <RemoveButton id={id} kind="area" partId={a.id} label={`${a.subregionName} ${a.valid_from}`} csrf={csrf} />
          </li>
        ))}
      </ul>
      <PartForm id={id} kind="area" title={t('support.admin.addArea')} csrf={csrf}>
        <SelectField
          name="subregion_code"
          label={t('support.field.subregion')}
          options={codes.map(([value, label]) => ({ value, label }))}
          value={area.values.subregion_code ?? ''}
          problems={area.problems}
        />
        {field(area, 'area_from', t('support.field.validFrom'), { hint: dateHint, maxLength: 10 })}
        {field(area, 'area_to', t('support.field.validTo'), { hint: t('support.field.validToOpenHint'), maxLength: 10 })}
      </PartForm>

      <h2>{t('support.page.partnership')}</h2>
      <ul>
        {d.partners.map((p) => (
          <li key={p.id}>
            {t(`support.page.${p.role}`)}: {p.name} <RemoveButton id={id} kind="partner" partId={p.id} label={p.name} csrf={csrf} />
          </li>
        ))}
      </ul>
      <PartForm id={id} kind="partner" title={t('support.admin.addPartner')} csrf={csrf}>
        {field(partner, 'partner_name', t('support.field.partnerName'), { required: true, maxLength: 300 })}
        <RadioGroup
          name="role"
          legend={t('support.field.role')}
          options={[
            { value: 'lead', label: t('support.page.lead') },
            { value: 'partner', label: t('support.page.partner') },
            { value: 'member', label: t('support.page.member') },
          ]}
          value={partner.values.role ?? 'partner'}
          problems={partner.problems}
        />
        {field(partner, 'entity', t('support.field.entity'), { hint: t('support.field.entityHint') })}
      </PartForm>

      <h2>{t('support.page.offices')}</h2>
      <ul>
        {d.offices.map((o) => (
          <li key={o.id}>
            {o.street}, {o.postalCode} {o.city}{' '}
            <RemoveButton id={id} kind="office" partId={o.id} label={`${o.street}, ${o.city}`} csrf={csrf} />
          </li>
        ))}
      </ul>
      <PartForm id={id} kind="office" title={t('support.admin.addOffice')} csrf={csrf}>
        {field(office, 'street', t('support.field.street'), { required: true, maxLength: 200 })}
        {field(office, 'postal_code', t('support.field.postalCode'), { required: true, maxLength: 6 })}
        {field(office, 'city', t('support.field.city'), { required: true, maxLength: 100 })}
        <GminaField
          name="gmina"
          gminy={gminy}
          value={office.values.gmina ?? ''}
          label={t('support.field.gmina')}
          problems={office.problems}
          required
        />
        <CheckboxField name="hours_known" label={t('support.field.hoursKnown')} checked={office.values.hours_known === '1'} />
        <WeeklyHoursFields values={office.values} problems={office.problems} />
        {field(office, 'office_phone', t('support.field.phone'), { type: 'tel', maxLength: 50 })}
        {field(office, 'office_email', t('support.field.email'), { type: 'email' })}
      </PartForm>

      <h2>{t('support.page.contacts')}</h2>
      <ul>
        {d.contacts.map((c) => (
          <li key={c.id}>
            {c.function_name} <RemoveButton id={id} kind="contact" partId={c.id} label={c.function_name} csrf={csrf} />
          </li>
        ))}
      </ul>
      <PartForm id={id} kind="contact" title={t('support.admin.addContact')} csrf={csrf}>
        {field(contact, 'function_name', t('support.field.function'), {
          hint: t('support.field.functionHint'),
          required: true,
          maxLength: 200,
        })}
        {field(contact, 'contact_email', t('support.field.email'), { type: 'email' })}
        {field(contact, 'contact_phone', t('support.field.phone'), { type: 'tel', maxLength: 50 })}
      </PartForm>

      <h2>{t('support.accreditation.heading')}</h2>
      <p>
        <AccreditationText state={d.accreditation} />
      </p>
      <ul>
        {d.accreditations.map((a) => (
          <li key={a.id}>
            {a.decision_number} ({fmt.date(a.valid_from)} – {fmt.date(a.valid_to)}), {a.granting_body}{' '}
            <RemoveButton id={id} kind="accreditation" partId={a.id} label={a.decision_number} csrf={csrf} />
          </li>
        ))}
      </ul>
      <p class="hint">{t('support.admin.reminders')}</p>
      <PartForm id={id} kind="accreditation" title={t('support.admin.addAccreditation')} csrf={csrf}>
        {field(acc, 'decision_number', t('support.field.decisionNumber'), { required: true, maxLength: 100 })}
        {field(acc, 'decision_date', t('support.field.decisionDate'), { hint: dateHint, maxLength: 10 })}
        {field(acc, 'acc_from', t('support.field.validFrom'), { hint: dateHint, required: true, maxLength: 10 })}
        {field(acc, 'acc_to', t('support.field.validTo'), { hint: dateHint, required: true, maxLength: 10 })}
        {field(acc, 'granting_body', t('support.field.grantingBody'), { required: true, maxLength: 300 })}
      </PartForm>

      <h2>{t('support.admin.delete')}</h2>
      <form method="post" action={href(`${adminCentrePath(id)}/usun`)}>
        <CsrfField token={csrf} />
        <p>{t('support.admin.deleteConfirm')}</p>
        <Button variant="secondary">{t('support.admin.delete')}</Button>
      </form>
    </>
  );
}
