// Views of the programme's text versions. Public: the list with a comparison form, one version's
// numbered sections (each with an anchor, and a table of contents), and the comparison of two
// versions — a summary in words of how many sections changed, were added or removed, then each
// section under its own heading with <ins>/<del> marks. Staff: the list with "new", "copy" and
// "import" forms, the preview of an imported file, and the section editor (add, edit, move, delete).
import type { Problem } from '../../core/errors/app-error.js';
import type { TextSection } from '../../core/text/sections.js';
import { WordDiff } from '../../core/ui/diff.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldShell, fieldDescription, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import type { ProgrammeRow } from './programme.service.js';
import type { VersionSource } from './programme.tables.js';
import { sectionAnchor, type Comparison, type SectionRow, type VersionRow } from './versions.service.js';

type VersionItem = VersionRow & { sections: number };

const sourceKey = (s: VersionSource) => `programme.versions.source.${s}` as const;
const headingText = (s: Pick<TextSection, 'number' | 'heading'>) =>
  s.number === '0' && !s.heading ? '' : `${s.number === '0' ? '' : `${s.number} `}${s.heading}`.trim();

function SectionHeading({ s }: { s: Pick<TextSection, 'number' | 'heading'> }) {
  const { t } = usePage();
  return <>{headingText(s) || t('text.introduction')}</>;
}

