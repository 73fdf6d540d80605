// Views of meetings: the staff list with the form for a new meeting, one meeting with its form, the
// cancellation and the members' answers; the answer page of an invitation (by the signed link or in
// the member space); the public list of a body's meetings with its calendar feed.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, DateTimeField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import { ATTENDANCE } from './attendance.rules.js';
import type { ItemDecision } from './attendance.service.js';
import type { BodyRow } from './bodies.repo.js';
import { ANSWERS } from './bodies.tables.js';
import type { AgendaRow, InvitationWithMember, MeetingRow } from './meetings.repo.js';

type Values = Record<string, string | undefined>;

export function When({ at }: { at: string }) {
  const { fmt } = usePage();
  return <time dateTime={at}>{fmt.dateTime(at)}</time>;
}

function MeetingFields({ values, problems }: { values: Values; problems: Problem[] }) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <DateTimeField name="starts_at" label={t('bodies.meeting.startsAt')} value={v('starts_at')} problems={problems} required />
      <FormField
        name="duration"
        label={t('bodies.meeting.duration')}
        hint={t('bodies.meeting.durationHint')}
        value={v('duration') || '120'}
        problems={problems}
        inputMode="numeric"
      />
      <FormField
        name="place"
        label={t('bodies.meeting.place')}
        hint={t('bodies.meeting.placeHint')}
        value={v('place')}
        problems={problems}
      />
      <FormField
        name="online_url"
        type="url"
        label={t('bodies.meeting.onlineUrl')}
        hint={t('bodies.meeting.onlineUrlHint')}
        value={v('online_url')}
        problems={problems}
      />
      <FormField
        name="agenda"
        label={t('bodies.meeting.agenda')}
        hint={t('bodies.meeting.agendaHint')}
        value={v('agenda')}
        problems={problems}
        multiline
        rows={6}
        required
      />
      <CheckboxField name="is_public" label={t('bodies.meeting.isPublic')} checked={v('is_public') === '1'} problems={problems} />
    </>
  );
}

function Notice({ notice }: { notice: string | null }) {
  return notice ? (
    <Alert kind="success">
      <p>{notice}</p>
    </Alert>
  ) : null;
}

export function MeetingsAdminView({
  body,
  meetings,
  values,
  problems,
  csrf,
  notice,
}: {
  body: BodyRow;
  meetings: MeetingRow[];
  values: Values;
  problems: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('bodies.meeting.title')} lead={body.name} />
      <Notice notice={notice} />
      {meetings.length === 0 ? (
        <p>{t('bodies.meeting.none')}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <a href={href(`/admin/zespoly/${body.id}/posiedzenia/${m.id}`)}>
                <When at={m.starts_at} />
              </a>{' '}
              ({t(`bodies.meeting.statuses.${m.status}`)})
            </li>
          ))}
        </ul>
      )}
      {problems.length ? <ErrorSummary problems={problems} /> : null}
      <form method="post" action={href(`/admin/zespoly/${body.id}/posiedzenia`)} novalidate>
        <CsrfField token={csrf} />
        <h2>{t('bodies.meeting.new')}</h2>
        <MeetingFields values={values} problems={problems} />
        <Button>{t('bodies.meeting.create')}</Button>
      </form>
    </>
  );
}

