// Public views of the support module: the list of centres, one centre's page (partnership, areas,
// offices with hours, contacts, services, accreditation with its history), "Gdzie szukać wsparcia?"
// (a plain GET form with a datalist of gminy, so it works without JavaScript), the section "Twój
// ośrodek wsparcia" other modules' pages show, and the "Chcę założyć podmiot" form.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { CheckboxField } from '../../core/ui/fields.js';
import { usePage } from '../../core/ui/context.js';
import { entityPath } from '../registry/index.js';
import { hoursRows } from '../site/index.js';
import { GminaField } from '../territory/index.js';
import type { AccreditationState, CentreDetail, GminaOption, OfficeView, SupportAnswer } from './support.service.js';
import type { AreaRow } from './support.repo.js';

export function centrePath(id: string): string {
  return `/wsparcie/${id}`;
}

export function finderPath(gmina?: GminaOption): string {
  return gmina ? `/wsparcie/gdzie?gmina=${encodeURIComponent(gmina.label)}` : '/wsparcie/gdzie';
}

export function AccreditationText({ state }: { state: AccreditationState }) {
  const { t, fmt } = usePage();
  if (state.kind === 'valid') return <>{t('support.accreditation.valid', { date: fmt.date(state.current.valid_to) })}</>;
  if (state.kind === 'lapsed')
    return <strong class="support-lapsed">{t('support.accreditation.lapsed', { date: fmt.date(state.last.valid_to) })}</strong>;
  if (state.kind === 'future') return <>{t('support.accreditation.future', { date: fmt.date(state.next.valid_from) })}</>;
  return <>{t('support.accreditation.unknown')}</>;
}

function PeriodText({ from, to }: { from: string; to: string | null }) {
  const { t, fmt } = usePage();
  return (
    <>
      {to
        ? t('support.page.periodClosed', { from: fmt.date(from), to: fmt.date(to) })
        : t('support.page.periodOpen', { from: fmt.date(from) })}
    </>
  );
}

function ExampleBadge({ on }: { on: boolean }) {
  const { t } = usePage();
  return on ? <span class="example-mark"> ({t('support.example')})</span> : null;
}

/** Subregions a centre serves today, by name. */
function servesToday(areas: readonly (AreaRow & { subregionName: string })[], today: string): string[] {
  return areas.filter((a) => a.valid_from <= today && (a.valid_to === null || today <= a.valid_to)).map((a) => a.subregionName);
}

export function CentreListView({ centres, today, gminy }: { centres: CentreDetail[]; today: string; gminy: GminaOption[] }) {
  const { t, fmt, href } = usePage();
  return (
    <>
      <PageHeader title={t('support.title')} lead={t('support.intro')} />
      <section aria-labelledby="finder-heading">
        <h2 id="finder-heading">{t('support.finder.title')}</h2>
        <FinderForm gminy={gminy} value="" />
      </section>
      <section aria-labelledby="centres-heading">
        <h2 id="centres-heading">{t('support.colCentre')}</h2>
        {centres.length === 0 ? (
          <p>{t('support.none')}</p>
        ) : (
          <Table
            caption={t('support.centresCaption')}
            rows={centres}
            rowKey={(c) => c.centre.id}
            columns={[
              {
                header: t('support.colCentre'),
                cell: (c) => (
                  <>
                    <a href={href(centrePath(c.centre.id))}>{c.centre.name}</a>
                    <ExampleBadge on={c.centre.is_example} />
                  </>
                ),
              },
              {
                header: t('support.colServes'),
                cell: (c) => {
                  const names = servesToday(c.areas, today);
                  return names.length ? fmt.list(names) : t('support.servesNothingToday');
                },
              },
              { header: t('support.colAccreditation'), cell: (c) => <AccreditationText state={c.accreditation} /> },
            ]}
          />
        )}
      </section>
      <p>
        <a href={href('/wsparcie/zaloz-podmiot')}>{t('support.lead.title')}</a>
      </p>
    </>
  );
}

