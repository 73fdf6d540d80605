// Views of the survey's text answers: the local government partner's form for its unit and year
// (document, clause kinds, other forms, founded entities by name; read-only once submitted), the
// section under a round's numbers that leads to it, and the staff's list and review page (approve,
// or return with a message) with the rule by which approved answers fill the record.
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { TKey } from '../../../i18n/index.js';
import { profilePath } from '../../territory/index.js';
import type { CooperationRow } from '../localgov.repo.js';
import { CLAUSE_KINDS } from '../localgov.service.js';
import { ClauseKindsFieldset } from '../localgov.views.js';
import type { SurveyAnswerStatus } from '../localgov.tables.js';
import type { AnswerRow } from './answers.repo.js';
import { answerPath, reviewPath, type AnswerListItem, type AnswerReview, type PartnerAnswer } from './answers.service.js';

type Entity = { id: string; name: string; path: string; isExample: boolean };

function StatusText({ status }: { status: SurveyAnswerStatus }) {
  const { t } = usePage();
  return <>{t(`localgov.survey.answers.status.${status}`)}</>;
}

/** The answers (or a record's same fields) as a description list; unanswered fields are left out. */
function AnswerFacts({
  row,
  entities,
}: {
  row: Pick<AnswerRow, 'programme_title' | 'programme_date' | 'programme_url' | 'clause_kinds' | 'other_forms'>;
  entities: Entity[];
}) {
  const { t, fmt, href } = usePage();
  const item = (label: TKey, value: preact.ComponentChildren) => (
    <div>
      <dt>{t(label)}</dt>
      <dd>{value}</dd>
    </div>
  );
  const none = t('localgov.survey.answers.notAnswered');
  return (
    <dl class="localgov-card">
      {item('localgov.field.programmeTitle', row.programme_title ?? none)}
      {item('localgov.field.programmeDate', row.programme_date ? fmt.date(row.programme_date) : none)}
      {item('localgov.field.programmeUrl', row.programme_url ? <a href={row.programme_url}>{row.programme_url}</a> : none)}
      {item(
        'localgov.field.clauseKinds',
        row.clause_kinds
          ? fmt.list(row.clause_kinds.split(',').map((k) => t(`localgov.clauseKinds.${k as (typeof CLAUSE_KINDS)[number]}`)))
          : none,
      )}
      {item('localgov.field.otherForms', row.other_forms ?? none)}
      {item(
        'localgov.field.foundedEntities',
        entities.length ? (
          <ul>
            {entities.map((e) => (
              <li key={e.id}>
                <a href={href(e.path)}>{e.name}</a>
                {e.isExample ? ` (${t('localgov.exampleData')})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          none
        ),
      )}
    </dl>
  );
}

/** The partner's page: the text questions of the survey for one unit and year. */
export function PartnerAnswerView({
  pa,
  entities,
  csrf,
  values,
  problems,
  notice,
}: {
  pa: PartnerAnswer;
  entities: Entity[];
  csrf: string;
  values: Record<string, string | string[]>;
  problems: Problem[];
  notice: 'saved' | 'submitted' | null;
}) {
  const { t, href } = usePage();
  const str = (n: string) => {
    const x = values[n];
    return Array.isArray(x) ? x.join(',') : (x ?? '');
  };
  const field = (name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={str(name)} problems={problems} {...extra} />
  );
  const kinds = str('clause_kinds').split(',');
  const status = pa.answer?.status ?? null;
  return (
    <>
      <PageHeader
        title={t('localgov.survey.answers.title', { unit: pa.unitLabel, year: pa.year })}
        lead={t('localgov.survey.answers.intro')}
      />
      <ErrorSummary problems={problems} />
      {notice ? (
        <Alert kind="success">
          <p>{t(`localgov.survey.answers.notice.${notice}`)}</p>
        </Alert>
      ) : null}
      <p>
        {t('localgov.survey.answers.statusLabel')}:{' '}
        <strong>{status ? <StatusText status={status} /> : t('localgov.survey.answers.status.none')}</strong>
      </p>
      {status === 'returned' && pa.answer?.return_message ? (
        <Alert kind="warning" title={t('localgov.survey.answers.returnedTitle')}>
          <p>{pa.answer.return_message}</p>
        </Alert>
      ) : null}
      {pa.round ? (
        <p>
          {t('localgov.survey.answers.roundLine', { round: pa.round.name })}{' '}
          <a href={href(`/sprawozdawczosc/${pa.round.id}`)}>{t('localgov.survey.answers.numbersLink')}</a>
        </p>
      ) : (
        <p>{t('localgov.survey.answers.noRound', { year: pa.year })}</p>
      )}
      {pa.editable ? (
        <form method="post" action={href(answerPath(pa.teryt, pa.year))} novalidate>
          <CsrfField token={csrf} />
          <p class="hint">{t('localgov.survey.answers.emptyHint')}</p>
          <fieldset>
            <legend>{t('localgov.field.programme')}</legend>
            {field('programme_title', t('localgov.field.programmeTitle'), { maxLength: 300 })}
            {field('programme_date', t('localgov.field.programmeDate'), { hint: t('localgov.field.dateHint'), maxLength: 10 })}
            {field('programme_url', t('localgov.field.programmeUrl'), {
              type: 'url',
              maxLength: 500,
              hint: t('localgov.survey.answers.urlHint'),
            })}
          </fieldset>
          <ClauseKindsFieldset kinds={kinds} />
          {field('other_forms', t('localgov.field.otherForms'), { multiline: true, rows: 4, maxLength: 2000 })}
          {field('founded_entities', t('localgov.field.foundedEntities'), {
            multiline: true,
            rows: 3,
            hint: t('localgov.field.foundedEntitiesHint'),
          })}
          <div class="actions">
            <Button name="action" value="save" variant="secondary">
              {t('localgov.survey.answers.save')}
            </Button>
            <Button name="action" value="submit">
              {t('localgov.survey.answers.submit')}
            </Button>
          </div>
          <p class="hint">{t('localgov.survey.answers.submitHint')}</p>
        </form>
      ) : pa.answer ? (
        <AnswerFacts row={pa.answer} entities={entities} />
      ) : null}
    </>
  );
}

/** Under a round's numbers: the way to the unit's text questions for the round's year. */
export function RoundAnswersSection({
  units,
}: {
  units: { teryt: string; label: string; year: number; status: SurveyAnswerStatus | null }[];
}) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="survey-text-answers">
      <h2 id="survey-text-answers">{t('localgov.survey.answers.sectionTitle')}</h2>
      <p>{t('localgov.survey.answers.sectionIntro')}</p>
      <ul>
        {units.map((u) => (
          <li key={u.teryt}>
            <a href={href(answerPath(u.teryt, u.year))}>{t('localgov.survey.answers.title', { unit: u.label, year: u.year })}</a> —{' '}
            {u.status ? <StatusText status={u.status} /> : t('localgov.survey.answers.status.none')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the survey's staff page: every unit's text answers, those waiting first, and the fill rule. */
export function AnswersSection({ answers }: { answers: AnswerListItem[] }) {
  const { t, href, fmt } = usePage();
  return (
    <section aria-labelledby="survey-answers">
      <h2 id="survey-answers">{t('localgov.survey.answers.staffTitle')}</h2>
      <p>{t('localgov.survey.answers.fillRule')}</p>
      {answers.length === 0 ? (
        <p>{t('localgov.survey.answers.none')}</p>
      ) : (
        <Table
          caption={t('localgov.survey.answers.staffCaption')}
          rows={answers}
          rowKey={(a) => a.id}
          columns={[
            { header: t('localgov.col.unit'), cell: (a) => <a href={href(reviewPath(a.id))}>{a.unitLabel}</a> },
            { header: t('localgov.field.year'), cell: (a) => String(a.year) },
            { header: t('localgov.survey.answers.statusLabel'), cell: (a) => <StatusText status={a.status} /> },
            { header: t('localgov.survey.answers.updated'), cell: (a) => fmt.dateTime(a.updatedAt) },
          ]}
        />
      )}
    </section>
  );
}

/** Staff's review of one unit's answers: the answers, the record as it stands, approve or return. */
export function AnswerReviewView({
  review,
  csrf,
  values,
  problems,
  notice,
}: {
  review: AnswerReview;
  csrf: string;
  values: Record<string, string>;
  problems: Problem[];
  notice: 'approved' | 'returned' | null;
}) {
  const { t, href } = usePage();
  const a = review.answer;
  const record: CooperationRow | null = review.record;
  return (
    <>
      <PageHeader title={t('localgov.survey.answers.reviewTitle', { unit: review.unitLabel, year: a.year })} />
      <ErrorSummary problems={problems} />
      {notice ? (
        <Alert kind="success">
          <p>{t(`localgov.survey.answers.notice.${notice}`)}</p>
        </Alert>
      ) : null}
      <p>
        {t('localgov.survey.answers.statusLabel')}:{' '}
        <strong>
          <StatusText status={a.status} />
        </strong>
        {' · '}
        <a href={href(profilePath(a.unit_teryt))}>{t('localgov.survey.answers.profileLink')}</a>
      </p>
      {a.return_message ? (
        <p>
          {t('localgov.survey.answers.lastMessage')}: {a.return_message}
        </p>
      ) : null}
      <h2>{t('localgov.survey.answers.answersTitle')}</h2>
      <AnswerFacts row={a} entities={review.entities} />
      <h2>{t('localgov.survey.answers.recordTitle', { year: a.year })}</h2>
      {record ? (
        <>
          <p>
            {t('localgov.field.source')}: {record.source}
          </p>
          <AnswerFacts row={record} entities={review.recordEntities} />
        </>
      ) : (
        <p>{t('localgov.survey.answers.noRecord')}</p>
      )}
      <p>{t('localgov.survey.answers.fillRule')}</p>
      {review.kept.length > 0 ? (
        <Alert kind="info">
          <p>
            {t('localgov.survey.answers.kept', {
              fields: review.kept.map((k) => t(`localgov.survey.answers.fieldName.${k}`)).join(', '),
            })}
          </p>
        </Alert>
      ) : null}
      {a.status === 'submitted' ? (
        <>
          <form method="post" action={href(`${reviewPath(a.id)}/zatwierdz`)}>
            <CsrfField token={csrf} />
            <Button>{t('localgov.survey.answers.approve')}</Button>
          </form>
          <h2>{t('localgov.survey.answers.returnTitle')}</h2>
          <form method="post" action={href(`${reviewPath(a.id)}/zwroc`)} novalidate>
            <CsrfField token={csrf} />
            <FormField
              name="message"
              label={t('localgov.survey.answers.field.message')}
              hint={t('localgov.survey.answers.messageHint')}
              value={values.message ?? ''}
              problems={problems}
              multiline
              rows={4}
              required
              maxLength={1000}
            />
            <Button variant="secondary">{t('localgov.survey.answers.return')}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}
