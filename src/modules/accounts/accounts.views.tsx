// Views of the accounts module: login and second factor, the account pages (password, two-step
// verification, sessions, own data), password reset, invitations, the first-administrator set-up
// and the administration of users.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, LanguageSelect, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import { mayHoldApiTokens } from './api-tokens.service.js';
import { ROLES, SCOPED_ROLES, type Role } from './roles.js';

export interface FormState {
  csrf: string;
  problems?: Problem[];
  values?: Record<string, string>;
}

function Form({ action, csrf, children, label }: { action: string; csrf: string; children: ComponentChildren; label?: string }) {
  const { href } = usePage();
  return (
    <form method="post" action={href(action)} novalidate aria-label={label}>
      <CsrfField token={csrf} />
      {children}
    </form>
  );
}

export function Notice({ text, kind = 'success' }: { text: string | null | undefined; kind?: 'success' | 'info' | 'warning' }) {
  if (!text) return null;
  return (
    <Alert kind={kind}>
      <p>{text}</p>
    </Alert>
  );
}

// --- login --------------------------------------------------------------------------------------

export function LoginView({ csrf, problems = [], values = {}, next, notice }: FormState & { next: string; notice?: string | null }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('login.title')}</h1>
      <Notice text={notice} kind="info" />
      <p>{t('login.intro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/konto/logowanie" csrf={csrf}>
        <input type="hidden" name="next" value={next} />
        <FormField name="email" type="email" label={t('login.email')} autocomplete="username" required value={values.email ?? ''} problems={problems} />
        <FormField name="password" type="password" label={t('login.password')} autocomplete="current-password" required problems={problems} />
        <Button>{t('login.submit')}</Button>
      </Form>
      <p>
        <a href={href('/konto/haslo/reset')}>{t('login.forgot')}</a>
      </p>
    </>
  );
}

export function CodeView({ csrf, problems = [] }: FormState) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('login.codeTitle')}</h1>
      <p>{t('login.codeIntro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/konto/logowanie/kod" csrf={csrf}>
        <FormField name="code" label={t('login.code')} hint={t('login.codeHint')} autocomplete="one-time-code" inputMode="text" required maxLength={20} problems={problems} />
        <Button>{t('login.codeSubmit')}</Button>
      </Form>
    </>
  );
}

// --- own account --------------------------------------------------------------------------------

const ACCOUNT_LINKS: [string, TKey][] = [
  ['/konto/haslo', 'password.title'],
  ['/konto/2fa', 'twoFactor.title'],
  ['/konto/sesje', 'sessions.title'],
  ['/konto/dane', 'privacy.title'],
];

