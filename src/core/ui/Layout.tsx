// The page shell shared by every HTML page: language, skip link, header (the institution's logo when
// one is set, the site's name as a wordmark) with navigation, display switches, main landmark and the
// footer with the institution's address and office hours.
import type { ComponentChildren } from 'preact';
import { Breadcrumbs, Nav, PageHeader, SkipLink, type Crumb } from './components.js';
import { usePage } from './context.js';

export interface LayoutProps {
  title: string;
  /**
   * The way here from the home page; when its last step is a link (a parent), the current page is
   * added as the last step, so the trail always ends where the visitor is.
   */
  breadcrumbs?: Crumb[];
  /** Renders the page's <h1> (PageHeader) from `title`, or from this text, before the view. */
  heading?: boolean | string;
  /** `lang` of the main content when it differs from the interface (e.g. Polish-only text). */
  contentLang?: string;
  children?: ComponentChildren;
}

function DisplaySwitches() {
  const { t, prefs, currentPath, href } = usePage();
  // the language comes from the form's own path (`/en/wyglad`); `wroc` carries no prefix
  return (
    <form class="display-switches" method="get" action={href('/wyglad')} aria-label={t('site.display')}>
      <input type="hidden" name="wroc" value={currentPath} />
      <button
        type="submit"
        name="kontrast"
        value={prefs.contrast ? '0' : '1'}
        aria-pressed={prefs.contrast ? 'true' : 'false'}
        class="toggle"
      >
        {t('site.contrast')}
      </button>
      <button
        type="submit"
        name="tekst"
        value={prefs.largeText ? '0' : '1'}
        aria-pressed={prefs.largeText ? 'true' : 'false'}
        class="toggle"
      >
        {t('site.largerText')}
      </button>
    </form>
  );
}

/**
 * The logged-in user's menu: a disclosure (works without JS) with the user's own spaces (their
 * entities, their reports: `personal` admin entries), the administration when they do staff work,
 * their account and logging out.
 */
