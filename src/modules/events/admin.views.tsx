// Staff views of events: the list, the event form (place chosen by gmina name, or an online link;
// registration window; accessibility), and one event's overview with its sessions, their places and
// waitlists, and the form adding a session.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, DateTimeField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import type { EventRow, RegistrationCounts, SessionRow } from './events.repo.js';
import type { ParticipantType, RegistrationStatus } from './events.tables.js';
import { EVENT_TYPES, type GminaChoice } from './events.service.js';
import type { Participant } from './participants.js';
import type { CountRow } from './counts.service.js';
import type { MailingPreview } from './mailing.service.js';
import { LibraryDocumentsPage, type AttachedDocument, type DocumentPick } from '../portal/index.js';
import { EventWhen } from './public.views.js';

export function AdminListView({ items }: { items: EventRow[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('events.admin.title')} />
      <p>
        <a class="button" href={href('/admin/wydarzenia/nowe')}>
          {t('events.admin.new')}
        </a>
      </p>
      {items.length ? (
        <Table
          caption={t('events.admin.title')}
          rows={items}
          rowKey={(e) => e.id}
          columns={[
            { header: t('events.form.title'), cell: (e) => <a href={href(`/admin/wydarzenia/${e.id}`)}>{e.title}</a> },
            { header: t('events.when'), cell: (e) => <EventWhen e={e} /> },
            { header: t('events.admin.status'), cell: (e) => (e.is_published ? t('events.admin.published') : t('events.admin.draft')) },
          ]}
        />
      ) : (
        <p>{t('events.admin.none')}</p>
      )}
    </>
  );
}

export function EventFormView({
  id,
  values,
  problems,
  csrf,
  gminy,
}: {
  id: string | null;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  gminy: GminaChoice[];
}) {
  const { t, href } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <PageHeader title={id ? t('events.admin.edit') : t('events.admin.new')} />
      <ErrorSummary problems={problems} />
      <form method="post" action={href(id ? `/admin/wydarzenia/${id}/edycja` : '/admin/wydarzenia/nowe')} novalidate>
        <CsrfField token={csrf} />
        <FormField name="title" label={t('events.form.title')} value={v('title')} problems={problems} required maxLength={300} />
        <SelectField
          name="type"
          label={t('events.form.type')}
          value={v('type')}
          problems={problems}
          required
          options={[{ value: '', label: '—' }, ...EVENT_TYPES.map((x) => ({ value: x, label: t(`events.types.${x}`) }))]}
        />
        <FormField
          name="description"
          label={t('events.form.description')}
          hint={t('events.form.descriptionHint')}
          value={v('description')}
          problems={problems}
          required
          multiline
        />
        <FormField
          name="organiser"
          label={t('events.form.organiser')}
          value={v('organiser')}
          problems={problems}
          required
          maxLength={300}
        />
        <DateTimeField name="starts_at" label={t('events.form.startsAt')} value={v('starts_at')} problems={problems} required />
        <DateTimeField name="ends_at" label={t('events.form.endsAt')} value={v('ends_at')} problems={problems} required />
        <RadioGroup
          name="mode"
          legend={t('events.form.mode')}
          value={v('mode')}
          problems={problems}
          options={[
            { value: 'onsite', label: t('events.form.modes.onsite') },
            { value: 'online', label: t('events.form.modes.online') },
          ]}
        />
        <FormField name="address" label={t('events.form.address')} value={v('address')} problems={problems} maxLength={300} />
        <SelectField
          name="gmina_teryt"
          label={t('events.form.gmina')}
          value={v('gmina_teryt')}
          problems={problems}
          options={[
            { value: '', label: t('events.form.gminaChoose') },
            ...gminy.map((g) => ({ value: g.teryt, label: `${g.name} (${t(g.typeKey)}, ${g.powiat})` })),
          ]}
        />
        <FormField
          name="online_url"
          type="url"
          label={t('events.form.onlineUrl')}
          value={v('online_url')}
          problems={problems}
          maxLength={500}
        />
        <DateTimeField
          name="registration_opens_at"
          label={t('events.form.opensAt')}
          hint={t('events.form.windowHint')}
          value={v('registration_opens_at')}
          problems={problems}
        />
        <DateTimeField
          name="registration_closes_at"
          label={t('events.form.closesAt')}
          value={v('registration_closes_at')}
          problems={problems}
        />
        <FormField
          name="who_may_register"
          label={t('events.form.who')}
          value={v('who_may_register')}
          problems={problems}
          maxLength={1000}
        />
        <fieldset>
          <legend>{t('events.form.accessibilityLegend')}</legend>
          <CheckboxField name="has_step_free_access" label={t('events.stepFree')} checked={v('has_step_free_access') === '1'} />
          <CheckboxField name="has_induction_loop" label={t('events.inductionLoop')} checked={v('has_induction_loop') === '1'} />
          <CheckboxField name="has_sign_language" label={t('events.signLanguage')} checked={v('has_sign_language') === '1'} />
          <FormField
            name="accessibility_notes"
            label={t('events.form.accessibilityNotes')}
            value={v('accessibility_notes')}
            problems={problems}
            multiline
          />
        </fieldset>
        <CheckboxField name="is_published" label={t('events.form.published')} checked={v('is_published') === '1'} />
        <Button>{t('events.form.save')}</Button>
      </form>
    </>
  );
}

