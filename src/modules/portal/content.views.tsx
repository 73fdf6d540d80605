// Views of pages and news: the public page with its section menu, the news list and article, the
// home-page news section, and the editors' lists, forms, version history and comparison.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Pagination, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import type { FieldDiff, PageTreeNode } from './content.service.js';
import { CheckboxField, FileField, MarkdownField, PolishOnlyNote, Prose, SelectField } from './portal.ui.js';
import { NEWS_CATEGORIES, type NewsCategory, type VersionedType } from './portal.tables.js';

export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert kind="success">
      <p>{text}</p>
    </Alert>
  );
}

// --- public pages --------------------------------------------------------------------------------

function Menu({ nodes, current }: { nodes: PageTreeNode[]; current: string }) {
  const { href } = usePage();
  if (nodes.length === 0) return null;
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          <a href={href(`/${n.path}`)} aria-current={n.id === current ? 'page' : undefined} lang={n.isFallback ? 'pl' : undefined}>
            {n.title}
          </a>
          <Menu nodes={n.children} current={current} />
        </li>
      ))}
    </ul>
  );
}

export function PageView({
  id,
  title,
  html,
  fallback,
  rootTitle,
  rootPath,
  rootFallback,
  menu,
}: {
  id: string;
  title: string;
  html: string;
  fallback: boolean;
  rootTitle: string;
  rootPath: string;
  rootFallback: boolean;
  menu: PageTreeNode[];
}) {
  const { t, href } = usePage();
  return (
    <div class={menu.length ? 'portal-with-menu' : undefined}>
      {menu.length ? (
        <nav class="portal-section-menu" aria-label={t('pages.sectionMenu')}>
          <p class="portal-section-menu__title">
            <a href={href(`/${rootPath}`)} lang={rootFallback ? 'pl' : undefined}>
              {rootTitle}
            </a>
          </p>
          <Menu nodes={menu} current={id} />
        </nav>
      ) : null}
      <article class="portal-article">
        {fallback ? <PolishOnlyNote /> : null}
        <div lang={fallback ? 'pl' : undefined}>
          {/* the article's own heading, inside the block whose language it shares */}
          <h1>{title}</h1>
          <Prose html={html} />
        </div>
      </article>
    </div>
  );
}

// --- public news ---------------------------------------------------------------------------------

export interface NewsCard {
  slug: string;
  title: string;
  lead: string;
  category: NewsCategory;
  publishAt: string;
  image: { id: string; alt: string } | null;
  fallback: boolean;
}

