// View fragments the bodies pages share (meetings, minutes, written procedures): a time on the
// Warsaw clock, the notice after a change, a list that says when it is empty, a staff form, a section
// of the member space, and the one-choice form a member answers by link or in their space (an
// invitation's answer, a ballot's vote) with the answer already given.
import type { ComponentChildren, VNode } from 'preact';
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { RadioGroup } from '../../../core/ui/fields.js';

/** A form's values as the form names them. */
export type Values = Record<string, string | undefined>;

export function When({ at }: { at: string }) {
  const { fmt } = usePage();
  return <time dateTime={at}>{fmt.dateTime(at)}</time>;
}

/** The success notice after a redirect, when there is one. */
export function Notice({ notice }: { notice: string | null }) {
  return notice ? (
    <Alert kind="success">
      <p>{notice}</p>
    </Alert>
  ) : null;
}

/** The problems of a refused form, when there are some. */
export function Problems({ problems }: { problems: Problem[] }) {
  return problems.length ? <ErrorSummary problems={problems} /> : null;
}

/** A list of `items` drawn by `item` (each a `<li>` with its key), or the sentence `none` when empty. */
export function ListOrNone<T>({ items, none, item }: { items: readonly T[]; none: string; item: (x: T, i: number) => VNode }) {
  return items.length === 0 ? <p>{none}</p> : <ul>{items.map(item)}</ul>;
}

/** A staff form posting to `action`: its heading, its fields (children) and the button. */
export function PostForm({
  action,
  csrf,
  heading,
  submit,
  secondary = false,
  novalidate = true,
  children,
}: {
  action: string;
  csrf: string;
  heading?: string;
  submit: string;
  secondary?: boolean;
  novalidate?: boolean;
  children?: ComponentChildren;
}) {
  const { href } = usePage();
  return (
    <form method="post" action={href(action)} novalidate={novalidate}>
      <CsrfField token={csrf} />
      {heading ? <h2>{heading}</h2> : null}
      {children}
      <Button variant={secondary ? 'secondary' : 'primary'}>{submit}</Button>
    </form>
  );
}

/** A section under its heading (`id` ties the two: the section is labelled by it). */
export function TitledSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The answer a member has given: confirmed just now (`saved`), or recalled; nothing before one. */
export function GivenAnswer({ saved, savedText, currentText }: { saved: boolean; savedText: string | null; currentText: string | null }) {
  return saved && savedText ? (
    <Alert kind="success">
      <p>{savedText}</p>
    </Alert>
  ) : currentText ? (
    <p>{currentText}</p>
  ) : null;
}

/** The member's one-choice form (an invitation's answer, a ballot's vote). */
export function ChoiceForm({
  action,
  csrf,
  name,
  legend,
  hint,
  value,
  problems,
  options,
  send,
}: {
  action: string;
  csrf: string;
  name: string;
  legend: string;
  hint?: string;
  value: string;
  problems: Problem[];
  options: { value: string; label: string }[];
  send: string;
}) {
  return (
    <PostForm action={action} csrf={csrf} submit={send}>
      <RadioGroup name={name} legend={legend} hint={hint} value={value} problems={problems} options={options} />
    </PostForm>
  );
}