export interface SessionStats {
  s: SessionRow;
  waiting: number;
}

export function OverviewView({
  e,
  sessions,
  counts = [],
  figures = [],
  powiaty = {},
  notice,
  values,
  problems,
  csrf,
}: {
  e: EventRow;
  sessions: SessionStats[];
  /** Registrations by status and participant type (kept after the personal data are erased). */
  counts?: RegistrationCounts[];
  /** Counts per event and session by participant type and powiat (kept after the erasure). */
  figures?: CountRow[];
  /** Powiat names by TERYT. */
  powiaty?: Record<string, string>;
  notice: string | null;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href, fmt } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <PageHeader title={e.title} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <EventWhen e={e} /> · {e.is_published ? t('events.admin.published') : t('events.admin.draft')}
      </p>
      <ul class="inline-links">
        <li>
          <a href={href(`/admin/wydarzenia/${e.id}/edycja`)}>{t('events.admin.edit')}</a>
        </li>
        <li>
          <a href={href(`/admin/wydarzenia/${e.id}/uczestnicy`)}>{t('events.admin.participants')}</a>
        </li>
        <li>
          <a href={href(`/admin/wydarzenia/${e.id}/obecnosc`)}>{t('events.admin.checkinLink')}</a>
        </li>
        <li>
          <a href={href(`/admin/wydarzenia/${e.id}/wiadomosc`)}>{t('events.mailing.link')}</a>
        </li>
        <li>
          <a href={href(`/admin/wydarzenia/${e.id}/dokumenty`)}>{t('events.documents.link')}</a>
        </li>
        {e.is_published ? (
          <li>
            <a href={href(`/wydarzenia/${e.id}`)}>{t('events.admin.publicPage')}</a>
          </li>
        ) : null}
      </ul>
      <h2>{t('events.sessions')}</h2>
      {sessions.length ? (
        <Table
          caption={t('events.sessions')}
          rows={sessions}
          rowKey={({ s }) => s.id}
          columns={[
            { header: t('events.session.title'), cell: ({ s }) => s.title },
            { header: t('events.when'), cell: ({ s }) => fmt.dateTime(s.starts_at) },
            {
              header: t('events.session.capacity'),
              cell: ({ s }) => (s.capacity === null ? t('events.noLimit') : fmt.number(s.capacity)),
              numeric: true,
            },
            { header: t('events.session.taken'), cell: ({ s }) => fmt.number(s.taken), numeric: true },
            { header: t('events.session.waiting'), cell: ({ waiting }) => fmt.number(waiting), numeric: true },
            {
              header: t('events.admin.actions'),
              cell: ({ s }) => (
                <form method="post" action={href(`/admin/wydarzenia/${e.id}/sesje/${s.id}/usun`)}>
                  <CsrfField token={csrf} />
                  <Button variant="secondary">{t('events.session.remove', { title: s.title })}</Button>
                </form>
              ),
            },
          ]}
        />
      ) : (
        <p>{t('events.noSessions')}</p>
      )}
      <h2>{t('events.admin.registrations')}</h2>
      {counts.length ? (
        <Table
          caption={t('events.admin.registrations')}
          rows={counts}
          rowKey={(c) => `${c.status}-${c.participant_type}`}
          columns={[
            { header: t('events.manage.status'), cell: (c) => t(`events.manage.statuses.${c.status as RegistrationStatus}`) },
            {
              header: t('events.register.participantType'),
              cell: (c) => t(`events.register.participantTypes.${c.participant_type as ParticipantType}`),
            },
            { header: t('events.admin.count'), cell: (c) => fmt.number(c.n), numeric: true },
          ]}
        />
      ) : (
        <p>{t('events.admin.noParticipants')}</p>
      )}
      {figures.length ? (
        <>
          <h2>{t('events.counts.title')}</h2>
          <p>{t('events.counts.intro')}</p>
          <Table
            caption={t('events.counts.title')}
            rows={figures}
            rowKey={(c) => `${c.sessionId ?? ''}-${c.participantType}-${c.powiat}`}
            columns={[
              {
                header: t('events.counts.scope'),
                cell: (c) =>
                  c.sessionId === null ? t('events.counts.wholeEvent') : (sessions.find((x) => x.s.id === c.sessionId)?.s.title ?? ''),
              },
              { header: t('events.register.participantType'), cell: (c) => t(`events.register.participantTypes.${c.participantType}`) },
              {
                header: t('events.counts.powiat'),
                cell: (c) =>
                  c.powiat === 'outside'
                    ? t('events.register.outsideRegion')
                    : c.powiat === 'unknown'
                      ? t('events.counts.unknown')
                      : (powiaty[c.powiat] ?? c.powiat),
              },
              { header: t('events.counts.registered'), cell: (c) => fmt.number(c.registered), numeric: true },
              { header: t('events.counts.confirmed'), cell: (c) => fmt.number(c.confirmed), numeric: true },
              { header: t('events.counts.attended'), cell: (c) => fmt.number(c.attended), numeric: true },
            ]}
          />
        </>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/admin/wydarzenia/${e.id}/sesje`)} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{t('events.session.legend')}</legend>
          <FormField name="title" label={t('events.session.title')} value={v('title')} problems={problems} required maxLength={300} />
          <DateTimeField name="starts_at" label={t('events.session.startsAt')} value={v('starts_at')} problems={problems} required />
          <DateTimeField name="ends_at" label={t('events.session.endsAt')} value={v('ends_at')} problems={problems} required />
          <FormField name="speakers" label={t('events.session.speakers')} value={v('speakers')} problems={problems} maxLength={1000} />
          <FormField name="room" label={t('events.session.room')} value={v('room')} problems={problems} maxLength={200} />
          <FormField
            name="capacity"
            label={t('events.session.capacity')}
            hint={t('events.session.capacityHint')}
            value={v('capacity')}
            problems={problems}
            inputMode="numeric"
            maxLength={6}
          />
          <Button>{t('events.session.add')}</Button>
        </fieldset>
      </form>
    </>
  );
}

export function ParticipantsView({ e, rows }: { e: EventRow; rows: Participant[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={`${t('events.admin.participants')}: ${e.title}`} />
      <p>
        <a href={href(`/admin/wydarzenia/${e.id}/uczestnicy.csv`)}>{t('events.admin.participantsCsv')}</a>
      </p>
      <p>
        <a href={href(`/admin/wydarzenia/${e.id}/uczestnicy.xlsx`)}>{t('events.admin.participantsXlsx')}</a>
      </p>
      {rows.length ? (
        <Table
          caption={t('events.admin.participants')}
          rows={rows}
          rowKey={({ r }) => r.id}
          columns={[
            {
              header: t('events.register.name'),
              cell: ({ r }) =>
                r.is_erased ? (
                  t('events.admin.erased')
                ) : (
                  <>
                    {r.name}
                    <br />
                    {r.email}
                    {r.institution ? (
                      <>
                        <br />
                        {r.institution}
                      </>
                    ) : null}
                    <br />
                    {t(`events.register.participantTypes.${r.participant_type}`)}
                  </>
                ),
            },
            { header: t('events.manage.status'), cell: ({ r }) => t(`events.manage.statuses.${r.status}`) },
            {
              header: t('events.sessions'),
              cell: ({ places }) => places.map((p) => `${p.session}: ${t(`events.placeStatus.${p.status}`)}`).join('; '),
            },
            {
              header: t('events.access.column'),
              cell: ({ needs, r }) => [...needs.map((n) => t(`events.access.needs.${n}`)), r.access_notes ?? ''].filter(Boolean).join('; '),
            },
          ]}
        />
      ) : (
        <p>{t('events.admin.noParticipants')}</p>
      )}
    </>
  );
}

export interface CheckinRow {
  name: string;
  code: string;
  present: boolean;
  /** A fresh id for the row's form: sending the same form twice is applied once. */
  markId: string;
}

/**
 * The check-in list for a phone: one button per person (works without JavaScript); with
 * public/js/events-checkin.js the list is kept on the device, marks are stored offline with ids made
 * on the device, and "Synchronizuj" sends them.
 */
export function CheckinView({
  e,
  rows,
  csrf,
  result,
  values = {},
  problems = [],
}: {
  e: EventRow;
  rows: CheckinRow[];
  csrf: string;
  result: string | null;
  values?: Record<string, string | undefined>;
  problems?: Problem[];
}) {
  const { t, href } = usePage();
  const present = rows.filter((r) => r.present).length;
  return (
    <>
      <PageHeader title={`${t('events.checkin.title')}: ${e.title}`} lead={t('events.checkin.intro')} />
      {result ? <Alert kind="success">{result}</Alert> : null}
      <p>{t('events.checkin.present', { present, total: rows.length })}</p>
      <div
        class="checkin"
        data-checkin={href(`/admin/wydarzenia/${e.id}/obecnosc/synchronizacja`)}
        data-event={e.id}
        data-csrf={csrf}
        data-label-present={t('events.checkin.isPresent')}
        data-label-queued={t('events.checkin.queued')}
        data-label-synced={t('events.checkin.synced')}
      >
        <p class="checkin__status" role="status" aria-live="polite"></p>
        <button type="button" class="button button--secondary checkin__sync" hidden>
          {t('events.checkin.sync')}
        </button>
        <ul class="checkin__list">
          {rows.map((r) => (
            <li key={r.code} data-code={r.code}>
              <span class="checkin__name">{r.name}</span> <code>{r.code}</code>{' '}
              {r.present ? (
                <span class="checkin__present">{t('events.checkin.isPresent')}</span>
              ) : (
                <form method="post" action={href(`/admin/wydarzenia/${e.id}/obecnosc`)} class="checkin__form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="mark_id" value={r.markId} />
                  <input type="hidden" name="code" value={r.code} />
                  <Button>{t('events.checkin.mark', { name: r.name })}</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </div>
      <h2 id="correct">{t('events.checkin.correct')}</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/admin/wydarzenia/${e.id}/obecnosc/korekta`)} novalidate aria-labelledby="correct">
        <CsrfField token={csrf} />
        <FormField name="code" label={t('events.checkin.code')} value={values.code ?? ''} problems={problems} required maxLength={12} />
        <RadioGroup
          name="present"
          legend={t('events.checkin.correctPresent')}
          value={values.present ?? ''}
          problems={problems}
          options={[
            { value: '1', label: t('events.checkin.correctOptions.present') },
            { value: '0', label: t('events.checkin.correctOptions.absent') },
          ]}
        />
        <FormField
          name="reason"
          label={t('events.checkin.reason')}
          value={values.reason ?? ''}
          problems={problems}
          required
          multiline
          maxLength={500}
        />
        <Button variant="secondary">{t('events.checkin.correctSubmit')}</Button>
      </form>
      <script src="/assets/js/events-checkin.js" defer />
    </>
  );
}

