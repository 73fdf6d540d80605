// Views of "Zakup Prospołeczny" applications: the representative's list and form (which criterion of
// the edition in force the figures do not meet, attachments), the staff's list, application page with
// the formal check, and the rules editions, and the certifying board's list and application page
// (assessment per criterion, conflict declaration, the chair's decision — not offered to a chair who
// declared a conflict). Entity names and offer
// titles are Polish: on English pages they carry lang="pl".
import { Fragment, type ComponentChildren } from 'preact';
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table, useProblemText } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { CheckboxField, FileField, RadioGroup } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import {
  applicationPath,
  adminApplicationPath,
  boardApplicationPath,
  EDITABLE,
  editionSources,
  figuresOf,
  formatPercent,
  parsePercent,
  unmetCriteria,
  type ApplicationRow,
  type ApplicationView,
  type BoardView,
  type EditionRow,
} from './applications.service.js';
import { CRITERIA, type Criterion } from './applications.tables.js';

function Pl({ text }: { text: string }) {
  const { lang } = usePage();
  return <span lang={lang === 'pl' ? undefined : 'pl'}>{text}</span>;
}

const statusText = (t: ReturnType<typeof usePage>['t'], s: ApplicationRow['status']) => t(`licences.status.${s}` as TKey);

/** The criteria of an edition in words, with its first day (or that it is unknown) and its sources. */
export function EditionRules({ edition }: { edition: EditionRow | null }) {
  const { t } = usePage();
  if (!edition) return <p>{t('licences.rules.noEdition')}</p>;
  return (
    <>
      <p>
        {edition.effective_from
          ? t('licences.rules.editionSince', { date: edition.effective_from })
          : t('licences.rules.editionSinceUnknown')}
      </p>
      <ul>
        <li>{t('licences.rules.legalForm')}</li>
        <li>{t('licences.rules.socialAims')}</li>
        <li>{t('licences.rules.market', { count: edition.min_market_months })}</li>
        <li>{t('licences.rules.revenue', { value: edition.min_own_revenue_pct })}</li>
        <li>{t('licences.rules.offer', { count: edition.min_offer_months })}</li>
      </ul>
      <p>
        {t('licences.rules.editionSources')}{' '}
        {editionSources(edition).map((s, i) => (
          <>
            {i > 0 ? ', ' : null}
            <a href={s.url.startsWith('http') ? s.url : `https://${s.url}`} hrefLang="pl">
              {s.label}
            </a>
          </>
        ))}
      </p>
    </>
  );
}