export function MeetingAdminView({
  body,
  meeting,
  invitations,
  values,
  problems,
  csrf,
  notice,
  attendance,
  agendaList,
}: {
  body: BodyRow;
  meeting: MeetingRow;
  /** The agenda items with their links and the way to each item's page (agenda.views.tsx). */
  agendaList?: ComponentChildren;
  invitations: InvitationWithMember[];
  values: Values;
  problems: Problem[];
  csrf: string;
  notice: string | null;
  /** Present once the meeting has started (and was not cancelled). */
  attendance: {
    members: { id: string; name: string; status: string | null }[];
    guests: string[];
    present: number;
    decisions: ItemDecision[];
    flagged: Set<string>;
  } | null;
}) {
  const { t, href, fmt } = usePage();
  const base = `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}`;
  return (
    <>
      <PageHeader title={t('bodies.meeting.meetingOf', { when: fmt.dateTime(meeting.starts_at) })} lead={body.name} />
      <Notice notice={notice} />
      <dl class="facts">
        <dt>{t('bodies.meeting.status')}</dt>
        <dd>{t(`bodies.meeting.statuses.${meeting.status}`)}</dd>
        <dt>{t('bodies.meeting.sequence')}</dt>
        <dd>{meeting.sequence}</dd>
      </dl>
      {agendaList}
      <section aria-labelledby="answers">
        <h2 id="answers">{t('bodies.meeting.answers')}</h2>
        {invitations.length === 0 ? (
          <p>{t('bodies.meeting.noInvitations')}</p>
        ) : (
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.person_name}: {i.answer ? t(`bodies.answer.options.${i.answer}`) : t('bodies.meeting.noAnswer')}
              </li>
            ))}
          </ul>
        )}
      </section>
      {attendance ? (
        <AttendanceSection
          body={body}
          base={base}
          attendance={attendance}
          values={values}
          problems={problems}
          csrf={csrf}
          held={meeting.status === 'held'}
        />
      ) : null}
      {meeting.status === 'planned' && !attendance ? (
        <>
          {problems.length ? <ErrorSummary problems={problems} /> : null}
          <form method="post" action={href(base)} novalidate>
            <CsrfField token={csrf} />
            <h2>{t('bodies.admin.edit')}</h2>
            <MeetingFields values={values} problems={problems} />
            <Button>{t('bodies.meeting.save')}</Button>
          </form>
          <form method="post" action={href(`${base}/odwolanie`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('bodies.meeting.cancel')}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}

export function AnswerView({
  body,
  meeting,
  agenda,
  answer,
  action,
  csrf,
  problems,
  saved,
}: {
  body: BodyRow;
  meeting: MeetingRow;
  agenda: AgendaRow[];
  answer: string | null;
  action: string;
  csrf: string;
  problems: Problem[];
  saved: boolean;
}) {
  const { t, href, fmt, lang } = usePage();
  const open = meeting.status === 'planned';
  const label = (a: string) => t(`bodies.answer.options.${a as (typeof ANSWERS)[number]}`);
  return (
    <>
      <PageHeader title={t('bodies.answer.title')} lead={`${body.name}, ${fmt.dateTime(meeting.starts_at)}`} />
      {saved && answer ? (
        <Alert kind="success">
          <p>{t('bodies.answer.saved', { answer: label(answer) })}</p>
        </Alert>
      ) : answer ? (
        <p>{t('bodies.answer.current', { answer: label(answer) })}</p>
      ) : null}
      <dl class="facts">
        <dt>{t('bodies.meeting.status')}</dt>
        <dd>{t(`bodies.meeting.statuses.${meeting.status}`)}</dd>
        <dt>{t('bodies.meeting.place')}</dt>
        <dd lang={lang === 'en' ? 'pl' : undefined}>{[meeting.place, meeting.online_url].filter(Boolean).join(', ')}</dd>
      </dl>
      <h2>{t('bodies.meeting.agenda')}</h2>
      <ol lang={lang === 'en' ? 'pl' : undefined}>
        {agenda.map((a) => (
          <li key={a.id}>
            {a.title}
            {a.presenter ? ` (${a.presenter})` : ''}
          </li>
        ))}
      </ol>
      {open ? (
        <>
          {problems.length ? <ErrorSummary problems={problems} /> : null}
          <form method="post" action={href(action)} novalidate>
            <CsrfField token={csrf} />
            <RadioGroup
              name="answer"
              legend={t('bodies.answer.label')}
              value={answer ?? ''}
              problems={problems}
              options={ANSWERS.filter((a) => a !== 'substitute' || body.is_substitutes_allowed).map((a) => ({ value: a, label: label(a) }))}
            />
            <Button>{t('bodies.answer.send')}</Button>
          </form>
        </>
      ) : (
        <p>{t('bodies.answer.closed')}</p>
      )}
    </>
  );
}

/** The public meetings of a body on its page, with the calendar feed. */
export function PublicMeetings({
  body,
  meetings,
  agendas,
}: {
  body: BodyRow;
  meetings: MeetingRow[];
  /** The public items of each meeting with their links (agenda.views.tsx), when the page shows them. */
  agendas?: Map<string, ComponentChildren>;
}) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="body-meetings">
      <h2 id="body-meetings">{t('bodies.meeting.upcoming')}</h2>
      {meetings.length === 0 ? (
        <p>{t('bodies.meeting.none')}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <When at={m.starts_at} /> — {t(`bodies.meeting.statuses.${m.status}`)}
              {m.status === 'minutes_approved' && body.is_minutes_public ? (
                <>
                  {' — '}
                  <a href={href(`/zespoly/${body.slug}/posiedzenia/${m.id}/protokol`)}>{t('bodies.minutes.show')}</a>
                </>
              ) : null}
              {agendas?.get(m.id)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href(`/zespoly/${body.slug}/posiedzenia.ics`)}>{t('bodies.meeting.feed')}</a>
      </p>
    </section>
  );
}

export function MemberInvitations({
  slug,
  items,
}: {
  slug: string;
  items: { id: string; starts_at: string; answer: (typeof ANSWERS)[number] | null }[];
}) {
  const { t, href, fmt } = usePage();
  return (
    <section aria-labelledby="my-invitations">
      <h2 id="my-invitations">{t('bodies.answer.invitations')}</h2>
      {items.length === 0 ? (
        <p>{t('bodies.meeting.none')}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <a href={href(`/zespoly/${slug}/dla-czlonkow/zaproszenia/${i.id}`)}>
                {t('bodies.answer.open', { when: fmt.dateTime(i.starts_at) })}
              </a>
              {' — '}
              {i.answer ? t(`bodies.answer.options.${i.answer}`) : t('bodies.meeting.noAnswer')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AttendanceSection({
  body,
  base,
  attendance,
  values,
  problems,
  csrf,
  held,
}: {
  body: BodyRow;
  base: string;
  attendance: NonNullable<Parameters<typeof MeetingAdminView>[0]['attendance']>;
  values: Values;
  problems: Problem[];
  csrf: string;
  held: boolean;
}) {
  const { t, href } = usePage();
  const statuses = ATTENDANCE.filter((a) => a !== 'substitute' || body.is_substitutes_allowed);
  return (
    <>
      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('bodies.attendance.title')}</h2>
        <p>{t('bodies.attendance.totals', { invited: attendance.members.length, present: attendance.present })}</p>
        {problems.length ? <ErrorSummary problems={problems} /> : null}
        <form method="post" action={href(`${base}/obecnosc`)} novalidate>
          <CsrfField token={csrf} />
          {attendance.members.map((m) => (
            <div key={m.id}>
              <SelectField
                name={`a_${m.id}`}
                label={t('bodies.attendance.member', { name: m.name })}
                value={values[`a_${m.id}`] ?? m.status ?? 'present'}
                problems={problems}
                options={statuses.map((s) => ({ value: s, label: t(`bodies.attendance.statuses.${s}`) }))}
              />
              {attendance.flagged.has(m.id) ? <p class="field-note">{t('bodies.attendance.flag')}</p> : null}
            </div>
          ))}
          <FormField
            name="guests"
            label={t('bodies.attendance.guests')}
            hint={t('bodies.attendance.guestsHint')}
            value={values.guests ?? attendance.guests.join('\n')}
            problems={problems}
            multiline
            rows={3}
          />
          <Button>{t('bodies.attendance.save')}</Button>
        </form>
      </section>
      {held ? (
        <section aria-labelledby="votes">
          <h2 id="votes">{t('bodies.vote.title')}</h2>
          <p>
            <a href={href(`${base}/protokol`)}>{t('bodies.minutes.edit')}</a>
          </p>
          <ul>
            {attendance.decisions.map((d) => (
              <li key={d.item.id}>
                <a href={href(`${base}/glosowania/${d.item.id}`)}>{t('bodies.vote.item', { item: d.item.title })}</a>
                {': '}
                <Decision d={d} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A vote's counts, its result and the rule that gave it. */
export function Decision({ d }: { d: ItemDecision }) {
  const { t } = usePage();
  if (!d.vote) return <>{t('bodies.vote.none')}</>;
  const counts = t('bodies.vote.counts', { for: d.vote.votes_for, against: d.vote.votes_against, abstained: d.vote.votes_abstained });
  if (!d.outcome) return <>{`${counts}. ${t('bodies.vote.noRules')}`}</>;
  const o = d.outcome;
  const rule =
    o.rule === 'quorum'
      ? t('bodies.vote.ruleQuorum', { present: o.present, needed: o.needed })
      : o.rule === 'simple'
        ? t('bodies.vote.ruleSimple')
        : t('bodies.vote.ruleAbsolute', { needed: o.needed });
  return (
    <>
      {counts} — <strong>{t(`bodies.vote.results.${o.result}`)}</strong>. {rule}
    </>
  );
}

export function VoteView({
  body,
  decision,
  values,
  problems,
  csrf,
  action,
  notice,
}: {
  body: BodyRow;
  decision: ItemDecision;
  values: Values;
  problems: Problem[];
  csrf: string;
  action: string;
  notice: string | null;
}) {
  const { t, href } = usePage();
  const v = (k: string, n: number | undefined) => values[k] ?? (n === undefined ? '' : String(n));
  return (
    <>
      <PageHeader title={t('bodies.vote.item', { item: decision.item.title })} lead={body.name} />
      <Notice notice={notice} />
      <p>
        <Decision d={decision} />
      </p>
      {problems.length ? <ErrorSummary problems={problems} /> : null}
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="for"
          label={t('bodies.vote.for')}
          value={v('for', decision.vote?.votes_for)}
          problems={problems}
          inputMode="numeric"
          required
        />
        <FormField
          name="against"
          label={t('bodies.vote.against')}
          value={v('against', decision.vote?.votes_against)}
          problems={problems}
          inputMode="numeric"
          required
        />
        <FormField
          name="abstained"
          label={t('bodies.vote.abstained')}
          value={v('abstained', decision.vote?.votes_abstained)}
          problems={problems}
          inputMode="numeric"
          required
        />
        <Button>{t('bodies.vote.save')}</Button>
      </form>
    </>
  );
}
