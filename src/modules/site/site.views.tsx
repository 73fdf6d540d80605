// Views of the site module: the home page (with the sections other modules register) and the
// editors' form for the institution's data, office hours and extra closed days. The home page's
// opening sentence is made of the phrases the registered modules' navigation entries bring (`intro`),
// so it names only sections that exist; a new module adds its phrase with its entry.
import type { VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { WEEKDAYS } from './office-hours.js';

export function HomeView({ sections = [] }: { sections?: VNode[] }) {
  const { t, fmt, href, nav } = usePage();
  const phrases = nav.flatMap((entry) => (entry.intro ? [t(entry.intro)] : []));
  return (
    <>
      <PageHeader title={t('home.title')} />
      <p class="lead">{phrases.length ? t('home.lead', { sections: fmt.list(phrases) }) : t('home.leadNone')}</p>
      {sections}
      <section aria-labelledby="home-sections">
        <h2 id="home-sections">{t('home.sectionsHeading')}</h2>
        {nav.length === 0 ? (
          <p>{t('home.noSections')}</p>
        ) : (
          <ul class="cards">
            {nav.map((entry) => (
              <li key={entry.path} class="card">
                <a href={href(entry.path)}>{t(entry.label)}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function InstitutionFormView({
  csrf,
  values,
  problems = [],
  saved,
}: {
  csrf: string;
  values: Record<string, string>;
  problems?: Problem[];
  saved?: boolean;
}) {
  const { t, href } = usePage();
  const field = (name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={values[name] ?? ''} problems={problems} {...extra} />
  );
  return (
    <>
      <PageHeader title={t('institution.title')} />
      {saved ? (
        <Alert kind="success">
          <p>{t('institution.saved')}</p>
        </Alert>
      ) : null}
      <p>{t('institution.intro')}</p>
      {(values.email ?? '') === '' ? (
        <Alert kind="warning">
          <p>{t('institution.emailMissing')}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/admin/kontakt')} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{t('institution.dataLegend')}</legend>
          {field('name', t('institution.name'), { required: true, maxLength: 200 })}
          {field('street', t('institution.street'), { required: true, maxLength: 200, autocomplete: 'street-address' })}
          {field('postal_code', t('institution.postalCode'), {
            required: true,
            maxLength: 6,
            hint: t('institution.postalCodeHint'),
            autocomplete: 'postal-code',
          })}
          {field('city', t('institution.city'), { required: true, maxLength: 100 })}
          {field('phone', t('institution.phone'), { type: 'tel', maxLength: 50 })}
          {field('email', t('institution.email'), { type: 'email', hint: t('institution.emailHint') })}
          {field('epuap', t('institution.epuap'), { hint: t('institution.epuapHint'), maxLength: 200 })}
          {field('bip_url', t('institution.bipUrl'), { type: 'url', hint: t('institution.urlHint') })}
          {field('lat', t('institution.lat'), { inputMode: 'decimal', hint: t('institution.coordinatesHint') })}
          {field('lon', t('institution.lon'), { inputMode: 'decimal' })}
        </fieldset>
        <WeeklyHoursFields values={values} problems={problems} />
        {field('closed_days', t('institution.closedDays'), { multiline: true, rows: 6, hint: t('institution.closedDaysHint') })}
        <Button>{t('institution.submit')}</Button>
      </form>
    </>
  );
}

/** The weekly hours fieldset (`open_<day>`, `close_<day>`), read back by `checkWeeklyHours`; offices of support centres use it too. */
export function WeeklyHoursFields({ values, problems = [] }: { values: Record<string, string>; problems?: Problem[] }) {
  const { t } = usePage();
  const field = (name: string, label: string) => (
    <FormField name={name} label={label} value={values[name] ?? ''} problems={problems} inputMode="numeric" maxLength={5} />
  );
  return (
    <fieldset>
      <legend>{t('institution.hoursLegend')}</legend>
      <p class="hint">{t('institution.hoursHint')}</p>
      <div class="portal-hours-grid">
        {WEEKDAYS.map((day) => (
          <fieldset key={day} class="portal-day">
            <legend>{t(`weekdays.${day}`)}</legend>
            {field(`open_${day}`, t(`institution.openOn.${day}`))}
            {field(`close_${day}`, t(`institution.closeOn.${day}`))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
