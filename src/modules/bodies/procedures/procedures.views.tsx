// Views of written procedures: the staff list with the form for a new draft, one procedure (its draft
// form, the opening, the ballots and the result), the ballot a member votes on (by the one-click link
// or in their space), the member space's list of open procedures and the body's register of
// resolutions.
import type { Problem } from '../../../core/errors/app-error.js';
import { FormField, PageHeader } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { DateTimeField } from '../../../core/ui/fields.js';
import type { BodyRow } from '../bodies.repo.js';
import { decisionText } from '../minutes.document.js';
import { ChoiceForm, type Values, GivenAnswer, ListOrNone, Notice, PostForm, Problems, TitledSection, When } from '../shared/views.js';
import type { RegisterEntry } from './register.js';
import { procedureOutcome } from './register.js';
import type { ProcedureRow } from './procedures.repo.js';
import { BALLOT_VOTES, type BallotVote } from './procedures.tables.js';

function ProcedureFields({ values, problems }: { values: Values; problems: Problem[] }) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <FormField name="title" label={t('bodies.procedure.titleField')} value={v('title')} problems={problems} required maxLength={300} />
      <FormField
        name="text"
        label={t('bodies.procedure.text')}
        hint={t('bodies.procedure.textHint')}
        value={v('text')}
        problems={problems}
        required
        multiline
        rows={10}
      />
      <DateTimeField
        name="deadline"
        label={t('bodies.procedure.deadline')}
        hint={t('bodies.procedure.deadlineHint')}
        value={v('deadline')}
        problems={problems}
        required
      />
    </>
  );
}

/** The result of a closed procedure with the rule that applied, or its state before. */
export function ProcedureResult({ p }: { p: ProcedureRow }) {
  const { t } = usePage();
  if (p.status !== 'closed') return <>{t(`bodies.procedure.statuses.${p.status}`)}</>;
  const vote = { votes_for: p.votes_for ?? 0, votes_against: p.votes_against ?? 0, votes_abstained: p.votes_abstained ?? 0 };
  return <>{decisionText(t, { vote, outcome: procedureOutcome(p) })}</>;
}

export function ProceduresAdminView({
  body,
  procedures,
  values,
  problems,
  csrf,
}: {
  body: BodyRow;
  procedures: ProcedureRow[];
  values: Values;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('bodies.procedure.title')} lead={body.name} />
      <p>{t('bodies.procedure.intro')}</p>
      <ListOrNone
        items={procedures}
        none={t('bodies.procedure.none')}
        item={(p) => (
          <li key={p.id}>
            <a href={href(`/admin/zespoly/${body.id}/obiegowe/${p.id}`)}>{p.title}</a> — {t('bodies.procedure.until')}{' '}
            <When at={p.deadline} />: <ProcedureResult p={p} />
          </li>
        )}
      />
      <Problems problems={problems} />
      <PostForm
        action={`/admin/zespoly/${body.id}/obiegowe`}
        csrf={csrf}
        heading={t('bodies.procedure.new')}
        submit={t('bodies.procedure.create')}
      >
        <ProcedureFields values={values} problems={problems} />
      </PostForm>
    </>
  );
}

export function ProcedureAdminView({
  body,
  p,
  textHtml,
  ballots,
  voted,
  values,
  problems,
  csrf,
  notice,
}: {
  body: BodyRow;
  p: ProcedureRow;
  textHtml: string;
  ballots: number;
  /** Who has voted (names; with the vote when the body's votes are named). */
  voted: { name: string; vote: BallotVote | null }[];
  values: Values;
  problems: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t } = usePage();
  const base = `/admin/zespoly/${body.id}/obiegowe/${p.id}`;
  return (
    <>
      <PageHeader title={p.title} lead={body.name} />
      <Notice notice={notice} />
      <Problems problems={problems} />
      <dl class="facts">
        <dt>{t('bodies.procedure.status')}</dt>
        <dd>
          <ProcedureResult p={p} />
        </dd>
        <dt>{t('bodies.procedure.deadline')}</dt>
        <dd>
          <When at={p.deadline} />
        </dd>
        {p.status !== 'draft' ? (
          <>
            <dt>{t('bodies.procedure.ballots')}</dt>
            <dd>{t('bodies.procedure.ballotsCount', { count: ballots, voted: voted.length })}</dd>
          </>
        ) : null}
      </dl>
      {p.status === 'draft' ? (
        <>
          <PostForm action={base} csrf={csrf} heading={t('bodies.procedure.edit')} submit={t('bodies.procedure.save')}>
            <ProcedureFields values={values} problems={problems} />
          </PostForm>
          <PostForm
            action={`${base}/otwarcie`}
            csrf={csrf}
            heading={t('bodies.procedure.openTitle')}
            submit={t('bodies.procedure.open')}
            novalidate={false}
          >
            <p>{t('bodies.procedure.openHint')}</p>
          </PostForm>
        </>
      ) : (
        <>
          <h2>{t('bodies.procedure.text')}</h2>
          <div class="prose" dangerouslySetInnerHTML={{ __html: textHtml }} />
          <h2>{t('bodies.procedure.votedTitle')}</h2>
          <ListOrNone
            items={voted}
            none={t('bodies.procedure.noVotes')}
            item={(v, i) => (
              <li key={i}>
                {v.name}
                {v.vote ? ` — ${t(`bodies.procedure.votes.${v.vote}`)}` : ''}
              </li>
            )}
          />
        </>
      )}
    </>
  );
}

