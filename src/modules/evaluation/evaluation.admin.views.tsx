// Staff views of the evaluation module: the list of studies with what is overdue or due soon, the
// study form (programme, version and library documents chosen by name), the recommendation form
// (programme elements and indicators chosen by name), the import with its dry run, and the
// follow-up page of one recommendation (response, actions, ratings, closing, abandoning).
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { CheckboxField, FileField, SelectField } from '../../core/ui/fields.js';
import { usePage } from '../../core/ui/context.js';
import type { ImportResult } from './evaluation.import.service.js';
import type { StudyRow } from './evaluation.repo.js';
import type { FollowUpItem, RecommendationView, Target } from './evaluation.service.js';
import { ACTION_STATUSES, CRITERIA, RATINGS, RESPONSE_KINDS, STUDY_TYPES } from './evaluation.tables.js';
import { OverdueMark, RecommendationBlock, StatusBadge, useDay } from './evaluation.views.js';

export const ADMIN_PATH = '/admin/ewaluacja';
export const recPath = (id: string) => `${ADMIN_PATH}/rekomendacje/${id}`;

export function AdminIndexView({
  studies,
  items,
  canManage,
}: {
  studies: readonly StudyRow[];
  items: readonly FollowUpItem[];
  canManage: boolean;
}) {
  const { t, href } = usePage();
  const day = useDay();
  return (
    <>
      <PageHeader title={t('evaluation.admin.title')} />
      {canManage ? (
        <p>
          <a class="button button--primary" href={href(`${ADMIN_PATH}/nowe`)}>
            {t('evaluation.admin.newStudy')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="admin-studies">
        <h2 id="admin-studies">{t('evaluation.admin.studies')}</h2>
        {studies.length === 0 ? (
          <p>{t('evaluation.noStudies')}</p>
        ) : (
          <ul>
            {studies.map((s) => (
              <li key={s.id}>
                <a href={href(canManage ? `${ADMIN_PATH}/${s.id}` : `/ewaluacja/${s.id}`)} lang="pl">
                  {s.title}
                </a>{' '}
                ({t(`evaluation.types.${s.study_type}`)}
                {s.is_published ? '' : `, ${t('evaluation.admin.unpublished')}`})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="admin-due">
        <h2 id="admin-due">{t('evaluation.admin.due')}</h2>
        {items.length === 0 ? (
          <p>{t('evaluation.admin.nothingDue')}</p>
        ) : (
          <Table
            caption={t('evaluation.admin.dueCaption')}
            rowKey={(i) => `${i.kind}-${i.action?.id ?? i.view.rec.id}`}
            rows={[...items]}
            columns={[
              {
                header: t('evaluation.admin.item'),
                cell: (i) => (
                  <a href={href(recPath(i.view.rec.id))}>
                    {i.action ? (
                      <>
                        {t('evaluation.table.overdueAction')}: <span lang="pl">{i.action.description}</span>
                      </>
                    ) : (
                      t('evaluation.response.title')
                    )}{' '}
                    — {t('evaluation.rec.heading', { number: i.view.rec.number })}
                  </a>
                ),
              },
              { header: t('evaluation.admin.dueOn'), cell: (i) => day(i.due) },
              {
                header: t('evaluation.admin.state'),
                cell: (i) => (i.overdue ? <OverdueMark>{t('evaluation.overdue')}</OverdueMark> : t('evaluation.admin.dueSoon')),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}

export interface StudyChoices {
  programmes: { id: string; title: string }[];
  versions: { id: string; programmeId: string; label: string }[];
  documents: { id: string; title: string }[];
}

export function StudyFormView({
  study,
  values,
  problems,
  csrf,
  choices,
  views,
  notice,
}: {
  study: StudyRow | null;
  values: Record<string, string>;
  problems: Problem[];
  csrf: string;
  choices: StudyChoices;
  views: readonly RecommendationView[];
  notice: string | null;
}) {
  const { t, href } = usePage();
  const none = { value: '', label: t('evaluation.admin.none') };
  const field = (
    name: string,
    label: string,
    opts: { multiline?: boolean; type?: 'date' | 'text'; hint?: string; required?: boolean } = {},
  ) => (
    <FormField
      name={name}
      label={label}
      value={values[name] ?? ''}
      problems={problems}
      {...(opts.multiline ? { multiline: true } : {})}
      {...(opts.type ? { type: opts.type } : {})}
      {...(opts.hint ? { hint: opts.hint } : {})}
      {...(opts.required ? { required: true } : {})}
    />
  );
  return (
    <>
      <PageHeader title={study ? study.title : t('evaluation.admin.newStudy')} lang={study ? 'pl' : undefined} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(study ? `${ADMIN_PATH}/${study.id}` : `${ADMIN_PATH}/nowe`)}>
        <CsrfField token={csrf} />
        {field('title', t('evaluation.study.title'), { required: true })}
        <SelectField
          name="study_type"
          label={t('evaluation.study.type')}
          value={values.study_type ?? ''}
          problems={problems}
          required
          options={[none, ...STUDY_TYPES.map((s) => ({ value: s, label: t(`evaluation.types.${s}`) }))]}
        />
        <SelectField
          name="programme_id"
          label={t('evaluation.study.programme')}
          value={values.programme_id ?? ''}
          problems={problems}
          options={[none, ...choices.programmes.map((p) => ({ value: p.id, label: p.title }))]}
        />
        <SelectField
          name="version_id"
          label={t('evaluation.study.version')}
          hint={t('evaluation.study.versionHint')}
          value={values.version_id ?? ''}
          problems={problems}
          options={[none, ...choices.versions.map((v) => ({ value: v.id, label: v.label }))]}
        />
        {field('commissioning_unit', t('evaluation.study.commissioningUnit'))}
        {field('contractor', t('evaluation.study.contractor'))}
        {field('study_year', t('evaluation.study.year'), { hint: t('evaluation.study.yearHint') })}
        {field('commissioned_on', t('evaluation.study.commissionedOn'), { type: 'date' })}
        {field('delivered_on', t('evaluation.study.deliveredOn'), { type: 'date' })}
        {field('accepted_on', t('evaluation.study.acceptedOn'), { type: 'date', hint: t('evaluation.study.acceptedHint') })}
        {field('method_summary', t('evaluation.study.method'), { multiline: true })}
        <fieldset class="field">
          <legend>{t('evaluation.study.criteria')}</legend>
          {CRITERIA.map((c) => (
            <CheckboxField
              key={c}
              name={`criterion_${c}`}
              label={t(`evaluation.criteria.${c}`)}
              checked={values[`criterion_${c}`] === '1'}
            />
          ))}
        </fieldset>
        <SelectField
          name="report_document_id"
          label={t('evaluation.study.report')}
          hint={t('evaluation.study.documentHint')}
          value={values.report_document_id ?? ''}
          problems={problems}
          options={[none, ...choices.documents.map((d) => ({ value: d.id, label: d.title }))]}
        />
        <SelectField
          name="summary_document_id"
          label={t('evaluation.study.summary')}
          value={values.summary_document_id ?? ''}
          problems={problems}
          options={[none, ...choices.documents.map((d) => ({ value: d.id, label: d.title }))]}
        />
        {field('source_note', t('evaluation.study.sourceNote'), { multiline: true, hint: t('evaluation.study.sourceNoteHint') })}
        <CheckboxField name="is_published" label={t('evaluation.study.published')} checked={values.is_published === '1'} />
        <Button>{t('evaluation.admin.save')}</Button>
      </form>
      {study ? (
        <section aria-labelledby="study-recs">
          <h2 id="study-recs">{t('evaluation.recommendations')}</h2>
          <p>
            <a href={href(`${ADMIN_PATH}/${study.id}/rekomendacje/nowa`)}>{t('evaluation.admin.newRecommendation')}</a>
            {' · '}
            <a href={href(`${ADMIN_PATH}/${study.id}/import`)}>{t('evaluation.import.title')}</a>
            {study.is_published ? (
              <>
                {' · '}
                <a href={href(`/ewaluacja/${study.id}`)}>{t('evaluation.admin.publicPage')}</a>
              </>
            ) : null}
          </p>
          {views.length === 0 ? (
            <p>{t('evaluation.noRecommendations')}</p>
          ) : (
            <ul>
              {views.map((v) => (
                <li key={v.rec.id}>
                  <a href={href(recPath(v.rec.id))}>{t('evaluation.rec.heading', { number: v.rec.number })}</a> —{' '}
                  <StatusBadge status={v.status} />
                  {v.overdue ? <OverdueMark> {t('evaluation.overdue')}</OverdueMark> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

export function RecommendationFormView({
  study,
  recId = null,
  values,
  chosen,
  problems,
  csrf,
  targets,
}: {
  study: StudyRow;
  /** The recommendation being corrected; null for a new one. */
  recId?: string | null;
  values: Record<string, string>;
  chosen: readonly string[];
  problems: Problem[];
  csrf: string;
  targets: readonly Target[];
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader
        title={recId ? t('evaluation.admin.editRecommendation', { number: values.number ?? '' }) : t('evaluation.admin.newRecommendation')}
      />
      <ErrorSummary problems={problems} />
      <form method="post" action={href(recId ? `${recPath(recId)}/edycja` : `${ADMIN_PATH}/${study.id}/rekomendacje/nowa`)}>
        <CsrfField token={csrf} />
        <FormField name="number" label={t('evaluation.rec.number')} value={values.number ?? ''} problems={problems} required />
        <FormField name="finding" label={t('evaluation.rec.finding')} value={values.finding ?? ''} problems={problems} multiline required />
        <FormField name="text" label={t('evaluation.rec.text')} value={values.text ?? ''} problems={problems} multiline required />
        <FormField
          name="addressee"
          label={t('evaluation.rec.addressee')}
          hint={t('evaluation.rec.addresseeHint')}
          value={values.addressee ?? ''}
          problems={problems}
          required
        />
        <FormField
          name="proposed_way"
          label={t('evaluation.rec.proposedWay')}
          value={values.proposed_way ?? ''}
          problems={problems}
          multiline
        />
        <FormField name="deadline" type="date" label={t('evaluation.rec.deadline')} value={values.deadline ?? ''} problems={problems} />
        <fieldset class="field" id="f-targets">
          <legend>{t('evaluation.rec.targets')}</legend>
          {targets.length === 0 ? <p class="hint">{t('evaluation.rec.noProgrammeTargets')}</p> : null}
          {targets.map((x) => (
            <CheckboxField key={x.id} name="targets" idSuffix={x.id} value={x.id} label={x.label} checked={chosen.includes(x.id)} />
          ))}
        </fieldset>
        <Button>{t('evaluation.admin.save')}</Button>
      </form>
    </>
  );
}

export function ImportView({
  study,
  csrf,
  problems,
  result,
}: {
  study: StudyRow;
  csrf: string;
  problems: Problem[];
  result: ImportResult | null;
}) {
  const { t, href } = usePage();
  const bad = result ? result.rows.filter((r) => r.problems.length > 0) : [];
  return (
    <>
      <PageHeader title={t('evaluation.import.title')} lead={t('evaluation.import.intro')} />
      <ErrorSummary problems={problems} />
      {result ? (
        <section aria-labelledby="import-result">
          <h2 id="import-result">{t('evaluation.import.result')}</h2>
          {result.fileProblems.length ? (
            <Alert kind="error" title={t('evaluation.import.fileProblems')}>
              <ul>
                {result.fileProblems.map((p, i) => (
                  <li key={i}>{t(p.key as 'evaluation.errors.noRows', p.params)}</li>
                ))}
              </ul>
            </Alert>
          ) : bad.length ? (
            <Alert kind="error" title={t('evaluation.import.rowProblems', { count: bad.length })}>
              <ul>
                {bad.map((r) => (
                  <li key={r.line}>
                    {t('evaluation.import.row', { line: r.line })}:{' '}
                    {r.problems.map((p) => t(p.key as 'evaluation.errors.noRows', p.params)).join('; ')}
                  </li>
                ))}
              </ul>
              <p>{t('evaluation.import.nothingSaved')}</p>
            </Alert>
          ) : result.dryRun ? (
            <Alert kind="success">{t('evaluation.import.dryRunOk', { count: result.rows.length })}</Alert>
          ) : (
            <Alert kind="success">{t('evaluation.import.saved', { count: result.saved })}</Alert>
          )}
        </section>
      ) : null}
      <form method="post" action={href(`${ADMIN_PATH}/${study.id}/import`)} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <FileField
          name="file"
          label={t('evaluation.import.file')}
          hint={t('evaluation.import.fileHint')}
          accept=".csv,.xlsx"
          problems={problems}
          required
        />
        <CheckboxField name="dry_run" label={t('evaluation.import.dryRun')} hint={t('evaluation.import.dryRunHint')} checked />
        <Button>{t('evaluation.import.submit')}</Button>
      </form>
    </>
  );
}

export function FollowUpView({
  v,
  csrf,
  canManage,
  documents,
  problems,
  values,
  notice,
}: {
  v: RecommendationView;
  csrf: string;
  canManage: boolean;
  documents: readonly { id: string; title: string }[];
  problems: Problem[];
  values: Record<string, string>;
  notice: string | null;
}) {
  const { t, href } = usePage();
  const day = useDay();
  const base = recPath(v.rec.id);
  const open = !v.rec.closure;
  const pending = [...v.ratings].reverse().find((r) => r.validated_rating === null) ?? null;
  const none = { value: '', label: t('evaluation.admin.none') };
  const ratingOptions = [none, ...RATINGS.map((r) => ({ value: r, label: t(`evaluation.ratings.${r}`) }))];
  return (
    <>
      <PageHeader title={t('evaluation.admin.followUpTitle', { number: v.rec.number })} lead={v.study.title} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      <RecommendationBlock v={v} level={2} />
      {open && canManage ? (
        <p>
          <a href={href(`${base}/edycja`)}>{t('evaluation.admin.editLink', { number: v.rec.number })}</a>
        </p>
      ) : null}
      {v.ratings.length ? (
        <Table
          caption={t('evaluation.rating.history')}
          rowKey={(r) => r.id}
          rows={v.ratings}
          columns={[
            { header: t('evaluation.rating.proposedAt'), cell: (r) => day(r.proposed_at.slice(0, 10)) },
            { header: t('evaluation.rating.proposed'), cell: (r) => t(`evaluation.ratings.${r.proposed_rating}`) },
            {
              header: t('evaluation.rating.evidence'),
              cell: (r) => (
                <>
                  {r.evidence_text ? <span lang="pl">{r.evidence_text} </span> : null}
                  {r.evidence_link ? <a href={r.evidence_link}>{r.evidence_link}</a> : null}
                  {r.evidence_document_id ? (
                    <a href={href(`/dokumenty/${r.evidence_document_id}`)}>{t('evaluation.rating.document')}</a>
                  ) : null}
                </>
              ),
            },
            {
              header: t('evaluation.rating.validated'),
              cell: (r) =>
                r.validated_rating ? (
                  <>
                    {t(`evaluation.ratings.${r.validated_rating}`)}
                    {r.validated_rating !== r.proposed_rating ? <strong> — {t('evaluation.rating.differs')}</strong> : null}
                    {r.validation_note ? <span lang="pl"> ({r.validation_note})</span> : null}
                  </>
                ) : (
                  t('evaluation.rating.notValidated')
                ),
            },
          ]}
        />
      ) : null}
      {open && canManage ? (
        <section aria-labelledby="fu-response">
          <h2 id="fu-response">{t('evaluation.response.title')}</h2>
          <form method="post" action={href(`${base}/odpowiedz`)}>
            <CsrfField token={csrf} />
            <SelectField
              name="response_kind"
              label={t('evaluation.response.kind')}
              value={values.response_kind ?? v.rec.response_kind ?? ''}
              problems={problems}
              required
              options={[none, ...RESPONSE_KINDS.map((k) => ({ value: k, label: t(`evaluation.responseKinds.${k}`) }))]}
            />
            <FormField
              name="response_reason"
              label={t('evaluation.response.reason')}
              hint={t('evaluation.response.reasonHint')}
              value={values.response_reason ?? v.rec.response_reason ?? ''}
              problems={problems}
              multiline
            />
            <FormField
              name="response_text"
              label={t('evaluation.response.text')}
              value={values.response_text ?? v.rec.response_text ?? ''}
              problems={problems}
              multiline
            />
            <FormField
              name="response_due_on"
              type="date"
              label={t('evaluation.response.due')}
              hint={t('evaluation.response.dueHint', { due: day(v.responseDue) })}
              value={values.response_due_on ?? v.rec.response_due_on ?? ''}
              problems={problems}
            />
            <Button>{t('evaluation.response.submit')}</Button>
          </form>
        </section>
      ) : null}
      {open && canManage && v.actions.length ? (
        <section aria-labelledby="fu-status">
          <h2 id="fu-status">{t('evaluation.action.statusTitle')}</h2>
          {v.actions.map((a) => (
            <form key={a.id} method="post" action={href(`${ADMIN_PATH}/dzialania/${a.id}`)} class="inline-form">
              <CsrfField token={csrf} />
              <label for={`f-status-${a.id}`}>
                {t('evaluation.action.statusOf')} <span lang="pl">{a.description}</span>
              </label>
              <select id={`f-status-${a.id}`} name="status">
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s} selected={s === a.status}>
                    {t(`evaluation.actionStatuses.${s}`)}
                  </option>
                ))}
              </select>
              <Button variant="secondary">{t('evaluation.action.setStatus')}</Button>
            </form>
          ))}
        </section>
      ) : null}
      {open && canManage && (v.rec.response_kind === 'accepted' || v.rec.response_kind === 'partly_accepted') ? (
        <section aria-labelledby="fu-action">
          <h2 id="fu-action">{t('evaluation.action.add')}</h2>
          <form method="post" action={href(`${base}/dzialania`)}>
            <CsrfField token={csrf} />
            <FormField
              name="description"
              label={t('evaluation.action.description')}
              value={values.description ?? ''}
              problems={problems}
              multiline
              required
            />
            <FormField
              name="owner_unit"
              label={t('evaluation.action.ownerUnit')}
              value={values.owner_unit ?? ''}
              problems={problems}
              required
            />
            <FormField
              name="owner_person"
              label={t('evaluation.action.ownerPerson')}
              value={values.owner_person ?? ''}
              problems={problems}
              required
            />
            <FormField
              name="deadline"
              type="date"
              label={t('evaluation.action.deadline')}
              value={values.deadline ?? ''}
              problems={problems}
              required
            />
            <Button>{t('evaluation.action.submit')}</Button>
          </form>
        </section>
      ) : null}
      {open ? (
        <section aria-labelledby="fu-rating">
          <h2 id="fu-rating">{t('evaluation.rating.proposeTitle')}</h2>
          <p>{t('evaluation.rating.proposeIntro')}</p>
          <form method="post" action={href(`${base}/ocena`)}>
            <CsrfField token={csrf} />
            <SelectField
              name="proposed_rating"
              label={t('evaluation.rating.proposed')}
              value={values.proposed_rating ?? ''}
              problems={problems}
              required
              options={ratingOptions}
            />
            <FormField
              name="evidence_text"
              label={t('evaluation.rating.evidenceText')}
              value={values.evidence_text ?? ''}
              problems={problems}
              multiline
            />
            <FormField
              name="evidence_link"
              type="text"
              label={t('evaluation.rating.evidenceLink')}
              value={values.evidence_link ?? ''}
              problems={problems}
            />
            <SelectField
              name="evidence_document_id"
              label={t('evaluation.rating.evidenceDocument')}
              value={values.evidence_document_id ?? ''}
              problems={problems}
              options={[none, ...documents.map((d) => ({ value: d.id, label: d.title }))]}
            />
            <Button>{t('evaluation.rating.proposeSubmit')}</Button>
          </form>
        </section>
      ) : null}
      {open && canManage && pending ? (
        <section aria-labelledby="fu-validate">
          <h2 id="fu-validate">{t('evaluation.rating.validateTitle')}</h2>
          <p>{t('evaluation.rating.validateIntro', { rating: t(`evaluation.ratings.${pending.proposed_rating}`) })}</p>
          <form method="post" action={href(`${ADMIN_PATH}/oceny/${pending.id}/zatwierdz`)}>
            <CsrfField token={csrf} />
            <SelectField
              name="validated_rating"
              label={t('evaluation.rating.validated')}
              value={values.validated_rating ?? ''}
              problems={problems}
              required
              options={ratingOptions}
            />
            <FormField
              name="validation_note"
              label={t('evaluation.rating.note')}
              hint={t('evaluation.rating.noteHint')}
              value={values.validation_note ?? ''}
              problems={problems}
              multiline
            />
            <Button>{t('evaluation.rating.validateSubmit')}</Button>
          </form>
        </section>
      ) : null}
      {open && canManage ? (
        <>
          <section aria-labelledby="fu-close">
            <h2 id="fu-close">{t('evaluation.close.title')}</h2>
            <form method="post" action={href(`${base}/zamknij`)}>
              <CsrfField token={csrf} />
              <FormField
                name="closure_evidence"
                label={t('evaluation.close.evidence')}
                hint={t('evaluation.close.evidenceHint')}
                value={values.closure_evidence ?? ''}
                problems={problems}
                multiline
                required
              />
              <CheckboxField name="approve" label={t('evaluation.close.approve')} checked={values.approve === '1'} problems={problems} />
              <Button>{t('evaluation.close.submit')}</Button>
            </form>
          </section>
          <section aria-labelledby="fu-abandon">
            <h2 id="fu-abandon">{t('evaluation.abandon.title')}</h2>
            <form method="post" action={href(`${base}/porzuc`)}>
              <CsrfField token={csrf} />
              <FormField
                name="closure_note"
                label={t('evaluation.abandon.justification')}
                hint={t('evaluation.abandon.hint')}
                value={values.closure_note ?? ''}
                problems={problems}
                multiline
                required
              />
              <Button variant="secondary">{t('evaluation.abandon.submit')}</Button>
            </form>
          </section>
        </>
      ) : null}
    </>
  );
}