export function AccountHomeView({ notice }: { notice?: string | null }) {
  const { t, href, user } = usePage();
  return (
    <>
      <h1>{t('accounts.myAccount')}</h1>
      <Notice text={notice} />
      <p>{t('accounts.loggedInAs', { name: user?.displayName ?? '' })}</p>
      <p>{t('accounts.accountIntro')}</p>
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
      {user && user.roles.length > 0 ? (
        <>
          <h2>{t('accounts.roles')}</h2>
          <ul>
            {user.roles.map((r, i) => (
              <li key={i}>
                {t(`roles.${r.role as Role}`)}
                {r.scopeId ? ` (${r.scopeId})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function TwoFactorSetupView({ csrf, problems = [], qr, secret, required }: FormState & { qr: string; secret: string; required: boolean }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('twoFactor.title')}</h1>
      {required ? <Notice text={t('twoFactor.required')} kind="warning" /> : null}
      <ErrorSummary problems={problems} />
      <ol>
        <li>
          <p>{t('twoFactor.step1')}</p>
          <img class="qr" src={qr} alt={t('twoFactor.qrAlt')} width={220} height={220} />
          <p>{t('twoFactor.manual')}</p>
          <p class="secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</p>
        </li>
        <li>
          <p>{t('twoFactor.step2')}</p>
          <Form action="/konto/2fa" csrf={csrf}>
            <FormField name="code" label={t('login.code')} hint={t('login.codeHint')} autocomplete="one-time-code" inputMode="numeric" required maxLength={10} problems={problems} />
            <Button>{t('twoFactor.confirm')}</Button>
          </Form>
        </li>
      </ol>
    </>
  );
}

export function RecoveryCodesView({ codes }: { codes: string[] }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('twoFactor.title')}</h1>
      <Notice text={t('twoFactor.enabled')} />
      <h2>{t('twoFactor.recoveryTitle')}</h2>
      <p>{t('twoFactor.recoveryIntro')}</p>
      <ul class="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p>
        <a href={href('/konto')}>{t('twoFactor.continue')}</a>
      </p>
    </>
  );
}

export function TwoFactorStatusView({ csrf, problems = [], recoveryLeft, canDisable }: FormState & { recoveryLeft: number; canDisable: boolean }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('twoFactor.title')}</h1>
      <Notice text={t('twoFactor.enabled')} />
      <p>{t('twoFactor.recoveryLeft', { count: recoveryLeft })}</p>
      {canDisable ? (
        <>
          <h2>{t('twoFactor.disable')}</h2>
          <ErrorSummary problems={problems} />
          <Form action="/konto/2fa/wylacz" csrf={csrf}>
            <FormField name="password" type="password" label={t('password.current')} hint={t('twoFactor.disableHint')} autocomplete="current-password" required problems={problems} />
            <Button variant="secondary">{t('twoFactor.disable')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export function PasswordChangeView({ csrf, problems = [], notice }: FormState & { notice?: string | null }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('password.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary problems={problems} />
      <Form action="/konto/haslo" csrf={csrf}>
        <FormField name="current_password" type="password" label={t('password.current')} autocomplete="current-password" required problems={problems} />
        <FormField name="password" type="password" label={t('password.new')} hint={t('password.newHint')} autocomplete="new-password" required problems={problems} />
        <FormField name="password_repeat" type="password" label={t('password.repeat')} autocomplete="new-password" required problems={problems} />
        <Button>{t('password.submit')}</Button>
      </Form>
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
      <h1>{t('sessions.title')}</h1>
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

export function PrivacyView({ csrf, deletionRequestedAt, notice }: { csrf: string; deletionRequestedAt: string | null; notice?: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <h1>{t('privacy.title')}</h1>
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

// --- password reset and invitations -------------------------------------------------------------

export function ResetRequestView({ csrf, problems = [], values = {}, sent }: FormState & { sent: boolean }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <Notice text={t('reset.sent')} kind="info" />
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <ErrorSummary problems={problems} />
          <Form action="/konto/haslo/reset" csrf={csrf}>
            <FormField name="email" type="email" label={t('reset.email')} autocomplete="email" required value={values.email ?? ''} problems={problems} />
            <Button>{t('reset.submit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

export function NewPasswordView({ csrf, problems = [], action, title, intro, submit }: FormState & { action: string; title: string; intro?: string; submit: string }) {
  const { t } = usePage();
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary problems={problems} />
      <Form action={action} csrf={csrf}>
        <FormField name="password" type="password" label={t('password.new')} hint={t('password.newHint')} autocomplete="new-password" required problems={problems} />
        <FormField name="password_repeat" type="password" label={t('password.repeat')} autocomplete="new-password" required problems={problems} />
        <Button>{submit}</Button>
      </Form>
    </>
  );
}

export function MessageView({ title, text, link }: { title: string; text: string; link?: { path: string; label: string } }) {
  const { href } = usePage();
  return (
    <>
      <h1>{title}</h1>
      <Notice text={text} />
      {link ? (
        <p>
          <a href={href(link.path)}>{link.label}</a>
        </p>
      ) : null}
    </>
  );
}

// --- first administrator ------------------------------------------------------------------------

export function SetupForm({ token, csrf, values = {}, problems = [] }: FormState & { token: string }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/setup" csrf={csrf}>
        <input type="hidden" name="token" value={token} />
        <FormField name="email" type="email" label={t('setup.email')} hint={t('setup.emailHint')} autocomplete="email" required value={values.email ?? ''} problems={problems} />
        <FormField name="display_name" label={t('setup.displayName')} autocomplete="name" required value={values.display_name ?? ''} problems={problems} />
        <FormField name="password" type="password" label={t('setup.password')} hint={t('setup.passwordHint')} autocomplete="new-password" required problems={problems} />
        <FormField name="password_repeat" type="password" label={t('setup.passwordRepeat')} autocomplete="new-password" required problems={problems} />
        <Button>{t('setup.submit')}</Button>
      </Form>
    </>
  );
}

export function SetupDone() {
  const { t, loginPath } = usePage();
  return <MessageView title={t('setup.doneTitle')} text={t('setup.done')} {...(loginPath ? { link: { path: loginPath, label: t('accounts.login') } } : {})} />;
}

// --- administration -----------------------------------------------------------------------------

export function AdminIndexView() {
  const { t, href, adminNav } = usePage();
  return (
    <>
      <h1>{t('accounts.admin')}</h1>
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

export interface UserListRow {
  id: string;
  email: string;
  display_name: string;
  is_active: boolean;
  is_totp_enabled: boolean;
  last_login_at: string | null;
  anonymised_at: string | null;
  roles: { role: string; scope_id: string | null }[];
}

function statusText(t: ReturnType<typeof usePage>['t'], u: { is_active: boolean; anonymised_at: string | null; last_login_at: string | null }): string {
  if (u.anonymised_at) return t('users.anonymised');
  if (u.is_active) return t('users.active');
  return u.last_login_at ? t('users.inactive') : t('users.invited');
}

export function UsersListView({ users, notice }: { users: UserListRow[]; notice?: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <h1>{t('users.title')}</h1>
      <Notice text={notice} />
      <p>
        <a class="button button--primary" href={href('/admin/uzytkownicy/zapros')}>
          {t('users.invite')}
        </a>
      </p>
      <Table
        caption={t('users.caption')}
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: t('users.name'), cell: (u) => <a href={href(`/admin/uzytkownicy/${u.id}`)}>{u.display_name}</a> },
          { header: t('users.email'), cell: (u) => u.email },
          { header: t('users.roles'), cell: (u) => u.roles.map((r) => t(`roles.${r.role as Role}`) + (r.scope_id ? ` (${r.scope_id})` : '')).join(', ') || '—' },
          { header: t('users.status'), cell: (u) => statusText(t, u) },
          { header: t('users.twoFactor'), cell: (u) => (u.is_totp_enabled ? t('accounts.yes') : t('accounts.no')) },
          { header: t('users.lastLogin'), cell: (u) => (u.last_login_at ? fmt.dateTime(u.last_login_at) : t('users.never')) },
        ]}
      />
    </>
  );
}

/** Role checkboxes with a scope field for scoped roles; values are the current grants. */
export function RolesFieldset({ problems = [], values }: { problems?: Problem[]; values: Record<string, string> }) {
  const { t } = usePage();
  const mine = problems.filter((p) => p.field === 'roles');
  return (
    <fieldset aria-describedby={mine.length ? 'f-roles-error' : undefined}>
      <legend id="f-roles">{t('invite.rolesLegend')}</legend>
      {mine.length ? (
        <p class="field-error" id="f-roles-error">
          {mine.map((p) => t(p.key as TKey, { field: t('accounts.roles') })).join(' ')}
        </p>
      ) : null}
      {ROLES.map((role) => {
        const scoped = role in SCOPED_ROLES;
        return (
          <div key={role}>
            <div class="checkbox">
              <input type="checkbox" id={`f-role_${role}`} name={`role_${role}`} value="1" checked={values[`role_${role}`] === '1'} />
              <label for={`f-role_${role}`}>{t(`roles.${role}`)}</label>
            </div>
            {scoped ? (
              <FormField
                name={`scope_${role}`}
                label={t('roles.scopeLabel', { role: t(`roles.${role}`) })}
                hint={t('roles.scopeHint')}
                value={values[`scope_${role}`] ?? ''}
                problems={problems}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function InviteView({ csrf, problems = [], values = {} }: FormState) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('invite.title')}</h1>
      <ErrorSummary problems={problems} fieldIds={{ roles: 'f-roles' }} />
      <Form action="/admin/uzytkownicy/zapros" csrf={csrf}>
        <FormField name="email" type="email" label={t('invite.email')} autocomplete="off" required value={values.email ?? ''} problems={problems} />
        <FormField name="display_name" label={t('invite.displayName')} autocomplete="off" required value={values.display_name ?? ''} problems={problems} />
        <LanguageSelect label={t('invite.lang')} value={values.lang} />
        <RolesFieldset problems={problems} values={values} />
        <Button>{t('invite.submit')}</Button>
      </Form>
    </>
  );
}

export interface HistoryRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  details: string;
}

export function UserDetailView({
  csrf,
  problems = [],
  user,
  roleValues,
  history,
  notice,
}: FormState & {
  user: UserListRow & { deletion_requested_at: string | null };
  roleValues: Record<string, string>;
  history: HistoryRow[];
  notice?: string | null;
}) {
  const { t, fmt } = usePage();
  const base = `/admin/uzytkownicy/${user.id}`;
  return (
    <>
      <h1>{user.display_name}</h1>
      <Notice text={notice} />
      <dl>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{statusText(t, user)}</dd>
        <dt>{t('users.twoFactor')}</dt>
        <dd>{user.is_totp_enabled ? t('accounts.yes') : t('accounts.no')}</dd>
        <dt>{t('users.lastLogin')}</dt>
        <dd>{user.last_login_at ? fmt.dateTime(user.last_login_at) : t('users.never')}</dd>
      </dl>
      {user.deletion_requested_at ? <Notice kind="warning" text={t('users.deletionRequested', { date: fmt.date(user.deletion_requested_at) })} /> : null}
      {user.anonymised_at ? null : (
        <>
          <h2>{t('users.rolesTitle')}</h2>
          <ErrorSummary problems={problems} fieldIds={{ roles: 'f-roles' }} />
          <Form action={`${base}/role`} csrf={csrf}>
            <RolesFieldset problems={problems} values={roleValues} />
            <Button>{t('users.saveRoles')}</Button>
          </Form>
          <div class="actions">
            <Form action={`${base}/aktywnosc`} csrf={csrf}>
              <input type="hidden" name="active" value={user.is_active ? '0' : '1'} />
              <Button variant="secondary">{user.is_active ? t('users.deactivate') : t('users.activate')}</Button>
            </Form>
          </div>
          <div class="danger-zone">
            <h2>{t('users.anonymise')}</h2>
            <p>{t('users.anonymiseHint')}</p>
            <Form action={`${base}/anonimizuj`} csrf={csrf}>
              <Button variant="secondary">{t('users.anonymise')}</Button>
            </Form>
          </div>
        </>
      )}
      <h2>{t('users.history')}</h2>
      {history.length === 0 ? (
        <p>{t('users.historyNone')}</p>
      ) : (
        <Table
          caption={t('users.historyCaption')}
          rows={history}
          rowKey={(h) => h.id}
          columns={[
            { header: t('users.when'), cell: (h) => fmt.dateTime(h.at) },
            { header: t('users.who'), cell: (h) => h.actor },
            { header: t('users.action'), cell: (h) => h.action },
            { header: t('users.details'), cell: (h) => h.details },
          ]}
        />
      )}
    </>
  );
}
