// The one field where a person names a gmina (or, for local governments, a gmina or a powiat): free
// text with the units offered as suggestions by a native <datalist>, so it needs no script and
// degrades to a plain text field; ambiguous names are offered with their kind and powiat. A stored
// code is shown as the gmina's name, never as the code.
import type { Problem } from '../../core/errors/app-error.js';
import { FieldShell, fieldDescription } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { gminaFieldText, gminaLabel, type GminaChoice } from './gmina-choice.js';

export interface UnitSuggestion {
  teryt: string;
  /** The text the suggestion puts in the field; the resolver reads it back to the same unit. */
  label: string;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  problems?: Problem[];
  required?: boolean | undefined;
  /** The id of a datalist already on the page (several fields of one form share one list). */
  listId?: string | undefined;
}

/** The suggestions of a unit field, once per page when several fields share them. */
export function UnitDatalist({ id, suggestions }: { id: string; suggestions: readonly UnitSuggestion[] }) {
  return (
    <datalist id={id}>
      {suggestions.map((s) => (
        <option key={s.teryt} value={s.label} />
      ))}
    </datalist>
  );
}

/** A text field naming a territorial unit, with the given units as suggestions. */
export function UnitNameField({
  name,
  label,
  hint,
  value,
  problems = [],
  required,
  listId,
  suggestions,
}: FieldProps & { suggestions: readonly UnitSuggestion[] }) {
  const id = `f-${name}`;
  const mine = problems.filter((p) => p.field === name);
  const list = listId ?? `${id}-list`;
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        list={list}
        autoComplete="off"
        maxLength={200}
        required={required}
        aria-describedby={fieldDescription(id, hint, mine)}
        aria-invalid={mine.length ? 'true' : undefined}
      />
      {listId ? null : <UnitDatalist id={list} suggestions={suggestions} />}
    </FieldShell>
  );
}

/** The gminy as suggestions in the page's language (name alone, or with kind and powiat when shared). */
export function useGminaSuggestions(gminy: readonly GminaChoice[]): UnitSuggestion[] {
  const { t } = usePage();
  return gminy.map((g) => ({ teryt: g.teryt, label: gminaLabel(t, g) }));
}

/** The gmina field: a name typed or chosen from the suggestions; the hint says so unless another is given. */
export function GminaField(props: FieldProps & { gminy: readonly GminaChoice[] }) {
  const { t } = usePage();
  const suggestions = useGminaSuggestions(props.gminy);
  return (
    <UnitNameField
      {...props}
      hint={props.hint ?? t('territory.gminaField.hint')}
      value={gminaFieldText(t, props.gminy, props.value)}
      suggestions={props.listId ? [] : suggestions}
    />
  );
}

/** One datalist of the gminy for several GminaFields of a page (pass its id as their `listId`). */
export function GminaDatalist({ id, gminy }: { id: string; gminy: readonly GminaChoice[] }) {
  return <UnitDatalist id={id} suggestions={useGminaSuggestions(gminy)} />;
}
