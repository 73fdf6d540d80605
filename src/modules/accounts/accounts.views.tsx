// What the account pages share: a form with its CSRF field, the success or information notice,
// a page with one message and a link, and the state of a form re-rendered with its problems.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, CsrfField, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';

export interface FormState {
  csrf: string;
  problems?: Problem[];
  values?: Record<string, string>;
}

export function Form({ action, csrf, children, label }: { action: string; csrf: string; children: ComponentChildren; label?: string }) {
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

export function MessageView({ title, text, link }: { title: string; text: string; link?: { path: string; label: string } }) {
  const { href } = usePage();
  return (
    <>
      <PageHeader title={title} />
      <Notice text={text} />
      {link ? (
        <p>
          <a href={href(link.path)}>{link.label}</a>
        </p>
      ) : null}
    </>
  );
}

/**
 * A new password and its repetition, as every form that sets one asks for them (set-up, change,
 * reset, invitation): the browser may suggest a strong password, and the hint states the rule.
 */
export function NewPasswordFields({
  label,
  hint,
  repeatLabel,
  problems,
}: {
  label: string;
  hint: string;
  repeatLabel: string;
  problems: Problem[];
}) {
  return (
    <>
      <FormField name="password" type="password" label={label} hint={hint} autocomplete="new-password" required problems={problems} />
      <FormField name="password_repeat" type="password" label={repeatLabel} autocomplete="new-password" required problems={problems} />
    </>
  );
}