function VersionSelect({
  name,
  label,
  versions,
  selected,
}: {
  name: string;
  label: string;
  versions: readonly VersionRow[];
  selected: number | undefined;
}) {
  const id = `f-${name}`;
  return (
    <FieldShell id={id} label={label} mine={[]}>
      <select id={id} name={name}>
        {versions.map((v) => (
          <option key={v.id} value={String(v.number)} selected={v.number === selected}>
            {v.number}. {v.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function VersionsListView({ programme, versions }: { programme: ProgrammeRow; versions: readonly VersionItem[] }) {
  const { t, href, fmt } = usePage();
  const base = `/program/${programme.slug}/wersje`;
  return (
    <>
      <PageHeader title={t('programme.versions.title')} />
      <p class="lead" lang="pl">
        {programme.title}
      </p>
      {versions.length === 0 ? (
        <p>{t('programme.versions.none')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table>
              <caption>{t('programme.versions.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programme.versions.number')}</th>
                  <th scope="col">{t('programme.versions.label')}</th>
                  <th scope="col">{t('programme.versions.created')}</th>
                  <th scope="col">{t('programme.versions.sourceLabel')}</th>
                  <th scope="col" class="num">
                    {t('programme.versions.sectionCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{v.number}</th>
                    <td>
                      <a href={href(`${base}/${v.number}`)} lang="pl">
                        {v.label}
                      </a>
                    </td>
                    <td>{fmt.date(v.created_at)}</td>
                    <td>{t(sourceKey(v.source))}</td>
                    <td class="num">{fmt.number(v.sections)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {versions.length > 1 ? (
            <form method="get" action={href(`${base}/porownanie`)} class="filter-form">
              <h2>{t('programme.versions.compareTitle')}</h2>
              <VersionSelect name="z" label={t('programme.versions.from')} versions={versions} selected={versions.at(-2)?.number} />
              <VersionSelect name="do" label={t('programme.versions.to')} versions={versions} selected={versions.at(-1)?.number} />
              <Button>{t('programme.versions.compare')}</Button>
            </form>
          ) : null}
        </>
      )}
      <p>
        <a href={href(`/program/${programme.slug}`)}>{t('programme.versions.backToProgramme')}</a>
      </p>
    </>
  );
}

export function VersionTextView({
  programme,
  version,
  sections,
  versions,
}: {
  programme: ProgrammeRow;
  version: VersionRow;
  sections: readonly SectionRow[];
  versions: readonly VersionRow[];
}) {
  const { t, href, fmt } = usePage();
  const base = `/program/${programme.slug}/wersje`;
  const previous = versions.filter((v) => v.number < version.number).at(-1);
  return (
    <>
      <PageHeader title={t('programme.versions.textTitle', { number: version.number, label: version.label })} />
      <p class="lead" lang="pl">
        {programme.title}
      </p>
      <p>
        {t('programme.versions.createdOn', { date: fmt.date(version.created_at) })} {t(sourceKey(version.source))}.
      </p>
      {version.note ? (
        <Alert kind="info">
          <p lang="pl">{version.note}</p>
        </Alert>
      ) : null}
      {previous ? (
        <p>
          <a href={href(`${base}/${previous.number}/porownanie/${version.number}`)}>
            {t('programme.versions.compareWithPrevious', { number: previous.number })}
          </a>
        </p>
      ) : null}
      {sections.length === 0 ? (
        <p>{t('programme.versions.noSectionsYet')}</p>
      ) : (
        <>
          <nav aria-labelledby="toc" class="programme-toc">
            <h2 id="toc">{t('programme.versions.toc')}</h2>
            <ol class="plain" lang="pl">
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${sectionAnchor(s.number)}`}>
                    <SectionHeading s={s} />
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <div lang="pl">
            {sections.map((s) => (
              <section key={s.id} id={sectionAnchor(s.number)} aria-labelledby={`${sectionAnchor(s.number)}-h`} class="programme-section">
                <h2 id={`${sectionAnchor(s.number)}-h`}>
                  <SectionHeading s={s} />
                </h2>
                <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(s.body) }} />
              </section>
            ))}
          </div>
        </>
      )}
      <p>
        <a href={href(base)}>{t('programme.versions.backToList')}</a>
      </p>
    </>
  );
}

export function CompareView({
  programme,
  before,
  after,
  comparison,
}: {
  programme: ProgrammeRow;
  before: VersionRow;
  after: VersionRow;
  comparison: Comparison;
}) {
  const { t, href, lang } = usePage();
  const { counts, changes } = comparison;
  return (
    <>
      <PageHeader title={t('programme.versions.compareHeading', { a: before.number, b: after.number })} />
      <p class="lead" lang="pl">
        {programme.title}
      </p>
      <p>{t('programme.versions.compareWhich', { a: before.number, aLabel: before.label, b: after.number, bLabel: after.label })}</p>
      <section aria-labelledby="compare-summary">
        <h2 id="compare-summary">{t('programme.versions.summaryTitle')}</h2>
        <ul>
          <li>{t('programme.versions.countChanged', { count: counts.changed })}</li>
          <li>{t('programme.versions.countAdded', { count: counts.added })}</li>
          <li>{t('programme.versions.countRemoved', { count: counts.removed })}</li>
          <li>{t('programme.versions.countUnchanged', { count: counts.unchanged })}</li>
        </ul>
        <p>{t('programme.versions.legend')}</p>
      </section>
      <div lang="pl">
        {changes.map((c, i) => {
          const s = (c.after ?? c.before)!;
          const id = `zmiana-${i + 1}`;
          return (
            <section key={i} aria-labelledby={id} class={`programme-change programme-change--${c.kind}`}>
              <h2 id={id}>{c.kind === 'changed' ? <WordDiff parts={c.heading} /> : <SectionHeading s={s} />}</h2>
              <p class="programme-change__kind">
                <strong lang={lang}>{t(`programme.versions.kind.${c.kind}`)}</strong>
              </p>
              {c.kind === 'unchanged' ? null : (
                <div class="programme-diff">
                  <WordDiff parts={c.body} />
                </div>
              )}
            </section>
          );
        })}
      </div>
      <p>
        <a href={href(`/program/${programme.slug}/wersje`)}>{t('programme.versions.backToList')}</a>
      </p>
    </>
  );
}

// --- staff ---------------------------------------------------------------------------------------

export function VersionsAdminView({
  programme,
  versions,
  csrf,
  problems = [],
  values = {},
  notice,
}: {
  programme: ProgrammeRow;
  versions: readonly VersionItem[];
  csrf: string;
  problems?: Problem[];
  values?: Record<string, string>;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  const base = `/admin/program/${programme.id}/wersje`;
  const v = (k: string) => values[k] ?? '';
  const form = values.form ?? '';
  const mine = (f: string) => (form === f ? problems : []);
  return (
    <>
      <PageHeader title={t('programme.versions.adminTitle')} />
      <p class="lead">{programme.title}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {versions.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t('programme.versions.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.versions.number')}</th>
                <th scope="col">{t('programme.versions.label')}</th>
                <th scope="col">{t('programme.versions.created')}</th>
                <th scope="col">{t('programme.versions.sourceLabel')}</th>
                <th scope="col" class="num">
                  {t('programme.versions.sectionCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.number}</th>
                  <td>
                    <a href={href(`${base}/${x.number}`)}>{x.label}</a>
                  </td>
                  <td>{fmt.date(x.created_at)}</td>
                  <td>{t(sourceKey(x.source))}</td>
                  <td class="num">{fmt.number(x.sections)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('programme.versions.none')}</p>
      )}
      <section aria-labelledby="new-version">
        <h2 id="new-version">{t('programme.versions.newTitle')}</h2>
        <p>{t('programme.versions.newHint')}</p>
        <ErrorSummary problems={mine('new')} fieldIds={{ label: 'f-new-label', note: 'f-new-note' }} />
        <form method="post" action={href(`${base}/nowa`)} novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="form" value="new" />
          <MetaFields prefix="new" values={form === 'new' ? values : {}} problems={mine('new')} />
          {versions.length ? (
            <FieldShell id="f-copy" label={t('programme.versions.copyFrom')} hint={t('programme.versions.copyFromHint')} mine={[]}>
              <select id="f-copy" name="copy" aria-describedby="f-copy-hint">
                <option value="">{t('programme.versions.copyNone')}</option>
                {versions.map((x) => (
                  <option key={x.id} value={String(x.number)} selected={v('copy') === String(x.number)}>
                    {x.number}. {x.label}
                  </option>
                ))}
              </select>
            </FieldShell>
          ) : null}
          <Button>{t('programme.versions.create')}</Button>
        </form>
      </section>
      <section aria-labelledby="import-version">
        <h2 id="import-version">{t('programme.versions.importTitle')}</h2>
        <p>{t('programme.versions.importHint')}</p>
        <ErrorSummary problems={mine('import')} fieldIds={{ label: 'f-import-label', note: 'f-import-note', file: 'f-file' }} />
        <form method="post" action={href(`${base}/import`)} enctype="multipart/form-data" novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="form" value="import" />
          <MetaFields prefix="import" values={form === 'import' ? values : {}} problems={mine('import')} />
          <FileField problems={mine('import')} />
          <Button>{t('programme.versions.preview')}</Button>
        </form>
      </section>
      <p>
        <a href={href('/admin/program')}>{t('programme.admin.backToList')}</a>
      </p>
    </>
  );
}

function FileField({ problems }: { problems: Problem[] }) {
  const { t } = usePage();
  const id = 'f-file';
  const mine = problems.filter((p) => p.field === 'file');
  const hint = t('programme.versions.fileHint');
  return (
    <FieldShell id={id} label={t('programme.versions.file')} hint={hint} mine={mine} required>
      <input
        type="file"
        id={id}
        name="file"
        accept=".md,.markdown,.txt,.docx,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-describedby={fieldDescription(id, hint, mine)}
        aria-invalid={mine.length ? 'true' : undefined}
      />
    </FieldShell>
  );
}

/** Label and note; ids carry a prefix because two forms on one page ask for them. */
function MetaFields({ prefix, values, problems }: { prefix: string; values: Record<string, string>; problems: Problem[] }) {
  const { t } = usePage();
  const field = (name: 'label' | 'note', label: string, multiline: boolean, hint?: string) => {
    const id = `f-${prefix}-${name}`;
    const mine = problems.filter((p) => p.field === name);
    const describedBy = fieldDescription(id, hint, mine);
    return (
      <FieldShell id={id} label={label} hint={hint} mine={mine} required={name === 'label'}>
        {multiline ? (
          <textarea id={id} name={name} rows={3} aria-describedby={describedBy} aria-invalid={mine.length ? 'true' : undefined}>
            {values[name] ?? ''}
          </textarea>
        ) : (
          <input
            id={id}
            name={name}
            type="text"
            value={values[name] ?? ''}
            maxLength={200}
            aria-describedby={describedBy}
            aria-invalid={mine.length ? 'true' : undefined}
          />
        )}
      </FieldShell>
    );
  };
  return (
    <>
      {field('label', t('programme.versions.label'), false, t('programme.versions.labelHint'))}
      {field('note', t('programme.versions.note'), true)}
    </>
  );
}

export function ImportPreviewView({
  programme,
  sections,
  problems,
  carried,
  source,
  meta,
  csrf,
}: {
  programme: ProgrammeRow;
  sections: readonly TextSection[];
  problems: Problem[];
  carried: string;
  source: 'markdown' | 'docx';
  meta: { label: string; note: string | null };
  csrf: string;
}) {
  const { t, href } = usePage();
  const base = `/admin/program/${programme.id}/wersje`;
  return (
    <>
      <PageHeader title={t('programme.versions.previewTitle')} />
      <p class="lead">{programme.title}</p>
      <ErrorSummary problems={problems} linkFields={false} />
      <p>{t('programme.versions.previewLead', { count: sections.length, source: t(sourceKey(source)) })}</p>
      <ol class="programme-preview" lang="pl">
        {sections.map((s, i) => (
          <li key={i}>
            <h2>
              <SectionHeading s={s} />
            </h2>
            <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(s.body) }} />
          </li>
        ))}
      </ol>
      {problems.length === 0 ? (
        <form method="post" action={href(`${base}/nowa`)}>
          <CsrfField token={csrf} />
          <input type="hidden" name="form" value="import" />
          <input type="hidden" name="label" value={meta.label} />
          <input type="hidden" name="note" value={meta.note ?? ''} />
          <input type="hidden" name="source" value={source} />
          <input type="hidden" name="text" value={carried} />
          <Button>{t('programme.versions.saveImported')}</Button>
        </form>
      ) : null}
      <p>
        <a href={href(base)}>{t('programme.versions.cancelImport')}</a>
      </p>
    </>
  );
}

function SectionFields({
  section,
  values,
  problems,
  prefix,
}: {
  section: SectionRow | null;
  values: Record<string, string>;
  problems: Problem[];
  prefix: string;
}) {
  const { t } = usePage();
  const v = (k: 'number' | 'heading' | 'body') => values[k] ?? (section ? section[k] : '');
  const input = (name: 'number' | 'heading', label: string, max: number, hint?: string) => {
    const id = `f-${prefix}-${name}`;
    const mine = problems.filter((p) => p.field === name);
    return (
      <FieldShell id={id} label={label} hint={hint} mine={mine} required>
        <input
          id={id}
          name={name}
          type="text"
          value={v(name)}
          maxLength={max}
          aria-describedby={fieldDescription(id, hint, mine)}
          aria-invalid={mine.length ? 'true' : undefined}
        />
      </FieldShell>
    );
  };
  const bodyId = `f-${prefix}-body`;
  const bodyMine = problems.filter((p) => p.field === 'body');
  const bodyHint = t('programme.versions.sectionBodyHint');
  return (
    <>
      {input('number', t('programme.versions.sectionNumber'), 40, t('programme.versions.sectionNumberHint'))}
      {input('heading', t('programme.versions.sectionHeading'), 500)}
      <FieldShell id={bodyId} label={t('programme.versions.sectionBody')} hint={bodyHint} mine={bodyMine}>
        <textarea
          id={bodyId}
          name="body"
          rows={8}
          aria-describedby={fieldDescription(bodyId, bodyHint, bodyMine)}
          aria-invalid={bodyMine.length ? 'true' : undefined}
        >
          {v('body')}
        </textarea>
      </FieldShell>
    </>
  );
}

export function VersionEditView({
  programme,
  version,
  sections,
  csrf,
  notice,
  failed,
  nextNumber,
}: {
  programme: ProgrammeRow;
  version: VersionRow;
  sections: readonly SectionRow[];
  csrf: string;
  notice: string | null;
  /** The form that failed: `meta`, `new` or a section id, with its values and problems. */
  failed: { form: string; values: Record<string, string>; problems: Problem[] } | null;
  nextNumber: string;
}) {
  const { t, href } = usePage();
  const base = `/admin/program/${programme.id}/wersje/${version.number}`;
  const problemsOf = (form: string) => (failed?.form === form ? failed.problems : []);
  const valuesOf = (form: string) => (failed?.form === form ? failed.values : {});
  const ids = (prefix: string) => ({
    number: `f-${prefix}-number`,
    heading: `f-${prefix}-heading`,
    body: `f-${prefix}-body`,
    label: `f-${prefix}-label`,
    note: `f-${prefix}-note`,
  });
  return (
    <>
      <PageHeader title={t('programme.versions.editTitle', { number: version.number })} />
      <p class="lead">{programme.title}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {failed && sections.some((s) => s.id === failed.form) ? (
        <ErrorSummary problems={failed.problems} fieldIds={ids(`s${sections.findIndex((s) => s.id === failed.form) + 1}`)} />
      ) : null}
      <p>
        <a href={href(`/program/${programme.slug}/wersje/${version.number}`)}>{t('programme.versions.publicLink')}</a>
      </p>
      <section aria-labelledby="meta">
        <h2 id="meta">{t('programme.versions.metaTitle')}</h2>
        <ErrorSummary problems={problemsOf('meta')} fieldIds={ids('meta')} />
        <form method="post" action={href(base)} novalidate>
          <CsrfField token={csrf} />
          <MetaFields
            prefix="meta"
            values={failed?.form === 'meta' ? failed.values : { label: version.label, note: version.note ?? '' }}
            problems={problemsOf('meta')}
          />
          <Button>{t('programme.save')}</Button>
        </form>
      </section>
      <section aria-labelledby="sections">
        <h2 id="sections">{t('programme.versions.sectionsTitle')}</h2>
        {sections.length === 0 ? <p>{t('programme.versions.noSectionsYet')}</p> : null}
        <ol class="programme-section-editor">
          {sections.map((s, i) => {
            const prefix = `s${i + 1}`;
            const name = headingText(s) || t('text.introduction');
            return (
              <li key={s.id}>
                <h3 id={`${prefix}-h`}>{name}</h3>
                <form method="post" action={href(`${base}/sekcje/${s.id}`)} novalidate aria-labelledby={`${prefix}-h`}>
                  <CsrfField token={csrf} />
                  <SectionFields section={s} values={valuesOf(s.id)} problems={problemsOf(s.id)} prefix={prefix} />
                  <Button>
                    {t('programme.versions.saveSection')}
                    <span class="visually-hidden">: {name}</span>
                  </Button>
                </form>
                <div class="actions">
                  {i > 0 ? (
                    <SectionButton
                      action={`${base}/sekcje/${s.id}/przesun`}
                      csrf={csrf}
                      name="kierunek"
                      value="gora"
                      label={t('programme.structure.moveUp')}
                      target={name}
                    />
                  ) : null}
                  {i < sections.length - 1 ? (
                    <SectionButton
                      action={`${base}/sekcje/${s.id}/przesun`}
                      csrf={csrf}
                      name="kierunek"
                      value="dol"
                      label={t('programme.structure.moveDown')}
                      target={name}
                    />
                  ) : null}
                  <SectionButton
                    action={`${base}/sekcje/${s.id}/usun`}
                    csrf={csrf}
                    label={t('programme.versions.deleteSection')}
                    target={name}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="add-section">
        <h2 id="add-section">{t('programme.versions.addSection')}</h2>
        <ErrorSummary problems={problemsOf('new')} fieldIds={ids('add')} />
        <form method="post" action={href(`${base}/sekcje`)} novalidate>
          <CsrfField token={csrf} />
          <SectionFields
            section={null}
            values={failed?.form === 'new' ? failed.values : { number: nextNumber }}
            problems={problemsOf('new')}
            prefix="add"
          />
          <Button>{t('programme.versions.addSection')}</Button>
        </form>
      </section>
      <p>
        <a href={href(`/admin/program/${programme.id}/wersje`)}>{t('programme.versions.backToList')}</a>
      </p>
    </>
  );
}

function SectionButton({
  action,
  csrf,
  name,
  value,
  label,
  target,
}: {
  action: string;
  csrf: string;
  name?: string;
  value?: string;
  label: string;
  target: string;
}) {
  const { href } = usePage();
  return (
    <form method="post" action={href(action)} class="inline-form">
      <CsrfField token={csrf} />
      {name ? <input type="hidden" name={name} value={value} /> : null}
      <button type="submit" class="toggle">
        {label}
        <span class="visually-hidden">: {target}</span>
      </button>
    </form>
  );
}
