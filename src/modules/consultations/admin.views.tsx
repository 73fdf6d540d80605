// Staff views of consultations: the list, the form (new and edit; the text only on creation), the
// overview with the report's publication, the library documents (the portal's picker), the comments with the "still lacking a response" filter,
// one comment with its response form (optionally for a group), hiding, erasure, the next version
// of the text and the retention setting.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { authorName } from './comments.service.js';
import type { CommentWithResponse, ConsultationRow, SectionRow } from './consultations.repo.js';
import type { Phase } from './consultations.phase.js';
import { CheckboxField, DateTimeField, FileField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import { PhaseText } from './public.views.js';
import { sectionLabel } from './report.js';
import { LibraryDocumentsPage, type AttachedDocument, type DocumentPick } from '../portal/index.js';

const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function AdminListView({
  items,
  erasureRequests,
}: {
  items: { c: ConsultationRow; phase: Phase; comments: number }[];
  erasureRequests: number;
}) {
  const { t, href, fmt, user } = usePage();
  const manager = user?.roles.some((r) => r.role === 'coordinator' || r.role === 'administrator') ?? false;
  return (
    <>
      <PageHeader title={t('consultations.admin.title')} />
      {manager ? (
        <ul class="consultation-actions">
          <li>
            <a href={href('/admin/konsultacje/nowa')}>{t('consultations.admin.new')}</a>
          </li>
          <li>
            <a href={href('/admin/konsultacje/ustawienia')}>{t('consultations.settings.title')}</a>
          </li>
        </ul>
      ) : null}
      {erasureRequests > 0 ? (
        <Alert kind="warning">
          <p>{t('consultations.admin.erasureRequests', { count: erasureRequests })}</p>
        </Alert>
      ) : null}
      {items.length ? (
        <Table
          caption={t('consultations.admin.caption')}
          rowKey={(r) => r.c.id}
          rows={items}
          columns={[
            { header: t('consultations.form.title'), cell: (r) => <a href={href(`/admin/konsultacje/${r.c.id}`)}>{r.c.title}</a> },
            { header: t('consultations.phase'), cell: (r) => <PhaseText phase={r.phase} /> },
            { header: t('consultations.form.startsAt'), cell: (r) => fmt.dateTime(r.c.starts_at) },
            { header: t('consultations.form.endsAt'), cell: (r) => fmt.dateTime(r.c.ends_at) },
            {
              header: t('consultations.admin.confirmedComments'),
              cell: (r) => <a href={href(`/admin/konsultacje/${r.c.id}/uwagi`)}>{fmt.number(r.comments)}</a>,
              numeric: true,
            },
          ]}
        />
      ) : (
        <p>{t('consultations.noneHere')}</p>
      )}
    </>
  );
}

function SourceFields({
  values,
  problems,
  versions,
  label,
}: {
  values: Record<string, string | undefined>;
  problems: Problem[];
  versions: { id: string; label: string }[];
  label: string;
}) {
  const { t } = usePage();
  return (
    <fieldset>
      <legend>{label}</legend>
      <RadioGroup
        name="source"
        legend={t('consultations.form.sourceKind')}
        options={[
          { value: 'programme', label: t('consultations.form.sourceProgramme') },
          { value: 'text', label: t('consultations.form.sourceText') },
          { value: 'docx', label: t('consultations.form.sourceDocx') },
        ]}
        value={values.source ?? ''}
        problems={problems}
      />
      {/* public/js/consultations-forms.js hides the fields of the other sources; without it all stay, each labelled. */}
      <div data-shown-when="source=programme">
        <SelectField
          name="version_id"
          label={t('consultations.form.version')}
          options={[{ value: '', label: t('consultations.form.noVersion') }, ...versions.map((v) => ({ value: v.id, label: v.label }))]}
          value={values.version_id ?? ''}
          problems={problems}
        />
      </div>
      <div data-shown-when="source=text">
        <FormField
          name="text"
          label={t('consultations.form.text')}
          hint={t('consultations.form.textHint')}
          multiline
          rows={14}
          value={values.text ?? ''}
          problems={problems}
        />
      </div>
      <div data-shown-when="source=docx">
        <FileField
          name="file"
          label={t('consultations.form.file')}
          hint={t('consultations.form.fileHint')}
          accept={DOCX_ACCEPT}
          problems={problems}
        />
      </div>
      <script src="/assets/js/consultations-forms.js" defer />
    </fieldset>
  );
}

export function ConsultationFormView({
  id,
  values,
  problems,
  csrf,
  versions,
  saved,
}: {
  id: string | null;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  versions: { id: string; label: string }[];
  saved?: boolean;
}) {
  const { t, href } = usePage();
  const action = id ? `/admin/konsultacje/${id}/edycja` : '/admin/konsultacje/nowa';
  return (
    <>
      <PageHeader title={id ? t('consultations.admin.edit') : t('consultations.admin.new')} />
      {saved ? (
        <Alert kind="success">
          <p>{t('consultations.admin.saved')}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} enctype={id ? undefined : 'multipart/form-data'} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="title"
          label={t('consultations.form.title')}
          required
          maxLength={300}
          value={values.title ?? ''}
          problems={problems}
        />
        <FormField
          name="description"
          label={t('consultations.form.description')}
          hint={t('consultations.form.markdownHint')}
          required
          multiline
          rows={6}
          value={values.description ?? ''}
          problems={problems}
        />
        <RadioGroup
          name="who_may_comment"
          legend={t('consultations.form.who')}
          options={[
            { value: 'everyone', label: t('consultations.whoOptions.everyone') },
            { value: 'organisations', label: t('consultations.whoOptions.organisations') },
          ]}
          value={values.who_may_comment ?? 'everyone'}
          problems={problems}
        />
        <DateTimeField
          name="starts_at"
          label={t('consultations.form.startsAt')}
          hint={t('consultations.form.timeHint')}
          required
          value={values.starts_at ?? ''}
          problems={problems}
        />
        <DateTimeField
          name="ends_at"
          label={t('consultations.form.endsAt')}
          hint={t('consultations.form.timeHint')}
          required
          value={values.ends_at ?? ''}
          problems={problems}
        />
        {id ? null : <SourceFields values={values} problems={problems} versions={versions} label={t('consultations.form.source')} />}
        <FormField
          name="clause"
          label={t('consultations.form.clause')}
          hint={t('consultations.form.clauseHint')}
          required
          multiline
          rows={8}
          value={values.clause ?? ''}
          problems={problems}
        />
        <CheckboxField
          name="is_comments_public"
          label={t('consultations.form.commentsPublic')}
          hint={t('consultations.form.commentsPublicHint')}
          checked={values.is_comments_public === '1'}
          problems={problems}
        />
        <CheckboxField
          name="is_published"
          label={t('consultations.form.published')}
          hint={t('consultations.form.publishedHint')}
          checked={values.is_published === '1'}
          problems={problems}
        />
        <Button>{t('consultations.form.save')}</Button>
      </form>
    </>
  );
}

export function OverviewView({
  c,
  phase,
  counts,
  csrf,
  problems,
  notice,
}: {
  c: ConsultationRow;
  phase: Phase;
  counts: { confirmed: number; lacking: number; sections: number; nextSections: number; documents: number };
  csrf: string;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href, fmt, user } = usePage();
  const manager = user?.roles.some((r) => r.role === 'coordinator' || r.role === 'administrator') ?? false;
  return (
    <>
      <PageHeader title={c.title} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} linkFields={false} />
      <dl class="consultation-facts">
        <dt>{t('consultations.phase')}</dt>
        <dd>
          <PhaseText phase={phase} />
        </dd>
        <dt>{t('consultations.period')}</dt>
        <dd>
          {fmt.dateTime(c.starts_at)} – {fmt.dateTime(c.ends_at)} ({t('consultations.warsawTime')})
        </dd>
        <dt>{t('consultations.admin.sections')}</dt>
        <dd>{fmt.number(counts.sections)}</dd>
        <dt>{t('consultations.admin.confirmedComments')}</dt>
        <dd>{fmt.number(counts.confirmed)}</dd>
        <dt>{t('consultations.admin.lacking')}</dt>
        <dd>{fmt.number(counts.lacking)}</dd>
        <dt>{t('consultations.admin.documents')}</dt>
        <dd>{fmt.number(counts.documents)}</dd>
      </dl>
      <ul class="consultation-actions">
        <li>
          <a href={href(`/admin/konsultacje/${c.id}/uwagi`)}>{t('consultations.admin.comments')}</a>
        </li>
        {manager ? (
          <li>
            <a href={href(`/admin/konsultacje/${c.id}/edycja`)}>{t('consultations.admin.edit')}</a>
          </li>
        ) : null}
        {manager ? (
          <li>
            <a href={href(`/admin/konsultacje/${c.id}/dokumenty`)}>{t('consultations.admin.documents')}</a>
          </li>
        ) : null}
        {manager && (phase === 'closed' || phase === 'report') ? (
          <li>
            <a href={href(`/admin/konsultacje/${c.id}/nowa-wersja`)}>{t('consultations.next.title')}</a>
          </li>
        ) : null}
        {c.is_published ? (
          <li>
            <a href={href(`/konsultacje/${c.id}`)}>{t('consultations.admin.publicPage')}</a>
          </li>
        ) : null}
        {counts.nextSections > 0 ? (
          <li>
            <a href={href(`/konsultacje/${c.id}/zmiany`)}>{t('consultations.changes.link')}</a>
          </li>
        ) : null}
      </ul>
      {manager && phase === 'closed' ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{t('consultations.admin.publishTitle')}</h2>
          <p>
            {counts.lacking > 0
              ? t('consultations.admin.publishBlocked', { count: counts.lacking })
              : t('consultations.admin.publishIntro')}
          </p>
          <p>
            <a href={href(`/konsultacje/${c.id}/raport?podglad=1`)}>{t('consultations.admin.preview')}</a>
          </p>
          <form method="post" action={href(`/admin/konsultacje/${c.id}/raport`)}>
            <CsrfField token={csrf} />
            <Button>{t('consultations.admin.publish')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** The consultation's library documents: the portal's picker (attached ones, a search by title, attach and detach buttons). */
export function DocumentsView({
  c,
  attached,
  q,
  offered,
  notice,
  problems,
  csrf,
}: {
  c: ConsultationRow;
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
      title={`${t('consultations.admin.documentsTitle')}: ${c.title}`}
      lead={t('consultations.admin.documentsIntro')}
      notice={notice}
      path={`/admin/konsultacje/${c.id}/dokumenty`}
      attached={attached}
      noneText={t('consultations.admin.documentsNone')}
      q={q}
      offered={offered}
      problems={problems}
      csrf={csrf}
    />
  );
}

export function CommentsView({
  c,
  comments,
  numbers,
  lackingOnly,
  sections,
}: {
  c: ConsultationRow;
  comments: CommentWithResponse[];
  numbers: Map<string, number>;
  lackingOnly: boolean;
  sections: Map<string, SectionRow>;
}) {
  const { t, href, lang } = usePage();
  const base = `/admin/konsultacje/${c.id}/uwagi`;
  return (
    <>
      <PageHeader title={t('consultations.admin.commentsOf', { title: c.title })} />
      <nav aria-label={t('consultations.admin.filter')}>
        <ul class="consultation-actions">
          <li>
            <a href={href(base)} aria-current={lackingOnly ? undefined : 'page'}>
              {t('consultations.admin.all')}
            </a>
          </li>
          <li>
            <a href={href(`${base}?brak=1`)} aria-current={lackingOnly ? 'page' : undefined}>
              {t('consultations.admin.lackingOnly')}
            </a>
          </li>
        </ul>
      </nav>
      {comments.length ? (
        <Table
          caption={
            lackingOnly
              ? t('consultations.admin.lackingCaption', { count: comments.length })
              : t('consultations.admin.commentsCaption', { count: comments.length })
          }
          rowKey={(r) => r.id}
          rows={comments}
          columns={[
            {
              header: t('consultations.report.no'),
              cell: (r) => <a href={href(`${base}/${r.id}`)}>{t('consultations.admin.commentNo', { no: numbers.get(r.id) ?? 0 })}</a>,
            },
            {
              header: t('consultations.report.section'),
              cell: (r) => (r.section_id ? sectionLabel(t, sections.get(r.section_id)) : t('consultations.comment.general')),
            },
            { header: t('consultations.report.author'), cell: (r) => (r.is_erased ? t('consultations.admin.erased') : authorName(r)) },
            {
              header: t('consultations.report.comment'),
              cell: (r) => (
                <span class="consultation-text" lang={lang === 'en' ? 'pl' : undefined}>
                  {r.justification.length > 200 ? `${r.justification.slice(0, 200)}…` : r.justification}
                </span>
              ),
            },
            {
              header: t('consultations.report.response'),
              cell: (r) => (r.response_kind ? t(`consultations.responseKinds.${r.response_kind}`) : t('consultations.report.noResponse')),
            },
            {
              header: t('consultations.admin.state'),
              cell: (r) =>
                [
                  r.is_hidden ? t('consultations.admin.hidden') : null,
                  r.erasure_requested_at && !r.is_erased ? t('consultations.admin.erasureRequested') : null,
                ]
                  .filter(Boolean)
                  .join('; ') || '—',
            },
          ]}
        />
      ) : (
        <p>{lackingOnly ? t('consultations.admin.noneLacking') : t('consultations.admin.noComments')}</p>
      )}
    </>
  );
}

export function CommentView({
  c,
  comment,
  no,
  section,
  others,
  numbers,
  clauseVersion,
  values,
  problems,
  csrf,
  notice,
  canManage,
}: {
  c: ConsultationRow;
  comment: CommentWithResponse;
  no: number;
  section: SectionRow | undefined;
  others: CommentWithResponse[];
  numbers: Map<string, number>;
  clauseVersion: number;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  notice: string | null;
  canManage: boolean;
}) {
  const { t, href, fmt, lang } = usePage();
  const base = `/admin/konsultacje/${c.id}/uwagi/${comment.id}`;
  const pl = lang === 'en' ? 'pl' : undefined;
  const grouped = others.filter((o) => o.response_id && o.response_id === comment.response_id);
  return (
    <>
      <PageHeader title={t('consultations.admin.commentNo', { no })} />
      <p>
        <a href={href(`/admin/konsultacje/${c.id}/uwagi`)}>{t('consultations.admin.backToComments')}</a>
      </p>
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={problems} />
      <dl class="consultation-facts">
        <dt>{t('consultations.comment.section')}</dt>
        <dd lang={pl}>{section ? sectionLabel(t, section) : t('consultations.comment.general')}</dd>
        <dt>{t('consultations.comment.proposedChange')}</dt>
        <dd class="consultation-text" lang={pl}>
          {comment.proposed_change ?? '—'}
        </dd>
        <dt>{t('consultations.comment.justification')}</dt>
        <dd class="consultation-text" lang={pl}>
          {comment.justification}
        </dd>
        <dt>{t('consultations.comment.author')}</dt>
        <dd>
          {comment.is_erased
            ? t('consultations.admin.erased')
            : `${authorName(comment)} (${t(`consultations.authorKinds.${comment.author_kind}`)})`}
        </dd>
        {canManage && comment.email ? (
          <>
            <dt>{t('consultations.comment.email')}</dt>
            <dd>{comment.email}</dd>
          </>
        ) : null}
        <dt>{t('consultations.admin.confirmedAt')}</dt>
        <dd>{comment.confirmed_at ? fmt.dateTime(comment.confirmed_at) : '—'}</dd>
        <dt>{t('consultations.admin.clauseAccepted')}</dt>
        <dd>{t('consultations.admin.clauseVersion', { version: clauseVersion })}</dd>
        {comment.is_hidden ? (
          <>
            <dt>{t('consultations.admin.hidden')}</dt>
            <dd>{comment.hidden_reason}</dd>
          </>
        ) : null}
      </dl>
      {canManage ? (
        <section aria-labelledby="respond-title">
          <h2 id="respond-title">{t('consultations.respond.title')}</h2>
          {comment.response_kind ? (
            <p>
              {t('consultations.respond.current')}: {t(`consultations.responseKinds.${comment.response_kind}`)} —{' '}
              <span lang={pl}>{comment.response_justification}</span>
              {grouped.length ? (
                <> ({t('consultations.respond.groupWith', { list: grouped.map((g) => numbers.get(g.id)).join(', ') })})</>
              ) : null}
            </p>
          ) : null}
          {c.is_report_published ? (
            <p>{t('consultations.respond.locked')}</p>
          ) : (
            <form method="post" action={href(`${base}/odpowiedz`)} novalidate>
              <CsrfField token={csrf} />
              <RadioGroup
                name="kind"
                legend={t('consultations.respond.kind')}
                options={(['accepted', 'partly_accepted', 'not_accepted', 'explanation'] as const).map((k) => ({
                  value: k,
                  label: t(`consultations.responseKinds.${k}`),
                }))}
                value={values.kind ?? comment.response_kind ?? ''}
                problems={problems}
              />
              <FormField
                name="justification"
                label={t('consultations.respond.justification')}
                multiline
                rows={6}
                required
                value={values.justification ?? comment.response_justification ?? ''}
                problems={problems}
              />
              {others.length ? (
                <fieldset>
                  <legend>{t('consultations.respond.alsoLegend')}</legend>
                  <p class="hint">{t('consultations.respond.alsoHint')}</p>
                  {others.map((o) => (
                    <CheckboxField
                      key={o.id}
                      name="also"
                      idSuffix={o.id}
                      value={o.id}
                      label={`${t('consultations.admin.commentNo', { no: numbers.get(o.id) ?? 0 })}: ${o.justification.slice(0, 120)}${o.justification.length > 120 ? '…' : ''}`}
                      checked={Boolean(o.response_id && o.response_id === comment.response_id)}
                    />
                  ))}
                </fieldset>
              ) : null}
              <Button>{t('consultations.respond.save')}</Button>
            </form>
          )}
        </section>
      ) : null}
      <section aria-labelledby="hide-title">
        <h2 id="hide-title">{t('consultations.hide.title')}</h2>
        <form method="post" action={href(`${base}/ukryj`)} novalidate>
          <CsrfField token={csrf} />
          {comment.is_hidden ? (
            <>
              <input type="hidden" name="unhide" value="1" />
              <Button variant="secondary">{t('consultations.hide.unhide')}</Button>
            </>
          ) : (
            <>
              <FormField
                name="reason"
                label={t('consultations.hide.reason')}
                hint={t('consultations.hide.reasonHint')}
                required
                maxLength={500}
                value={values.reason ?? ''}
                problems={problems}
              />
              <Button variant="secondary">{t('consultations.hide.submit')}</Button>
            </>
          )}
        </form>
      </section>
      {canManage && !comment.is_erased ? (
        <section aria-labelledby="erase-title">
          <h2 id="erase-title">{t('consultations.erase.title')}</h2>
          <p>
            {comment.erasure_requested_at
              ? t('consultations.erase.requested', { at: fmt.dateTime(comment.erasure_requested_at) })
              : t('consultations.erase.intro')}
          </p>
          <form method="post" action={href(`${base}/usun-dane`)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('consultations.erase.submit')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function NextTextView({
  c,
  values,
  problems,
  csrf,
  versions,
  current,
}: {
  c: ConsultationRow;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  versions: { id: string; label: string }[];
  current: number;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('consultations.next.title')} />
      <p>{t('consultations.next.intro', { title: c.title })}</p>
      {current > 0 ? <p>{t('consultations.next.replaces', { count: current })}</p> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/admin/konsultacje/${c.id}/nowa-wersja`)} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <SourceFields values={values} problems={problems} versions={versions} label={t('consultations.next.source')} />
        <Button>{t('consultations.next.save')}</Button>
      </form>
    </>
  );
}

export function SettingsView({
  months,
  clause,
  values,
  problems,
  csrf,
  saved,
}: {
  months: number;
  clause: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  saved: boolean;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('consultations.settings.title')} />
      {saved ? (
        <Alert kind="success">
          <p>{t('consultations.admin.saved')}</p>
        </Alert>
      ) : null}
      <p>{t('consultations.settings.intro')}</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/admin/konsultacje/ustawienia')} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="months"
          label={t('consultations.settings.months')}
          hint={t('consultations.settings.monthsHint')}
          inputMode="numeric"
          required
          value={values.months ?? String(months)}
          problems={problems}
        />
        <FormField
          name="clause"
          label={t('consultations.settings.clause')}
          hint={t('consultations.settings.clauseHint')}
          required
          multiline
          rows={12}
          value={values.clause ?? clause}
          problems={problems}
        />
        <Button>{t('consultations.form.save')}</Button>
      </form>
    </>
  );
}