export function NewsCards({ items, headingLevel = 2 }: { items: NewsCard[]; headingLevel?: 2 | 3 }) {
  const { t, href, fmt } = usePage();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="portal-news-list">
      {items.map((n) => (
        <li key={n.slug} class="portal-news-card">
          {n.image ? (
            <img
              src={`/media/${n.image.id}`}
              alt={n.image.alt}
              lang={n.fallback ? 'pl' : undefined}
              class="portal-news-card__image"
              loading="lazy"
            />
          ) : null}
          <div>
            <H class="portal-news-card__title" lang={n.fallback ? 'pl' : undefined}>
              <a href={href(`/aktualnosci/${n.slug}`)}>{n.title}</a>
            </H>
            <p class="portal-meta">
              <time dateTime={n.publishAt}>{fmt.date(n.publishAt)}</time> · <span>{t(`news.categories.${n.category}`)}</span>
            </p>
            <p lang={n.fallback ? 'pl' : undefined}>{n.lead}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function NewsListView({
  items,
  total,
  page,
  pages,
  category,
}: {
  items: NewsCard[];
  total: number;
  page: number;
  pages: number;
  category: NewsCategory | null;
}) {
  const { t, href, lang } = usePage();
  const link = (p: number, c: NewsCategory | null = category) => {
    const q = new URLSearchParams();
    if (c) q.set('kategoria', c);
    if (p > 1) q.set('strona', String(p));
    const s = q.toString();
    return href(`/aktualnosci${s ? `?${s}` : ''}`);
  };
  return (
    <>
      <PageHeader title={category ? `${t('news.title')}: ${t(`news.categories.${category}`)}` : t('news.title')} />
      <nav aria-label={t('news.categoriesNav')} class="portal-filter">
        <ul>
          <li>
            <a href={link(1, null)} aria-current={category === null ? 'page' : undefined}>
              {t('news.allCategories')}
            </a>
          </li>
          {NEWS_CATEGORIES.map((c) => (
            <li key={c}>
              <a href={link(1, c)} aria-current={category === c ? 'page' : undefined}>
                {t(`news.categories.${c}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t('count.results', { count: total })}</p>
      {items.length === 0 ? <p>{t('news.none')}</p> : <NewsCards items={items} />}
      <Pagination page={page} pages={pages} link={(p) => link(p)} />
      <p>
        <a href={href('/aktualnosci/feed.xml')} type="application/atom+xml" hrefLang={lang}>
          {t('news.feed')}
        </a>
      </p>
    </>
  );
}

export function NewsView({
  title,
  lead,
  html,
  category,
  publishAt,
  image,
  fallback,
}: {
  title: string;
  lead: string;
  html: string;
  category: NewsCategory;
  publishAt: string;
  image: { id: string; alt: string } | null;
  fallback: boolean;
}) {
  const { t, fmt, href } = usePage();
  return (
    <article class="portal-article">
      {fallback ? <PolishOnlyNote /> : null}
      <div lang={fallback ? 'pl' : undefined}>
        <PageHeader title={title} />
        <p class="portal-meta">
          <time dateTime={publishAt}>{fmt.date(publishAt)}</time> ·{' '}
          <a href={href(`/aktualnosci?kategoria=${category}`)}>{t(`news.categories.${category}`)}</a>
        </p>
        <p class="lead">{lead}</p>
        {image ? <img src={`/media/${image.id}`} alt={image.alt} class="portal-article__image" /> : null}
        <Prose html={html} />
      </div>
      <p>
        <a href={href('/aktualnosci')}>{t('news.backToList')}</a>
      </p>
    </article>
  );
}

export function HomeNewsSection({ items }: { items: NewsCard[] }) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="home-news" class="portal-home-news">
      <h2 id="home-news">{t('news.latest')}</h2>
      {items.length === 0 ? <p>{t('news.none')}</p> : <NewsCards items={items} headingLevel={3} />}
      <p>
        <a href={href('/aktualnosci')}>{t('news.all')}</a>
      </p>
    </section>
  );
}

// --- admin: shared -------------------------------------------------------------------------------

function Status({ published, publishAt }: { published: boolean; publishAt: string | null }) {
  const { t, fmt } = usePage();
  if (!published) return <span class="portal-badge">{t('portal.draft')}</span>;
  if (publishAt && publishAt > new Date().toISOString())
    return <span class="portal-badge">{t('portal.scheduled', { date: fmt.dateTime(publishAt) })}</span>;
  return <span class="portal-badge portal-badge--ok">{t('portal.published')}</span>;
}

function FormButtons({ isNew }: { isNew: boolean }) {
  const { t } = usePage();
  return (
    <div class="actions">
      <Button name="action" value="save">
        {isNew ? t('portal.create') : t('portal.save')}
      </Button>
      <Button variant="secondary" name="action" value="preview">
        {t('portal.preview')}
      </Button>
    </div>
  );
}

/** The live preview (a static file: the CSP allows no inline script). */
function PreviewScript() {
  return <script src="/assets/js/portal-preview.js" defer />;
}

export interface EditState {
  csrf: string;
  values: Record<string, string | undefined>;
  problems?: Problem[];
  preview?: { pl: string; en: string | null } | null;
  notice?: string | null;
}

// --- admin: pages --------------------------------------------------------------------------------

export interface PageRow {
  id: string;
  path: string;
  title_pl: string;
  title_en: string | null;
  depth: number;
  is_published: boolean;
  publish_at: string | null;
  updated_at: string;
}

export function PagesAdminView({ rows, notice }: { rows: PageRow[]; notice: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('pages.adminTitle')} />
      <Notice text={notice} />
      <p class="actions">
        <a class="button button--primary" href={href('/admin/strony/nowa')}>
          {t('pages.new')}
        </a>
        <a href={href('/admin/deklaracja-dostepnosci')}>{t('statement.edit')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('pages.none')}</p>
      ) : (
        <Table
          caption={t('pages.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('pages.titlePl'),
              cell: (r) => (
                <span class={`portal-depth-${Math.min(r.depth, 4)}`}>
                  <a href={href(`/admin/strony/${r.id}`)}>{r.title_pl}</a>
                </span>
              ),
            },
            { header: t('pages.address'), cell: (r) => <code>/{r.path}</code> },
            { header: t('portal.english'), cell: (r) => (r.title_en ? t('portal.yes') : t('portal.no')) },
            { header: t('portal.status'), cell: (r) => <Status published={r.is_published} publishAt={r.publish_at} /> },
            { header: t('portal.updatedAt'), cell: (r) => fmt.dateTime(r.updated_at) },
          ]}
        />
      )}
    </>
  );
}

export function PageFormView({
  state,
  id,
  parents,
  path,
  isPublic,
}: {
  state: EditState;
  id: string | null;
  parents: { id: string; label: string }[];
  path: string | null;
  isPublic: boolean;
}) {
  const { t, href } = usePage();
  const { values, problems = [] } = state;
  const title = id ? t('pages.edit') : t('pages.new');
  return (
    <>
      <PageHeader title={title} />
      <Notice text={state.notice ?? null} />
      {id ? (
        <p class="actions">
          {path && isPublic ? <a href={href(`/${path}`)}>{t('portal.viewPublic')}</a> : null}
          <a href={href(`/admin/strony/${id}/wersje`)}>{t('versions.title')}</a>
        </p>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(id ? `/admin/strony/${id}` : '/admin/strony/nowa')} novalidate>
        <CsrfField token={state.csrf} />
        <FormField name="title_pl" label={t('pages.titlePl')} required maxLength={200} value={values.title_pl ?? ''} problems={problems} />
        <FormField
          name="slug"
          label={t('portal.slug')}
          hint={t('portal.slugHint')}
          maxLength={80}
          value={values.slug ?? ''}
          problems={problems}
        />
        <SelectField
          name="parent_id"
          label={t('pages.parent')}
          hint={t('pages.parentHint')}
          value={values.parent_id ?? ''}
          problems={problems}
          options={[{ value: '', label: t('pages.noParent') }, ...parents.map((p) => ({ value: p.id, label: p.label }))]}
        />
        <FormField
          name="position"
          label={t('pages.position')}
          hint={t('pages.positionHint')}
          inputMode="numeric"
          maxLength={4}
          value={values.position ?? '0'}
          problems={problems}
        />
        <MarkdownField
          name="body_pl"
          label={t('pages.bodyPl')}
          required
          value={values.body_pl ?? ''}
          problems={problems}
          preview={state.preview?.pl ?? null}
        />
        <fieldset>
          <legend>{t('portal.englishVersion')}</legend>
          <p class="hint">{t('portal.englishHint')}</p>
          <FormField name="title_en" label={t('pages.titleEn')} maxLength={200} value={values.title_en ?? ''} problems={problems} />
          <MarkdownField
            name="body_en"
            label={t('pages.bodyEn')}
            value={values.body_en ?? ''}
            problems={problems}
            preview={state.preview?.en ?? null}
          />
        </fieldset>
        <fieldset>
          <legend>{t('portal.publication')}</legend>
          <CheckboxField name="is_published" label={t('portal.isPublished')} checked={values.is_published === '1'} problems={problems} />
          <FormField
            name="publish_at"
            label={t('portal.publishAt')}
            hint={t('portal.publishAtHint')}
            value={values.publish_at ?? ''}
            problems={problems}
          />
        </fieldset>
        <FormButtons isNew={id === null} />
      </form>
      {id ? <DeleteForm csrf={state.csrf} action={`/admin/strony/${id}/usun`} label={t('pages.delete')} /> : null}
      <PreviewScript />
    </>
  );
}

export function DeleteForm({ csrf, action, label }: { csrf: string; action: string; label: string }) {
  const { t, href } = usePage();
  return (
    <section class="danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{label}</h2>
      <p>{t('portal.deleteWarning')}</p>
      <form method="post" action={href(action)}>
        <CsrfField token={csrf} />
        <Button variant="secondary">{label}</Button>
      </form>
    </section>
  );
}

// --- admin: news ---------------------------------------------------------------------------------

export interface NewsRow {
  id: string;
  slug: string;
  title_pl: string;
  title_en: string | null;
  category: NewsCategory;
  is_published: boolean;
  publish_at: string | null;
  updated_at: string;
}

export function NewsAdminView({ rows, page, pages, notice }: { rows: NewsRow[]; page: number; pages: number; notice: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('news.adminTitle')} />
      <Notice text={notice} />
      <p>
        <a class="button button--primary" href={href('/admin/aktualnosci/nowa')}>
          {t('news.new')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t('news.none')}</p>
      ) : (
        <Table
          caption={t('news.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('news.titlePl'), cell: (r) => <a href={href(`/admin/aktualnosci/${r.id}`)}>{r.title_pl}</a> },
            { header: t('news.category'), cell: (r) => t(`news.categories.${r.category}`) },
            { header: t('portal.english'), cell: (r) => (r.title_en ? t('portal.yes') : t('portal.no')) },
            { header: t('portal.status'), cell: (r) => <Status published={r.is_published} publishAt={r.publish_at} /> },
            { header: t('portal.updatedAt'), cell: (r) => fmt.dateTime(r.updated_at) },
          ]}
        />
      )}
      <Pagination page={page} pages={pages} link={(p) => href(`/admin/aktualnosci?strona=${p}`)} />
    </>
  );
}

export function NewsFormView({
  state,
  id,
  slug,
  isPublic,
}: {
  state: EditState;
  id: string | null;
  slug: string | null;
  isPublic: boolean;
}) {
  const { t, href } = usePage();
  const { values, problems = [] } = state;
  const imageId = values.image_id ?? '';
  return (
    <>
      <PageHeader title={id ? t('news.edit') : t('news.new')} />
      <Notice text={state.notice ?? null} />
      {id ? (
        <p class="actions">
          {slug && isPublic ? <a href={href(`/aktualnosci/${slug}`)}>{t('portal.viewPublic')}</a> : null}
          <a href={href(`/admin/aktualnosci/${id}/wersje`)}>{t('versions.title')}</a>
        </p>
      ) : null}
      <ErrorSummary problems={problems} />
      <form
        method="post"
        action={href(id ? `/admin/aktualnosci/${id}` : '/admin/aktualnosci/nowa')}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={state.csrf} />
        <FormField name="title_pl" label={t('news.titlePl')} required maxLength={200} value={values.title_pl ?? ''} problems={problems} />
        <FormField
          name="slug"
          label={t('portal.slug')}
          hint={t('portal.slugHint')}
          maxLength={80}
          value={values.slug ?? ''}
          problems={problems}
        />
        <SelectField
          name="category"
          label={t('news.category')}
          required
          value={values.category ?? 'komunikaty'}
          problems={problems}
          options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.categories.${c}`) }))}
        />
        <FormField
          name="lead_pl"
          label={t('news.leadPl')}
          hint={t('news.leadHint')}
          required
          multiline
          rows={3}
          maxLength={600}
          value={values.lead_pl ?? ''}
          problems={problems}
        />
        <MarkdownField
          name="body_pl"
          label={t('news.bodyPl')}
          required
          value={values.body_pl ?? ''}
          problems={problems}
          preview={state.preview?.pl ?? null}
        />
        <fieldset>
          <legend>{t('news.imageLegend')}</legend>
          {imageId ? (
            <div class="portal-current-image">
              <img src={`/media/${imageId}`} alt={values.image_alt_pl ?? ''} />
              <input type="hidden" name="image_id" value={imageId} />
              <CheckboxField name="remove_image" label={t('news.removeImage')} checked={values.remove_image === '1'} />
            </div>
          ) : null}
          <FileField
            name="image"
            label={imageId ? t('news.replaceImage') : t('news.image')}
            hint={t('news.imageHint')}
            accept="image/png,image/jpeg,image/webp"
            problems={problems}
          />
          <FormField
            name="image_alt_pl"
            label={t('news.imageAltPl')}
            hint={t('news.imageAltHint')}
            maxLength={300}
            value={values.image_alt_pl ?? ''}
            problems={problems}
          />
        </fieldset>
        <fieldset>
          <legend>{t('portal.englishVersion')}</legend>
          <p class="hint">{t('portal.englishHint')}</p>
          <FormField name="title_en" label={t('news.titleEn')} maxLength={200} value={values.title_en ?? ''} problems={problems} />
          <FormField
            name="lead_en"
            label={t('news.leadEn')}
            multiline
            rows={3}
            maxLength={600}
            value={values.lead_en ?? ''}
            problems={problems}
          />
          <MarkdownField
            name="body_en"
            label={t('news.bodyEn')}
            value={values.body_en ?? ''}
            problems={problems}
            preview={state.preview?.en ?? null}
          />
          <FormField
            name="image_alt_en"
            label={t('news.imageAltEn')}
            maxLength={300}
            value={values.image_alt_en ?? ''}
            problems={problems}
          />
        </fieldset>
        <fieldset>
          <legend>{t('portal.publication')}</legend>
          <CheckboxField name="is_published" label={t('portal.isPublished')} checked={values.is_published === '1'} problems={problems} />
          <FormField
            name="publish_at"
            label={t('portal.publishAt')}
            hint={t('news.publishAtHint')}
            value={values.publish_at ?? ''}
            problems={problems}
          />
        </fieldset>
        <FormButtons isNew={id === null} />
      </form>
      {id ? <DeleteForm csrf={state.csrf} action={`/admin/aktualnosci/${id}/usun`} label={t('news.delete')} /> : null}
      <PreviewScript />
    </>
  );
}

// --- admin: versions -----------------------------------------------------------------------------

export interface VersionRow {
  number: number;
  note: string | null;
  created_at: string;
  author: string | null;
}

function base(type: VersionedType, id: string): string {
  return type === 'page' ? `/admin/strony/${id}` : `/admin/aktualnosci/${id}`;
}

export function VersionsView({
  type,
  id,
  title,
  versions,
  csrf,
  notice,
  problems = [],
}: {
  type: VersionedType;
  id: string;
  title: string;
  versions: VersionRow[];
  csrf: string;
  notice: string | null;
  problems?: Problem[];
}) {
  const { t, href, fmt } = usePage();
  const latest = versions[0]?.number ?? 0;
  const noteText = (note: string | null) =>
    note?.startsWith('restored:') ? t('versions.restoredFrom', { number: note.slice('restored:'.length) }) : '';
  return (
    <>
      <PageHeader title={t('versions.titleOf', { title })} />
      <Notice text={notice} />
      <ErrorSummary problems={problems} linkFields={false} />
      <p>
        <a href={href(base(type, id))}>{t('versions.backToEdit')}</a>
      </p>
      {versions.length >= 2 ? (
        <form method="get" action={href(`${base(type, id)}/wersje/porownaj`)} class="filter-form">
          <h2>{t('versions.compareTitle')}</h2>
          <div class="filter-grid">
            <SelectField
              name="a"
              label={t('versions.older')}
              value={String(versions[1]!.number)}
              options={versions.map((v) => ({ value: String(v.number), label: t('versions.number', { number: v.number }) }))}
            />
            <SelectField
              name="b"
              label={t('versions.newer')}
              value={String(latest)}
              options={versions.map((v) => ({ value: String(v.number), label: t('versions.number', { number: v.number }) }))}
            />
          </div>
          <Button variant="secondary">{t('versions.compare')}</Button>
        </form>
      ) : null}
      <Table
        caption={t('versions.caption')}
        rows={versions}
        rowKey={(v) => String(v.number)}
        columns={[
          { header: t('versions.version'), cell: (v) => t('versions.number', { number: v.number }) },
          { header: t('versions.savedAt'), cell: (v) => fmt.dateTime(v.created_at) },
          { header: t('versions.author'), cell: (v) => v.author ?? '—' },
          {
            header: t('versions.note'),
            cell: (v) => (v.number === latest ? `${t('versions.current')} ${noteText(v.note)}`.trim() : noteText(v.note) || '—'),
          },
          {
            header: t('versions.actions'),
            cell: (v) =>
              v.number === latest ? (
                '—'
              ) : (
                <form method="post" action={href(`${base(type, id)}/wersje/${v.number}/przywroc`)} class="inline-form">
                  <CsrfField token={csrf} />
                  <button type="submit" class="button button--secondary" aria-label={t('versions.restoreLabel', { number: v.number })}>
                    {t('versions.restore')}
                  </button>
                </form>
              ),
          },
        ]}
      />
    </>
  );
}

const FIELD_LABELS: Record<string, TKey> = {
  title_pl: 'versions.fields.title_pl',
  title_en: 'versions.fields.title_en',
  body_pl: 'versions.fields.body_pl',
  body_en: 'versions.fields.body_en',
  lead_pl: 'versions.fields.lead_pl',
  lead_en: 'versions.fields.lead_en',
  slug: 'versions.fields.slug',
  parent_id: 'versions.fields.parent_id',
  position: 'versions.fields.position',
  category: 'versions.fields.category',
  image_id: 'versions.fields.image_id',
  image_alt_pl: 'versions.fields.image_alt_pl',
  image_alt_en: 'versions.fields.image_alt_en',
  is_published: 'versions.fields.is_published',
  publish_at: 'versions.fields.publish_at',
};

export function CompareView({
  type,
  id,
  title,
  a,
  b,
  diffs,
}: {
  type: VersionedType;
  id: string;
  title: string;
  a: number;
  b: number;
  diffs: FieldDiff[];
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('versions.compareOf', { title, a, b })} />
      <p>
        <a href={href(`${base(type, id)}/wersje`)}>{t('versions.backToList')}</a>
      </p>
      <p>{t('versions.legend')}</p>
      {diffs.length === 0 ? <p>{t('versions.noDifferences')}</p> : null}
      {diffs.map((d) => (
        <section key={d.field} class="portal-diff" aria-labelledby={`diff-${d.field}`}>
          <h2 id={`diff-${d.field}`}>{FIELD_LABELS[d.field] ? t(FIELD_LABELS[d.field]!) : d.field}</h2>
          <p class="portal-diff__text" lang={d.field.endsWith('_en') ? 'en' : d.field.endsWith('_pl') ? 'pl' : undefined}>
            {d.parts.map((p, i) =>
              p.kind === 'added' ? (
                <ins key={i}>
                  <span class="visually-hidden">{t('versions.added')} </span>
                  {p.text}
                </ins>
              ) : p.kind === 'removed' ? (
                <del key={i}>
                  <span class="visually-hidden">{t('versions.removed')} </span>
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </>
  );
}
