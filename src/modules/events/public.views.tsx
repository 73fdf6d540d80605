// Public views of events: the list with its filters (a GET form, works without JavaScript), the
// month calendar (a table of weeks), the archive, one event with its sessions and accessibility
// information, the registration form, and the pages of the e-mailed links (confirm, manage).
import type { VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, SelectField } from '../../core/ui/fields.js';
import { warsawDay } from '../../core/time/index.js';
import type { TKey } from '../../i18n/index.js';
import type { EventRow, SessionRow } from './events.repo.js';
import type { AccessNeed } from './events.tables.js';
import type { AttachedDocument } from '../portal/index.js';
import { FacetLayout, FiltersDisclosure } from '../../core/ui/facets.js';
import type { CalendarDay, GminaChoice, ListFilters, RegistrationState } from './events.service.js';
import { EVENT_TYPES } from './events.service.js';
import { HONEYPOT_FIELD, OUTSIDE_REGION, PARTICIPANT_TYPES, type ManageView as Manage } from './registration.service.js';

export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

export function EventWhen({ e }: { e: Pick<EventRow, 'starts_at' | 'ends_at' | 'date_precision'> }) {
  const { t, fmt } = usePage();
  if (e.date_precision === 'month') {
    const month = warsawDay(e.starts_at).slice(0, 7);
    return <>{t('events.monthPrecision', { month: monthLabel(month, fmt.locale) })}</>;
  }
  if (e.date_precision === 'day') {
    const lastDay = new Date(Date.parse(e.ends_at) - 3600_000 * 12).toISOString();
    return (
      <>
        <time dateTime={e.starts_at}>{fmt.date(e.starts_at)}</time>
        {fmt.date(e.starts_at) !== fmt.date(lastDay) ? (
          <>
            {' – '}
            <time dateTime={lastDay}>{fmt.date(lastDay)}</time>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      <time dateTime={e.starts_at}>{fmt.dateTime(e.starts_at)}</time> – <time dateTime={e.ends_at}>{fmt.dateTime(e.ends_at)}</time>
    </>
  );
}

export interface ListedEvent {
  e: EventRow;
  place: string | null;
  state: RegistrationState;
}

export function EventList({ items, headingLevel = 3 }: { items: ListedEvent[]; headingLevel?: 2 | 3 }) {
  const { t, href, lang } = usePage();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="event-list">
      {items.map(({ e, place, state }) => (
        <li key={e.id}>
          <H>
            <a href={href(`/wydarzenia/${e.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
              {e.title}
            </a>
            {e.is_example ? ` (${t('events.exampleLabel')})` : null}
          </H>
          <p>
            {t(`events.types.${e.type}`)} · <EventWhen e={e} /> · {e.is_online ? t('events.online') : (place ?? '')}
            {state === 'open' ? ` · ${t('events.registerLink')}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface FilterChoices {
  powiaty: { teryt: string; name: string }[];
  months: string[];
}

function Filters({ filters, choices, action }: { filters: ListFilters; choices: FilterChoices; action: string }) {
  const { t, href, fmt } = usePage();
  return (
    <form method="get" action={href(action)} class="filters" data-live-filters>
      <FiltersDisclosure chosen={Object.values(filters).filter((v) => v !== undefined && v !== false).length}>
        <fieldset>
          <legend>{t('events.filters.legend')}</legend>
          <SelectField
            name="rodzaj"
            label={t('events.filters.type')}
            value={filters.type ?? ''}
            options={[
              { value: '', label: t('events.filters.anyType') },
              ...EVENT_TYPES.map((v) => ({ value: v, label: t(`events.types.${v}`) })),
            ]}
          />
          <SelectField
            name="miesiac"
            label={t('events.filters.month')}
            value={filters.month ?? ''}
            options={[
              { value: '', label: t('events.filters.anyMonth') },
              ...choices.months.map((m) => ({ value: m, label: monthLabel(m, fmt.locale) })),
            ]}
          />
          <SelectField
            name="powiat"
            label={t('events.filters.powiat')}
            value={filters.powiat ?? ''}
            options={[
              { value: '', label: t('events.filters.anyPowiat') },
              ...choices.powiaty.map((p) => ({ value: p.teryt, label: p.name })),
            ]}
          />
          <SelectField
            name="forma"
            label={t('events.filters.mode')}
            value={filters.mode ?? ''}
            options={[
              { value: '', label: t('events.filters.anyMode') },
              { value: 'online', label: t('events.filters.online') },
              { value: 'stacjonarnie', label: t('events.filters.onsite') },
            ]}
          />
          <CheckboxField name="otwarta" label={t('events.filters.open')} checked={filters.open === true} />
          <Button>{t('events.filters.apply')}</Button>
        </fieldset>
      </FiltersDisclosure>
    </form>
  );
}

function ListLinks({ month }: { month: string }) {
  const { t, href } = usePage();
  return (
    <ul class="inline-links">
      <li>
        <a href={href(`/wydarzenia/kalendarz?miesiac=${month}`)}>{t('events.calendarLink')}</a>
      </li>
      <li>
        <a href={href('/wydarzenia/archiwum')}>{t('events.archiveLink')}</a>
      </li>
      <li>
        <a href="/wydarzenia.ics">{t('events.icsFeed')}</a>
      </li>
    </ul>
  );
}

export function ListView({
  items,
  filters,
  choices,
  month,
}: {
  items: ListedEvent[];
  filters: ListFilters;
  choices: FilterChoices;
  month: string;
}) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('events.title')} lead={t('events.intro')} />
      <ListLinks month={month} />
      <FacetLayout
        filters={<Filters filters={filters} choices={choices} action="/wydarzenia" />}
        resultsId="events-found"
        resultsCount={items.length}
      >
        <section aria-labelledby="events-found">
          <h2 id="events-found">{t('events.count', { count: items.length })}</h2>
          {items.length ? <EventList items={items} /> : <p>{t('events.noneFound')}</p>}
        </section>
      </FacetLayout>
    </>
  );
}

export function ArchiveView({ items }: { items: ListedEvent[] }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('events.archive')} lead={t('events.archiveIntro')} />
      {items.length ? <EventList items={items} headingLevel={2} /> : <p>{t('events.noneArchived')}</p>}
    </>
  );
}

export function CalendarView({
  month,
  weeks,
  undated,
  previous,
  next,
}: {
  month: string;
  weeks: CalendarDay[][];
  undated: EventRow[];
  previous: string;
  next: string;
}) {
  const { t, href, fmt, lang } = usePage();
  const label = monthLabel(month, fmt.locale);
  return (
    <>
      <PageHeader title={t('events.calendarTitle', { month: label })} />
      <ul class="inline-links">
        <li>
          <a href={href(`/wydarzenia/kalendarz?miesiac=${previous}`)}>
            {t('events.previousMonth')} ({monthLabel(previous, fmt.locale)})
          </a>
        </li>
        <li>
          <a href={href(`/wydarzenia/kalendarz?miesiac=${next}`)}>
            {t('events.nextMonth')} ({monthLabel(next, fmt.locale)})
          </a>
        </li>
        <li>
          <a href={href(`/wydarzenia?miesiac=${month}`)}>{t('events.listLink')}</a>
        </li>
      </ul>
      <div class="table-scroll">
        <table class="event-calendar">
          <caption>{label}</caption>
          <thead>
            <tr>
              {['1', '2', '3', '4', '5', '6', '7'].map((d) => (
                <th scope="col" key={d}>
                  <abbr title={t(`events.weekdays.${d}` as TKey)}>{t(`events.weekdaysShort.${d}` as TKey)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]!.day}>
                {week.map((d) => (
                  <td key={d.day} class={d.inMonth ? undefined : 'outside'}>
                    <span class="day-number">
                      <time dateTime={d.day}>{Number(d.day.slice(8))}</time>
                    </span>
                    {d.events.length ? (
                      <ul>
                        {d.events.map((e) => (
                          <li key={e.id}>
                            <a href={href(`/wydarzenia/${e.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
                              {e.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span class="visually-hidden">{t('events.noEventsThatDay')}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {undated.length ? (
        <section aria-labelledby="undated">
          <h2 id="undated">{t('events.monthOnly')}</h2>
          <ul>
            {undated.map((e) => (
              <li key={e.id}>
                <a href={href(`/wydarzenia/${e.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
                  {e.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export interface SessionView {
  s: SessionRow;
  free: number | null;
}

export function EventView({
  e,
  descriptionHtml,
  place,
  sessions,
  state,
  listed = [],
  documents = [],
  extras = [],
}: {
  e: EventRow;
  descriptionHtml: string;
  place: string | null;
  sessions: SessionView[];
  state: RegistrationState;
  /** Participants who agreed to be listed publicly. */
  listed?: { name: string | null; institution: string | null }[];
  /** Published library documents attached by the organisers. */
  documents?: AttachedDocument[];
  /** Sections other modules contribute (eventPageSections), after the documents. */
  extras?: VNode[];
}) {
  const { t, href, fmt, lang } = usePage();
  const features = [
    e.has_step_free_access ? t('events.stepFree') : null,
    e.has_induction_loop ? t('events.inductionLoop') : null,
    e.has_sign_language ? t('events.signLanguage') : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      <PageHeader title={e.is_example ? `${e.title} (${t('events.exampleLabel')})` : e.title} lang={lang === 'en' ? 'pl' : undefined} />
      <dl class="facts">
        <dt>{t('events.type')}</dt>
        <dd>{t(`events.types.${e.type}`)}</dd>
        <dt>{t('events.when')}</dt>
        <dd>
          <EventWhen e={e} />
        </dd>
        <dt>{t('events.where')}</dt>
        <dd>{e.is_online ? <a href={e.online_url ?? '#'}>{t('events.onlineLink')}</a> : (place ?? '—')}</dd>
        <dt>{t('events.organiser')}</dt>
        <dd lang={lang === 'en' ? 'pl' : undefined}>{e.organiser}</dd>
        {e.source ? (
          <>
            <dt>{t('events.source')}</dt>
            <dd>{e.source}</dd>
          </>
        ) : null}
      </dl>
      {e.date_precision !== 'month' ? (
        <p>
          <a href={`/wydarzenia/${e.id}/kalendarz.ics`}>{t('events.icsEvent')}</a>
        </p>
      ) : null}
      <section aria-labelledby="description">
        <h2 id="description">{t('events.description')}</h2>
        <div lang={lang === 'en' ? 'pl' : undefined} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('events.sessions')}</h2>
        {sessions.length ? (
          <ul class="session-list">
            {sessions.map(({ s, free }) => (
              <li key={s.id}>
                <h3 lang={lang === 'en' ? 'pl' : undefined}>{s.title}</h3>
                <p>
                  <time dateTime={s.starts_at}>{fmt.dateTime(s.starts_at)}</time> –{' '}
                  <time dateTime={s.ends_at}>{fmt.dateTime(s.ends_at)}</time>
                  {s.room ? ` · ${t('events.session.room')}: ${s.room}` : null}
                </p>
                {s.speakers ? (
                  <p>
                    {t('events.session.speakers')}: <span lang={lang === 'en' ? 'pl' : undefined}>{s.speakers}</span>
                  </p>
                ) : null}
                <p>{free === null ? t('events.noLimit') : free > 0 ? t('events.freePlaces', { count: free }) : t('events.full')}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('events.noSessions')}</p>
        )}
      </section>
      <section aria-labelledby="accessibility">
        <h2 id="accessibility">{t('events.accessibility')}</h2>
        {features.length || e.accessibility_notes ? (
          <>
            {features.length ? (
              <ul>
                {features.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : null}
            {e.accessibility_notes ? <p lang={lang === 'en' ? 'pl' : undefined}>{e.accessibility_notes}</p> : null}
          </>
        ) : (
          <p>{t('events.accessibilityUnknown')}</p>
        )}
      </section>
      {documents.length ? (
        <section aria-labelledby="documents">
          <h2 id="documents">{t('events.documents.title')}</h2>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <a href={href(d.href)} lang={d.isFallback ? 'pl' : undefined}>
                  {d.title}
                </a>{' '}
                ({d.kind})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {extras}
      {listed.length ? (
        <section aria-labelledby="participants">
          <h2 id="participants">{t('events.publicList')}</h2>
          <ul lang={lang === 'en' ? 'pl' : undefined}>
            {listed.map((p, i) => (
              <li key={i}>
                {p.name}
                {p.institution ? ` (${p.institution})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="registration">
        <h2 id="registration">{t('events.registration')}</h2>
        <p>
          {t(`events.registrationStates.${state}`, {
            at:
              state === 'not_yet'
                ? fmt.dateTime(e.registration_opens_at ?? e.starts_at)
                : fmt.dateTime(e.registration_closes_at ?? e.ends_at),
          })}
        </p>
        {e.who_may_register ? (
          <p>
            {t('events.whoMayRegister')}: <span lang={lang === 'en' ? 'pl' : undefined}>{e.who_may_register}</span>
          </p>
        ) : null}
        {state === 'open' && sessions.length ? (
          <p>
            <a class="button" href={href(`/wydarzenia/${e.id}/rejestracja`)}>
              {t('events.registerLink')}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}

export function RegisterFormView({
  e,
  sessions,
  values,
  chosen,
  problems,
  csrf,
  offered,
  needs,
  gminy = [],
}: {
  e: EventRow;
  sessions: SessionView[];
  values: Record<string, string | undefined>;
  chosen: readonly string[];
  problems: Problem[];
  csrf: string;
  /** The accessibility needs the organiser can meet (the checklist). */
  offered: readonly AccessNeed[];
  needs: readonly string[];
  /** The region's gminy, chosen by name (the counts per powiat). */
  gminy?: readonly GminaChoice[];
}) {
  const { t, href, fmt } = usePage();
  const sessionProblems = problems.filter((p) => p.field === 'sessions');
  return (
    <>
      <PageHeader title={t('events.register.title', { event: e.title })} lead={t('events.register.intro')} />
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/wydarzenia/${e.id}/rejestracja`)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="name"
          label={t('events.register.name')}
          value={values.name ?? ''}
          problems={problems}
          required
          maxLength={200}
          autocomplete="name"
        />
        <FormField
          name="email"
          type="email"
          label={t('events.register.email')}
          value={values.email ?? ''}
          problems={problems}
          required
          autocomplete="email"
        />
        <FormField
          name="institution"
          label={t('events.register.institution')}
          value={values.institution ?? ''}
          problems={problems}
          maxLength={300}
          autocomplete="organization"
        />
        <SelectField
          name="participant_type"
          label={t('events.register.participantType')}
          value={values.participant_type ?? ''}
          problems={problems}
          required
          options={[
            { value: '', label: '—' },
            ...PARTICIPANT_TYPES.map((p) => ({ value: p, label: t(`events.register.participantTypes.${p}`) })),
          ]}
        />
        <SelectField
          name="gmina_teryt"
          label={t('events.register.gmina')}
          hint={t('events.register.gminaHint')}
          value={values.gmina_teryt ?? ''}
          problems={problems}
          required
          options={[
            { value: '', label: t('events.form.gminaChoose') },
            ...gminy.map((g) => ({ value: g.teryt, label: `${g.name} (${t(g.typeKey)}, ${g.powiat})` })),
            { value: OUTSIDE_REGION, label: t('events.register.outsideRegion') },
          ]}
        />
        <fieldset class={`field${sessionProblems.length ? ' field--error' : ''}`} aria-describedby="f-sessions-hint">
          <legend>{t('events.register.sessions')}</legend>
          <p id="f-sessions-hint" class="hint">
            {t('events.register.sessionsHint')}
          </p>
          {sessionProblems.map((p) => (
            <p class="field-error" id="f-sessions-error" key={p.key}>
              {t(p.key as TKey)}
            </p>
          ))}
          {sessions.map(({ s, free }, i) => (
            <CheckboxField
              key={s.id}
              name="sessions"
              value={s.id}
              idSuffix={i === 0 ? undefined : s.id}
              checked={chosen.includes(s.id)}
              label={`${s.title} — ${fmt.dateTime(s.starts_at)} (${free === null ? t('events.noLimit') : free > 0 ? t('events.freePlaces', { count: free }) : t('events.full')})`}
            />
          ))}
        </fieldset>
        <fieldset class="field" aria-describedby="f-access-intro">
          <legend>{t('events.access.legend')}</legend>
          <p id="f-access-intro" class="hint">
            {t('events.access.intro')}
          </p>
          {offered.map((n, i) => (
            <CheckboxField
              key={n}
              name="access_needs"
              value={n}
              idSuffix={i === 0 ? undefined : n}
              checked={needs.includes(n)}
              label={t(`events.access.needs.${n}`)}
              problems={problems}
            />
          ))}
          <FormField
            name="access_notes"
            label={t('events.access.notes')}
            value={values.access_notes ?? ''}
            problems={problems}
            multiline
            maxLength={1000}
          />
          <CheckboxField
            name="access_consent"
            label={t('events.access.consentText')}
            checked={values.access_consent === '1'}
            problems={problems}
          />
        </fieldset>
        <p>{t('events.register.noHealthData')}</p>
        <CheckboxField name="is_listed_publicly" label={t('events.register.listed')} checked={values.is_listed_publicly === '1'} />
        <CheckboxField name="consent" label={t('events.register.consentText')} checked={values.consent === '1'} problems={problems} />
        <div class="honeypot" aria-hidden="true">
          <label for="f-website">Website</label>
          <input type="text" id="f-website" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
        </div>
        <Button>{t('events.register.submit')}</Button>
      </form>
    </>
  );
}

export function SentView() {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('events.register.sentTitle')} />
      <Alert kind="success">{t('events.register.sent')}</Alert>
    </>
  );
}

export function ConfirmView({ event, action, csrf }: { event: string; action: string; csrf: string }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('events.confirm.title')} />
      <p>{t('events.confirm.intro', { event })}</p>
      <form method="post" action={href(action)}>
        <CsrfField token={csrf} />
        <Button>{t('events.confirm.button')}</Button>
      </form>
    </>
  );
}

export function ManageView({
  view,
  action,
  csrf,
  notice,
  attended,
}: {
  view: Manage;
  action: string;
  csrf: string;
  notice: string | null;
  attended: boolean;
}) {
  const { t, fmt, href, lang } = usePage();
  const r = view.registration;
  return (
    <>
      <PageHeader title={t('events.manage.title')} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <a href={href(`/wydarzenia/${view.event.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
          {view.event.title}
        </a>
      </p>
      <p>
        {t('events.manage.status')}: {t(`events.manage.statuses.${r.status}`)}
      </p>
      <ul class="session-list">
        {view.places.map((p) => (
          <li key={p.id}>
            <h2 lang={lang === 'en' ? 'pl' : undefined}>{p.session.title}</h2>
            <p>
              <time dateTime={p.session.starts_at}>{fmt.dateTime(p.session.starts_at)}</time> · {t(`events.placeStatus.${p.status}`)}
            </p>
            {p.status === 'offered' && p.offer_expires_at ? (
              <>
                <p>{t('events.manage.offerUntil', { at: fmt.dateTime(p.offer_expires_at) })}</p>
                <form method="post" action={href(`${action}/przyjmij`)}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="place" value={p.id} />
                  <Button>{t('events.manage.accept', { session: p.session.title })}</Button>
                </form>
                <form method="post" action={href(`${action}/odrzuc`)}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="place" value={p.id} />
                  <Button variant="secondary">{t('events.manage.decline', { session: p.session.title })}</Button>
                </form>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {r.status === 'confirmed' || r.status === 'pending' ? (
        <form method="post" action={href(`${action}/anuluj`)}>
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('events.manage.cancel')}</Button>
        </form>
      ) : null}
      {r.status === 'confirmed' ? (
        <p>
          <a href={`/wydarzenia/${view.event.id}/kalendarz.ics`}>{t('events.icsEvent')}</a>
        </p>
      ) : null}
      {r.status === 'confirmed' && attended ? (
        <p>
          <a href={href(`${action}/zaswiadczenie.pdf`)}>{t('events.certificate.download')}</a>
        </p>
      ) : null}
    </>
  );
}

export function placeLabel(e: EventRow, gminy: ReadonlyMap<string, GminaChoice>): string | null {
  if (e.is_online) return null;
  const g = e.gmina_teryt ? gminy.get(e.gmina_teryt) : undefined;
  return [e.address, g ? g.name : null].filter(Boolean).join(', ') || null;
}
