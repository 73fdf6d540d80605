// Views of the registry module: the public catalogue (a GET form, so every search and filter is
// an address that can be shared), the entity page with its JSON-LD, and the staff list, form and
// field history.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Pagination, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import type { CatalogueQuery, EntityDetails, EntityRow, FacetCounts } from './registry.service.js';
import { catalogueParams, entityPath, FIELD_LABELS, FORM_FIELDS, PAGE_SIZE } from './registry.service.js';
import { LEGAL_FORMS, LIFECYCLES } from './registry.tables.js';

const formKey = (f: string) => `registry.legalForm.${f}` as TKey;

function FacetGroup({ legend, name, options, chosen }: { legend: string; name: string; options: { value: string; label: string; count: number }[]; chosen: string[] }) {
  if (options.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{legend}</legend>
      <ul class="plain">
        {options.map((o) => (
          <li key={o.value}>
            <input type="checkbox" id={`f-${name}-${o.value}`} name={name} value={o.value} checked={chosen.includes(o.value)} />{' '}
            <label for={`f-${name}-${o.value}`}>
              {o.label} <span class="facet__count">({o.count})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function CatalogueView({ query, rows, total, facets, names }: { query: CatalogueQuery; rows: EntityRow[]; total: number; facets: FacetCounts; names: Map<string, string> }) {
  const { t, href } = usePage();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const opts = (m: Map<string, number>, label: (k: string) => string, chosen: string[]) => {
    const keys = new Set([...m.keys(), ...chosen]);
    return [...keys].map((k) => ({ value: k, label: label(k), count: m.get(k) ?? 0 })).sort((a, b) => a.label.localeCompare(b.label, 'pl'));
  };
  const qs = catalogueParams(query, { page: 1 }).toString();
  const exportQs = qs ? `?${qs}` : '';
  return (
    <>
      <p>{t('registry.intro')}</p>
      <form method="get" action={href('/podmioty')} class="registry-search" role="search">
        <FormField name="q" type="search" label={t('registry.searchLabel')} hint={t('registry.searchHint')} value={query.q} maxLength={200} />
        <FacetGroup legend={t('registry.facetLegalForm')} name="forma" chosen={query.forma} options={opts(facets.legalForm, (k) => t(formKey(k)), query.forma)} />
        <FacetGroup legend={t('registry.facetPowiat')} name="powiat" chosen={query.powiat} options={opts(facets.powiat, (k) => names.get(k) ?? k, query.powiat)} />
        <FacetGroup legend={t('registry.facetGmina')} name="gmina" chosen={query.gmina} options={opts(facets.gmina, (k) => names.get(k) ?? k, query.gmina)} />
        <fieldset class="facet">
          <legend>{t('registry.facetStatus')}</legend>
          <ul class="plain">
            <li>
              <input type="checkbox" id="f-status_ps" name="status_ps" value="1" checked={query.statusPs} />{' '}
              <label for="f-status_ps">
                {t('registry.statusPs')} <span class="facet__count">({facets.statusPs})</span>
              </label>
            </li>
            <li>
              <input type="checkbox" id="f-znak" name="znak" value="1" checked={query.znak} />{' '}
              <label for="f-znak">
                {t('registry.markValid')} <span class="facet__count">({facets.mark})</span>
              </label>
            </li>
          </ul>
        </fieldset>
        <div class="field">
          <label for="f-sort">{t('registry.sort')}</label>
          <select id="f-sort" name="sort">
            <option value="" selected={query.sort === 'relevance' || (query.sort === 'name' && !query.q.trim())}>
              {t('registry.sortRelevance')}
            </option>
            <option value="nazwa" selected={query.sort === 'name' && Boolean(query.q.trim())}>
              {t('registry.sortName')}
            </option>
            <option value="najnowsze" selected={query.sort === 'newest'}>
              {t('registry.sortNewest')}
            </option>
          </select>
        </div>
        <Button>{t('registry.submit')}</Button> <a href={href('/podmioty')}>{t('registry.clear')}</a>
      </form>
      <h2 id="results">{t('registry.results', { count: total })}</h2>
      {rows.length === 0 ? (
        <p>{t('registry.none')}</p>
      ) : (
        <Table
          caption={t('registry.caption', { page: query.page, pages })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('registry.name'), cell: (r) => <a href={href(entityPath(r))}>{r.name}</a> },
            { header: t('registry.facetLegalForm'), cell: (r) => t(formKey(r.legal_form)) },
            { header: t('registry.place'), cell: (r) => r.town ?? '—' },
          ]}
        />
      )}
      <Pagination page={query.page} pages={pages} link={(p) => href(`/podmioty?${catalogueParams(query, { page: p }).toString()}`)} />
      <ul class="plain registry-downloads">
        <li>
          <a href={href(`/podmioty.csv${exportQs}`)}>{t('registry.downloadCsv')}</a>
        </li>
        <li>
          <a href={href(`/podmioty.json${exportQs}`)}>{t('registry.downloadJson')}</a>
        </li>
      </ul>
    </>
  );
}

/** JSON-LD as text safe inside a script element: `<` never appears, so `</script>` cannot either. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function EntityView({ details, gminaName, jsonLd }: { details: EntityDetails; gminaName: string | null; jsonLd: string }) {
  const { t, href } = usePage();
  const e = details.entity;
  const ids = [
    ['KRS', e.krs],
    ['NIP', e.nip],
    ['REGON', e.regon],
  ].filter(([, v]) => v) as [string, string][];
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <dl class="registry-facts">
        <dt>{t('registry.entity.legalForm')}</dt>
        <dd>{t(formKey(e.legal_form))}</dd>
        <dt>{t('registry.entity.state')}</dt>
        <dd>{t(`registry.lifecycle.${e.lifecycle}` as TKey)}</dd>
        <dt>{t('registry.entity.identifiers')}</dt>
        <dd>{ids.length ? ids.map(([k, v]) => `${k} ${v}`).join(', ') : t('registry.entity.noIdentifiers')}</dd>
        <dt>{t('registry.entity.location')}</dt>
        <dd>
          {[e.town, e.address].filter(Boolean).join(', ') || '—'}
          {'. '}
          {e.gmina_teryt ? <a href={href(`/terytorium/${e.gmina_teryt}`)}>{t('registry.entity.gminaLink', { name: gminaName ?? e.gmina_teryt })}</a> : t('registry.entity.noGmina')}
        </dd>
        {e.description ? (
          <>
            <dt>{t('registry.entity.description')}</dt>
            <dd>{e.description}</dd>
          </>
        ) : null}
        {e.website || e.email || e.phone ? (
          <>
            <dt>{t('registry.entity.contact')}</dt>
            <dd>
              {e.website ? <a href={e.website}>{e.website}</a> : null} {e.email ? <a href={`mailto:${e.email}`}>{e.email}</a> : null} {e.phone ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('registry.entity.psStatus')}</h2>
      <p>{details.ps.has ? t('registry.entity.psHas', { date: details.ps.since! }) : t('registry.entity.psNone')}</p>
      <h2>{t('registry.entity.marks')}</h2>
      {details.marks.length === 0 ? (
        <p>{t('registry.entity.noMarks')}</p>
      ) : (
        <ul>
          {details.marks.map((m, i) => (
            <li key={i}>
              {m.grantedOn ? t('registry.entity.markGranted', { date: m.grantedOn }) : t('registry.entity.markNoDate')}{' '}
              {m.expiresOn ? (m.isValid ? t('registry.entity.markExpires', { date: m.expiresOn }) : t('registry.entity.markExpired', { date: m.expiresOn })) : t('registry.entity.markNoExpiry')}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('registry.entity.source')}</h2>
      <p>
        {e.data_source ? `${e.data_source}. ` : ''}
        {e.source_url ? <a href={e.source_url}>{t('registry.entity.sourceLink')}</a> : null}
      </p>
      <p>{e.verified_at ? t('registry.entity.verified', { date: e.verified_at }) : t('registry.entity.notVerified')}</p>
    </>
  );
}

// --- staff -----------------------------------------------------------------------------------

export function AdminListView({ rows, notice }: { rows: EntityRow[]; notice: string | null }) {
  const { t, href } = usePage();
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <a class="button button--primary" href={href('/admin/podmioty/nowy')}>
          {t('registry.admin.create')}
        </a>
      </p>
      <Table
        caption={t('registry.admin.caption')}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: t('registry.name'), cell: (r) => <a href={href(`/admin/podmioty/${r.id}`)}>{r.name}</a> },
          { header: t('registry.facetLegalForm'), cell: (r) => t(formKey(r.legal_form)) },
          { header: t('registry.entity.state'), cell: (r) => t(`registry.lifecycle.${r.lifecycle}` as TKey) },
        ]}
      />
    </>
  );
}

function Select({ name, label, value, options, problems }: { name: string; label: string; value: string; options: { value: string; label: string }[]; problems: Problem[] }) {
  const mine = problems.filter((p) => p.field === name);
  return (
    <div class={`field${mine.length ? ' field--error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} aria-invalid={mine.length ? 'true' : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ChangeRow {
  id: string;
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

export function EntityFormView({ csrf, action, values, problems = [], history, notice }: { csrf: string; action: string; values: Record<string, string>; problems?: Problem[]; history?: ChangeRow[]; notice?: string | null }) {
  const { t, href } = usePage();
  const field = (name: (typeof FORM_FIELDS)[number], extra: { hint?: string; multiline?: boolean; required?: boolean; type?: 'url' | 'email' | 'tel' } = {}) => (
    <FormField name={name} label={t(FIELD_LABELS[name])} value={values[name] ?? ''} problems={problems} {...extra} />
  );
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        {field('name', { required: true })}
        {field('short_name')}
        <Select name="legal_form" label={t('registry.field.legalForm')} value={values.legal_form ?? ''} problems={problems} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(formKey(f)) }))} />
        <Select name="lifecycle" label={t('registry.field.lifecycle')} value={values.lifecycle ?? 'active'} problems={problems} options={LIFECYCLES.map((f) => ({ value: f, label: t(`registry.lifecycle.${f}` as TKey) }))} />
        {field('nip', { hint: t('registry.field.identHint') })}
        {field('regon', { hint: t('registry.field.identHint') })}
        {field('krs', { hint: t('registry.field.identHint') })}
        {field('gmina_teryt', { hint: t('registry.field.gminaHint') })}
        {field('town')}
        {field('address')}
        {field('website', { type: 'url' })}
        {field('email', { type: 'email' })}
        {field('phone', { type: 'tel' })}
        {field('description', { multiline: true })}
        {field('source_url', { type: 'url' })}
        {field('verified_at', { hint: t('registry.field.verifiedHint') })}
        <Button>{t('registry.admin.save')}</Button>
      </form>
      {history ? (
        <>
          <h2>{t('registry.admin.history')}</h2>
          {history.length === 0 ? (
            <p>{t('registry.admin.historyNone')}</p>
          ) : (
            <Table
              caption={t('registry.admin.history')}
              rows={history}
              rowKey={(r) => r.id}
              columns={[
                { header: t('registry.admin.when'), cell: (r) => r.at.slice(0, 19).replace('T', ' ') + ' UTC' },
                { header: t('registry.admin.fieldCol'), cell: (r) => (r.field in FIELD_LABELS ? t(FIELD_LABELS[r.field as keyof typeof FIELD_LABELS]) : r.field) },
                { header: t('registry.admin.oldValue'), cell: (r) => r.old_value ?? '—' },
                { header: t('registry.admin.newValue'), cell: (r) => r.new_value ?? '—' },
              ]}
            />
          )}
          <p>
            <a href={href('/admin/podmioty')}>{t('registry.admin.title')}</a>
          </p>
        </>
      ) : null}
    </>
  );
}

/** The entities section of a territorial profile (gmina or powiat). */
export function EntitiesSection({ rows, allPath }: { rows: EntityRow[]; allPath: string }) {
  const { t, href } = usePage();
  if (rows.length === 0) return <p>{t('registry.profileNone')}</p>;
  return (
    <>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <a href={href(entityPath(r))}>{r.name}</a> ({t(formKey(r.legal_form))})
          </li>
        ))}
      </ul>
      <p>
        <a href={href(allPath)}>{t('registry.profileAll')}</a>
      </p>
    </>
  );
}
