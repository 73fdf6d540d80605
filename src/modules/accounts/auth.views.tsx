// Views of signing in: the login form and its second step (the code), and two-step verification on
// the account (enrolment with a QR code, recovery codes shown once, the state and switching it off).
import { Button, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { Form, Notice, type FormState } from './accounts.views.js';

export function LoginView({ csrf, problems = [], values = {}, next, notice }: FormState & { next: string; notice?: string | null }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('login.title')} />
      <Notice text={notice} kind="info" />
      <p>{t('login.intro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/konto/logowanie" csrf={csrf}>
        <input type="hidden" name="next" value={next} />
        <FormField
          name="email"
          type="email"
          label={t('login.email')}
          autocomplete="username"
          required
          value={values.email ?? ''}
          problems={problems}
        />
        <FormField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          required
          problems={problems}
        />
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
      <PageHeader title={t('login.codeTitle')} />
      <p>{t('login.codeIntro')}</p>
      <ErrorSummary problems={problems} />
      <Form action="/konto/logowanie/kod" csrf={csrf}>
        <FormField
          name="code"
          label={t('login.code')}
          hint={t('login.codeHint')}
          autocomplete="one-time-code"
          inputMode="text"
          required
          maxLength={20}
          problems={problems}
        />
        <Button>{t('login.codeSubmit')}</Button>
      </Form>
    </>
  );
}

export function TwoFactorSetupView({
  csrf,
  problems = [],
  qr,
  secret,
  required,
}: FormState & { qr: string; secret: string; required: boolean }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('twoFactor.title')} />
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
            <FormField
              name="code"
              label={t('login.code')}
              hint={t('login.codeHint')}
              autocomplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={10}
              problems={problems}
            />
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
      <PageHeader title={t('twoFactor.title')} />
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

export function TwoFactorStatusView({
  csrf,
  problems = [],
  recoveryLeft,
  canDisable,
}: FormState & { recoveryLeft: number; canDisable: boolean }) {
  const { t } = usePage();
  return (
    <>
      <PageHeader title={t('twoFactor.title')} />
      <Notice text={t('twoFactor.enabled')} />
      <p>{t('twoFactor.recoveryLeft', { count: recoveryLeft })}</p>
      {canDisable ? (
        <>
          <h2>{t('twoFactor.disable')}</h2>
          <ErrorSummary problems={problems} />
          <Form action="/konto/2fa/wylacz" csrf={csrf}>
            <FormField
              name="password"
              type="password"
              label={t('password.current')}
              hint={t('twoFactor.disableHint')}
              autocomplete="current-password"
              required
              problems={problems}
            />
            <Button variant="secondary">{t('twoFactor.disable')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