export function BallotPage({
  body,
  p,
  textHtml,
  vote,
  open,
  action,
  csrf,
  problems,
  saved,
}: {
  body: BodyRow;
  p: ProcedureRow;
  textHtml: string;
  vote: BallotVote | null;
  open: boolean;
  action: string;
  csrf: string;
  problems: Problem[];
  saved: boolean;
}) {
  const { t, lang } = usePage();
  const given = vote ? t(`bodies.procedure.votes.${vote}`) : null;
  return (
    <>
      <PageHeader title={t('bodies.procedure.ballotTitle')} lead={`${body.name}: ${p.title}`} />
      <GivenAnswer
        saved={saved}
        savedText={given && t('bodies.procedure.voteSaved', { vote: given })}
        currentText={given && t('bodies.procedure.voteCurrent', { vote: given })}
      />
      <Problems problems={problems} />
      <dl class="facts">
        <dt>{t('bodies.procedure.deadline')}</dt>
        <dd>
          <When at={p.deadline} />
        </dd>
        <dt>{t('bodies.procedure.status')}</dt>
        <dd>
          <ProcedureResult p={p} />
        </dd>
      </dl>
      <h2>{t('bodies.procedure.text')}</h2>
      <div class="prose" lang={lang === 'en' ? 'pl' : undefined} dangerouslySetInnerHTML={{ __html: textHtml }} />
      {open && !vote ? (
        <ChoiceForm
          action={action}
          csrf={csrf}
          name="vote"
          legend={t('bodies.procedure.vote')}
          hint={t('bodies.procedure.voteOnce')}
          value=""
          problems={problems}
          options={BALLOT_VOTES.map((v) => ({ value: v, label: t(`bodies.procedure.votes.${v}`) }))}
          send={t('bodies.procedure.send')}
        />
      ) : !open && !vote ? (
        <p>{t('bodies.procedure.closedNoVote')}</p>
      ) : null}
    </>
  );
}

/** The member space's list of the body's open procedures with the member's vote. */
export function MemberProcedures({
  slug,
  items,
}: {
  slug: string;
  items: { id: string; title: string; deadline: string; vote: BallotVote | null }[];
}) {
  const { t, href } = usePage();
  return (
    <TitledSection id="my-procedures" title={t('bodies.procedure.open_list')}>
      <ListOrNone
        items={items}
        none={t('bodies.procedure.noneOpen')}
        item={(i) => (
          <li key={i.id}>
            <a href={href(`/zespoly/${slug}/dla-czlonkow/obiegowe/${i.id}`)}>{i.title}</a> — {t('bodies.procedure.until')}{' '}
            <When at={i.deadline} />: {i.vote ? t(`bodies.procedure.votes.${i.vote}`) : t('bodies.procedure.notVoted')}
          </li>
        )}
      />
    </TitledSection>
  );
}

export function RegisterView({ body, entries }: { body: BodyRow; entries: RegisterEntry[] }) {
  const { t, href, lang } = usePage();
  return (
    <>
      <PageHeader title={t('bodies.register.title')} lead={body.name} />
      <p>{t('bodies.register.intro')}</p>
      {entries.length === 0 ? (
        <p>{t('bodies.register.none')}</p>
      ) : (
        <ol class="register">
          {entries.map((e, i) => (
            <li key={i}>
              <strong lang={lang === 'en' ? 'pl' : undefined}>{e.title}</strong>
              <br />
              {e.kind === 'meeting' ? t('bodies.register.atMeeting') : t('bodies.register.inProcedure')} <When at={e.at} />
              {e.minutesPath ? (
                <>
                  {' '}
                  (<a href={href(e.minutesPath)}>{t('bodies.register.minutes')}</a>)
                </>
              ) : null}
              <br />
              {decisionText(t, e)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** On a body's page, for those who may read them: the register of resolutions and each term's ZIP of approved minutes. */
export function RecordsLinks({ slug, terms }: { slug: string; terms: { number: number }[] }) {
  const { t, href } = usePage();
  return (
    <ul>
      <li>
        <a href={href(`/zespoly/${slug}/uchwaly`)}>{t('bodies.register.link')}</a>
      </li>
      {terms.map((term) => (
        <li key={term.number}>
          <a href={href(`/zespoly/${slug}/kadencje/${term.number}/protokoly.zip`)}>{t('bodies.register.zip', { number: term.number })}</a>
        </li>
      ))}
    </ul>
  );
}
