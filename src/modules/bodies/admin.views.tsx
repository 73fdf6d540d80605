// Staff views of the bodies module: the list, the body's form with its terms, and one term's seats
// and memberships with the forms to add a seat category, add a member and end a membership. Contact
// data of members appear here only.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, SelectField } from '../../core/ui/fields.js';
import type { BodyRow, MembershipRow, SeatRow, TermRow } from './bodies.repo.js';
import { seatName } from './bodies.service.js';
import { BODY_TYPES, END_GROUNDS, MAJORITIES, MEMBER_ROLES, SEAT_CATEGORIES } from './bodies.tables.js';
import { TermPeriod } from './public.views.js';

type Values = Record<string, string | undefined>;

export function AdminListView({ bodies }: { bodies: BodyRow[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('bodies.admin.title')} />
      <p>
        <a class="button button--secondary" href={href('/admin/zespoly/nowy')}>
          {t('bodies.admin.new')}
        </a>
      </p>
      {bodies.length === 0 ? (
        <p>{t('bodies.none')}</p>
      ) : (
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <a href={href(`/admin/zespoly/${b.id}`)}>{b.name}</a> ({t(`bodies.types.${b.type}`)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Problems({ problems }: { problems: Problem[] }) {
  return problems.length ? <ErrorSummary problems={problems} /> : null;
}

export function BodyFormView({
  body,
  values,
  problems,
  csrf,
  notice,
  terms,
}: {
  body: BodyRow | null;
  values: Values;
  problems: Problem[];
  csrf: string;
  notice: string | null;
  terms: TermRow[];
}) {
  const { t, href } = usePage();
  const v = (k: string) => values[k] ?? '';
  const action = body ? `/admin/zespoly/${body.id}` : '/admin/zespoly/nowy';
  return (
    <>
      <PageHeader title={body ? body.name : t('bodies.admin.new')} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {body ? (
        <ul>
          <li>
            <a href={href(`/zespoly/${body.slug}`)}>{t('bodies.admin.publicPage')}</a>
          </li>
          <li>
            <a href={href(`/admin/zespoly/${body.id}/posiedzenia`)}>{t('bodies.meeting.title')}</a>
          </li>
          <li>
            <a href={href(`/admin/zespoly/${body.id}/obiegowe`)}>{t('bodies.procedure.title')}</a>
          </li>
        </ul>
      ) : null}
      <Problems problems={problems} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        <h2>{t('bodies.admin.edit')}</h2>
        <FormField name="name" label={t('bodies.form.name')} value={v('name')} problems={problems} required maxLength={300} />
        <FormField
          name="slug"
          label={t('bodies.form.slug')}
          hint={t('bodies.form.slugHint')}
          value={v('slug')}
          problems={problems}
          required
        />
        <SelectField
          name="type"
          label={t('bodies.form.type')}
          value={v('type')}
          problems={problems}
          options={BODY_TYPES.map((x) => ({ value: x, label: t(`bodies.types.${x}`) }))}
        />
        <FormField
          name="legal_basis"
          label={t('bodies.form.legalBasis')}
          hint={t('bodies.form.legalBasisHint')}
          value={v('legal_basis')}
          problems={problems}
        />
        <FormField
          name="description"
          label={t('bodies.form.description')}
          hint={t('bodies.form.descriptionHint')}
          value={v('description')}
          problems={problems}
          multiline
          rows={6}
        />
        <CheckboxField
          name="is_composition_public"
          label={t('bodies.form.compositionPublic')}
          checked={v('is_composition_public') === '1'}
          problems={problems}
        />
        <CheckboxField
          name="is_minutes_public"
          label={t('bodies.form.minutesPublic')}
          checked={v('is_minutes_public') === '1'}
          problems={problems}
        />
        <SelectField
          name="quorum_kind"
          label={t('bodies.form.quorumKind')}
          value={v('quorum_kind')}
          problems={problems}
          options={(['fraction', 'count'] as const).map((x) => ({ value: x, label: t(`bodies.form.quorumKinds.${x}`) }))}
        />
        <FormField
          name="quorum_fraction"
          label={t('bodies.form.quorumFraction')}
          hint={t('bodies.form.quorumFractionHint')}
          value={v('quorum_fraction')}
          problems={problems}
        />
        <FormField
          name="quorum_count"
          label={t('bodies.form.quorumCount')}
          hint={t('bodies.form.quorumCountHint')}
          value={v('quorum_count')}
          problems={problems}
          inputMode="numeric"
        />
        <SelectField
          name="majority"
          label={t('bodies.form.majority')}
          value={v('majority')}
          problems={problems}
          options={MAJORITIES.map((x) => ({ value: x, label: t(`bodies.majorities.${x}`) }))}
        />
        <CheckboxField
          name="is_substitutes_allowed"
          label={t('bodies.form.substitutesAllowed')}
          checked={v('is_substitutes_allowed') === '1'}
          problems={problems}
        />
        <CheckboxField
          name="is_substitutes_quorum"
          label={t('bodies.form.substitutesQuorum')}
          checked={v('is_substitutes_quorum') === '1'}
          problems={problems}
        />
        <CheckboxField
          name="is_votes_named"
          label={t('bodies.form.namedVotes')}
          checked={v('is_votes_named') === '1'}
          problems={problems}
        />
        <Button>{t('bodies.admin.save')}</Button>
      </form>
      {body ? (
        <section aria-labelledby="terms">
          <h2 id="terms">{t('bodies.admin.terms')}</h2>
          <ul>
            {terms.map((x) => (
              <li key={x.id}>
                <a href={href(`/admin/zespoly/${body.id}/kadencje/${x.id}`)}>{t('bodies.admin.openTerm', { number: x.number })}</a>:{' '}
                <TermPeriod term={x} />
              </li>
            ))}
          </ul>
          <form method="post" action={href(`/admin/zespoly/${body.id}/kadencje`)} novalidate>
            <CsrfField token={csrf} />
            <h3>{t('bodies.admin.addTerm')}</h3>
            <FormField
              name="number"
              label={t('bodies.termForm.number')}
              value={v('number')}
              problems={problems}
              inputMode="numeric"
              required
            />
            <FormField
              name="starts_on"
              label={t('bodies.termForm.startsOn')}
              hint={t('bodies.termForm.dayHint')}
              value={v('starts_on')}
              problems={problems}
            />
            <FormField
              name="ends_on"
              label={t('bodies.termForm.endsOn')}
              hint={t('bodies.termForm.dayHint')}
              value={v('ends_on')}
              problems={problems}
            />
            <FormField
              name="note"
              label={t('bodies.termForm.note')}
              hint={t('bodies.termForm.noteHint')}
              value={v('note')}
              problems={problems}
            />
            <Button variant="secondary">{t('bodies.admin.addTerm')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function TermAdminView({
  body,
  term,
  seats,
  memberships,
  values,
  problems,
  csrf,
  notice,
}: {
  body: BodyRow;
  term: TermRow;
  seats: SeatRow[];
  memberships: MembershipRow[];
  values: Values;
  problems: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  const v = (k: string) => values[k] ?? '';
  const base = `/admin/zespoly/${body.id}/kadencje/${term.id}`;
  const seatOf = new Map(seats.map((s) => [s.id, s]));
  return (
    <>
      <PageHeader title={t('bodies.admin.openTerm', { number: term.number })} lead={body.name} />
      <p>
        <TermPeriod term={term} />
      </p>
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <Problems problems={problems} />
      <section aria-labelledby="seats">
        <h2 id="seats">{t('bodies.admin.seats')}</h2>
        <ul>
          {seats.map((s) => (
            <li key={s.id}>
              {seatName(t, s)}: {s.seat_count === null ? t('bodies.seatsUnknown') : t('bodies.seatsOf', { count: s.seat_count })}
            </li>
          ))}
        </ul>
        <form method="post" action={href(`${base}/miejsca`)} novalidate>
          <CsrfField token={csrf} />
          <h3>{t('bodies.admin.addSeat')}</h3>
          <SelectField
            name="category"
            label={t('bodies.seat.category')}
            value={v('category')}
            problems={problems}
            options={SEAT_CATEGORIES.map((x) => ({ value: x, label: t(`bodies.categories.${x}`) }))}
          />
          <FormField name="label" label={t('bodies.seat.label')} hint={t('bodies.seat.labelHint')} value={v('label')} problems={problems} />
          <FormField
            name="seat_count"
            label={t('bodies.seat.count')}
            hint={t('bodies.seat.countHint')}
            value={v('seat_count')}
            problems={problems}
            inputMode="numeric"
          />
          <Button variant="secondary">{t('bodies.admin.addSeat')}</Button>
        </form>
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{t('bodies.admin.members')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('bodies.admin.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bodies.col.person')}</th>
                <th scope="col">{t('bodies.col.role')}</th>
                <th scope="col">{t('bodies.col.seat')}</th>
                <th scope="col">{t('bodies.col.institution')}</th>
                <th scope="col">{t('bodies.col.period')}</th>
                <th scope="col">{t('bodies.col.ended')}</th>
                <th scope="col">{t('bodies.col.contact')}</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => {
                const seat = seatOf.get(m.seat_id);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.person_name}
                      {m.is_example ? ` (${t('bodies.example')})` : ''}
                    </th>
                    <td>{t(`bodies.roles.${m.role}`)}</td>
                    <td>{seat ? seatName(t, seat) : ''}</td>
                    <td>{m.nominating_institution}</td>
                    <td>
                      {m.starts_on ? fmt.date(m.starts_on) : t('bodies.unknown')} – {m.ends_on ? fmt.date(m.ends_on) : t('bodies.current')}
                    </td>
                    <td>
                      {m.end_ground ? (
                        t(`bodies.endGrounds.${m.end_ground}`)
                      ) : (
                        <a href={href(`${base}/czlonkowie/${m.id}/koniec`)}>{t('bodies.admin.endMember', { name: m.person_name })}</a>
                      )}
                    </td>
                    <td>{[m.email, m.phone].filter(Boolean).join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {seats.length === 0 ? (
          <p>{t('bodies.admin.noSeats')}</p>
        ) : (
          <form method="post" action={href(`${base}/czlonkowie`)} novalidate>
            <CsrfField token={csrf} />
            <h3>{t('bodies.admin.addMember')}</h3>
            <FormField name="person_name" label={t('bodies.member.name')} value={v('person_name')} problems={problems} required />
            <SelectField
              name="seat_id"
              label={t('bodies.member.seat')}
              value={v('seat_id')}
              problems={problems}
              options={seats.map((s) => ({ value: s.id, label: seatName(t, s) }))}
            />
            <SelectField
              name="role"
              label={t('bodies.member.role')}
              value={v('role') || 'member'}
              problems={problems}
              options={MEMBER_ROLES.map((x) => ({ value: x, label: t(`bodies.roles.${x}`) }))}
            />
            <FormField
              name="nominating_institution"
              label={t('bodies.member.institution')}
              value={v('nominating_institution')}
              problems={problems}
              required
            />
            <FormField
              name="starts_on"
              label={t('bodies.member.startsOn')}
              hint={t('bodies.member.startsOnHint')}
              value={v('starts_on')}
              problems={problems}
            />
            <FormField
              name="appointing_act"
              label={t('bodies.member.appointingAct')}
              value={v('appointing_act')}
              problems={problems}
              required
            />
            <FormField
              name="email"
              type="email"
              label={t('bodies.member.email')}
              hint={t('bodies.member.emailHint')}
              value={v('email')}
              problems={problems}
            />
            <FormField
              name="phone"
              type="tel"
              label={t('bodies.member.phone')}
              hint={t('bodies.member.phoneHint')}
              value={v('phone')}
              problems={problems}
            />
            <Button variant="secondary">{t('bodies.admin.addMember')}</Button>
          </form>
        )}
      </section>
    </>
  );
}

export function EndMemberView({
  body,
  term,
  membership,
  values,
  problems,
  csrf,
}: {
  body: BodyRow;
  term: TermRow;
  membership: MembershipRow;
  values: Values;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <PageHeader
        title={t('bodies.admin.endMember', { name: membership.person_name })}
        lead={`${body.name}, ${t('bodies.termTitle', { number: term.number })}`}
      />
      <Problems problems={problems} />
      <form method="post" action={href(`/admin/zespoly/${body.id}/kadencje/${term.id}/czlonkowie/${membership.id}/koniec`)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="ends_on"
          label={t('bodies.member.endsOn')}
          hint={t('bodies.termForm.dayHint')}
          value={v('ends_on')}
          problems={problems}
          required
        />
        <SelectField
          name="end_ground"
          label={t('bodies.member.endGround')}
          value={v('end_ground') || 'term_end'}
          problems={problems}
          options={END_GROUNDS.map((x) => ({ value: x, label: t(`bodies.endGrounds.${x}`) }))}
        />
        <FormField
          name="dismissing_act"
          label={t('bodies.member.dismissingAct')}
          hint={t('bodies.member.dismissingActHint')}
          value={v('dismissing_act')}
          problems={problems}
        />
        <Button>{t('bodies.admin.endButton')}</Button>
      </form>
    </>
  );
}
