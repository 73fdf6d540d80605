// Views of the accounts module: the one-time set-up of the first administrator.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';

export interface SetupFormProps {
  token: string;
  csrf: string;
  values?: { email?: string; display_name?: string };
  problems?: Problem[];
}

export function SetupForm({ token, csrf, values = {}, problems = [] }: SetupFormProps) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href('/setup')} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="token" value={token} />
        <FormField name="email" type="email" label={t('setup.email')} hint={t('setup.emailHint')} autocomplete="email" required value={values.email ?? ''} problems={problems} />
        <FormField name="display_name" label={t('setup.displayName')} autocomplete="name" required value={values.display_name ?? ''} problems={problems} />
        <FormField name="password" type="password" label={t('setup.password')} hint={t('setup.passwordHint')} autocomplete="new-password" required problems={problems} />
        <FormField name="password_repeat" type="password" label={t('setup.passwordRepeat')} autocomplete="new-password" required problems={problems} />
        <Button>{t('setup.submit')}</Button>
      </form>
    </>
  );
}

export function SetupDone() {
  const { t } = usePage();
  return (
    <>
      <h1>{t('setup.doneTitle')}</h1>
      <Alert kind="success">
        <p>{t('setup.done')}</p>
      </Alert>
    </>
  );
}
