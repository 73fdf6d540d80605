// The UI kit: small accessible building blocks every module composes its views from. Labels,
// hints and errors are tied together with ids so assistive technology reads them with the field.
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import type { TKey, TParams } from '../../i18n/index.js';
import type { Problem } from '../errors/app-error.js';
import { usePage } from './context.js';

export function SkipLink() {
  const { t } = usePage();
  return (
    <a class="skip-link" href="#main">
      {t('site.skipLink')}
    </a>
  );
}

export function Nav() {
  const { t, href, nav, currentPath } = usePage();
  const path = currentPath.split('?')[0] ?? '/';
  return (
    <nav class="main-nav" aria-label={t('site.mainNav')}>
      <ul>
        <li>
          <a href={href('/')} aria-current={path === '/' ? 'page' : undefined}>
            {t('site.home')}
          </a>
        </li>
        {nav.map((entry) => {
          const current = path === entry.path || path.startsWith(`${entry.path}/`);
          return (
            <li key={entry.path}>
              <a href={href(entry.path)} aria-current={current ? 'page' : undefined}>
                {t(entry.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface Crumb {
  label: string;
  path?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t, href } = usePage();
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label={t('site.breadcrumbs')}>
      <ol>
        <li>
          <a href={href('/')}>{t('site.home')}</a>
        </li>
        {items.map((c, i) => (
          <li key={i}>
            {c.path && i < items.length - 1 ? <a href={href(c.path)}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The heading every page opens with: the one <h1> naming what the page shows, with an optional
 * lead paragraph. Views render it themselves, or pass `heading` to the layout, which renders it
 * from the page title.
 */
export function PageHeader({
  title,
  lang,
  lead,
  children,
}: {
  title: string;
  /** when the title is in another language than the page */ lang?: string | undefined;
  lead?: string;
  children?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      <h1 lang={lang}>{title}</h1>
      {lead ? <p class="lead">{lead}</p> : null}
      {children}
    </header>
  );
}

/** Translates a problem into the message shown next to its field and in the summary. */
export function useProblemText(): (p: Problem) => string {
  const { t } = usePage();
  return (p) => t(p.key as TKey, { ...(p.params as TParams | undefined), ...(p.label ? { field: t(p.label as TKey) } : {}) });
}

/**
 * `linkFields` is false where the problems name no field of this page (a bad query parameter on an
 * error page): a link to an id that does not exist would lead nowhere.
 */
export function ErrorSummary({
  problems,
  fieldIds = {},
  linkFields = true,
}: {
  problems: Problem[];
  fieldIds?: Record<string, string>;
  linkFields?: boolean;
}) {
  const { t } = usePage();
  const text = useProblemText();
  if (problems.length === 0) return null;
  // tabIndex -1 + autofocus + a static script: focus lands here after a failed submit
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus data-error-summary>
      <h2 id="error-summary-title">{t('errors.summaryTitle')}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.field && linkFields ? <a href={`#${fieldIds[p.field] ?? `f-${p.field}`}`}>{text(p)}</a> : text(p)}</li>
        ))}
      </ul>
    </div>
  );
}

export interface FormFieldProps {
  name: string;
  label: string;
  hint?: string;
  problems?: Problem[];
  /** Renders a textarea instead of an input. */
  multiline?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'search';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search';
  rows?: number;
}

/** The ids a control's `aria-describedby` lists: its hint and its error message, when shown. */
export function fieldDescription(id: string, hint: string | undefined, mine: Problem[]): string | undefined {
  return [hint ? `${id}-hint` : null, mine.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A control's hint, with the id its `aria-describedby` points to (nothing without a hint). */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** A control's translated problems, with the id its `aria-describedby` points to (nothing without one). */
export function FieldError({ id, mine }: { id: string; mine: Problem[] }) {
  const text = useProblemText();
  return mine.length ? (
    <p class="field-error" id={`${id}-error`}>
      {mine.map(text).join(' ')}
    </p>
  ) : null;
}

/** Label, hint and error around any control, tied to it by ids (used by FormField and modules' own controls). */
export function FieldShell({
  id,
  label,
  hint,
  mine,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  mine: Problem[];
  required?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${mine.length ? ' field--error' : ''}`}>
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} mine={mine} />
      {children}
    </div>
  );
}

export function FormField({
  name,
  label,
  hint,
  problems = [],
  multiline,
  type = 'text',
  value,
  autocomplete,
  required,
  maxLength,
  inputMode,
  rows,
}: FormFieldProps) {
  const id = `f-${name}`;
  const mine = problems.filter((p) => p.field === name);
  const describedBy = fieldDescription(id, hint, mine);
  const invalid = mine.length ? ('true' as const) : undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          required={required}
          maxLength={maxLength}
          rows={rows ?? 6}
        >
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          // preact types `role` per input type; the union of our allowed types is checked above
          type={type as 'text'}
          value={type === 'password' ? undefined : value}
          autoComplete={autocomplete}
          required={required}
          maxLength={maxLength}
          inputMode={inputMode}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </FieldShell>
  );
}

/** Choice of the language a message or record is in (Polish or English), named in that language. */
export function LanguageSelect({ label, value, name = 'lang' }: { label: string; value: string | undefined; name?: string }) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="pl" lang="pl" selected={value !== 'en'}>
          Polski
        </option>
        <option value="en" lang="en" selected={value === 'en'}>
          English
        </option>
      </select>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Button({
  children,
  variant = 'primary',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' }) {
  return (
    <button type="submit" class={`button button--${variant}`} {...rest}>
      {children}
    </button>
  );
}

export function Alert({
  kind = 'info',
  title,
  children,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      {title ? <p class="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}

export interface Column<R> {
  header: string;
  cell: (row: R) => ComponentChildren;
  /** Right-align numbers. */
  numeric?: boolean;
}

/** A data table with a caption and header scope; the first column is the row header. */
export function Table<R>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R) => string;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={i} class={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Page links that keep every other query parameter; `page` is 1-based. */
export function Pagination({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  const { t } = usePage();
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={link(page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {shown.map((p) => (
          <li key={p}>
            {p === page ? (
              <a href={link(p)} aria-current="page" aria-label={t('pagination.current', { page: p })}>
                {p}
              </a>
            ) : (
              <a href={link(p)} aria-label={t('pagination.page', { page: p })}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <a href={link(page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
