// Views of passwords: changing one's own, asking for a reset link, and the new-password form that a
// reset link and an invitation both end in.
import { Button, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { Form, NewPasswordFields, Notice, type FormState } from './accounts.views.js';

export function PasswordChangeView({ csrf, problems = [], notice }: FormState & { notice?: string | null }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('password.title')} />
      <Notice text={notice} />
      <ErrorSummary problems={problems} />
      <Form action="/konto/haslo" csrf={csrf}>
        <FormField
          name="current_password"
          type="password"
          label={t('password.current')}
          autocomplete="current-password"
          required
          problems={problems}
        />
        <NewPasswordFields label={t('password.new')} hint={t('password.newHint')} repeatLabel={t('password.repeat')} problems={problems} />
        <Button>{t('password.submit')}</Button>
      </Form>
    </>
  );
}

export function ResetRequestView({ csrf, problems = [], values = {}, sent }: FormState & { sent: boolean }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('reset.title')} />
      {sent ? (
        <Notice text={t('reset.sent')} kind="info" />
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <ErrorSummary problems={problems} />
          <Form action="/konto/haslo/reset" csrf={csrf}>
            <FormField
              name="email"
              type="email"
              label={t('reset.email')}
              autocomplete="email"
              required
              value={values.email ?? ''}
              problems={problems}
            />
            <Button>{t('reset.submit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

export function NewPasswordView({
  csrf,
  problems = [],
  action,
  title,
  intro,
  submit,
}: FormState & { action: string; title: string; intro?: string; submit: string }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={title} />
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary problems={problems} />
      <Form action={action} csrf={csrf}>
        <NewPasswordFields label={t('password.new')} hint={t('password.newHint')} repeatLabel={t('password.repeat')} problems={problems} />
        <Button>{submit}</Button>
      </Form>
    </>
  );
}
