// Public views of consultations: the list, one consultation with its text section by section and
// "Zgłoś uwagę" links, the comment form (a page of its own, so it works without JavaScript), the
// page the e-mailed link opens, the report and the comparison with the next version.
import type { VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import type { SectionChange } from '../../core/text/word-diff.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { WordDiff } from '../../core/ui/diff.js';
import type { AttachedDocument } from '../portal/index.js';
import { GENERAL, HONEYPOT_FIELD, MAX_TEXT, SUBMISSION_KEY_FIELD } from './comments.service.js';
import type { ClauseRow, ConsultationRow, SectionRow } from './consultations.repo.js';
import type { Phase } from './consultations.phase.js';
import { CheckboxField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import { sectionLabel, summaryLines, type Report, type ReportRow } from './report.js';

export function PhaseText({ phase }: { phase: Phase }) {
  const { t } = usePage();
  return <span class="consultation-phase">{t(`consultations.phases.${phase}`)}</span>;
}

function Period({ c }: { c: Pick<ConsultationRow, 'starts_at' | 'ends_at'> }) {
  const { t, fmt } = usePage();
  return (
    <>
      {t('consultations.period')}: <time dateTime={c.starts_at}>{fmt.dateTime(c.starts_at)}</time> –{' '}
      <time dateTime={c.ends_at}>{fmt.dateTime(c.ends_at)}</time>
    </>
  );
}

const STEPS = ['announced', 'open', 'closed', 'report'] as const;

/** The consultation's course as steps (zapowiedziana → trwa → zakończona → raport), the current one marked for screen readers too. */
function PhaseStepper({ phase }: { phase: Phase }) {
  const { t } = usePage();
  const current = STEPS.indexOf(phase as (typeof STEPS)[number]);
  if (current < 0) return null;
  return (
    <ol class="phase-stepper" aria-label={t('consultations.stepper.label')}>
      {STEPS.map((step, i) => (
        <li
          key={step}
          class={`phase-stepper__step phase-stepper__step--${i < current ? 'done' : i === current ? 'current' : 'next'}`}
          aria-current={i === current ? 'step' : undefined}
        >
          <span class="phase-stepper__no" aria-hidden="true">
            {i + 1}
          </span>{' '}
          {t(`consultations.stepper.${step}`)}
          {i < current ? <span class="visually-hidden"> ({t('consultations.stepper.done')})</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Whole days (started periods of 24 hours) from `now` until `until`; at least 1 while the moment is ahead. */
export function daysUntil(now: Date, until: string): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 86_400_000));
}

type HomeItem = Pick<ConsultationRow, 'id' | 'title' | 'starts_at' | 'ends_at'>;

/** The home page's section: each open consultation with its days left, then the announced ones with their start. */
export function HomeConsultations({ open, announced, now }: { open: HomeItem[]; announced: HomeItem[]; now: Date }) {
  const { t, href, lang, fmt } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  const item = (c: HomeItem, note: string) => (
    <li key={c.id}>
      <a href={href(`/konsultacje/${c.id}`)} lang={pl}>
        {c.title}
      </a>{' '}
      <span class="home-consultation-note">{note}</span>
    </li>
  );
  return (
    <section aria-labelledby="home-consultations" class="home-section">
      <h2 id="home-consultations">{t('consultations.home.title')}</h2>
      {open.length ? (
        <ul class="home-consultations">
          {open.map((c) =>
            item(
              c,
              t('consultations.home.open', {
                left: t('consultations.daysLeft', { count: daysUntil(now, c.ends_at) }),
                until: fmt.dateTime(c.ends_at),
              }),
            ),
          )}
        </ul>
      ) : (
        <p>{t('consultations.home.noneOpen')}</p>
      )}
      {announced.length ? (
        <>
          <h3>{t('consultations.home.announced')}</h3>
          <ul class="home-consultations">{announced.map((c) => item(c, t('consultations.home.from', { date: fmt.date(c.starts_at) })))}</ul>
        </>
      ) : null}
      <p>
        <a href={href('/konsultacje')}>{t('consultations.home.all')}</a>
      </p>
    </section>
  );
}

export function ListView({ items }: { items: { c: ConsultationRow; phase: Phase }[] }) {
  const { t, href, lang } = usePage();
  const current = items.filter((i) => i.phase === 'announced' || i.phase === 'open' || i.phase === 'closed');
  const past = items.filter((i) => i.phase === 'report');
  const list = (rows: typeof items) =>
    rows.length ? (
      <ul class="consultation-list">
        {rows.map(({ c, phase }) => (
          <li key={c.id}>
            <h3>
              <a href={href(`/konsultacje/${c.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
                {c.title}
              </a>
            </h3>
            <p>
              {t('consultations.phase')}: <PhaseText phase={phase} />. <Period c={c} />
            </p>
          </li>
        ))}
      </ul>
    ) : (
      <p>{t('consultations.noneHere')}</p>
    );
  return (
    <>
      <PageHeader title={t('consultations.title')} />
      <p>{t('consultations.intro')}</p>
      <section aria-labelledby="current-title">
        <h2 id="current-title">{t('consultations.current')}</h2>
        {list(current)}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('consultations.past')}</h2>
        {list(past)}
      </section>
    </>
  );
}

export interface PublicComment {
  id: string;
  sectionId: string | null;
  author: string;
  text: string;
  proposedChange: string;
  hidden: boolean;
}

function CommentList({ comments }: { comments: PublicComment[] }) {
  const { t, lang } = usePage();
  if (!comments.length) return null;
  return (
    <ul class="consultation-comments">
      {comments.map((c) => (
        <li key={c.id} lang={lang === 'en' ? 'pl' : undefined}>
          <p class="consultation-comments__author">{c.author}</p>
          {c.hidden ? (
            <p>{c.text}</p>
          ) : (
            <>
              {c.proposedChange ? (
                <p>
                  <strong>{t('consultations.comment.proposedChange')}:</strong> <span class="consultation-text">{c.proposedChange}</span>
                </p>
              ) : null}
              <p class="consultation-text">{c.text}</p>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ConsultationView({
  c,
  phase,
  descriptionHtml,
  sections,
  documents,
  comments,
  counts,
  now,
  hasNext,
  extras,
}: {
  c: ConsultationRow;
  phase: Phase;
  descriptionHtml: string;
  sections: (SectionRow & { html: string })[];
  documents: AttachedDocument[];
  comments: PublicComment[] | null;
  /** Confirmed comments per section id (general comments under ''). */
  counts: Map<string, number>;
  now: Date;
  hasNext: boolean;
  /** Sections other modules contribute (consultationPageSections), at the end of the page. */
  extras?: VNode[];
}) {
  const { t, href, lang } = usePage();
  const open = phase === 'open';
  const formPath = (section: string) => href(`/konsultacje/${c.id}/uwaga?sekcja=${section}`);
  const pl = lang === 'en' ? 'pl' : undefined;
  return (
    <>
      <PageHeader title={c.title} lang={pl} />
      <PhaseStepper phase={phase} />
      {phase === 'open' ? (
        <p class="consultation-countdown">
          <strong>{t('consultations.daysLeft', { count: daysUntil(now, c.ends_at) })}</strong>
        </p>
      ) : null}
      {phase === 'announced' ? (
        <p class="consultation-countdown">
          <strong>{t('consultations.daysToStart', { count: daysUntil(now, c.starts_at) })}</strong>
        </p>
      ) : null}
      <dl class="consultation-facts">
        <dt>{t('consultations.phase')}</dt>
        <dd>
          <PhaseText phase={phase} />
        </dd>
        <dt>{t('consultations.period')}</dt>
        <dd>
          <Period c={c} /> ({t('consultations.warsawTime')})
        </dd>
        <dt>{t('consultations.who')}</dt>
        <dd>{t(`consultations.whoOptions.${c.who_may_comment}`)}</dd>
      </dl>
      {phase === 'announced' ? (
        <Alert kind="info">
          <p>{t('consultations.notYetOpen')}</p>
        </Alert>
      ) : null}
      {phase === 'closed' ? (
        <Alert kind="info">
          <p>{t('consultations.closedNotice')}</p>
        </Alert>
      ) : null}
      {phase === 'report' ? (
        <Alert kind="info">
          <p>
            {t('consultations.reportPublished')} <a href={href(`/konsultacje/${c.id}/raport`)}>{t('consultations.report.link')}</a>
          </p>
        </Alert>
      ) : null}
      {hasNext ? (
        <p>
          <a href={href(`/konsultacje/${c.id}/zmiany`)}>{t('consultations.changes.link')}</a>
        </p>
      ) : null}
      <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      {documents.length ? (
        <section aria-labelledby="docs-title">
          <h2 id="docs-title">{t('consultations.documents')}</h2>
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
      {open ? (
        <p>
          <a class="button button--secondary" href={formPath(GENERAL)}>
            {t('consultations.generalComment')}
          </a>
        </p>
      ) : null}
      <h2>{t('consultations.text')}</h2>
      {comments === null && open ? <p>{t('consultations.commentsHiddenWhileOpen')}</p> : null}
      {sections.map((s) => {
        const label = sectionLabel(t, s);
        const mine = comments?.filter((x) => x.sectionId === s.id) ?? [];
        const count = counts.get(s.id) ?? 0;
        return (
          <section key={s.id} id={`sekcja-${s.id}`} class="consultation-section" aria-labelledby={`h-${s.id}`}>
            <h3 id={`h-${s.id}`} lang={pl}>
              {label}
            </h3>
            <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: s.html }} />
            {phase !== 'announced' ? (
              <p class="consultation-section__count">
                {count === 0 ? t('consultations.sectionCountNone') : t('consultations.sectionCount', { count })}
              </p>
            ) : null}
            {open ? (
              <p>
                <a class="button button--secondary" href={formPath(s.id)}>
                  {t('consultations.commentOn')}
                  <span class="visually-hidden">: {label}</span>
                </a>
              </p>
            ) : null}
            {mine.length ? (
              <>
                <h4>{t('consultations.commentsOnSection', { count: mine.length })}</h4>
                <CommentList comments={mine} />
              </>
            ) : null}
          </section>
        );
      })}
      {comments?.some((x) => x.sectionId === null) ? (
        <section aria-labelledby="general-comments">
          <h2 id="general-comments">{t('consultations.generalComments')}</h2>
          <CommentList comments={comments.filter((x) => x.sectionId === null)} />
        </section>
      ) : null}
      {extras}
    </>
  );
}

export function CommentFormView({
  c,
  sections,
  quoted,
  clause,
  clauseHtml,
  values,
  problems,
  csrf,
  closed,
}: {
  c: ConsultationRow;
  sections: SectionRow[];
  /** The section chosen (from its "Zgłoś uwagę" link), shown above the form; null for a general comment. */
  quoted: (SectionRow & { html: string }) | null;
  clause: ClauseRow | null;
  clauseHtml: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  closed: boolean;
}) {
  const { t, href, lang } = usePage();
  const organisationsOnly = c.who_may_comment === 'organisations';
  const options = [
    { value: GENERAL, label: t('consultations.comment.general') },
    ...sections.map((s) => ({ value: s.id, label: sectionLabel(t, s) })),
  ];
  return (
    <>
      <PageHeader title={t('consultations.comment.title')} />
      <p>
        {t('consultations.comment.on')}:{' '}
        <a href={href(`/konsultacje/${c.id}`)} lang={lang === 'en' ? 'pl' : undefined}>
          {c.title}
        </a>
      </p>
      {closed ? (
        <>
          <ErrorSummary problems={problems} linkFields={false} />
          <Alert kind="warning">
            <p>{t('consultations.errors.closedForm')}</p>
          </Alert>
        </>
      ) : (
        <>
          {quoted ? (
            <section class="consultation-quoted" aria-labelledby="quoted-title">
              <p class="consultation-quoted__intro">{t('consultations.comment.quoted')}</p>
              <h2 id="quoted-title" lang={lang === 'en' ? 'pl' : undefined}>
                {sectionLabel(t, quoted)}
              </h2>
              <div class="prose" lang={lang === 'en' ? 'pl' : undefined} dangerouslySetInnerHTML={{ __html: quoted.html }} />
            </section>
          ) : null}
          <p>{t('consultations.comment.intro')}</p>
          <p>{t('consultations.comment.requiredNote')}</p>
          <ErrorSummary problems={problems} />
          <form method="post" action={href(`/konsultacje/${c.id}/uwaga`)} novalidate id="formularz">
            <CsrfField token={csrf} />
            <input type="hidden" name={SUBMISSION_KEY_FIELD} value={values[SUBMISSION_KEY_FIELD] ?? ''} />
            <SelectField
              name="section"
              label={t('consultations.comment.section')}
              options={options}
              value={values.section ?? GENERAL}
              problems={problems}
              required
            />
            <FormField
              name="proposed_change"
              label={t('consultations.comment.proposedChange')}
              hint={t('consultations.comment.proposedChangeHint')}
              multiline
              rows={5}
              maxLength={MAX_TEXT}
              value={values.proposed_change ?? ''}
              problems={problems}
            />
            <FormField
              name="justification"
              label={t('consultations.comment.justification')}
              hint={t('consultations.comment.justificationHint')}
              multiline
              rows={6}
              maxLength={MAX_TEXT}
              required
              value={values.justification ?? ''}
              problems={problems}
            />
            {organisationsOnly ? (
              <p>{t('consultations.comment.organisationsOnly')}</p>
            ) : (
              <RadioGroup
                name="author_kind"
                legend={t('consultations.comment.authorKind')}
                options={[
                  { value: 'person', label: t('consultations.comment.asPerson') },
                  { value: 'organisation', label: t('consultations.comment.asOrganisation') },
                ]}
                value={values.author_kind ?? ''}
                problems={problems}
              />
            )}
            {/* public/js/consultations-forms.js shows only the block of the chosen kind; without it both stay, each labelled. */}
            {organisationsOnly ? null : (
              <fieldset data-shown-when="author_kind=person">
                <legend>{t('consultations.comment.personFields')}</legend>
                <FormField
                  name="first_name"
                  label={t('consultations.comment.firstName')}
                  autocomplete="given-name"
                  maxLength={100}
                  required
                  value={values.first_name ?? ''}
                  problems={problems}
                />
                <FormField
                  name="last_name"
                  label={t('consultations.comment.lastName')}
                  autocomplete="family-name"
                  maxLength={100}
                  required
                  value={values.last_name ?? ''}
                  problems={problems}
                />
              </fieldset>
            )}
            <fieldset data-shown-when={organisationsOnly ? undefined : 'author_kind=organisation'}>
              <legend>
                {organisationsOnly ? t('consultations.comment.organisationFieldsOnly') : t('consultations.comment.organisationFields')}
              </legend>
              <FormField
                name="organisation"
                label={t('consultations.comment.organisation')}
                autocomplete="organization"
                maxLength={300}
                required
                value={values.organisation ?? ''}
                problems={problems}
              />
              <FormField
                name="acting_person"
                label={t('consultations.comment.actingPerson')}
                autocomplete="name"
                maxLength={200}
                required
                value={values.acting_person ?? ''}
                problems={problems}
              />
            </fieldset>
            <FormField
              name="email"
              type="email"
              label={t('consultations.comment.email')}
              hint={t('consultations.comment.emailHint')}
              autocomplete="email"
              required
              value={values.email ?? ''}
              problems={problems}
            />
            <div class="portal-hp">
              <label for="f-website">{t('consultations.comment.honeypot')}</label>
              <input id="f-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <section class="consultation-clause" aria-labelledby="clause-title">
              <h2 id="clause-title">{t('consultations.comment.clauseTitle', { version: clause?.version ?? 1 })}</h2>
              <div class="prose" lang={lang === 'en' ? 'pl' : undefined} dangerouslySetInnerHTML={{ __html: clauseHtml }} />
            </section>
            <CheckboxField name="consent" label={t('consultations.comment.consent')} checked={values.consent === '1'} problems={problems} />
            <Button>{t('consultations.comment.submit')}</Button>
          </form>
          {organisationsOnly ? null : <script src="/assets/js/consultations-forms.js" defer />}
        </>
      )}
    </>
  );
}

export function SentView({ c }: { c: ConsultationRow }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('consultations.sent.title')} />
      <Alert kind="success">
        <p>{t('consultations.sent.body')}</p>
      </Alert>
      <p>
        <a href={href(`/konsultacje/${c.id}`)}>{t('consultations.sent.back')}</a>
      </p>
    </>
  );
}

export function TokenPage({
  token,
  c,
  comment,
  section,
  csrf,
  notice,
}: {
  token: string;
  c: ConsultationRow;
  comment: {
    status: string;
    justification: string;
    proposed_change: string | null;
    author: string;
    erasure_requested_at: string | null;
    token_expires_at: string;
  };
  section: SectionRow | null;
  csrf: string;
  notice: 'confirmed' | 'erasure' | null;
}) {
  const { t, href, fmt, lang } = usePage();
  const base = `/konsultacje/potwierdzenie/${token}`;
  const pl = lang === 'en' ? 'pl' : undefined;
  return (
    <>
      <PageHeader title={t('consultations.confirm.title')} />
      {notice === 'confirmed' ? (
        <Alert kind="success">
          <p>{t('consultations.confirm.done')}</p>
        </Alert>
      ) : null}
      {notice === 'erasure' ? (
        <Alert kind="success">
          <p>{t('consultations.confirm.erasureRecorded')}</p>
        </Alert>
      ) : null}
      <p>
        {t('consultations.comment.on')}:{' '}
        <a href={href(`/konsultacje/${c.id}`)} lang={pl}>
          {c.title}
        </a>
      </p>
      <dl class="consultation-facts">
        <dt>{t('consultations.comment.section')}</dt>
        <dd lang={pl}>{section ? sectionLabel(t, section) : t('consultations.comment.general')}</dd>
        <dt>{t('consultations.comment.proposedChange')}</dt>
        <dd class="consultation-text">{comment.proposed_change ?? '—'}</dd>
        <dt>{t('consultations.comment.justification')}</dt>
        <dd class="consultation-text">{comment.justification}</dd>
        <dt>{t('consultations.comment.author')}</dt>
        <dd>{comment.author}</dd>
        <dt>{t('consultations.confirm.status')}</dt>
        <dd>
          {comment.status === 'confirmed'
            ? t('consultations.confirm.statusConfirmed')
            : t('consultations.confirm.statusUnconfirmed', { until: fmt.dateTime(comment.token_expires_at) })}
        </dd>
      </dl>
      {comment.status === 'unconfirmed' ? (
        <>
          <form method="post" action={href(`${base}/potwierdz`)}>
            <CsrfField token={csrf} />
            <Button>{t('consultations.confirm.confirm')}</Button>
          </form>
          <h2>{t('consultations.confirm.withdrawTitle')}</h2>
          <p>{t('consultations.confirm.withdrawIntro')}</p>
          <form method="post" action={href(`${base}/wycofaj`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('consultations.confirm.withdraw')}</Button>
          </form>
        </>
      ) : comment.erasure_requested_at ? (
        <p>{t('consultations.confirm.erasurePending')}</p>
      ) : (
        <>
          <h2>{t('consultations.confirm.erasureTitle')}</h2>
          <p>{t('consultations.confirm.erasureIntro')}</p>
          <form method="post" action={href(`${base}/usuniecie`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('consultations.confirm.erasure')}</Button>
          </form>
        </>
      )}
    </>
  );
}

export function WithdrawnView() {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('consultations.confirm.withdrawnTitle')} />
      <Alert kind="success">
        <p>{t('consultations.confirm.withdrawn')}</p>
      </Alert>
      <p>
        <a href={href('/konsultacje')}>{t('consultations.title')}</a>
      </p>
    </>
  );
}

function ReportTable({ rows, caption }: { rows: ReportRow[]; caption: string }) {
  const { t, lang } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  return (
    <div class="table-wrap">
      <table class="consultation-report">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('consultations.report.no')}
            </th>
            <th scope="col">{t('consultations.report.section')}</th>
            <th scope="col">{t('consultations.report.author')}</th>
            <th scope="col">{t('consultations.report.comment')}</th>
            <th scope="col">{t('consultations.report.proposedChange')}</th>
            <th scope="col">{t('consultations.report.response')}</th>
            <th scope="col">{t('consultations.report.justification')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.commentId} id={`uwaga-${r.no}`}>
              <th scope="row" class="num">
                {r.no}
              </th>
              <td lang={pl}>{r.section}</td>
              <td lang={r.authorKind === 'organisation' ? pl : undefined}>{r.author}</td>
              <td class="consultation-text" lang={r.hidden ? undefined : pl}>
                {r.comment}
              </td>
              <td class="consultation-text" lang={pl}>
                {r.proposedChange}
              </td>
              <td>{r.response}</td>
              <td class="consultation-text" lang={pl}>
                {r.justification}
                {r.groupedWith ? <> ({t('consultations.report.groupedWith', { no: r.groupedWith })})</> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportView({ report }: { report: Report }) {
  const { t, href, lang } = usePage();
  const c = report.consultation;
  const base = `/konsultacje/${c.id}/raport`;
  return (
    <>
      <PageHeader title={t('consultations.report.title', { title: c.title })} />
      <p>
        <a href={href(`/konsultacje/${c.id}`)}>{t('consultations.report.back')}</a>
      </p>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t('consultations.report.summary')}</h2>
        <ul>
          {summaryLines(report, lang).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('consultations.report.downloads')}</h2>
        <ul>
          <li>
            <a href={href(`${base}.pdf`)}>{t('consultations.report.pdf')}</a>
          </li>
          <li>
            <a href={href(`${base}.docx`)}>{t('consultations.report.docx')}</a>
          </li>
          <li>
            <a href={href(`${base}.csv`)}>{t('consultations.report.csv')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t('consultations.report.tableTitle')}</h2>
        {report.rows.length ? (
          <ReportTable rows={report.rows} caption={t('consultations.report.tableCaption')} />
        ) : (
          <p>{t('consultations.report.none')}</p>
        )}
      </section>
    </>
  );
}

export interface ChangeWithComments {
  change: SectionChange;
  comments: { no: number; accepted: boolean; text: string; response: string }[];
}

export function ChangesView({
  c,
  changes,
  reportPublished,
}: {
  c: ConsultationRow;
  changes: ChangeWithComments[];
  reportPublished: boolean;
}) {
  const { t, href, lang } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  const changed = changes.filter((x) => x.change.kind !== 'unchanged');
  return (
    <>
      <PageHeader title={t('consultations.changes.title', { title: c.title })} />
      <p>{t('consultations.changes.intro')}</p>
      <p>{t('consultations.changes.summary', { changed: changed.length, total: changes.length })}</p>
      {changes.map((x, i) => {
        const s = x.change.after ?? x.change.before!;
        return (
          <section key={i} class="consultation-section" aria-labelledby={`ch-${i}`}>
            <h2 id={`ch-${i}`} lang={pl}>
              {sectionLabel(t, s)} <span class="consultation-phase">({t(`consultations.changes.kinds.${x.change.kind}`)})</span>
            </h2>
            {x.change.kind === 'unchanged' ? null : (
              <div class="portal-diff__text" lang={pl}>
                <p>
                  <WordDiff parts={x.change.heading} />
                </p>
                <WordDiff parts={x.change.body} />
              </div>
            )}
            {x.change.kind !== 'unchanged' && x.comments.length ? (
              <>
                <h3>{t('consultations.changes.comments')}</h3>
                <ul>
                  {x.comments.map((cm) => (
                    <li key={cm.no} class={cm.accepted ? 'consultation-accepted' : undefined}>
                      {reportPublished ? (
                        <a href={href(`/konsultacje/${c.id}/raport#uwaga-${cm.no}`)}>
                          {t('consultations.changes.commentNo', { no: cm.no })}
                        </a>
                      ) : (
                        t('consultations.changes.commentNo', { no: cm.no })
                      )}
                      {cm.accepted ? <strong> — {cm.response}</strong> : <> — {cm.response}</>}: <span lang={pl}>{cm.text}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
