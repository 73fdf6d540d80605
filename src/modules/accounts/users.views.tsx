// Views of making and keeping accounts: the first-administrator set-up, and the administration of
// users (list, invitation with roles, a user's roles, activity, anonymisation and history).
import type { Problem } from '../../core/errors/app-error.js';
import { Button, ErrorSummary, FormField, LanguageSelect, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import { Form, MessageView, NewPasswordFields, Notice, type FormState } from './accounts.views.js';
import { ROLES, SCOPED_ROLES, type Role } from './roles.js';

export function SetupForm({ token, csrf, values = {}, problems = [] }: FormState & { token: string }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('setup.title')} />
      <p>{t('setup.intro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/setup" csrf={csrf}>
        <input type="hidden" name="token" value={token} />
        <FormField
          name="email"
          type="email"
          label={t('setup.email')}
          hint={t('setup.emailHint')}
          autocomplete="email"
          required
          value={values.email ?? ''}
          problems={problems}
        />
        <FormField
          name="display_name"
          label={t('setup.displayName')}
          autocomplete="name"
          required
          value={values.display_name ?? ''}
          problems={problems}
        />
        <NewPasswordFields
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          repeatLabel={t('setup.passwordRepeat')}
          problems={problems}
        />
        <Button>{t('setup.submit')}</Button>
      </Form>
    </>
  );
}

export function SetupDone() {
  const { t, loginPath } = usePage();
  return (
    <MessageView
      title={t('setup.doneTitle')}
      text={t('setup.done')}
      {...(loginPath ? { link: { path: loginPath, label: t('accounts.login') } } : {})}
    />
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

function statusText(
  t: ReturnType<typeof usePage>['t'],
  u: { is_active: boolean; anonymised_at: string | null; last_login_at: string | null },
): string {
  if (u.anonymised_at) return t('users.anonymised');
  if (u.is_active) return t('users.active');
  return u.last_login_at ? t('users.inactive') : t('users.invited');
}

export function UsersListView({ users, notice }: { users: UserListRow[]; notice?: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('users.title')} />
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
          {
            header: t('users.roles'),
            cell: (u) => u.roles.map((r) => t(`roles.${r.role as Role}`) + (r.scope_id ? ` (${r.scope_id})` : '')).join(', ') || '—',
          },
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
      <PageHeader title={t('invite.title')} />
      <ErrorSummary problems={problems} fieldIds={{ roles: 'f-roles' }} />
      <Form action="/admin/uzytkownicy/zapros" csrf={csrf}>
        <FormField
          name="email"
          type="email"
          label={t('invite.email')}
          autocomplete="off"
          required
          value={values.email ?? ''}
          problems={problems}
        />
        <FormField
          name="display_name"
          label={t('invite.displayName')}
          autocomplete="off"
          required
          value={values.display_name ?? ''}
          problems={problems}
        />
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
      <PageHeader title={user.display_name} />
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
      {user.deletion_requested_at ? (
        <Notice kind="warning" text={t('users.deletionRequested', { date: fmt.date(user.deletion_requested_at) })} />
      ) : null}
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
