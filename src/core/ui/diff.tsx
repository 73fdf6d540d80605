// How a word-level difference is shown: <ins>/<del> carry the meaning for assistive technology and
// a visually hidden word says it aloud, so nobody depends on the colour or strike-through.
import type { DiffPart } from '../text/word-diff.js';
import { usePage } from './context.js';

export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  const { t } = usePage();
  return (
    <>
      {parts.map((p) =>
        p.kind === 'same' ? (
          p.text
        ) : p.kind === 'added' ? (
          <ins>
            <span class="visually-hidden">{t('text.inserted')} </span>
            {p.text}
            <span class="visually-hidden"> {t('text.insertedEnd')}</span>
          </ins>
        ) : (
          <del>
            <span class="visually-hidden">{t('text.deleted')} </span>
            {p.text}
            <span class="visually-hidden"> {t('text.deletedEnd')}</span>
          </del>
        ),
      )}
    </>
  );
}