export function MyApplicationsView({ items, entities }: { items: ApplicationRow[]; entities: { id: string; name: string }[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('licences.apply.mine')} lead={t('licences.apply.mineLead')} />
      {entities.length ? (
        <ul>
          {entities.map((e) => (
            <li key={e.id}>
              <a href={href(`/zakup-prospoleczny/wnioski/nowy/${e.id}`)}>
                {t('licences.apply.newFor')} <Pl text={e.name} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <ApplicationsList items={items} link={applicationPath} />
    </>
  );
}

/** How many applications there are and, when any, their table; each row links to `link(id)`. */
function ApplicationsList({ items, link }: { items: ApplicationRow[]; link: (id: string) => string }) {
  const { t, href } = usePage();
  return (
    <>
      <p role="status">{t('licences.apply.count', { count: items.length })}</p>
      {items.length ? (
        <Table
          caption={t('licences.apply.caption')}
          rows={items}
          rowKey={(a) => a.id}
          columns={[
            {
              header: t('licences.field.holder'),
              cell: (a) => (
                <a href={href(link(a.id))}>
                  <Pl text={a.entity_name} />
                </a>
              ),
            },
            { header: t('licences.apply.statusLabel'), cell: (a) => statusText(t, a.status) },
            { header: t('licences.apply.submittedOn'), cell: (a) => a.submitted_on ?? '—' },
          ]}
        />
      ) : null}
    </>
  );
}

const val = (values: Record<string, string | string[]> | null, name: string, fallback: string) => {
  if (!values) return fallback;
  const v = values[name];
  return typeof v === 'string' ? v : fallback;
};

/** The applicant's contact person: the form's fields and the staff page's facts, in this order. */
const CONTACT_FIELDS: {
  name: 'contact_name' | 'contact_email' | 'contact_phone';
  type?: 'email' | 'tel';
  label: TKey;
  maxLength: number;
  autocomplete: string;
}[] = [
  { name: 'contact_name', label: 'licences.apply.contactName', maxLength: 200, autocomplete: 'name' },
  { name: 'contact_email', type: 'email', label: 'licences.apply.contactEmail', maxLength: 254, autocomplete: 'email' },
  { name: 'contact_phone', type: 'tel', label: 'licences.apply.contactPhone', maxLength: 40, autocomplete: 'tel' },
];

/** A required whole number of at most three digits (months, a percentage threshold). */
function WholeNumberField({
  name,
  label,
  value,
  problems,
}: {
  name: string;
  label: string;
  value: string | undefined;
  problems: Problem[];
}) {
  return <FormField name={name} label={label} value={value} problems={problems} required maxLength={3} inputMode="numeric" />;
}

export function ApplicationFormView({
  title,
  entity,
  view,
  edition,
  offers,
  values,
  problems,
}: {
  title: string;
  entity: { id: string; name: string };
  view: ApplicationView | null;
  edition: EditionRow | null;
  offers: { id: string; title: string; path: string }[];
  values: Record<string, string | string[]> | null;
  problems: Problem[];
}) {
  const { t, href, csrfToken, lang } = usePage();
  const problemText = useProblemText();
  const a = view?.application;
  const editable = !a || EDITABLE.includes(a.status);
  const chosenRaw = values ? values.offers : view?.offerIds;
  const chosen = chosenRaw === undefined ? [] : Array.isArray(chosenRaw) ? chosenRaw : [chosenRaw];
  const pct = val(values, 'own_revenue', a?.own_revenue_tenths != null ? formatPercent(a.own_revenue_tenths, lang) : '');
  const offerMonths = val(values, 'offer_months', a?.offer_months != null ? String(a.offer_months) : '');
  const marketMonths = val(values, 'market_months', a?.market_months != null ? String(a.market_months) : '');
  const figures = {
    ownRevenueTenths: parsePercent(pct) ?? null,
    offerMonths: /^\d+$/.test(offerMonths) ? Number(offerMonths) : null,
    marketMonths: /^\d+$/.test(marketMonths) ? Number(marketMonths) : null,
  };
  const given = pct !== '' || offerMonths !== '' || marketMonths !== '';
  const unmet = edition && given ? unmetCriteria(edition, figures) : [];
  const action = a ? applicationPath(a.id) : `/zakup-prospoleczny/wnioski/nowy/${entity.id}`;
  const firstOffer = offers[0];
  return (
    <>
      <PageHeader title={title} />
      <ErrorSummary problems={problems} fieldIds={firstOffer ? { offers: `f-offers-${firstOffer.id}` } : {}} />
      {a ? (
        <Alert kind="info" title={t('licences.apply.statusLabel')}>
          <p>{statusText(t, a.status)}</p>
          {a.status === 'needs_completion' && a.formal_message ? (
            <p>{t('licences.apply.formalMessage', { message: a.formal_message })}</p>
          ) : null}
          {a.decision === 'refused' && a.justification ? <p>{t('licences.apply.justification', { text: a.justification })}</p> : null}
        </Alert>
      ) : null}
      <h2>{t('licences.apply.rules')}</h2>
      <EditionRules edition={edition} />
      {edition && unmet.length ? (
        <UnmetCriteria edition={edition} unmet={unmet}>
          <p>{t('licences.apply.unmetDraft')}</p>
        </UnmetCriteria>
      ) : null}
      <h2>{t('licences.apply.identification')}</h2>
      <dl class="facts">
        <dt>{t('licences.field.holder')}</dt>
        <dd>
          <Pl text={entity.name} />
        </dd>
      </dl>
      {editable ? (
        <form method="post" action={href(action)} novalidate>
          <CsrfField token={csrfToken ?? ''} />
          {CONTACT_FIELDS.map((f) => (
            <FormField
              key={f.name}
              name={f.name}
              type={f.type}
              label={t(f.label)}
              value={val(values, f.name, a?.[f.name] ?? '')}
              problems={problems}
              required
              maxLength={f.maxLength}
              autocomplete={f.autocomplete}
            />
          ))}
          <fieldset class="field">
            <legend>{t('licences.apply.offers')}</legend>
            {offers.length === 0 ? <p>{t('licences.apply.noOffers')}</p> : null}
            {offers.map((o, i) => (
              <CheckboxField
                key={o.id}
                name="offers"
                value={o.id}
                idSuffix={o.id}
                label={o.title}
                checked={chosen.includes(o.id)}
                problems={i === 0 ? problems : []}
              />
            ))}
            {problems
              .filter((pr) => pr.field === 'offers')
              .map((pr) => (
                <p class="field__error" key={pr.key}>
                  {problemText(pr)}
                </p>
              ))}
          </fieldset>
          <h2>{t('licences.apply.figures')}</h2>
          <FormField
            name="revenue_period"
            label={t('licences.apply.revenuePeriod')}
            hint={t('licences.apply.revenuePeriodHint')}
            value={val(values, 'revenue_period', a?.revenue_period ?? '')}
            problems={problems}
            required
            maxLength={100}
          />
          <FormField
            name="own_revenue"
            label={t('licences.apply.ownRevenue')}
            hint={t('licences.apply.ownRevenueHint')}
            value={pct}
            problems={problems}
            required
            maxLength={5}
            inputMode="decimal"
          />
          <WholeNumberField name="offer_months" label={t('licences.apply.offerMonths')} value={offerMonths} problems={problems} />
          <WholeNumberField name="market_months" label={t('licences.apply.marketMonths')} value={marketMonths} problems={problems} />
          <CheckboxField
            name="declaration"
            label={t('licences.apply.declarationText')}
            checked={val(values, 'declaration', a?.is_declared ? '1' : '') === '1'}
            problems={problems}
          />
          <p>{t('licences.apply.attachmentsAfterSave')}</p>
          <Button name="action" value="save" variant="secondary">
            {t('licences.apply.save')}
          </Button>{' '}
          <Button name="action" value="submit">
            {t('licences.apply.submit')}
          </Button>
        </form>
      ) : (
        <ApplicationFacts view={view!} />
      )}
      {a ? <Attachments view={view!} editable={editable} problems={problems} /> : null}
    </>
  );
}

function Attachments({ view, editable, problems }: { view: ApplicationView; editable: boolean; problems: Problem[] }) {
  const { t, href, csrfToken } = usePage();
  const a = view.application;
  return (
    <>
      <AttachmentList view={view} />
      {editable ? (
        <form method="post" action={href(`${applicationPath(a.id)}/zalaczniki`)} encType="multipart/form-data" novalidate>
          <CsrfField token={csrfToken ?? ''} />
          <FileField
            name="attachment"
            label={t('licences.apply.attachment')}
            hint={t('licences.apply.attachmentHint')}
            accept="application/pdf,.pdf"
            problems={problems}
          />
          <Button variant="secondary">{t('licences.apply.upload')}</Button>
        </form>
      ) : null}
    </>
  );
}

function ApplicationFacts({ view }: { view: ApplicationView }) {
  const { t, lang } = usePage();
  const a = view.application;
  return (
    <dl class="facts">
      <dt>{t('licences.apply.offers')}</dt>
      <dd>
        {view.offers.length ? (
          <ul>
            {view.offers.map((o) => (
              <li key={o.id}>
                <Pl text={o.title} />
              </li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('licences.apply.revenuePeriod')}</dt>
      <dd>{a.revenue_period || '—'}</dd>
      <dt>{t('licences.apply.ownRevenue')}</dt>
      <dd>{a.own_revenue_tenths === null ? '—' : `${formatPercent(a.own_revenue_tenths, lang)} %`}</dd>
      <dt>{t('licences.apply.offerMonths')}</dt>
      <dd>{a.offer_months ?? '—'}</dd>
      <dt>{t('licences.apply.marketMonths')}</dt>
      <dd>{a.market_months ?? '—'}</dd>
      <dt>{t('licences.apply.declaration')}</dt>
      <dd>{a.is_declared ? t('licences.apply.yes') : t('licences.apply.no')}</dd>
      <dt>{t('licences.apply.edition')}</dt>
      <dd>{view.edition ? (view.edition.effective_from ?? t('licences.rules.editionUnknownDate')) : '—'}</dd>
    </dl>
  );
}

/** The criteria of `edition` the figures do not meet, as a warning (with what the caller adds below the list). */
function UnmetCriteria({ edition, unmet, children }: { edition: EditionRow; unmet: Criterion[]; children?: ComponentChildren }) {
  const { t } = usePage();
  return (
    <Alert kind="warning" title={t('licences.apply.unmetTitle')}>
      <ul>
        {unmet.map((c) => (
          <li key={c}>
            {t(`licences.unmet.${c}` as TKey, {
              revenue: edition.min_own_revenue_pct,
              offer: edition.min_offer_months,
              market: edition.min_market_months,
            })}
          </li>
        ))}
      </ul>
      {children}
    </Alert>
  );
}

/** The application's attachments, each a download link, under their heading. */
function AttachmentList({ view }: { view: ApplicationView }) {
  const { t, href } = usePage();
  return (
    <>
      <h2>{t('licences.apply.attachments')}</h2>
      {view.files.length ? (
        <ul>
          {view.files.map((f) => (
            <li key={f.id}>
              <a href={href(`${applicationPath(view.application.id)}/zalaczniki/${f.id}`)}>{f.file_name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('licences.apply.noAttachments')}</p>
      )}
    </>
  );
}

export function AdminApplicationsView({ items }: { items: ApplicationRow[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('licences.apply.adminTitle')} />
      <p>
        <a href={href('/admin/zakup-prospoleczny/zasady')}>{t('licences.editions.title')}</a>
      </p>
      <ApplicationsList items={items} link={adminApplicationPath} />
    </>
  );
}

export function AdminApplicationView({ title, view, problems }: { title: string; view: ApplicationView; problems: Problem[] }) {
  const { t, href, csrfToken } = usePage();
  const a = view.application;
  return (
    <>
      <PageHeader title={title} lead={statusText(t, a.status)} />
      <ErrorSummary problems={problems} />
      <h2>{t('licences.apply.contact')}</h2>
      <dl class="facts">
        {CONTACT_FIELDS.map((f) => (
          <Fragment key={f.name}>
            <dt>{t(f.label)}</dt>
            <dd>{a[f.name] || '—'}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('licences.apply.figures')}</h2>
      <ApplicationFacts view={view} />
      <AttachmentList view={view} />
      {a.status === 'submitted' ? (
        <>
          <h2>{t('licences.formal.title')}</h2>
          <form method="post" action={href(adminApplicationPath(a.id))} novalidate>
            <CsrfField token={csrfToken ?? ''} />
            <RadioGroup
              name="outcome"
              legend={t('licences.formal.outcome')}
              value=""
              problems={problems}
              options={[
                { value: 'complete', label: t('licences.formal.complete') },
                { value: 'needs_completion', label: t('licences.formal.needsCompletion') },
              ]}
            />
            <FormField
              name="message"
              multiline
              label={t('licences.formal.message')}
              hint={t('licences.formal.messageHint')}
              problems={problems}
              maxLength={2000}
            />
            <Button>{t('licences.formal.button')}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}

/** An edition's thresholds: the form's fields with their labels. */
const EDITION_THRESHOLDS: [name: string, label: TKey][] = [
  ['min_own_revenue_pct', 'licences.editions.minRevenue'],
  ['min_offer_months', 'licences.editions.minOffer'],
  ['min_market_months', 'licences.editions.minMarket'],
];

export function EditionsView({
  editions,
  current,
  values,
  problems,
}: {
  editions: EditionRow[];
  current: EditionRow | null;
  values: Record<string, string>;
  problems: Problem[];
}) {
  const { t, href, csrfToken } = usePage();
  return (
    <>
      <PageHeader title={t('licences.editions.title')} lead={t('licences.editions.lead')} />
      <ErrorSummary problems={problems} />
      <h2>{t('licences.editions.current')}</h2>
      <EditionRules edition={current} />
      <Table
        caption={t('licences.editions.all')}
        rows={editions}
        rowKey={(e) => e.id}
        columns={[
          { header: t('licences.editions.effectiveFrom'), cell: (e) => e.effective_from ?? t('licences.rules.editionUnknownDate') },
          { header: t('licences.editions.minRevenue'), cell: (e) => `${e.min_own_revenue_pct} %`, numeric: true },
          { header: t('licences.editions.minOffer'), cell: (e) => e.min_offer_months, numeric: true },
          { header: t('licences.editions.minMarket'), cell: (e) => e.min_market_months, numeric: true },
          { header: t('licences.editions.inForce'), cell: (e) => (e.id === current?.id ? t('licences.apply.yes') : '') },
        ]}
      />
      <h2>{t('licences.editions.add')}</h2>
      <form method="post" action={href('/admin/zakup-prospoleczny/zasady')} novalidate>
        <CsrfField token={csrfToken ?? ''} />
        <FormField
          name="effective_from"
          type="date"
          label={t('licences.editions.effectiveFrom')}
          value={values.effective_from}
          problems={problems}
          required
        />
        {EDITION_THRESHOLDS.map(([name, label]) => (
          <WholeNumberField key={name} name={name} label={t(label)} value={values[name]} problems={problems} />
        ))}
        <FormField
          name="sources"
          multiline
          label={t('licences.editions.sources')}
          hint={t('licences.editions.sourcesHint')}
          value={values.sources}
          problems={problems}
          required
          maxLength={2000}
          rows={3}
        />
        <Button>{t('licences.editions.addButton')}</Button>
      </form>
    </>
  );
}

export function BoardListView({ items }: { items: ApplicationRow[] }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('licences.board.title')} lead={t('licences.board.lead')} />
      <ApplicationsList items={items} link={boardApplicationPath} />
    </>
  );
}

export function BoardApplicationView({
  title,
  view,
  userId,
  isChair,
  problems,
  values,
}: {
  title: string;
  view: BoardView;
  userId: string;
  isChair: boolean;
  problems: Problem[];
  values: Record<string, string>;
}) {
  const { t, href, csrfToken } = usePage();
  const a = view.application;
  const conflicted = view.conflicts.includes(userId);
  const mine = (c: Criterion) => view.assessments.find((x) => x.userId === userId && x.criterion === c);
  const open = a.status === 'in_assessment';
  const edition = view.edition;
  const unmet = edition ? unmetCriteria(edition, figuresOf(a)) : [];
  return (
    <>
      <PageHeader title={title} lead={statusText(t, a.status)} />
      <ErrorSummary problems={problems} />
      <h2>{t('licences.apply.figures')}</h2>
      <ApplicationFacts view={view} />
      {edition && unmet.length ? <UnmetCriteria edition={edition} unmet={unmet} /> : null}
      <AttachmentList view={view} />
      <h2>{t('licences.board.assessments')}</h2>
      <p>{t('licences.board.conflicts', { count: view.conflicts.length })}</p>
      {view.assessments.length ? (
        <Table
          caption={t('licences.board.assessments')}
          rows={view.assessments}
          rowKey={(x) => `${x.userId}-${x.criterion}`}
          columns={[
            { header: t('licences.board.member'), cell: (x) => <Pl text={x.name} /> },
            { header: t('licences.board.criterion'), cell: (x) => t(`licences.criterion.${x.criterion}` as TKey) },
            { header: t('licences.board.meets'), cell: (x) => (x.meets ? t('licences.board.meetsYes') : t('licences.board.meetsNo')) },
            { header: t('licences.board.opinion'), cell: (x) => x.opinion },
          ]}
        />
      ) : (
        <p>{t('licences.board.noAssessments')}</p>
      )}
      {open && conflicted ? <Alert kind="info">{t('licences.board.youConflicted')}</Alert> : null}
      {open && !conflicted ? (
        <>
          <h2>{t('licences.board.yourAssessment')}</h2>
          <form method="post" action={href(`${boardApplicationPath(a.id)}/ocena`)} novalidate>
            <CsrfField token={csrfToken ?? ''} />
            {CRITERIA.map((c) => (
              <fieldset class="field" key={c}>
                <legend>{t(`licences.criterion.${c}` as TKey)}</legend>
                <RadioGroup
                  name={`meets_${c}`}
                  legend={t('licences.board.meets')}
                  value={values[`meets_${c}`] ?? (mine(c) ? (mine(c)!.meets ? '1' : '0') : '')}
                  problems={problems}
                  options={[
                    { value: '1', label: t('licences.board.meetsYes') },
                    { value: '0', label: t('licences.board.meetsNo') },
                  ]}
                />
                <FormField
                  name={`opinion_${c}`}
                  multiline
                  rows={2}
                  label={t('licences.board.opinion')}
                  value={values[`opinion_${c}`] ?? mine(c)?.opinion ?? ''}
                  problems={problems}
                  required
                  maxLength={2000}
                />
              </fieldset>
            ))}
            <Button>{t('licences.board.assessButton')}</Button>
          </form>
          <h2>{t('licences.board.conflictTitle')}</h2>
          <form method="post" action={href(`${boardApplicationPath(a.id)}/konflikt`)}>
            <CsrfField token={csrfToken ?? ''} />
            <p>{t('licences.board.conflictHint')}</p>
            <Button variant="secondary">{t('licences.board.conflictButton')}</Button>
          </form>
        </>
      ) : null}
      {open && isChair && conflicted ? <Alert kind="info">{t('licences.board.chairConflicted')}</Alert> : null}
      {open && isChair && !conflicted ? (
        <>
          <h2>{t('licences.decision.title')}</h2>
          <form method="post" action={href(`${boardApplicationPath(a.id)}/decyzja`)} novalidate>
            <CsrfField token={csrfToken ?? ''} />
            <RadioGroup
              name="decision"
              legend={t('licences.decision.decision')}
              value={values.decision ?? ''}
              problems={problems}
              options={[
                { value: 'granted', label: t('licences.decision.granted') },
                { value: 'refused', label: t('licences.decision.refused') },
              ]}
            />
            <FormField
              name="meeting_on"
              type="date"
              label={t('licences.decision.meetingOn')}
              value={values.meeting_on}
              problems={problems}
              required
            />
            <FormField
              name="justification"
              multiline
              label={t('licences.decision.justification')}
              hint={t('licences.decision.justificationHint')}
              value={values.justification}
              problems={problems}
              maxLength={4000}
            />
            <Button>{t('licences.decision.button')}</Button>
          </form>
        </>
      ) : null}
      {a.decision ? (
        <Alert kind={a.decision === 'granted' ? 'success' : 'info'} title={t('licences.decision.title')}>
          <p>{t(`licences.decision.recorded.${a.decision}` as TKey, { date: a.meeting_on ?? '' })}</p>
          {a.justification ? <p>{a.justification}</p> : null}
        </Alert>
      ) : null}
    </>
  );
}
