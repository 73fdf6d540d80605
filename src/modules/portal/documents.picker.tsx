// The one picker of library documents that other modules' staff pages use to attach published
// documents to their records (an event, a consultation): the attached ones, each with a button
// detaching it; a search by title (a GET form, so it needs no script and keeps nothing half-typed
// elsewhere); the documents offered — the first ones by title, narrowed by the search — each with a
// button attaching it. Nobody types or pastes an id. The documents come from `findDocumentChoices`.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { AttachedDocument, DocumentPick } from './documents.service.js';

export function LibraryDocumentsPicker({
  path,
  detachPath,
  attached,
  noneText,
  q,
  offered,
  problems,
  csrf,
}: {
  /** The staff page (Polish path): the search and the attach buttons go there. */
  path: string;
  /** Where the detach button of one attached document posts (Polish path). */
  detachPath: (documentId: string) => string;
  attached: AttachedDocument[];
  /** What the page says when nothing is attached ("Do wydarzenia nie dołączono dokumentów."). */
  noneText: string;
  /** The words searched for, as typed. */
  q: string;
  offered: DocumentPick;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href } = usePage();
  const { choices, total } = offered;
  const searched = q.trim() !== '';
  const status =
    total === 0
      ? searched
        ? t('documents.picker.noResults', { q })
        : t('documents.picker.noneLeft')
      : total > choices.length
        ? t('documents.picker.firstOf', { count: total, shown: choices.length })
        : searched
          ? t('documents.picker.found', { count: total })
          : null;
  return (
    <>
      <ErrorSummary problems={problems} />
      <section aria-labelledby="attached-documents">
        <h2 id="attached-documents">{t('documents.picker.attachedTitle')}</h2>
        {attached.length ? (
          <ul class="document-list">
            {attached.map((d) => (
              <li key={d.id}>
                <a href={href(d.href)} lang={d.isFallback ? 'pl' : undefined}>
                  {d.title}
                </a>{' '}
                ({d.kind})
                <form method="post" action={href(detachPath(d.id))}>
                  <CsrfField token={csrf} />
                  <Button variant="secondary">{t('documents.picker.detach', { title: d.title })}</Button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{noneText}</p>
        )}
      </section>
      <section aria-labelledby="document-choices">
        <h2 id="document-choices">{t('documents.picker.chooseTitle')}</h2>
        <form method="get" action={href(path)} role="search">
          <FormField
            name="q"
            type="search"
            label={t('documents.picker.search')}
            hint={t('documents.picker.searchHint')}
            value={q}
            problems={problems}
            maxLength={200}
          />
          <Button variant="secondary">{t('documents.picker.searchSubmit')}</Button>
        </form>
        {status ? <p>{status}</p> : null}
        {choices.length ? (
          <ul class="document-choices">
            {choices.map((d) => (
              <li key={d.id}>
                <form method="post" action={href(path)}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="document_id" value={d.id} />
                  <input type="hidden" name="q" value={q} />
                  <span lang="pl">{d.title}</span> <Button>{t('documents.picker.attach', { title: d.title })}</Button>
                </form>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

/**
 * A whole staff page of an object's library documents (a consultation's, an event's): its heading,
 * the saved notice and the picker; detaching posts to `{path}/{document id}/odlacz`.
 */
export function LibraryDocumentsPage({
  title,
  lead,
  notice,
  ...picker
}: Omit<Parameters<typeof LibraryDocumentsPicker>[0], 'detachPath'> & { title: string; lead: string; notice: string | null }) {
  return (
    <>
      <PageHeader title={title} lead={lead} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <LibraryDocumentsPicker {...picker} detachPath={(id) => `${picker.path}/${id}/odlacz`} />
    </>
  );
}