function OfficeBlock({ office }: { office: OfficeView }) {
  const { t, lang } = usePage();
  return (
    <div class="support-office">
      <p>
        {office.street}
        <br />
        {office.postalCode} {office.city}
        {office.gminaName ? (
          <>
            <br />
            {t('support.page.gmina', { name: office.gminaName })}
          </>
        ) : null}
      </p>
      {office.hours ? (
        <dl class="support-hours">
          {hoursRows(office.hours, lang).map((r) => (
            <div key={r.label}>
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('support.page.hoursUnknown')}</p>
      )}
      {office.phone || office.email ? (
        <p>
          {office.phone ? (
            <>
              {t('support.page.phone')} <a href={`tel:${office.phone.replace(/\s+/g, '')}`}>{office.phone}</a>
              {office.email ? <br /> : null}
            </>
          ) : null}
          {office.email ? (
            <>
              {t('support.page.email')} <a href={`mailto:${office.email}`}>{office.email}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

export function ServicesList({ services }: { services: CentreDetail['services'] }) {
  const { t } = usePage();
  if (services.length === 0) return <p>{t('support.page.noServices')}</p>;
  return (
    <ul>
      {services.map((s) => (
        <li key={s}>{t(`support.services.${s}`)}</li>
      ))}
    </ul>
  );
}

export function CentreView({ d }: { d: CentreDetail }) {
  const { t, fmt, href } = usePage();
  const acc = d.accreditation;
  return (
    <>
      <PageHeader title={d.centre.name} />
      {d.centre.is_example ? (
        <Alert kind="info">
          <p>{t('support.exampleNote')}</p>
        </Alert>
      ) : null}
      {acc.kind === 'lapsed' ? (
        <Alert kind="warning">
          <p>{t('support.accreditation.lapsedNotice', { date: fmt.date(acc.last.valid_to) })}</p>
        </Alert>
      ) : null}
      {d.centre.website ? (
        <p>
          {t('support.page.website')}: <a href={d.centre.website}>{d.centre.website}</a>
        </p>
      ) : null}

      <h2>{t('support.page.partnership')}</h2>
      {d.partners.length === 0 ? (
        <p>{t('support.unknown')}</p>
      ) : (
        <ul>
          {d.partners.map((p) => (
            <li key={p.id}>
              {t(`support.page.${p.role}`)}: {p.name}
              {p.entity_id ? (
                <>
                  {' '}
                  (<a href={href(entityPath({ id: p.entity_id, name: p.name }))}>{t('support.page.registryLink')}</a>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('support.page.areas')}</h2>
      {d.areas.length === 0 ? (
        <p>{t('support.unknown')}</p>
      ) : (
        <Table
          caption={t('support.page.areasCaption')}
          rows={d.areas}
          rowKey={(a) => a.id}
          columns={[
            { header: t('support.page.subregion'), cell: (a) => a.subregionName },
            { header: t('support.page.period'), cell: (a) => <PeriodText from={a.valid_from} to={a.valid_to} /> },
          ]}
        />
      )}

      <h2>{t('support.page.services')}</h2>
      <ServicesList services={d.services} />

      <h2>{t('support.page.offices')}</h2>
      {d.offices.length === 0 ? <p>{t('support.page.noOffices')}</p> : d.offices.map((o) => <OfficeBlock key={o.id} office={o} />)}

      <h2>{t('support.page.contacts')}</h2>
      {d.contacts.length === 0 ? (
        <p>{t('support.page.noContacts')}</p>
      ) : (
        <ul>
          {d.contacts.map((c) => (
            <li key={c.id}>
              {c.function_name}
              {c.phone ? (
                <>
                  , {t('support.page.phone')} <a href={`tel:${c.phone.replace(/\s+/g, '')}`}>{c.phone}</a>
                </>
              ) : null}
              {c.email ? (
                <>
                  , {t('support.page.email')} <a href={`mailto:${c.email}`}>{c.email}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('support.accreditation.heading')}</h2>
      <p>
        <AccreditationText state={acc} />
      </p>
      {d.accreditations.length > 0 ? (
        <Table
          caption={t('support.accreditation.historyCaption')}
          rows={[...d.accreditations].reverse()}
          rowKey={(a) => a.id}
          columns={[
            { header: t('support.accreditation.decision'), cell: (a) => a.decision_number },
            {
              header: t('support.accreditation.decisionDate'),
              cell: (a) => (a.decision_date ? fmt.date(a.decision_date) : t('support.unknown')),
            },
            { header: t('support.accreditation.period'), cell: (a) => <PeriodText from={a.valid_from} to={a.valid_to} /> },
            { header: t('support.accreditation.body'), cell: (a) => a.granting_body },
          ]}
        />
      ) : null}

      {d.centre.sources.trim() !== '' ? (
        <>
          <h2>{t('support.page.sources')}</h2>
          <ul>
            {d.centre.sources
              .split(/\r?\n/)
              .map((s) => s.trim())
              .filter(Boolean)
              .map((s) => (
                <li key={s}>{/^https?:\/\//.test(s) ? <a href={s}>{s}</a> : s}</li>
              ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function FinderForm({ gminy, value }: { gminy: GminaOption[]; value: string }) {
  const { t, href } = usePage();
  return (
    <form method="get" action={href('/wsparcie/gdzie')} class="support-finder">
      <GminaField name="gmina" gminy={gminy} value={value} label={t('support.finder.gmina')} hint={t('support.finder.gminaHint')} />
      <Button>{t('support.finder.submit')}</Button>
    </form>
  );
}

export type FinderResult =
  | { kind: 'empty' }
  | { kind: 'notFound'; text: string }
  | { kind: 'choose'; text: string; options: GminaOption[] }
  /** No gmina of that name; these are close to it. */
  | { kind: 'suggest'; text: string; options: GminaOption[] }
  | { kind: 'answer'; answer: SupportAnswer };

export function FinderView({ gminy, result, value }: { gminy: GminaOption[]; result: FinderResult; value: string }) {
  const { t, fmt, href, lang } = usePage();
  return (
    <>
      <PageHeader title={t('support.finder.title')} lead={t('support.finder.lead')} />
      <FinderForm gminy={gminy} value={value} />
      <div id="wynik" aria-live="polite">
        {result.kind === 'notFound' ? (
          <Alert kind="warning">
            <p>{t('support.finder.notFound', { text: result.text })}</p>
          </Alert>
        ) : null}
        {result.kind === 'choose' || result.kind === 'suggest' ? (
          <section aria-labelledby="choose-heading">
            <h2 id="choose-heading">
              {result.kind === 'choose' ? t('support.finder.choose') : t('support.finder.suggest', { text: result.text })}
            </h2>
            <ul>
              {result.options.map((o) => (
                <li key={o.teryt}>
                  <a href={href(`${finderPath(o)}#wynik`)}>{o.label}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {result.kind === 'answer' ? <Answer a={result.answer} /> : null}
      </div>
    </>
  );

  function Answer({ a }: { a: SupportAnswer }) {
    return (
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t('support.finder.answerTitle', { name: a.gmina.label })}</h2>
        {a.centre ? (
          <>
            <p>{t('support.finder.servedBy', { gmina: a.gmina.name, date: fmt.date(a.today) })}</p>
            <p class="support-centre-name">
              <a href={href(centrePath(a.centre.centre.id))}>{a.centre.centre.name}</a>
              <ExampleBadge on={a.centre.centre.is_example} />
            </p>
            {a.subregion ? (
              <p>{t('support.finder.subregion', { name: lang === 'pl' ? a.subregion.name_pl : a.subregion.name_en })}</p>
            ) : null}
            <p>
              {t('support.colAccreditation')}: <AccreditationText state={a.centre.accreditation} />
            </p>
            <h3>{t('support.finder.nearestOffice')}</h3>
            <p class="hint">{t('support.finder.nearestHint')}</p>
            {a.office ? <OfficeBlock office={a.office} /> : <p>{t('support.page.noOffices')}</p>}
            <h3>{t('support.page.services')}</h3>
            <ServicesList services={a.centre.services} />
            <p>
              <a href={href(`/wsparcie/zaloz-podmiot?gmina=${encodeURIComponent(a.gmina.label)}`)}>{t('support.finder.startEntity')}</a>
            </p>
          </>
        ) : (
          <p>{t('support.finder.noCentre', { gmina: a.gmina.name, date: fmt.date(a.today) })}</p>
        )}
      </section>
    );
  }
}

/** "Twój ośrodek wsparcia" on an entity page or a gmina profile. */
export function YourCentre({
  intro,
  centre,
  gmina,
  headingId,
}: {
  intro: string;
  centre: CentreDetail | null;
  gmina: GminaOption | null;
  headingId?: string;
}) {
  const { t, href } = usePage();
  return (
    <div class="support-your-centre">
      {centre ? (
        <>
          <p>
            {intro}: <a href={href(centrePath(centre.centre.id))}>{centre.centre.name}</a>
            <ExampleBadge on={centre.centre.is_example} /> (<AccreditationText state={centre.accreditation} />)
          </p>
        </>
      ) : (
        <p>{gmina ? t('support.section.none') : t('support.section.noGmina')}</p>
      )}
      <p>
        <a href={href(gmina ? finderPath(gmina) : finderPath())} aria-describedby={headingId}>
          {t('support.section.finder')}
        </a>
      </p>
    </div>
  );
}

export function LeadFormView({
  gminy,
  values,
  problems = [],
  csrf,
  sentTo,
  retentionMonths,
}: {
  gminy: GminaOption[];
  values: Record<string, string>;
  problems?: Problem[];
  csrf: string;
  /** The centre's name after sending ('' when not known), null before. */
  sentTo: string | null;
  retentionMonths: number;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('support.lead.title')} lead={t('support.lead.intro')} />
      {sentTo !== null ? (
        <Alert kind="success">
          <p>{sentTo === '' ? t('support.lead.sentGeneric') : t('support.lead.sent', { centre: sentTo })}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/wsparcie/zaloz-podmiot')} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="message"
          label={t('support.lead.what')}
          hint={t('support.lead.whatHint')}
          value={values.message ?? ''}
          problems={problems}
          multiline
          rows={6}
          maxLength={3000}
          required
        />
        <GminaField
          name="gmina"
          gminy={gminy}
          value={values.gmina ?? ''}
          label={t('support.lead.gmina')}
          hint={t('support.finder.gminaHint')}
          problems={problems}
          required
        />
        <FormField
          name="name"
          label={t('support.lead.name')}
          value={values.name ?? ''}
          problems={problems}
          maxLength={200}
          autocomplete="name"
          required
        />
        <FormField
          name="email"
          type="email"
          label={t('support.lead.email')}
          value={values.email ?? ''}
          problems={problems}
          autocomplete="email"
          required
        />
        <div class="portal-hp">
          <label for="f-website">{t('support.lead.honeypot')}</label>
          <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <CheckboxField name="consent" label={t('support.lead.consent')} checked={values.consent === '1'} problems={problems} />
        <p class="hint">{t('support.lead.retention', { count: retentionMonths })}</p>
        <Button>{t('support.lead.submit')}</Button>
      </form>
    </>
  );
}
