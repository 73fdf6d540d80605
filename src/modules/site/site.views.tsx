// Views of the site module: the home page (with the sections other modules register) and the
// editors' form for the institution's data, office hours and extra closed days, with the
// administrators' logo form below it. The home page's
// opening sentence is made of the phrases the registered modules' navigation entries bring (`intro`),
// so it names only sections that exist; a new module adds its phrase with its entry.
import type { VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { FileField } from '../../core/ui/fields.js';
import { WEEKDAYS } from './office-hours.js';

export function HomeView({ sections = [] }: { sections?: VNode[] }) {
  const { t, fmt, nav } = usePage();
  const phrases = nav.flatMap((entry) => (entry.intro ? [t(entry.intro)] : []));
  return (
    <>
      <PageHeader title={t('home.title')} />
      <p class="lead">{phrases.length ? t('home.lead', { sections: fmt.list(phrases) }) : t('home.leadNone')}</p>
      {sections}
    </>
  );
}

/** The logo part of the institution's page: the current logo and, for administrators, its forms. */
export interface LogoForm {
  current: { src: string; alt: string; width: number; height: number } | null;
  canManage: boolean;
  /** The alternative text field's value (the current one, or the institution's name). */
  alt: string;
}

export function InstitutionFormView({
  csrf,
  values,
  problems = [],
  notice,
  logo,
}: {
  csrf: string;
  values: Record<string, string>;
  problems?: Problem[];
  notice?: string | null;
  logo: LogoForm;
}) {
  const { t, href } = usePage();
  const field = (name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={values[name] ?? ''} problems={problems} {...extra} />
  );
  return (
    <>
      <PageHeader title={t('institution.title')} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
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
      <LogoSection csrf={csrf} logo={logo} problems={problems} />
    </>
  );
}

function LogoSection({ csrf, logo, problems }: { csrf: string; logo: LogoForm; problems: Problem[] }) {
  const { t, href, lang } = usePage();
  const { current } = logo;
  return (
    <section aria-labelledby="logo-heading" class="logo-settings">
      <h2 id="logo-heading">{t('institution.logo.legend')}</h2>
      <p>{t('institution.logo.intro')}</p>
      {current ? (
        <figure class="logo-preview">
          <img src={current.src} alt={current.alt} lang={lang === 'pl' ? undefined : 'pl'} width={current.width} height={current.height} />
          <figcaption>{t('institution.logo.current')}</figcaption>
        </figure>
      ) : (
        <p>{t('institution.logo.none')}</p>
      )}
      {logo.canManage ? (
        <>
          <form method="post" action={href('/admin/kontakt/logo')} enctype="multipart/form-data" novalidate>
            <CsrfField token={csrf} />
            <FileField
              name="logo"
              label={t('institution.logo.file')}
              hint={t('institution.logo.fileHint')}
              accept="image/png,image/jpeg,image/webp"
              required
              problems={problems}
            />
            <FormField
              name="logo_alt"
              label={t('institution.logo.alt')}
              hint={t('institution.logo.altHint')}
              required
              maxLength={300}
              value={logo.alt}
              problems={problems}
            />
            <Button>{t('institution.logo.submit')}</Button>
          </form>
          {current ? (
            <form method="post" action={href('/admin/kontakt/logo/usun')}>
              <CsrfField token={csrf} />
              <Button variant="secondary">{t('institution.logo.remove')}</Button>
            </form>
          ) : null}
        </>
      ) : (
        <p>{t('institution.logo.adminsOnly')}</p>
      )}
    </section>
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
