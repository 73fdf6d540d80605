// Views of making and keeping accounts: the first-administrator set-up, and the administration of
// users (list, invitation with roles, a user's roles, activity, anonymisation and history).
import type { Problem } from '../../core/errors/app-error.js';
import {
  Button,
  ErrorSummary,
  FieldError,
  FieldHint,
  FormField,
  LanguageSelect,
  Table,
  PageHeader,
  fieldDescription,
} from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import { Form, MessageView, NewPasswordFields, Notice, type FormState } from './accounts.views.js';
import { ROLES } from './roles.js';
import { roleText } from './own-data.views.js';
import type { RoleForm, ScopeField, UserHistoryEntry } from './users.service.js';
import type { NamedRole } from './scope-names.js';

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
  /** Roles with their scopes' names (null: unscoped, or an id no module knows). */
  roles: { role: string; scope_id: string | null; scope_name: string | null }[];
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
            cell: (u) => u.roles.map((r) => roleText(t, { role: r.role, scopeId: r.scope_id, scopeName: r.scope_name })).join(', ') || '—',
          },
          { header: t('users.status'), cell: (u) => statusText(t, u) },
          { header: t('users.twoFactor'), cell: (u) => (u.is_totp_enabled ? t('accounts.yes') : t('accounts.no')) },
          { header: t('users.lastLogin'), cell: (u) => (u.last_login_at ? fmt.dateTime(u.last_login_at) : t('users.never')) },
        ]}
      />
    </>
  );
}

/** A scoped role's scopes: checkboxes of a short list by name, names one per line, or codes. */
function ScopeInput({ field, problems, values }: { field: ScopeField; problems: Problem[]; values: RoleForm['values'] }) {
  const { t } = usePage();
  const name = `scope_${field.role}`;
  const role = t(`roles.${field.role}`);
  const value = values[name];
  if (field.kind === 'choices') {
    const id = `f-${name}`;
    const mine = problems.filter((p) => p.field === name);
    const checked = new Set(Array.isArray(value) ? value : value ? [value] : []);
    const hint = field.options.length ? t('roles.scopeChoicesHint') : t('roles.scopeChoicesNone');
    return (
      <fieldset class={`field${mine.length ? ' field--error' : ''}`} aria-describedby={fieldDescription(id, hint, mine)}>
        <legend>{t('roles.scopeLabel', { role })}</legend>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} mine={mine} />
        {field.options.map((o, i) => (
          <div class="checkbox" key={o.id}>
            <input type="checkbox" id={i === 0 ? id : `${id}-${i}`} name={name} value={o.id} checked={checked.has(o.id)} />
            <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  return (
    <FormField
      name={name}
      multiline={field.kind === 'names'}
      rows={3}
      label={t('roles.scopeLabel', { role })}
      hint={field.kind === 'names' ? t(`roles.scopeNamesHint.${field.role}`) : t('roles.scopeHint')}
      value={typeof value === 'string' ? value : ''}
      problems={problems}
    />
  );
}

/** Role checkboxes with the scopes of scoped roles by name; values are the current grants. */
export function RolesFieldset({ problems = [], form }: { problems?: Problem[]; form: RoleForm }) {
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
        const field = form.fields.find((f) => f.role === role);
        return (
          <div key={role}>
            <div class="checkbox">
              <input type="checkbox" id={`f-role_${role}`} name={`role_${role}`} value="1" checked={form.values[`role_${role}`] === '1'} />
              <label for={`f-role_${role}`}>{t(`roles.${role}`)}</label>
            </div>
            {field ? <ScopeInput field={field} problems={problems} values={form.values} /> : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function InviteView({ csrf, problems = [], values = {}, roleForm }: FormState & { roleForm: RoleForm }) {
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
        <RolesFieldset problems={problems} form={roleForm} />
        <Button>{t('invite.submit')}</Button>
      </Form>
    </>
  );
}

export function UserDetailView({
  csrf,
  problems = [],
  user,
  roleForm,
  history,
  notice,
}: FormState & {
  user: UserListRow & { deletion_requested_at: string | null };
  roleForm: RoleForm;
  history: UserHistoryEntry[];
  notice?: string | null;
}) {
  const { t, fmt } = usePage();
  const base = `/admin/uzytkownicy/${user.id}`;
  const roleList = (roles: NamedRole[]) => (roles.length ? roles.map((r) => roleText(t, r)).join(', ') : '—');
  const details = (h: UserHistoryEntry) =>
    [h.roles ? t('users.historyRoles', { before: roleList(h.roles.before), after: roleList(h.roles.after) }) : '', h.details]
      .filter(Boolean)
      .join('; ');
  return (
    <>
      <PageHeader title={user.display_name} />
      <Notice text={notice} />
      <dl>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{statusText(t, user)}</dd>
        <dt>{t('users.roles')}</dt>
        <dd>
          {user.roles.length === 0 ? (
            '—'
          ) : (
            <ul>
              {user.roles.map((r, i) => (
                <li key={i}>{roleText(t, { role: r.role, scopeId: r.scope_id, scopeName: r.scope_name })}</li>
              ))}
            </ul>
          )}
        </dd>
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
            <RolesFieldset problems={problems} form={roleForm} />
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
            { header: t('users.details'), cell: details },
          ]}
        />
      )}
    </>
  );
}
