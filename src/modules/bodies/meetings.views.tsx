// Views of meetings: the staff list with the form for a new meeting, one meeting with its form, the
// cancellation and the members' answers; the answer page of an invitation (by the signed link or in
// the member space); the public list of a body's meetings with its calendar feed.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, DateTimeField, SelectField } from '../../core/ui/fields.js';
import { ATTENDANCE } from './attendance.rules.js';
import type { ItemDecision } from './attendance.service.js';
import type { BodyRow } from './bodies.repo.js';
import { ANSWERS } from './bodies.tables.js';
import { decisionParts } from './minutes.document.js';
import type { AgendaRow, InvitationWithMember, MeetingRow } from './meetings.repo.js';
import { ChoiceForm, type Values, GivenAnswer, ListOrNone, Notice, PostForm, Problems, TitledSection, When } from './shared/views.js';

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
      <ListOrNone
        items={meetings}
        none={t('bodies.meeting.none')}
        item={(m) => (
          <li key={m.id}>
            <a href={href(`/admin/zespoly/${body.id}/posiedzenia/${m.id}`)}>
              <When at={m.starts_at} />
            </a>{' '}
            ({t(`bodies.meeting.statuses.${m.status}`)})
          </li>
        )}
      />
      <Problems problems={problems} />
      <PostForm
        action={`/admin/zespoly/${body.id}/posiedzenia`}
        csrf={csrf}
        heading={t('bodies.meeting.new')}
        submit={t('bodies.meeting.create')}
      >
        <MeetingFields values={values} problems={problems} />
      </PostForm>
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
  const { t, fmt } = usePage();
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
      <TitledSection id="answers" title={t('bodies.meeting.answers')}>
        <ListOrNone
          items={invitations}
          none={t('bodies.meeting.noInvitations')}
          item={(i) => (
            <li key={i.id}>
              {i.person_name}: {i.answer ? t(`bodies.answer.options.${i.answer}`) : t('bodies.meeting.noAnswer')}
            </li>
          )}
        />
      </TitledSection>
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
          <Problems problems={problems} />
          <PostForm action={base} csrf={csrf} heading={t('bodies.admin.edit')} submit={t('bodies.meeting.save')}>
            <MeetingFields values={values} problems={problems} />
          </PostForm>
          <PostForm action={`${base}/odwolanie`} csrf={csrf} submit={t('bodies.meeting.cancel')} secondary novalidate={false} />
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
  const { t, fmt, lang } = usePage();
  const open = meeting.status === 'planned';
  const label = (a: string) => t(`bodies.answer.options.${a as (typeof ANSWERS)[number]}`);
  return (
    <>
      <PageHeader title={t('bodies.answer.title')} lead={`${body.name}, ${fmt.dateTime(meeting.starts_at)}`} />
      <GivenAnswer
        saved={saved}
        savedText={answer && t('bodies.answer.saved', { answer: label(answer) })}
        currentText={answer && t('bodies.answer.current', { answer: label(answer) })}
      />
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
          <Problems problems={problems} />
          <ChoiceForm
            action={action}
            csrf={csrf}
            name="answer"
            legend={t('bodies.answer.label')}
            value={answer ?? ''}
            problems={problems}
            options={ANSWERS.filter((a) => a !== 'substitute' || body.is_substitutes_allowed).map((a) => ({ value: a, label: label(a) }))}
            send={t('bodies.answer.send')}
          />
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
    <TitledSection id="body-meetings" title={t('bodies.meeting.upcoming')}>
      <ListOrNone
        items={meetings}
        none={t('bodies.meeting.none')}
        item={(m) => (
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
        )}
      />
      <p>
        <a href={href(`/zespoly/${body.slug}/posiedzenia.ics`)}>{t('bodies.meeting.feed')}</a>
      </p>
    </TitledSection>
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
    <TitledSection id="my-invitations" title={t('bodies.answer.invitations')}>
      <ListOrNone
        items={items}
        none={t('bodies.meeting.none')}
        item={(i) => (
          <li key={i.id}>
            <a href={href(`/zespoly/${slug}/dla-czlonkow/zaproszenia/${i.id}`)}>
              {t('bodies.answer.open', { when: fmt.dateTime(i.starts_at) })}
            </a>
            {' — '}
            {i.answer ? t(`bodies.answer.options.${i.answer}`) : t('bodies.meeting.noAnswer')}
          </li>
        )}
      />
    </TitledSection>
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
      <TitledSection id="attendance" title={t('bodies.attendance.title')}>
        <p>{t('bodies.attendance.totals', { invited: attendance.members.length, present: attendance.present })}</p>
        <Problems problems={problems} />
        <PostForm action={`${base}/obecnosc`} csrf={csrf} submit={t('bodies.attendance.save')}>
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
        </PostForm>
      </TitledSection>
      {held ? (
        <TitledSection id="votes" title={t('bodies.vote.title')}>
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
        </TitledSection>
      ) : null}
    </>
  );
}

/** The count fields of a vote, in the order the form and the sentence give them. */
const VOTE_COUNTS = ['for', 'against', 'abstained'] as const;

/** A vote's counts, its result and the rule that gave it. */
export function Decision({ d }: { d: ItemDecision }) {
  const { t } = usePage();
  const parts = decisionParts(t, d);
  if (typeof parts === 'string') return <>{parts}</>;
  return (
    <>
      {parts.counts} — <strong>{parts.result}</strong>. {parts.rule}
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
  const { t } = usePage();
  const v = (k: string, n: number | undefined) => values[k] ?? (n === undefined ? '' : String(n));
  return (
    <>
      <PageHeader title={t('bodies.vote.item', { item: decision.item.title })} lead={body.name} />
      <Notice notice={notice} />
      <p>
        <Decision d={decision} />
      </p>
      <Problems problems={problems} />
      <PostForm action={action} csrf={csrf} submit={t('bodies.vote.save')}>
        {VOTE_COUNTS.map((k) => (
          <FormField
            key={k}
            name={k}
            label={t(`bodies.vote.${k}`)}
            value={v(k, decision.vote?.[`votes_${k}`])}
            problems={problems}
            inputMode="numeric"
            required
          />
        ))}
      </PostForm>
    </>
  );
}
