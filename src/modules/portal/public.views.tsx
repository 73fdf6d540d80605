// Site-wide public views of the portal: contact page with office hours and the form, site search
// results grouped by type, and the accessibility statement (element ids of the 2024 template).
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { HONEYPOT_FIELD } from './contact.service.js';
import { CheckboxField, SelectField } from './portal.ui.js';
import type { SearchResults } from './search.service.js';
import { COMPLIANCE, type StatementView } from './statement.service.js';

// --- contact -------------------------------------------------------------------------------------

export interface ContactInfo {
  name: string;
  addressLines: string[];
  phone: string | null;
  email: string | null;
  epuap: string | null;
  bipUrl: string | null;
  location: { lat: number; lon: number } | null;
  hours: { label: string; value: string }[];
  status: string | null;
  closures: { day: string; reason: string }[];
}

export function ContactView({
  info,
  csrf,
  values = {},
  problems = [],
  sent,
  available,
}: {
  info: ContactInfo;
  csrf: string;
  values?: Record<string, string>;
  problems?: Problem[];
  sent: boolean;
  available: boolean;
}) {
  const { t, href, fmt, lang } = usePage();
  return (
    <>
      <PageHeader title={t('contact.title')} />
      <div class="portal-contact">
        <section aria-labelledby="contact-data">
          <h2 id="contact-data">{info.name}</h2>
          <address>
            {info.addressLines.map((l) => (
              <span key={l} class="line">
                {l}
              </span>
            ))}
          </address>
          <dl class="mail-facts">
            {info.phone ? (
              <>
                <dt>{t('contact.phone')}</dt>
                <dd>
                  <a href={`tel:${info.phone.replace(/[^\d+]/g, '')}`}>{info.phone}</a>
                </dd>
              </>
            ) : null}
            {info.email ? (
              <>
                <dt>{t('contact.emailLabel')}</dt>
                <dd>
                  <a href={`mailto:${info.email}`}>{info.email}</a>
                </dd>
              </>
            ) : null}
            {info.epuap ? (
              <>
                <dt>{t('contact.epuap')}</dt>
                <dd>{info.epuap}</dd>
              </>
            ) : null}
            {info.bipUrl ? (
              <>
                <dt>{t('contact.bip')}</dt>
                <dd>
                  <a href={info.bipUrl} rel="noopener">
                    {info.bipUrl}
                  </a>
                </dd>
              </>
            ) : null}
            {info.location ? (
              <>
                <dt>{t('contact.map')}</dt>
                <dd>
                  <a
                    href={`https://www.openstreetmap.org/?mlat=${info.location.lat}&mlon=${info.location.lon}#map=17/${info.location.lat}/${info.location.lon}`}
                    rel="noopener"
                  >
                    {t('contact.mapLink')}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="contact-hours">
          <h2 id="contact-hours">{t('site.officeHours')}</h2>
          {info.status ? <p class="office-status">{info.status}</p> : null}
          <dl class="hours">
            {info.hours.map((h) => (
              <div key={h.label}>
                <dt>{h.label}</dt>
                <dd>{h.value}</dd>
              </div>
            ))}
          </dl>
          {info.closures.length > 0 ? (
            <>
              <h3>{t('contact.closuresTitle')}</h3>
              <ul>
                {info.closures.map((c) => (
                  <li key={c.day}>
                    <time dateTime={c.day}>{fmt.date(`${c.day}T12:00:00Z`)}</time> —{' '}
                    <span lang={lang === 'en' ? 'pl' : undefined}>{c.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="contact-form-title">
        <h2 id="contact-form-title">{t('contact.formTitle')}</h2>
        {sent ? (
          <Alert kind="success">
            <p>{t('contact.sent')}</p>
          </Alert>
        ) : null}
        {!available ? (
          <Alert kind="info">
            <p>{t('contact.unavailable')}</p>
          </Alert>
        ) : (
          <>
            <p>{t('contact.formIntro')}</p>
            <ErrorSummary problems={problems} />
            <form method="post" action={href('/kontakt')} novalidate>
              <CsrfField token={csrf} />
              <FormField
                name="name"
                label={t('contact.name')}
                required
                maxLength={200}
                autocomplete="name"
                value={values.name ?? ''}
                problems={problems}
              />
              <FormField
                name="email"
                type="email"
                label={t('contact.email')}
                required
                autocomplete="email"
                value={values.email ?? ''}
                problems={problems}
              />
              <FormField
                name="subject"
                label={t('contact.subject')}
                required
                maxLength={200}
                value={values.subject ?? ''}
                problems={problems}
              />
              <FormField
                name="message"
                label={t('contact.message')}
                required
                multiline
                rows={8}
                maxLength={5000}
                value={values.message ?? ''}
                problems={problems}
              />
              {/* the honeypot: hidden by CSS from people and assistive technology alike */}
              <div class="portal-hp">
                <label for="f-website">{t('contact.honeypot')}</label>
                <input id="f-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
              </div>
              <CheckboxField
                name="consent"
                label={t('contact.consent')}
                hint={t('contact.consentHint')}
                checked={values.consent === '1'}
                problems={problems}
              />
              <Button>{t('contact.submit')}</Button>
            </form>
          </>
        )}
      </section>
    </>
  );
}

// --- search --------------------------------------------------------------------------------------

export function SearchView({ results }: { results: SearchResults | null }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('search.title')} />
      <form method="get" action={href('/szukaj')} role="search" aria-label={t('search.title')} class="portal-search-form">
        <FormField name="q" type="search" label={t('search.label')} hint={t('search.hint')} maxLength={200} value={results?.query ?? ''} />
        <Button>{t('search.submit')}</Button>
      </form>
      {results === null ? null : results.terms.length === 0 ? (
        <p>{t('search.tooShort')}</p>
      ) : (
        <>
          <p role="status">{t('search.summary', { count: results.total, query: results.query })}</p>
          {results.total > 0 ? (
            <nav aria-label={t('search.groupsNav')}>
              <ul class="portal-filter-inline">
                {results.groups
                  .filter((g) => g.total > 0)
                  .map((g) => (
                    <li key={g.id}>
                      <a href={`#wyniki-${g.id}`}>
                        {t(g.label)} ({g.total})
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          ) : null}
          {results.groups
            .filter((g) => g.total > 0)
            .map((g) => (
              <section key={g.id} aria-labelledby={`wyniki-${g.id}`} class="portal-search-group">
                <h2 id={`wyniki-${g.id}`} tabIndex={-1}>
                  {t(g.label)} <span class="portal-count">({t('count.results', { count: g.total })})</span>
                </h2>
                <ul class="portal-results">
                  {g.hits.map((h) => (
                    <li key={h.path} lang={h.lang}>
                      <a href={href(h.path)}>{h.title}</a>
                      {h.snippet ? <p>{h.snippet}</p> : null}
                    </li>
                  ))}
                </ul>
                {g.total > g.hits.length ? <p class="small">{t('search.more', { shown: g.hits.length, count: g.total })}</p> : null}
              </section>
            ))}
        </>
      )}
    </>
  );
}

// --- accessibility statement ---------------------------------------------------------------------

function Day({ id, day }: { id: string; day: string }) {
  return (
    <time id={id} dateTime={day}>
      {day}
    </time>
  );
}

function Lines({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length <= 1) return <p>{lines[0] ?? ''}</p>;
  return (
    <ul>
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

export function StatementPage({ s }: { s: StatementView }) {
  const { t, lang, href } = usePage();
  const pick = (pl: string, en: string) =>
    lang === 'en' && en.trim() ? { text: en, lang: undefined } : { text: pl, lang: lang === 'en' ? 'pl' : undefined };
  const nonCompliance = pick(s.nonCompliancePl, s.nonComplianceEn);
  const architecture = pick(s.architecturePl, s.architectureEn);
  const communication = pick(s.communicationPl, s.communicationEn);
  const apps = pick(s.appsPl, s.appsEn);
  return (
    <article class="portal-article portal-statement">
      <PageHeader title={t('statement.title')} />
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{s.entity}</span> {t('statement.intro')}
      </p>
      <p id="a11y-zakres">
        {t('statement.scope')}{' '}
        <a id="a11y-url" href={s.siteUrl}>
          {t('site.name')} ({s.siteUrl})
        </a>
        .
      </p>
      <h2>{t('statement.datesTitle')}</h2>
      <ul>
        <li>
          {t('statement.publishedOn')}: <Day id="a11y-data-publikacja" day={s.publishedOn} />
        </li>
        <li>
          {t('statement.updatedOn')}: <Day id="a11y-data-aktualizacja" day={s.updatedOn} />
        </li>
      </ul>
      <h2>{t('statement.statusTitle')}</h2>
      <p id="a11y-status">{t(`statement.statusText.${s.status}`)}</p>
      {s.status !== 'full' && nonCompliance.text.trim() ? (
        <div lang={nonCompliance.lang}>
          <Lines text={nonCompliance.text} />
        </div>
      ) : null}
      <h2>{t('statement.preparationTitle')}</h2>
      <p>
        {t('statement.preparedOn')}: <Day id="a11y-data-sporzadzenie" day={s.preparedOn} />
      </p>
      {s.reviewedOn ? (
        <p>
          {t('statement.reviewedOn')}: <Day id="a11y-data-przeglad" day={s.reviewedOn} />
        </p>
      ) : null}
      {s.assessmentBy ? (
        <p id="a11y-ocena">{t('statement.assessmentExternal', { by: s.assessmentBy })}</p>
      ) : (
        <p>{t('statement.assessmentSelf')}</p>
      )}
      <h2>{t('statement.contactTitle')}</h2>
      <p>{t('statement.contactIntro')}</p>
      <ul>
        <li>
          {t('statement.contactPerson')}: <span id="a11y-kontakt">{s.contactName}</span>
        </li>
        <li>
          {t('statement.contactEmail')}:{' '}
          {s.email ? (
            <a id="a11y-email" href={`mailto:${s.email}`}>
              {s.email}
            </a>
          ) : (
            <span id="a11y-email">{t('statement.notSet')}</span>
          )}
        </li>
        <li>
          {t('statement.contactPhone')}:{' '}
          {s.phone ? (
            <a id="a11y-telefon" href={`tel:${s.phone.replace(/[^\d+]/g, '')}`}>
              {s.phone}
            </a>
          ) : (
            <span id="a11y-telefon">{t('statement.notSet')}</span>
          )}
        </li>
      </ul>
      <p>
        {t('statement.postalAddress')}: <span class="a11y-postal">{s.postalAddress.join(', ')}</span>
      </p>
      {s.contactForm ? (
        <p>
          <a href={href('/kontakt')}>{t('statement.contactForm')}</a>
        </p>
      ) : !s.email && !s.phone ? (
        <p>{t('statement.postOnly')}</p>
      ) : null}
      <h2>{t('statement.procedureTitle')}</h2>
      <div id="a11y-procedura">
        <p>{t('statement.procedure1')}</p>
        <p>{t('statement.procedure2')}</p>
        <p>{t('statement.procedure3')}</p>
        <p>
          {t('statement.procedure4')}{' '}
          <a href="https://bip.brpo.gov.pl/" rel="noopener" hrefLang="pl">
            {t('statement.ombudsman')}
          </a>
          .
        </p>
      </div>
      <h2>{t('statement.architectureTitle')}</h2>
      <div id="a11y-architektura" lang={architecture.lang}>
        <Lines text={architecture.text} />
      </div>
      <h2>{t('statement.communicationTitle')}</h2>
      <div id="a11y-komunikacja" lang={communication.lang}>
        <Lines text={communication.text} />
      </div>
      {apps.text.trim() ? (
        <>
          <h2>{t('statement.appsTitle')}</h2>
          <div id="a11y-aplikacje" lang={apps.lang}>
            <Lines text={apps.text} />
          </div>
        </>
      ) : null}
    </article>
  );
}

export function StatementFormView({
  csrf,
  values,
  problems = [],
  saved,
}: {
  csrf: string;
  values: Record<string, string>;
  problems?: Problem[];
  saved: boolean;
}) {
  const { t, href } = usePage();
  const f = (name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={values[name] ?? ''} problems={problems} {...extra} />
  );
  return (
    <>
      <PageHeader title={t('statement.edit')} />
      {saved ? (
        <Alert kind="success">
          <p>{t('statement.saved')}</p>
        </Alert>
      ) : null}
      <p>
        <a href={href('/deklaracja-dostepnosci')}>{t('statement.viewPublic')}</a>
      </p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/admin/deklaracja-dostepnosci')} novalidate>
        <CsrfField token={csrf} />
        {f('entity_name', t('statement.entityName'), { hint: t('statement.entityNameHint') })}
        {f('published_on', t('statement.publishedOn'), { required: true, hint: t('portal.dateHint') })}
        {f('updated_on', t('statement.updatedOn'), { required: true, hint: t('portal.dateHint') })}
        {f('prepared_on', t('statement.preparedOn'), { required: true, hint: t('portal.dateHint') })}
        {f('reviewed_on', t('statement.reviewedOn'), { hint: t('portal.dateHint') })}
        <SelectField
          name="status"
          label={t('statement.status')}
          value={values.status ?? 'partial'}
          problems={problems}
          options={COMPLIANCE.map((c) => ({ value: c, label: t(`statement.statusOption.${c}`) }))}
        />
        {f('non_compliance_pl', t('statement.nonCompliancePl'), { multiline: true, rows: 5, hint: t('statement.linesHint') })}
        {f('non_compliance_en', t('statement.nonComplianceEn'), { multiline: true, rows: 5 })}
        {f('assessment_by', t('statement.assessmentBy'), { hint: t('statement.assessmentByHint') })}
        {f('contact_name', t('statement.contactName'), { required: true })}
        {f('contact_email', t('statement.contactEmail'), { type: 'email', hint: t('statement.contactFallbackHint') })}
        {f('contact_phone', t('statement.contactPhone'), { type: 'tel', hint: t('statement.contactFallbackHint') })}
        {f('architecture_pl', t('statement.architecturePl'), { multiline: true, rows: 5, required: true })}
        {f('architecture_en', t('statement.architectureEn'), { multiline: true, rows: 5 })}
        {f('communication_pl', t('statement.communicationPl'), { multiline: true, rows: 5, required: true })}
        {f('communication_en', t('statement.communicationEn'), { multiline: true, rows: 5 })}
        {f('apps_pl', t('statement.appsPl'), { multiline: true, rows: 3, hint: t('statement.appsHint') })}
        {f('apps_en', t('statement.appsEn'), { multiline: true, rows: 3 })}
        <Button>{t('portal.save')}</Button>
      </form>
    </>
  );
}