/**
 * The event's library documents: the portal's picker (those attached, each with a button detaching
 * it; the published documents of the library, narrowed by a search by title, each with a button
 * attaching it).
 */
export function DocumentsAdminView({
  e,
  attached,
  q,
  offered,
  notice,
  problems,
  csrf,
}: {
  e: EventRow;
  attached: AttachedDocument[];
  q: string;
  offered: DocumentPick;
  notice: string | null;
  problems: Problem[];
  csrf: string;
}) {
  const { t } = usePage();
  return (
    <LibraryDocumentsPage
      title={`${t('events.documents.adminTitle')}: ${e.title}`}
      lead={t('events.documents.intro')}
      notice={notice}
      path={`/admin/wydarzenia/${e.id}/dokumenty`}
      attached={attached}
      noneText={t('events.documents.none')}
      q={q}
      offered={offered}
      problems={problems}
      csrf={csrf}
    />
  );
}

/**
 * The message to a session's participants: the form (session, waitlist too or not, subject, text),
 * then the preview with the number of recipients and the button that sends it; the mailings sent so
 * far (when, which session, how many — their texts are not kept here).
 */
export function MailingView({
  e,
  sessions,
  history,
  values,
  preview,
  notice,
  problems,
  csrf,
  retentionDays,
  perDay,
}: {
  e: EventRow;
  sessions: SessionRow[];
  history: { id: string; session_id: string; include_waiting: boolean; recipients: number; sent_at: string }[];
  values: Record<string, string | undefined>;
  preview: MailingPreview | null;
  notice: string | null;
  problems: Problem[];
  csrf: string;
  retentionDays: number;
  perDay: number;
}) {
  const { t, href, fmt } = usePage();
  const v = (k: string) => values[k] ?? '';
  const sessionTitle = (id: string) => sessions.find((s) => s.id === id)?.title ?? '';
  return (
    <>
      <PageHeader title={`${t('events.mailing.title')}: ${e.title}`} lead={t('events.mailing.intro')} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      {preview ? (
        <section aria-labelledby="mailing-preview" class="mail-preview">
          <h2 id="mailing-preview">{t('events.mailing.previewTitle')}</h2>
          <p>
            <strong>{t('events.mailing.recipients', { count: preview.recipients })}</strong>
          </p>
          <dl>
            <dt>{t('events.mailing.previewSubject')}</dt>
            <dd>{preview.mail.subject}</dd>
          </dl>
          <div class="prose">
            {preview.mail.text.split(/\n{2,}/).map((para, i) => (
              <p key={i}>
                {para.split('\n').map((line, j) => (
                  <>
                    {j > 0 ? <br /> : null}
                    {line}
                  </>
                ))}
              </p>
            ))}
          </div>
          {preview.recipients > 0 ? (
            <form method="post" action={href(`/admin/wydarzenia/${e.id}/wiadomosc`)}>
              <CsrfField token={csrf} />
              <input type="hidden" name="session_id" value={preview.input.session.id} />
              <input type="hidden" name="include_waiting" value={preview.input.includeWaiting ? '1' : ''} />
              <input type="hidden" name="subject" value={preview.input.subject} />
              <input type="hidden" name="message" value={preview.input.message} />
              <Button>{t('events.mailing.send')}</Button>
            </form>
          ) : (
            <p>{t('events.mailing.noRecipients')}</p>
          )}
          <h2>{t('events.mailing.edit')}</h2>
        </section>
      ) : null}
      <form method="post" action={href(`/admin/wydarzenia/${e.id}/wiadomosc/podglad`)} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          name="session_id"
          label={t('events.mailing.session')}
          value={v('session_id')}
          problems={problems}
          required
          options={[
            { value: '', label: '—' },
            ...sessions.map((s) => ({ value: s.id, label: `${s.title} (${fmt.dateTime(s.starts_at)})` })),
          ]}
        />
        <CheckboxField name="include_waiting" label={t('events.mailing.includeWaiting')} checked={v('include_waiting') === '1'} />
        <FormField name="subject" label={t('events.mailing.subject')} value={v('subject')} problems={problems} required maxLength={150} />
        <FormField
          name="message"
          label={t('events.mailing.message')}
          hint={t('events.mailing.messageHint', { days: retentionDays })}
          value={v('message')}
          problems={problems}
          required
          multiline
          maxLength={5000}
        />
        <Button variant={preview ? 'secondary' : 'primary'}>{t('events.mailing.preview')}</Button>
      </form>
      <p>{t('events.mailing.limit', { count: perDay })}</p>
      <h2>{t('events.mailing.history')}</h2>
      {history.length ? (
        <Table
          caption={t('events.mailing.history')}
          rows={history}
          rowKey={(m) => m.id}
          columns={[
            { header: t('events.mailing.sentAt'), cell: (m) => fmt.dateTime(m.sent_at) },
            {
              header: t('events.mailing.session'),
              cell: (m) => `${sessionTitle(m.session_id)}${m.include_waiting ? ` (${t('events.mailing.withWaiting')})` : ''}`,
            },
            { header: t('events.mailing.recipientsColumn'), cell: (m) => fmt.number(m.recipients), numeric: true },
          ]}
        />
      ) : (
        <p>{t('events.mailing.none')}</p>
      )}
    </>
  );
}
