// Views of the signed-in user's own pages: the account page and the administration index, the
// sessions list (end one or all others), and own data (download, ask for deletion).
import { Button, CsrfField, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import { mayHoldApiTokens } from './api-tokens.service.js';
import { Form, Notice } from './accounts.views.js';
import type { Role } from './roles.js';
import type { NamedRole } from './scope-names.js';
import { UUID_PATTERN } from '../../core/db/ids.js';
import type { WaitingTask } from './admin-tasks.js';

const ACCOUNT_LINKS: [string, TKey][] = [
  ['/konto/haslo', 'password.title'],
  ['/konto/2fa', 'twoFactor.title'],
  ['/konto/sesje', 'sessions.title'],
  ['/konto/dane', 'privacy.title'],
];

const UUID = new RegExp(UUID_PATTERN);

/** A role as people read it: "Przedstawiciel podmiotu: Fundacja Iks" — the scope by its name, never a raw id. */
export function roleText(t: ReturnType<typeof usePage>['t'], r: NamedRole): string {
  const role = t(`roles.${r.role as Role}`);
  if (r.scopeId === null) return role;
  // an id no module names: unknown, said so (a code such as a reporting partner's "territory:0463011" stays readable)
  const scope = r.scopeName ?? (UUID.test(r.scopeId) ? t('accounts.scopeNotFound') : r.scopeId);
  return t('accounts.roleWithScope', { role, scope });
}

export function AccountHomeView({ notice, roles }: { notice?: string | null; roles: NamedRole[] }) {
  const { t, href, user, adminNav } = usePage();
  // the user's own spaces (Moje podmioty, Sprawozdawczość…), also in the user menu
  const personal = adminNav.filter((e) => e.personal);
  return (
    <>
      <PageHeader title={t('accounts.myAccount')} />
      <Notice text={notice} />
      <p>{t('accounts.loggedInAs', { name: user?.displayName ?? '' })}</p>
      <p>{t('accounts.accountIntro')}</p>
      {personal.length > 0 ? (
        <>
          <h2>{t('accounts.mySpaces')}</h2>
          <ul>
            {personal.map((e) => (
              <li key={e.path}>
                <a href={href(e.path)}>{t(e.label)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('accounts.accountLinks')}</h2>
      <ul>
        {ACCOUNT_LINKS.map(([path, key]) => (
          <li key={path}>
            <a href={href(path)}>{t(key)}</a>
          </li>
        ))}
        {user && mayHoldApiTokens(user.roles) ? (
          <li>
            <a href={href('/konto/tokeny')}>{t('monitoring.tokens.title')}</a>
          </li>
        ) : null}
      </ul>
      {roles.length > 0 ? (
        <>
          <h2>{t('accounts.roles')}</h2>
          <ul>
            {roles.map((r, i) => (
              <li key={i}>{roleText(t, r)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function AdminIndexView({ tasks = [] }: { tasks?: WaitingTask[] }) {
  const { t, href, adminNav } = usePage();
  const staffWork = adminNav.some((e) => !e.personal);
  return (
    <>
      <PageHeader title={t('accounts.admin')} />
      {staffWork ? (
        <section aria-labelledby="admin-waiting" class="admin-waiting">
          <h2 id="admin-waiting">{t('accounts.waiting.title')}</h2>
          {tasks.length === 0 ? (
            <p>{t('accounts.waiting.none')}</p>
          ) : (
            <ul>
              {tasks.map((task) => (
                <li key={task.id}>
                  <a href={href(task.path)}>{t(task.label, { count: task.count })}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {adminNav.length === 0 ? (
        <p>{t('accounts.adminNone')}</p>
      ) : (
        <>
          <p>{t('accounts.adminIntro')}</p>
          <ul class="cards">
            {adminNav.map((e) => (
              <li key={e.path} class="card">
                <a href={href(e.path)}>{t(e.label)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export interface SessionRow {
  handle: string;
  current: boolean;
  loginAt: string | null;
  lastSeenAt: string | null;
  userAgent: string;
  ip: string;
}

export function SessionsView({ csrf, sessions, notice }: { csrf: string; sessions: SessionRow[]; notice?: string | null }) {
  const { t, fmt, href } = usePage();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : '—');
  return (
    <>
      <PageHeader title={t('sessions.title')} />
      <Notice text={notice} />
      <p>{t('sessions.intro')}</p>
      <Table
        caption={t('sessions.caption')}
        rows={sessions}
        rowKey={(s) => s.handle}
        columns={[
          { header: t('sessions.device'), cell: (s) => (s.userAgent || '—') + (s.current ? ` (${t('sessions.current')})` : '') },
          { header: t('sessions.ip'), cell: (s) => s.ip || '—' },
          { header: t('sessions.loginAt'), cell: (s) => when(s.loginAt) },
          { header: t('sessions.lastSeen'), cell: (s) => when(s.lastSeenAt) },
          {
            header: t('sessions.actions'),
            cell: (s) =>
              s.current ? (
                '—'
              ) : (
                <form method="post" action={href('/konto/sesje/zakoncz')} class="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="session" value={s.handle} />
                  <button type="submit" class="button button--secondary" aria-label={t('sessions.endLabel', { when: when(s.loginAt) })}>
                    {t('sessions.end')}
                  </button>
                </form>
              ),
          },
        ]}
      />
      {sessions.some((s) => !s.current) ? (
        <Form action="/konto/sesje/zakoncz-inne" csrf={csrf}>
          <Button variant="secondary">{t('sessions.endOthers')}</Button>
        </Form>
      ) : null}
    </>
  );
}

export function PrivacyView({
  csrf,
  deletionRequestedAt,
  notice,
}: {
  csrf: string;
  deletionRequestedAt: string | null;
  notice?: string | null;
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('privacy.title')} />
      <Notice text={notice} />
      <p>{t('privacy.intro')}</p>
      <p>
        <a href={href('/konto/dane.json')} download="spojnia-moje-dane.json">
          {t('privacy.download')}
        </a>
      </p>
      <h2>{t('privacy.deleteTitle')}</h2>
      {deletionRequestedAt ? (
        <p>{t('privacy.deleteRequested', { date: fmt.date(deletionRequestedAt) })}</p>
      ) : (
        <>
          <p>{t('privacy.deleteIntro')}</p>
          <Form action="/konto/dane/usun" csrf={csrf}>
            <Button variant="secondary">{t('privacy.deleteSubmit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
