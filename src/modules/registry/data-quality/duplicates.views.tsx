// Views of the suspected duplicates for staff: the list of pairs (same folded name in the same
// gmina) and the comparison of one pair with the merge form (which record stays, which value each
// differing field takes) and the "different entities" button.
import { Alert, Button, CsrfField, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { TKey } from '../../../i18n/index.js';
import { MERGE_FIELD_LABELS, type PairDetails, type SuspectedPair } from './duplicates.service.js';

export const DUPLICATES_PATH = '/admin/podmioty/duplikaty';

const formKey = (f: string) => `registry.legalForm.${f}` as TKey;

export function DuplicatesListView({ pairs, notice }: { pairs: SuspectedPair[]; notice: string | null }) {
  const { t, href, fmt } = usePage();
  const member = (m: SuspectedPair['a']) => (
    <>
      <a href={href(`/admin/podmioty/${m.id}`)}>{m.name}</a>
      <br />
      <span class="hint">
        {t(formKey(m.legal_form))}; {t('registryDuplicates.created', { date: fmt.date(m.created_at) })}
        {m.nip ? `; NIP ${m.nip}` : ''}
      </span>
    </>
  );
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>{t('registryDuplicates.intro')}</p>
      {pairs.length === 0 ? (
        <p>{t('registryDuplicates.none')}</p>
      ) : (
        <Table
          caption={t('registryDuplicates.caption')}
          rows={pairs}
          rowKey={(p) => `${p.a.id}-${p.b.id}`}
          columns={[
            { header: t('registryDuplicates.first'), cell: (p) => member(p.a) },
            { header: t('registryDuplicates.second'), cell: (p) => member(p.b) },
            { header: t('registryDuplicates.gmina'), cell: (p) => p.gminaName ?? p.a.gmina_teryt },
            {
              header: t('registryDuplicates.action'),
              cell: (p) => (
                <a href={href(`${DUPLICATES_PATH}/${p.a.id}/${p.b.id}`)}>{t('registryDuplicates.compare', { name: p.a.name })}</a>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

export function PairView({ csrf, details }: { csrf: string; details: PairDetails }) {
  const { t, href, fmt } = usePage();
  const { a, b, differing } = details;
  const base = `${DUPLICATES_PATH}/${a.id}/${b.id}`;
  const shown = (v: string | null) => (v === null ? t('registryDuplicates.empty') : v.length > 200 ? `${v.slice(0, 200)}…` : v);
  return (
    <>
      <form method="post" action={href(`${base}/scal`)} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{t('registryDuplicates.keep')}</legend>
          <p class="hint" id="keep-hint">
            {t('registryDuplicates.keepHint')}
          </p>
          <div class="choice">
            <input type="radio" id="f-keep-a" name="keep" value="a" checked aria-describedby="keep-hint" />
            <label for="f-keep-a">
              {t('registryDuplicates.keepA', { date: fmt.date(a.created_at) })}: {a.name}
            </label>
          </div>
          <div class="choice">
            <input type="radio" id="f-keep-b" name="keep" value="b" aria-describedby="keep-hint" />
            <label for="f-keep-b">
              {t('registryDuplicates.keepB', { date: fmt.date(b.created_at) })}: {b.name}
            </label>
          </div>
        </fieldset>
        <h2>{t('registryDuplicates.fields')}</h2>
        <p>{t('registryDuplicates.fieldsHint')}</p>
        {differing.map((d) => (
          <fieldset key={d.field}>
            <legend>{t('registryDuplicates.choose', { field: t(MERGE_FIELD_LABELS[d.field]) })}</legend>
            {(['a', 'b'] as const).map((side) => (
              <div class="choice" key={side}>
                <input type="radio" id={`f-take_${d.field}-${side}`} name={`take_${d.field}`} value={side} checked={d.preferred === side} />
                <label for={`f-take_${d.field}-${side}`}>
                  {side === 'a' ? t('registryDuplicates.first') : t('registryDuplicates.second')}: {shown(d[side])}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
        <p>{t('registryDuplicates.same')}</p>
        <p>{t('registryDuplicates.moved')}</p>
        <Button>{t('registryDuplicates.merge')}</Button>
      </form>
      <form method="post" action={href(`${base}/rozne`)}>
        <CsrfField token={csrf} />
        <p class="hint" id="dismiss-hint">
          {t('registryDuplicates.dismissHint')}
        </p>
        <Button variant="secondary" aria-describedby="dismiss-hint">
          {t('registryDuplicates.dismiss')}
        </Button>
      </form>
    </>
  );
}
