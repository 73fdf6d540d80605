// Views of agenda items' links: the staff page of one item (public or internal, library documents
// picked by title from a search of the library, a linked object picked by name from a search of the
// chosen kind — never typed ids), the item's links as shown on public pages, and the list of a body's
// opinions and resolutions other modules' pages show on the object they concern.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldError, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { CheckboxField, RadioGroup, SelectField } from '../../core/ui/fields.js';
import { decisionText } from './minutes.document.js';
import type { ItemEditor, ItemLinks, OpinionOnObject } from './agenda.service.js';

type Values = Record<string, string | undefined>;

export function AgendaItemView({
  bodyName,
  path,
  editor,
  search,
  values,
  problems,
  csrf,
  notice,
  locked,
}: {
  bodyName: string;
  path: string;
  editor: ItemEditor;
  search: { documents: string; kind: string; objects: string };
  /** The refused form, or null for the saved state. */
  values: Values | null;
  problems: Problem[];
  csrf: string;
  notice: string | null;
  locked: boolean;
}) {
  const { t, href } = usePage();
  const { item, links } = editor;
  const boxChecked = (name: string, saved: boolean) => (values ? values[name] === '1' : saved);
  const current = links.object ? `${links.object.kind}:${links.object.id}` : '';
  const objectOptions = [
    { value: '', label: t('bodies.agenda.noObject') },
    ...(links.object ? [{ value: current, label: objectLabel(t, links.object) }] : []),
    ...(editor.objectHits ?? [])
      .filter((o) => `${o.kind}:${o.id}` !== current)
      .map((o) => ({ value: `${o.kind}:${o.id}`, label: o.title })),
  ];
  const kindOptions = editor.kinds.map((k) => ({ value: k.kind, label: t(k.labelKey) }));
  return (
    <>
      <PageHeader title={t('bodies.agenda.editOf', { item: item.title })} lead={bodyName} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {problems.length ? <ErrorSummary problems={problems} /> : null}
      {locked ? null : (
        <>
          <section aria-labelledby="doc-search">
            <h2 id="doc-search">{t('bodies.agenda.documents')}</h2>
            <form method="get" action={href(path)}>
              <FormField
                name="dq"
                label={t('bodies.agenda.searchDocuments')}
                hint={t('bodies.agenda.searchDocumentsHint')}
                value={search.documents}
              />
              {search.kind ? <input type="hidden" name="rodzaj" value={search.kind} /> : null}
              {search.objects ? <input type="hidden" name="oq" value={search.objects} /> : null}
              <Button variant="secondary">{t('bodies.agenda.search')}</Button>
            </form>
          </section>
          <section aria-labelledby="object-search">
            <h2 id="object-search">{t('bodies.agenda.object')}</h2>
            {kindOptions.length === 0 ? (
              <p>{t('bodies.agenda.noKinds')}</p>
            ) : (
              <form method="get" action={href(path)}>
                <SelectField
                  name="rodzaj"
                  label={t('bodies.agenda.objectKind')}
                  options={kindOptions}
                  value={search.kind || kindOptions[0]!.value}
                />
                <FormField
                  name="oq"
                  label={t('bodies.agenda.searchObjects')}
                  hint={t('bodies.agenda.searchObjectsHint')}
                  value={search.objects}
                />
                {search.documents ? <input type="hidden" name="dq" value={search.documents} /> : null}
                <Button variant="secondary">{t('bodies.agenda.search')}</Button>
              </form>
            )}
          </section>
        </>
      )}
      <form method="post" action={href(path)} novalidate>
        <CsrfField token={csrf} />
        <h2>{t('bodies.agenda.edit')}</h2>
        <CheckboxField
          name="is_public"
          label={t('bodies.agenda.isPublic')}
          hint={t('bodies.agenda.internalHint')}
          checked={boxChecked('is_public', item.is_public)}
          problems={problems}
        />
        <fieldset
          class="field"
          id="f-documents"
          aria-describedby={problems.some((p) => p.field === 'documents') ? 'f-documents-error' : undefined}
        >
          <legend>{t('bodies.agenda.documents')}</legend>
          <FieldError id="f-documents" mine={problems.filter((p) => p.field === 'documents')} />
          {links.documents.length === 0 && !editor.documentHits?.length ? <p>{t('bodies.agenda.documentsNone')}</p> : null}
          {links.documents.map((d) => (
            <CheckboxField key={d.id} name={`doc_${d.id}`} label={d.title} checked={boxChecked(`doc_${d.id}`, true)} />
          ))}
          {editor.documentHits ? (
            editor.documentHits.length === 0 ? (
              <p>{t('bodies.agenda.nothingFound')}</p>
            ) : (
              <>
                <p>{t('bodies.agenda.found')}</p>
                {editor.documentHits.map((d) => (
                  <CheckboxField key={d.id} name={`doc_${d.id}`} label={d.title} checked={boxChecked(`doc_${d.id}`, false)} />
                ))}
              </>
            )
          ) : null}
        </fieldset>
        <RadioGroup
          name="object"
          legend={t('bodies.agenda.object')}
          hint={t('bodies.agenda.objectHint')}
          options={objectOptions}
          value={values ? (values.object ?? '') : current}
          problems={problems}
        />
        {editor.objectHits && editor.objectHits.length === 0 ? <p>{t('bodies.agenda.nothingFound')}</p> : null}
        {locked ? null : <Button>{t('bodies.agenda.save')}</Button>}
      </form>
    </>
  );
}