function UserMenu() {
  const { t, user, href, accountLinks, loginPath, csrfToken, adminNav, currentPath } = usePage();
  if (!accountLinks) return null;
  if (!user) {
    if (!loginPath) return null;
    return (
      <a class="header-link" href={href(loginPath)}>
        {t('accounts.login')}
      </a>
    );
  }
  const path = currentPath.split('?')[0] ?? '/';
  const link = (to: string, label: string) => (
    <li key={to}>
      <a href={href(to)} aria-current={path === to ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  const personal = adminNav.filter((e) => e.personal);
  const staffWork = adminNav.some((e) => !e.personal);
  return (
    <details class="user-menu">
      <summary>
        <span class="visually-hidden">{t('site.accountMenu')}: </span>
        {user.displayName}
      </summary>
      <div class="user-menu-panel">
        <ul class="plain">
          {personal.map((e) => link(e.path, t(e.label)))}
          {staffWork ? link(accountLinks.admin, t('accounts.admin')) : null}
          {link(accountLinks.account, t('accounts.myAccount'))}
        </ul>
        <form method="post" action={href(accountLinks.logout)} class="inline-form">
          {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
          <button type="submit" class="toggle">
            {t('accounts.logout')}
          </button>
        </form>
      </div>
    </details>
  );
}

/** The site search in every page's header. */
function HeaderSearch({ id }: { id: string }) {
  const { t, href, search } = usePage();
  if (!search) return null;
  return (
    <form class="header-search" method="get" action={href(search.path)} role="search" aria-label={t('site.searchLabel')}>
      <label for={id} class="visually-hidden">
        {t('site.searchLabel')}
      </label>
      <input id={id} type="search" name={search.param} maxLength={200} autoComplete="off" />
      <button type="submit">{t('site.searchSubmit')}</button>
    </form>
  );
}

function Footer() {
  const { t, footer, href } = usePage();
  return (
    <footer class="site-footer">
      <div class="container footer-grid">
        <section aria-labelledby="footer-address">
          <h2 id="footer-address">{footer.institutionName}</h2>
          <address>
            {footer.addressLines.map((l, i) => (
              <span key={i} class="line">
                {l}
              </span>
            ))}
            {footer.phone ? <span class="line">tel. {footer.phone}</span> : null}
            {footer.email ? (
              <span class="line">
                <a href={`mailto:${footer.email}`}>{footer.email}</a>
              </span>
            ) : null}
          </address>
        </section>
        <section aria-labelledby="footer-hours">
          <h2 id="footer-hours">{t('site.officeHours')}</h2>
          {footer.status ? <p class="office-status">{footer.status}</p> : null}
          <dl class="hours">
            {footer.hours.map((h) => (
              <div key={h.label}>
                <dt>{h.label}</dt>
                <dd>{h.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="footer-more">
          <h2 id="footer-more">{t('site.name')}</h2>
          <ul class="plain">
            {(footer.links ?? []).map((l) => (
              <li key={l.path}>
                <a href={href(l.path)}>{l.label}</a>
              </li>
            ))}
            <li>
              <a href="/api/docs" hrefLang="en">
                {t('site.apiDocs')}
              </a>
            </li>
          </ul>
          <p class="small">{t('site.poweredBy')}</p>
          <p class="small">
            <a href={href('/')}>{t('site.home')}</a>
          </p>
        </section>
      </div>
    </footer>
  );
}

/** A breadcrumb trail that ends at the current page. */
function trailTo(crumbs: Crumb[], title: string): Crumb[] {
  const last = crumbs[crumbs.length - 1];
  // a last step that links to this very page (same name) already is the current page
  return last?.path && last.label !== title ? [...crumbs, { label: title }] : crumbs;
}

export function Layout({ title, breadcrumbs = [], heading, contentLang, children }: LayoutProps) {
  const { t, lang, prefs, href, alternateHref, headMeta, logo } = usePage();
  const htmlClass = [prefs.contrast ? 'contrast' : '', prefs.largeText ? 'large-text' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <html lang={t('meta.htmlLang')} class={htmlClass}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('site.name')}`}</title>
        {headMeta.map((m) => (
          <meta key={m.name} name={m.name} content={m.content} />
        ))}
        <link rel="stylesheet" href="/assets/css/site.css" />
        <link rel="icon" href="/assets/img/favicon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/assets/img/touch-icon.png" />
        <link rel="alternate" hrefLang={lang === 'pl' ? 'en' : 'pl'} href={alternateHref} />
        <script src="/assets/js/site.js" defer />
      </head>
      <body>
        <SkipLink />
        <header class="site-header">
          <div class="container header-row">
            <p class="site-name">
              <a href={href('/')}>
                {logo ? (
                  <img
                    class="site-logo"
                    src={logo.src}
                    alt={logo.alt}
                    lang={logo.altLang ?? undefined}
                    width={logo.width}
                    height={logo.height}
                  />
                ) : null}
                <span class="wordmark">
                  <span class="brand">{t('site.name')}</span>
                  <span class="tagline">{t('site.tagline')}</span>
                </span>
              </a>
            </p>
            <div class="header-tools">
              <a class="lang-switch" href={alternateHref} hrefLang={lang === 'pl' ? 'en' : 'pl'} lang={lang === 'pl' ? 'en' : 'pl'}>
                <span aria-hidden="true">{t('meta.otherLanguageShort')}</span>
                <span class="visually-hidden">{t('meta.switchLanguage')}</span>
              </a>
              <DisplaySwitches />
              <UserMenu />
            </div>
          </div>
          {/* wide screens: the menu and the search in a row; phones: both behind one "Menu" button
              (a <details>, so it needs no JS). Only one of the two is displayed at a time. */}
          <div class="container nav-row nav-wide">
            <Nav />
            <HeaderSearch id="header-search-q" />
          </div>
          <details class="container nav-narrow">
            <summary>{t('site.menu')}</summary>
            <Nav />
            <HeaderSearch id="header-search-q-menu" />
          </details>
        </header>
        <main id="main" tabIndex={-1} lang={contentLang}>
          <div class="container">
            <Breadcrumbs items={trailTo(breadcrumbs, title)} />
            {heading ? <PageHeader title={typeof heading === 'string' ? heading : title} /> : null}
            {children}
          </div>
        </main>
        <Footer />
      </body>
    </html>
  );
}
