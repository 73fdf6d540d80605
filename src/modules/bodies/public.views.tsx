// Public views of the bodies module: the list of bodies, a body's page (legal basis, rules, today's
// composition grouped by seat category with vacant seats, the information clause), the history of a
// term's composition, and the member space. Contact data never reach these views.
import type { ComponentChildren } from 'preact';
import { Alert, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { BodyRow, MembershipRow, SeatRow, TermRow } from './bodies.repo.js';
import { seatName, type SeatComposition } from './bodies.service.js';

type PublicMembership = Omit<MembershipRow, 'email' | 'phone' | 'user_id'>;

/** Polish names and texts keep their language on the English pages. */
function usePl(): 'pl' | undefined {
  return usePage().lang === 'en' ? 'pl' : undefined;
}

export function ListView({ bodies }: { bodies: BodyRow[] }) {
  const { t, href } = usePage();
  const pl = usePl();
  return (
    <>
      <PageHeader title={t('bodies.title')} lead={t('bodies.intro')} />
      {bodies.length === 0 ? (
        <p>{t('bodies.none')}</p>
      ) : (
        <ul class="body-list">
          {bodies.map((b) => (
            <li key={b.id}>
              <h2>
                <a href={href(`/zespoly/${b.slug}`)} lang={pl}>
                  {b.name}
                </a>
              </h2>
              <p>
                {t('bodies.type')}: {t(`bodies.types.${b.type}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TermPeriod({ term }: { term: Pick<TermRow, 'starts_on' | 'ends_on' | 'note'> }) {
  const { t, fmt } = usePage();
  const pl = usePl();
  const day = (d: string | null) => (d ? <time dateTime={d}>{fmt.date(d)}</time> : t('bodies.unknown'));
  return (
    <>
      {day(term.starts_on)} – {term.ends_on ? day(term.ends_on) : term.starts_on ? t('bodies.termOpen') : t('bodies.unknown')}
      {term.note ? (
        <>
          {' '}
          (<span lang={pl}>{term.note}</span>)
        </>
      ) : null}
    </>
  );
}

function Rules({ body }: { body: BodyRow }) {
  const { t } = usePage();
  if (!body.has_rules)
    return (
      <section aria-labelledby="body-rules">
        <h2 id="body-rules">{t('bodies.rules')}</h2>
        <p>{t('bodies.rulesUnknown')}</p>
      </section>
    );
  const quorum =
    body.quorum_kind === 'fraction'
      ? t('bodies.quorumFraction', { numerator: body.quorum_numerator ?? 0, denominator: body.quorum_denominator ?? 1 })
      : t('bodies.quorumCount', { count: body.quorum_count ?? 0 });
  const substitutes = !body.is_substitutes_allowed
    ? t('bodies.substitutesNo')
    : body.is_substitutes_quorum
      ? t('bodies.substitutesQuorum')
      : t('bodies.substitutesYes');
  return (
    <section aria-labelledby="body-rules">
      <h2 id="body-rules">{t('bodies.rules')}</h2>
      <dl class="facts">
        <dt>{t('bodies.quorum')}</dt>
        <dd>{quorum}</dd>
        <dt>{t('bodies.majority')}</dt>
        <dd>{t(`bodies.majorities.${body.majority}`)}</dd>
        <dt>{t('bodies.substitutes')}</dt>
        <dd>{substitutes}</dd>
        <dt>{t('bodies.namedVotes')}</dt>
        <dd>{body.is_votes_named ? t('bodies.yes') : t('bodies.no')}</dd>
      </dl>
    </section>
  );
}

function MemberName({ m }: { m: Pick<PublicMembership, 'person_name' | 'is_example'> }) {
  const { t } = usePage();
  return (
    <>
      <span lang={usePl()}>{m.person_name}</span>
      {m.is_example ? <span class="badge"> ({t('bodies.example')})</span> : null}
    </>
  );
}

function Period({ m }: { m: Pick<PublicMembership, 'starts_on' | 'ends_on'> }) {
  const { t, fmt } = usePage();
  return (
    <>
      {m.starts_on ? <time dateTime={m.starts_on}>{fmt.date(m.starts_on)}</time> : t('bodies.unknown')} –{' '}
      {m.ends_on ? <time dateTime={m.ends_on}>{fmt.date(m.ends_on)}</time> : t('bodies.current')}
    </>
  );
}

export function Composition({ groups }: { groups: SeatComposition[] }) {
  const { t } = usePage();
  const pl = usePl();
  const anyExample = groups.some((g) => g.members.some((m) => m.is_example));
  return (
    <>
      {anyExample ? <p class="note">{t('bodies.exampleNote')}</p> : null}
      {groups.map(({ seat, members, vacant }) => (
        <section key={seat.id} aria-labelledby={`seat-${seat.id}`} class="body-seat">
          <h3 id={`seat-${seat.id}`}>
            <span lang={seat.category === 'other' ? pl : undefined}>{seatName(t, seat)}</span>
          </h3>
          <p>
            {seat.seat_count === null ? t('bodies.seatsUnknown') : t('bodies.seatsOf', { count: seat.seat_count })}
            {vacant ? `; ${t('bodies.vacant', { count: vacant })}` : ''}
          </p>
          {members.length === 0 ? (
            <p>{t('bodies.noMembers')}</p>
          ) : (
            <ul>
              {members.map((m) => (
                <li key={m.id}>
                  <MemberName m={m} /> — {t(`bodies.roles.${m.role}`)}
                  {m.nominating_institution ? (
                    <>
                      , <span lang={pl}>{m.nominating_institution}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function Clause() {
  const { t } = usePage();
  return (
    <section aria-labelledby="body-clause">
      <h2 id="body-clause">{t('bodies.clauseTitle')}</h2>
      <p>{t('bodies.clause')}</p>
    </section>
  );
}

export function BodyView({
  body,
  descriptionHtml,
  subregionName,
  term,
  terms,
  groups,
  meetings,
  children,
}: {
  body: BodyRow;
  descriptionHtml: string;
  subregionName: string | null;
  term: TermRow | null;
  terms: TermRow[];
  groups: SeatComposition[];
  meetings?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const { t, href } = usePage();
  const pl = usePl();
  return (
    <>
      <PageHeader title={body.name} lang={pl} lead={t(`bodies.types.${body.type}`)} />
      {children}
      {descriptionHtml ? <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: descriptionHtml }} /> : null}
      <dl class="facts">
        <dt>{t('bodies.legalBasis')}</dt>
        <dd lang={body.legal_basis ? pl : undefined}>{body.legal_basis ?? t('bodies.unknown')}</dd>
        {subregionName ? (
          <>
            <dt>{t('bodies.subregion')}</dt>
            <dd>{subregionName}</dd>
          </>
        ) : null}
        {body.sources ? (
          <>
            <dt>{t('bodies.sources')}</dt>
            <dd>
              <ul>
                {body.sources.split('\n').map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <Rules body={body} />
      <section aria-labelledby="body-composition">
        <h2 id="body-composition">{t('bodies.composition')}</h2>
        {!term ? (
          <p>{t('bodies.noTerm')}</p>
        ) : (
          <>
            <p>
              {t('bodies.termTitle', { number: term.number })}: <TermPeriod term={term} />
            </p>
            {body.is_composition_public ? <Composition groups={groups} /> : <p>{t('bodies.compositionHidden')}</p>}
            {body.is_composition_public ? (
              <p>
                <a href={href(`/zespoly/${body.slug}/historia?kadencja=${term.number}`)}>{t('bodies.showHistory')}</a>
              </p>
            ) : null}
          </>
        )}
        {terms.length > 1 ? (
          <>
            <h3>{t('bodies.allTerms')}</h3>
            <ul>
              {terms.map((x) => (
                <li key={x.id}>
                  <a href={href(`/zespoly/${body.slug}/historia?kadencja=${x.number}`)}>{t('bodies.termTitle', { number: x.number })}</a>:{' '}
                  <TermPeriod term={x} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {meetings}
      <Clause />
    </>
  );
}

export function HistoryView({
  body,
  term,
  seats,
  memberships,
}: {
  body: BodyRow;
  term: TermRow;
  seats: SeatRow[];
  memberships: PublicMembership[];
}) {
  const { t } = usePage();
  const pl = usePl();
  const seatOf = new Map(seats.map((s) => [s.id, s]));
  const anyExample = memberships.some((m) => m.is_example);
  return (
    <>
      <PageHeader title={t('bodies.historyOf', { number: term.number })} lead={t('bodies.historyIntro')} />
      <p>
        <span lang={pl}>{body.name}</span>, {t('bodies.termTitle', { number: term.number })}: <TermPeriod term={term} />
      </p>
      {anyExample ? <p class="note">{t('bodies.exampleNote')}</p> : null}
      <div class="table-wrap">
        <table>
          <caption>{t('bodies.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bodies.col.person')}</th>
              <th scope="col">{t('bodies.col.role')}</th>
              <th scope="col">{t('bodies.col.seat')}</th>
              <th scope="col">{t('bodies.col.institution')}</th>
              <th scope="col">{t('bodies.col.period')}</th>
              <th scope="col">{t('bodies.col.ended')}</th>
              <th scope="col">{t('bodies.col.acts')}</th>
            </tr>
          </thead>
          <tbody>
            {memberships.map((m) => {
              const seat = seatOf.get(m.seat_id);
              return (
                <tr key={m.id}>
                  <th scope="row">
                    <MemberName m={m} />
                  </th>
                  <td>{t(`bodies.roles.${m.role}`)}</td>
                  <td>{seat ? seatName(t, seat) : ''}</td>
                  <td lang={pl}>{m.nominating_institution}</td>
                  <td>
                    <Period m={m} />
                  </td>
                  <td>{m.end_ground ? t(`bodies.endGrounds.${m.end_ground}`) : t('bodies.current')}</td>
                  <td lang={m.appointing_act ? pl : undefined}>
                    {m.appointing_act || t('bodies.unknown')}
                    {m.dismissing_act ? `; ${m.dismissing_act}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function SpaceView({
  body,
  mine,
  seats,
  children,
}: {
  body: BodyRow;
  mine: MembershipRow[];
  seats: SeatRow[];
  children?: ComponentChildren;
}) {
  const { t } = usePage();
  const seatOf = new Map(seats.map((s) => [s.id, s]));
  return (
    <>
      <PageHeader title={t('bodies.space.title', { body: body.name })} lead={t('bodies.space.intro')} />
      <h2>{t('bodies.space.mine')}</h2>
      {mine.length === 0 ? (
        <Alert>
          <p>{t('bodies.space.noneMine')}</p>
        </Alert>
      ) : (
        <ul>
          {mine.map((m) => {
            const seat = seatOf.get(m.seat_id);
            return (
              <li key={m.id}>
                {t(`bodies.roles.${m.role}`)}, {seat ? seatName(t, seat) : ''}: <Period m={m} />
                {m.end_ground ? ` (${t(`bodies.endGrounds.${m.end_ground}`)})` : ''}
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </>
  );
}