function objectLabel(t: ReturnType<typeof usePage>['t'], o: NonNullable<ItemLinks['object']>): string {
  return o.labelKey ? `${t(o.labelKey)}: ${o.title}` : o.title;
}

/** An item's documents and linked object, under the item on public and members' pages. */
export function ItemLinksView({ links }: { links: ItemLinks | undefined }) {
  const { t, href, lang } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  if (!links || (links.documents.length === 0 && !links.object)) return null;
  return (
    <ul class="agenda-links">
      {links.object ? (
        <li>
          {t('bodies.agenda.concernsLabel')}{' '}
          {links.object.url ? (
            <a href={href(links.object.url)} lang={pl}>
              {objectLabel(t, links.object)}
            </a>
          ) : (
            <span lang={pl}>{objectLabel(t, links.object)}</span>
          )}
        </li>
      ) : null}
      {links.documents.map((d) => (
        <li key={d.id}>
          <a href={href(d.href)} lang={d.isFallback ? 'pl' : undefined}>
            {d.title}
          </a>{' '}
          ({d.kind.toUpperCase()})
        </li>
      ))}
    </ul>
  );
}

/** The bodies' opinions and resolutions on one object (on that object's page). */
export function OpinionsSection({ opinions, headingId }: { opinions: OpinionOnObject[]; headingId: string }) {
  const { t, href, fmt } = usePage();
  if (opinions.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('bodies.agenda.opinions')}</h2>
      <ul>
        {opinions.map((o) => (
          <li key={o.decision.item.id}>
            <a href={href(`/zespoly/${o.body.slug}`)}>{o.body.name}</a>
            {', '}
            {t('bodies.agenda.opinionAt', {
              when: fmt.dateTime(o.meeting.starts_at),
              item: o.decision.item.title,
              decision: o.meeting.status === 'planned' ? t('bodies.agenda.toDiscuss') : decisionText(t, o.decision),
            })}
            {o.minutesPath ? (
              <>
                {' '}
                <a href={href(o.minutesPath)}>{t('bodies.minutes.show')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The agenda on the staff's meeting page: each item public or internal, its links, and the way to its page. */
export function AgendaAdminList({
  base,
  items,
  links,
}: {
  base: string;
  items: { id: string; title: string; presenter: string | null; is_public: boolean }[];
  links: Map<string, ItemLinks>;
}) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="agenda-items">
      <h2 id="agenda-items">{t('bodies.meeting.agenda')}</h2>
      <ol>
        {items.map((a) => {
          const l = links.get(a.id);
          return (
            <li key={a.id}>
              <a href={href(`${base}/punkty/${a.id}`)}>{a.title}</a>
              {a.presenter ? ` (${a.presenter})` : ''} — {a.is_public ? t('bodies.agenda.public') : t('bodies.agenda.internal')}
              {l?.documents.length ? `, ${t('bodies.agenda.documentCount', { count: l.documents.length })}` : ''}
              {l?.object ? `, ${t('bodies.agenda.concernsLabel')} ${objectLabel(t, l.object)}` : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The public items of a meeting with their documents and linked object, on the body's public page. */
export function PublicAgenda({
  items,
  links,
}: {
  items: { id: string; title: string; presenter: string | null }[];
  links: Map<string, ItemLinks>;
}) {
  const { lang } = usePage();
  if (items.length === 0) return null;
  return (
    <ol lang={lang === 'en' ? 'pl' : undefined}>
      {items.map((a) => (
        <li key={a.id}>
          {a.title}
          {a.presenter ? ` (${a.presenter})` : ''}
          <ItemLinksView links={links.get(a.id)} />
        </li>
      ))}
    </ol>
  );
}
