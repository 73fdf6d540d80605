// Form controls beyond the text field of the kit (select, checkbox, radio group, file, date and
// time), built like FormField: label, hint and error tied to the control by ids, so every module's
// forms read alike to a screen reader and link from the error summary the same way.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../errors/app-error.js';
import { FieldError, FieldHint, FieldShell, fieldDescription } from './components.js';

const mineOf = (problems: readonly Problem[], name: string) => problems.filter((p) => p.field === name);

export function SelectField({
  name,
  label,
  hint,
  options,
  value,
  problems = [],
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  problems?: Problem[];
  required?: boolean;
}) {
  const id = `f-${name}`;
  const mine = mineOf(problems, name);
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <select
        id={id}
        name={name}
        aria-describedby={fieldDescription(id, hint, mine)}
        aria-invalid={mine.length ? 'true' : undefined}
        required={required}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function DateTimeField({
  name,
  label,
  hint,
  value,
  problems = [],
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  problems?: Problem[];
  required?: boolean;
}) {
  const id = `f-${name}`;
  const mine = mineOf(problems, name);
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <input
        type="datetime-local"
        id={id}
        name={name}
        value={value}
        required={required}
        aria-describedby={fieldDescription(id, hint, mine)}
        aria-invalid={mine.length ? 'true' : undefined}
      />
    </FieldShell>
  );
}

export function FileField({
  name,
  label,
  hint,
  accept,
  problems = [],
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  accept: string;
  problems?: Problem[];
  required?: boolean;
}) {
  const id = `f-${name}`;
  const mine = mineOf(problems, name);
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <input
        type="file"
        id={id}
        name={name}
        accept={accept}
        aria-describedby={fieldDescription(id, hint, mine)}
        aria-invalid={mine.length ? 'true' : undefined}
      />
    </FieldShell>
  );
}

/**
 * A checkbox with its label, hint and error. Several checkboxes of one name (a list to choose
 * from) pass `value` and `idSuffix`; the error then belongs to the group, not to each box.
 */
export function CheckboxField({
  name,
  label,
  hint,
  checked,
  problems = [],
  value = '1',
  idSuffix,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  problems?: Problem[];
  value?: string;
  idSuffix?: string;
  children?: ComponentChildren;
}) {
  const id = `f-${name}${idSuffix ? `-${idSuffix}` : ''}`;
  const mine = idSuffix ? [] : mineOf(problems, name);
  return (
    <div class={`field${mine.length ? ' field--error' : ''}`}>
      <FieldError id={id} mine={mine} />
      {children}
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          checked={checked}
          aria-describedby={fieldDescription(id, hint, mine)}
          aria-invalid={mine.length ? 'true' : undefined}
        />
        <label for={id}>{label}</label>
      </div>
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/** A fieldset of radio buttons; the first one carries the field's id so error links reach it. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  value,
  problems = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  problems?: Problem[];
}) {
  const mine = mineOf(problems, name);
  const id = `f-${name}`;
  return (
    <fieldset class={`field${mine.length ? ' field--error' : ''}`} aria-describedby={fieldDescription(id, hint, mine)}>
      <legend>{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} mine={mine} />
      {options.map((o, i) => (
        <div class="checkbox" key={o.value}>
          <input
            type="radio"
            id={i === 0 ? id : `${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={o.value === value}
            aria-invalid={mine.length ? 'true' : undefined}
          />
          <label for={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
