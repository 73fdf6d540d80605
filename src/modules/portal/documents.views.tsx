// Views of the document library: the public list by category, one document with its versions,
// the download links ("PDF, 1,2 MB"), and the editors' list and forms.
import type { Problem } from '../../core/errors/app-error.js';
import { Button, CsrfField, ErrorSummary, FormField, Pagination, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { DeleteForm, Notice } from './content.views.js';
import { DOCUMENT_LANGS, type DocumentWithFiles, type FileHead } from './documents.service.js';
import { formatSize } from '../../core/http/uploads.js';
import { CheckboxField, FileField, PolishOnlyNote, SelectField } from './portal.ui.js';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from './portal.tables.js';

const ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,.csv,.zip,application/pdf,application/zip,text/csv';

function title(d: { title_pl: string; title_en: string | null }, lang: string): { text: string; fallback: boolean } {
  return lang === 'en' && d.title_en ? { text: d.title_en, fallback: false } : { text: d.title_pl, fallback: lang === 'en' };
}

function description(d: { description_pl: string; description_en: string | null }, lang: string): string {
  return lang === 'en' && d.description_en ? d.description_en : d.description_pl;
}

/** "Pobierz: PDF, 1,2 MB" with the file's type and size in the link text. */
export function FileLink({ href: target, kind, size, label }: { href: string; kind: string; size: number; label: string }) {
  const { t, href, fmt } = usePage();
  return (
    <a href={href(target)} class="portal-download" download>
      {label} <span class="portal-download__meta">({t('documents.typeAndSize', { kind, size: formatSize(size, fmt.locale) })})</span>
    </a>
  );
}

function versionLabel(f: FileHead, lang: string): string {
  return lang === 'en' && f.label_en ? f.label_en : f.label_pl;
}

export function DocumentsListView({
  items,
  total,
  page,
  pages,
  category,
}: {
  items: DocumentWithFiles[];
  total: number;
  page: number;
  pages: number;
  category: DocumentCategory | null;
}) {
  const { t, href, lang, fmt } = usePage();
  const link = (p: number, c: DocumentCategory | null = category) => {
    const q = new URLSearchParams();
    if (c) q.set('kategoria', c);
    if (p > 1) q.set('strona', String(p));
    const s = q.toString();
    return href(`/dokumenty${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <PageHeader title={category ? `${t('documents.title')}: ${t(`documents.categories.${category}`)}` : t('documents.title')} />
      <p>{t('documents.intro')}</p>
      <nav aria-label={t('documents.categoriesNav')} class="portal-filter">
        <ul>
          <li>
            <a href={link(1, null)} aria-current={category === null ? 'page' : undefined}>
              {t('documents.allCategories')}
            </a>
          </li>
          {DOCUMENT_CATEGORIES.map((c) => (
            <li key={c}>
              <a href={link(1, c)} aria-current={category === c ? 'page' : undefined}>
                {t(`documents.categories.${c}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t('count.results', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul class="portal-doc-list">
          {items.map((d) => {
            const tt = title(d, lang);
            const newest = d.files[0];
            return (
              <li key={d.id} class="portal-doc">
                <h2 class="portal-doc__title" lang={tt.fallback ? 'pl' : undefined}>
                  <a href={href(`/dokumenty/${d.id}`)}>{tt.text}</a>
                </h2>
                <p class="portal-meta">
                  <time dateTime={d.doc_date}>{fmt.date(`${d.doc_date}T12:00:00Z`)}</time> · {t(`documents.categories.${d.category}`)}
                  {d.is_accessible ? <> · {t('documents.accessible')}</> : null}
                </p>
                {newest ? (
                  <FileLink
                    href={`/dokumenty/${d.id}/pobierz`}
                    kind={newest.kind}
                    size={newest.byte_size}
                    label={t('documents.downloadNewest', { title: tt.text })}
                  />
                ) : null}
                {d.files.length > 1 ? <p class="small">{t('documents.versionCount', { count: d.files.length })}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={pages} link={(p) => link(p)} />
    </>
  );
}

export function DocumentView({ doc }: { doc: DocumentWithFiles }) {
  const { t, href, lang, fmt } = usePage();
  const tt = title(doc, lang);
  const desc = description(doc, lang);
  const descFallback = lang === 'en' && !doc.description_en && doc.description_pl !== '';
  return (
    <article class="portal-article">
      {tt.fallback ? <PolishOnlyNote /> : null}
      <PageHeader title={tt.text} lang={tt.fallback ? 'pl' : undefined} />
      {desc ? <p lang={descFallback ? 'pl' : undefined}>{desc}</p> : null}
      <dl class="mail-facts">
        <dt>{t('documents.date')}</dt>
        <dd>
          <time dateTime={doc.doc_date}>{fmt.date(`${doc.doc_date}T12:00:00Z`)}</time>
        </dd>
        <dt>{t('documents.category')}</dt>
        <dd>
          <a href={href(`/dokumenty?kategoria=${doc.category}`)}>{t(`documents.categories.${doc.category}`)}</a>
        </dd>
        <dt>{t('documents.lang')}</dt>
        <dd>{t(`documents.langs.${doc.lang as 'pl'}`)}</dd>
        <dt>{t('documents.accessibility')}</dt>
        <dd>{doc.is_accessible ? t('documents.accessible') : t('documents.notAccessible')}</dd>
      </dl>
      <h2>{t('documents.versions')}</h2>
      <ol class="portal-versions" reversed>
        {doc.files.map((f, i) => (
          <li key={f.id}>
            <FileLink
              href={i === 0 ? `/dokumenty/${doc.id}/pobierz` : `/dokumenty/pliki/${f.id}`}
              kind={f.kind}
              size={f.byte_size}
              label={`${versionLabel(f, lang)} — ${fmt.date(`${f.version_date}T12:00:00Z`)}`}
            />
            {i === 0 ? <span class="portal-badge portal-badge--ok">{t('documents.newest')}</span> : null}
          </li>
        ))}
      </ol>
      {!doc.is_accessible ? <p>{t('documents.requestAccessible')}</p> : null}
      <p>
        <a href={href('/dokumenty')}>{t('documents.backToList')}</a>
      </p>
    </article>
  );
}

// --- admin ---------------------------------------------------------------------------------------

export function DocumentsAdminView({
  items,
  page,
  pages,
  notice,
}: {
  items: DocumentWithFiles[];
  page: number;
  pages: number;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('documents.adminTitle')} />
      <Notice text={notice} />
      <p>
        <a class="button button--primary" href={href('/admin/dokumenty/nowy')}>
          {t('documents.new')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <Table
          caption={t('documents.caption')}
          rows={items}
          rowKey={(d) => d.id}
          columns={[
            { header: t('documents.titlePl'), cell: (d) => <a href={href(`/admin/dokumenty/${d.id}`)}>{d.title_pl}</a> },
            { header: t('documents.category'), cell: (d) => t(`documents.categories.${d.category}`) },
            { header: t('documents.date'), cell: (d) => fmt.date(`${d.doc_date}T12:00:00Z`) },
            { header: t('documents.versions'), cell: (d) => fmt.number(d.files.length), numeric: true },
            { header: t('documents.downloads'), cell: (d) => fmt.number(d.files.reduce((n, f) => n + f.download_count, 0)), numeric: true },
            { header: t('portal.status'), cell: (d) => (d.is_published ? t('portal.published') : t('portal.draft')) },
          ]}
        />
      )}
      <Pagination page={page} pages={pages} link={(p) => href(`/admin/dokumenty?strona=${p}`)} />
    </>
  );
}

function MetaFields({ values, problems }: { values: Record<string, string>; problems: Problem[] }) {
  const { t } = usePage();
  return (
    <>
      <FormField
        name="title_pl"
        label={t('documents.titlePl')}
        required
        maxLength={300}
        value={values.title_pl ?? ''}
        problems={problems}
      />
      <FormField
        name="description_pl"
        label={t('documents.descriptionPl')}
        multiline
        rows={4}
        maxLength={3000}
        value={values.description_pl ?? ''}
        problems={problems}
      />
      <SelectField
        name="category"
        label={t('documents.category')}
        required
        value={values.category ?? 'programy'}
        problems={problems}
        options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`documents.categories.${c}`) }))}
      />
      <FormField
        name="doc_date"
        label={t('documents.date')}
        hint={t('documents.dateHint')}
        required
        value={values.doc_date ?? ''}
        problems={problems}
      />
      <SelectField
        name="lang"
        label={t('documents.lang')}
        value={values.lang ?? 'pl'}
        problems={problems}
        options={DOCUMENT_LANGS.map((l) => ({ value: l, label: t(`documents.langs.${l}`) }))}
      />
      <CheckboxField
        name="is_accessible"
        label={t('documents.isAccessible')}
        hint={t('documents.isAccessibleHint')}
        checked={values.is_accessible === '1'}
        problems={problems}
      />
      <fieldset>
        <legend>{t('portal.englishVersion')}</legend>
        <FormField name="title_en" label={t('documents.titleEn')} maxLength={300} value={values.title_en ?? ''} problems={problems} />
        <FormField
          name="description_en"
          label={t('documents.descriptionEn')}
          multiline
          rows={4}
          maxLength={3000}
          value={values.description_en ?? ''}
          problems={problems}
        />
      </fieldset>
      <CheckboxField name="is_published" label={t('portal.isPublished')} checked={values.is_published === '1'} problems={problems} />
    </>
  );
}

function FileFields({ values, problems }: { values: Record<string, string>; problems: Problem[] }) {
  const { t } = usePage();
  return (
    <>
      <FileField name="file" label={t('documents.file')} hint={t('documents.fileHint')} accept={ACCEPT} required problems={problems} />
      <FormField
        name="label_pl"
        label={t('documents.versionLabelPl')}
        hint={t('documents.versionLabelHint')}
        required
        maxLength={200}
        value={values.label_pl ?? ''}
        problems={problems}
      />
      <FormField name="label_en" label={t('documents.versionLabelEn')} maxLength={200} value={values.label_en ?? ''} problems={problems} />
      <FormField
        name="version_date"
        label={t('documents.versionDate')}
        hint={t('documents.versionDateHint')}
        value={values.version_date ?? ''}
        problems={problems}
      />
    </>
  );
}

export function DocumentNewView({ csrf, values, problems = [] }: { csrf: string; values: Record<string, string>; problems?: Problem[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('documents.new')} />
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/admin/dokumenty/nowy')} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <MetaFields values={values} problems={problems} />
        <fieldset>
          <legend>{t('documents.firstVersion')}</legend>
          <FileFields values={values} problems={problems} />
        </fieldset>
        <Button>{t('portal.create')}</Button>
      </form>
    </>
  );
}

export function DocumentEditView({
  csrf,
  doc,
  values,
  fileValues,
  problems = [],
  fileProblems = [],
  notice,
}: {
  csrf: string;
  doc: DocumentWithFiles;
  values: Record<string, string>;
  fileValues: Record<string, string>;
  problems?: Problem[];
  fileProblems?: Problem[];
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('documents.edit')} />
      <Notice text={notice} />
      {doc.is_published ? (
        <p>
          <a href={href(`/dokumenty/${doc.id}`)}>{t('portal.viewPublic')}</a>
        </p>
      ) : null}
      <ErrorSummary problems={[...problems, ...fileProblems]} />
      <form method="post" action={href(`/admin/dokumenty/${doc.id}`)} novalidate>
        <CsrfField token={csrf} />
        <MetaFields values={values} problems={problems} />
        <Button>{t('portal.save')}</Button>
      </form>
      <h2>{t('documents.versions')}</h2>
      <Table
        caption={t('documents.versionsCaption')}
        rows={doc.files}
        rowKey={(f) => f.id}
        columns={[
          { header: t('documents.versionLabelPl'), cell: (f) => <a href={href(`/dokumenty/pliki/${f.id}`)}>{f.label_pl}</a> },
          { header: t('documents.versionDate'), cell: (f) => fmt.date(`${f.version_date}T12:00:00Z`) },
          { header: t('documents.fileName'), cell: (f) => f.file_name },
          { header: t('documents.typeSize'), cell: (f) => `${f.kind}, ${formatSize(f.byte_size, fmt.locale)}` },
          { header: t('documents.downloads'), cell: (f) => fmt.number(f.download_count), numeric: true },
          {
            header: t('versions.actions'),
            cell: (f) =>
              doc.files.length > 1 ? (
                <form method="post" action={href(`/admin/dokumenty/${doc.id}/pliki/${f.id}/usun`)} class="inline-form">
                  <CsrfField token={csrf} />
                  <button
                    type="submit"
                    class="button button--secondary"
                    aria-label={t('documents.deleteVersionLabel', { label: f.label_pl })}
                  >
                    {t('documents.deleteVersion')}
                  </button>
                </form>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <section aria-labelledby="add-version">
        <h2 id="add-version">{t('documents.addVersion')}</h2>
        <form method="post" action={href(`/admin/dokumenty/${doc.id}/wersja`)} enctype="multipart/form-data" novalidate>
          <CsrfField token={csrf} />
          <FileFields values={fileValues} problems={fileProblems} />
          <Button>{t('documents.addVersionSubmit')}</Button>
        </form>
      </section>
      <DeleteForm csrf={csrf} action={`/admin/dokumenty/${doc.id}/usun`} label={t('documents.delete')} />
    </>
  );
}
