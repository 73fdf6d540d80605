// Form parts the core UI kit does not have (select, checkbox, file, Markdown editor with preview)
// built the same way as FormField: label, hint and error tied to the control by ids. Plus the
// blocks every portal page shares: rendered Markdown and the "available in Polish only" note.
import type { Problem } from '../../core/errors/app-error.js';
import { FieldShell, fieldDescription as described, FormField, useProblemText } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';


export function SelectField({ name, label, hint, options, value, problems = [], required }: { name: string; label: string; hint?: string; options: { value: string; label: string }[]; value: string; problems?: Problem[]; required?: boolean }) {
  const id = `f-${name}`;
  const mine = problems.filter((p) => p.field === name);
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <select id={id} name={name} aria-describedby={described(id, hint, mine)} aria-invalid={mine.length ? 'true' : undefined} required={required}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, checked, problems = [] }: { name: string; label: string; hint?: string; checked: boolean; problems?: Problem[] }) {
  const text = useProblemText();
  const id = `f-${name}`;
  const mine = problems.filter((p) => p.field === name);
  return (
    <div class={`field${mine.length ? ' field--error' : ''}`}>
      {mine.length ? (
        <p class="field-error" id={`${id}-error`}>
          {mine.map(text).join(' ')}
        </p>
      ) : null}
      <div class="checkbox">
        <input type="checkbox" id={id} name={name} value="1" checked={checked} aria-describedby={described(id, hint, mine)} aria-invalid={mine.length ? 'true' : undefined} />
        <label for={id}>{label}</label>
      </div>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FileField({ name, label, hint, accept, problems = [], required }: { name: string; label: string; hint?: string; accept: string; problems?: Problem[]; required?: boolean }) {
  const id = `f-${name}`;
  const mine = problems.filter((p) => p.field === name);
  return (
    <FieldShell id={id} label={label} hint={hint} mine={mine} required={required}>
      <input type="file" id={id} name={name} accept={accept} aria-describedby={described(id, hint, mine)} aria-invalid={mine.length ? 'true' : undefined} />
    </FieldShell>
  );
}

/**
 * A Markdown textarea with its preview. Without JavaScript the form's "Podgląd" button renders the
 * preview on the server; with public/js/portal-preview.js the region updates as one types.
 */
export function MarkdownField({ name, label, hint, value, problems = [], required, preview }: { name: string; label: string; hint?: string; value: string; problems?: Problem[]; required?: boolean; preview?: string | null }) {
  const { t } = usePage();
  return (
    <div class="portal-editor" data-markdown-editor>
      <FormField name={name} label={label} hint={hint ?? t('portal.markdownHint')} multiline rows={14} value={value} problems={problems} required={required} />
      <section class="portal-preview" aria-labelledby={`preview-${name}-title`}>
        <h2 id={`preview-${name}-title`} class="portal-preview__title">
          {t('portal.previewOf', { field: label })}
        </h2>
        <div class="portal-preview__body prose" id={`preview-${name}`} data-preview-for={`f-${name}`} aria-live="polite" dangerouslySetInnerHTML={{ __html: preview ?? '' }} />
      </section>
    </div>
  );
}

/** Rendered (already sanitised) Markdown. */
export function Prose({ html, lang }: { html: string; lang?: string }) {
  return <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Shown on English pages whose content exists only in Polish. */
export function PolishOnlyNote() {
  const { t } = usePage();
  return <p class="portal-lang-note">{t('portal.polishOnly')}</p>;
}
