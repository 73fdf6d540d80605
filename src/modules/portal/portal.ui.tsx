// The portal's own form part (the Markdown editor with preview, built like the kit's fields) and
// the blocks every portal page shares: rendered Markdown and the "available in Polish only" note.
// The select, checkbox and file fields come from the kit (core/ui/fields.tsx).
import type { Problem } from '../../core/errors/app-error.js';
import { FormField } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';

export { CheckboxField, FileField, SelectField } from '../../core/ui/fields.js';

/**
 * A Markdown textarea with its preview. Without JavaScript the form's "Podgląd" button renders the
 * preview on the server; with public/js/portal-preview.js the region updates as one types.
 */
export function MarkdownField({
  name,
  label,
  hint,
  value,
  problems = [],
  required,
  preview,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  problems?: Problem[];
  required?: boolean;
  preview?: string | null;
}) {
  const { t } = usePage();
  return (
    <div class="portal-editor" data-markdown-editor>
      <FormField
        name={name}
        label={label}
        hint={hint ?? t('portal.markdownHint')}
        multiline
        rows={14}
        value={value}
        problems={problems}
        required={required}
      />
      <section class="portal-preview" aria-labelledby={`preview-${name}-title`}>
        <h2 id={`preview-${name}-title`} class="portal-preview__title">
          {t('portal.previewOf', { field: label })}
        </h2>
        <div
          class="portal-preview__body prose"
          id={`preview-${name}`}
          data-preview-for={`f-${name}`}
          aria-live="polite"
          dangerouslySetInnerHTML={{ __html: preview ?? '' }}
        />
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
