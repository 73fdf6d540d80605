// Views of the registry module: the public catalogue (a GET form, so every search and filter is
// an address that can be shared), the entity page with its JSON-LD, and the staff list, form and
// field history.
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Pagination, Table } from '../../../core/ui/components.js';
import { FacetChecklist, FacetLayout, FiltersDisclosure } from '../../../core/ui/facets.js';
import { usePage } from '../../../core/ui/context.js';
import { SelectField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import type { EntityDetails, EntityRow } from './registry.service.js';
import { entityPath, FIELD_LABELS, FORM_FIELDS } from './registry.service.js';
import { LEGAL_FORMS, LIFECYCLES } from './registry.tables.js';
import { GminaField, type GminaChoice } from '../../territory/index.js';
import { ACTIVITY_STATES, activityLabel, activityState } from './activity-state.js';
import { staffListParams, type StaffListQuery, type StaffListResult } from './staff-list.service.js';
import type { ComponentChildren, VNode } from 'preact';
import type { PsFlag, PublicRecord } from './record.service.js';
import { HistoryTable, PsFlagCell, PublicRecordSections, type ChangeRow } from './record.views.js';
import type { EntityLocation } from '../catalogue/registry.location.js';
import { EntityLocationSection } from '../catalogue/registry.location.views.js';

const formKey = (f: string) => `registry.legalForm.${f}` as TKey;

// the public catalogue and its map are in registry.catalogue.views.tsx

/** JSON-LD as text safe inside a script element: `<` never appears, so `</script>` cannot either. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** "To mój podmiot": where a representative asks to manage the profile (self-service). */
function ClaimLink({ entityId }: { entityId: string }) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="claim-title" class="registry-claim">
      <h2 id="claim-title">{t('claims.link')}</h2>
      <p>{t('claims.linkIntro')}</p>
      <p>
        <a class="button button--secondary" href={href(`/podmioty/${entityId}/to-moj-podmiot`)}>
          {t('claims.link')}
        </a>
      </p>
    </section>
  );
}

export function EntityView({
  details,
  gminaName,
  jsonLd,
  record,
  location,
  sections = [],
}: {
  details: EntityDetails;
  gminaName: string | null;
  jsonLd: string;
  record?: PublicRecord;
  location?: EntityLocation | null;
  /** What other modules add to the page (entityPageSections), each with its own heading. */
  sections?: VNode[];
}) {
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
      {e.is_synthetic ? <Alert kind="info">{t('registryCatalogue.syntheticNotice')}</Alert> : null}
      <dl class="registry-facts">
        <dt>{t('registry.entity.legalForm')}</dt>
        <dd>{t(formKey(e.legal_form))}</dd>
        <dt>{t('registry.entity.state')}</dt>
        <dd>
          {activityLabel(t, e)}
          {activityState(e) === 'unverified' ? (
            <>
              {'. '}
              {e.verified_at
                ? t('registry.activity.unverifiedNote', { date: e.verified_at })
                : t('registry.activity.unverifiedNoteUndated')}
            </>
          ) : null}
        </dd>
        <dt>{t('registry.entity.identifiers')}</dt>
        <dd>{ids.length ? ids.map(([k, v]) => `${k} ${v}`).join(', ') : t('registry.entity.noIdentifiers')}</dd>
        <dt>{t('registry.entity.location')}</dt>
        <dd>
          {[e.town, e.address].filter(Boolean).join(', ') || '—'}
          {'. '}
          {e.gmina_teryt ? (
            <a href={href(`/terytorium/${e.gmina_teryt}`)}>{t('registry.entity.gminaLink', { name: gminaName ?? e.gmina_teryt })}</a>
          ) : (
            t('registry.entity.noGmina')
          )}
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
              {e.website ? <a href={e.website}>{e.website}</a> : null} {e.email ? <a href={`mailto:${e.email}`}>{e.email}</a> : null}{' '}
              {e.phone ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      {location ? <EntityLocationSection location={location} /> : null}
      {record ? <PublicRecordSections record={record} /> : null}
      {sections}
      <h2>{t('registry.entity.source')}</h2>
      <p>
        {e.data_source ? `${e.data_source}. ` : ''}
        {e.source_url ? <a href={e.source_url}>{t('registry.entity.sourceLink')}</a> : null}
      </p>
      <p>{e.verified_at ? t('registry.entity.verified', { date: e.verified_at }) : t('registry.entity.notVerified')}</p>
      <ClaimLink entityId={e.id} />
    </>
  );
}

// --- staff -----------------------------------------------------------------------------------

export function AdminListView({
  result,
  query,
  notice,
  psFlags,
}: {
  result: StaffListResult;
  query: StaffListQuery;
  notice: string | null;
  psFlags?: Map<string, PsFlag>;
}) {
  const { t, href } = usePage();
  const { rows, total, page, pages } = result;
  const filters = (
    <form method="get" action={href('/admin/podmioty')} role="search" aria-label={t('registry.admin.searchLabel')} data-live-filters>
      <FormField
        name="q"
        type="search"
        label={t('registry.admin.searchLabel')}
        hint={t('registry.admin.searchHint')}
        value={query.q}
        maxLength={200}
      />
      <p>
        <Button>{t('registry.submit')}</Button> <a href={href('/admin/podmioty')}>{t('registry.admin.clear')}</a>
      </p>
      <FiltersDisclosure chosen={query.forma.length + query.stan.length}>
        <FacetChecklist
          legend={t('registry.facetLegalForm')}
          name="forma"
          chosen={query.forma}
          options={LEGAL_FORMS.map((f) => ({ value: f, label: t(formKey(f)) }))}
        />
        <FacetChecklist
          legend={t('registry.facetActivityState')}
          name="stan"
          chosen={query.stan}
          options={ACTIVITY_STATES.map((s) => ({ value: s, label: t(`registry.activityState.${s}`) }))}
        />
        <Button variant="secondary">{t('filters.apply')}</Button>
      </FiltersDisclosure>
    </form>
  );
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <a class="button button--primary" href={href('/admin/podmioty/nowy')}>
          {t('registry.admin.create')}
        </a>{' '}
        <a href={href('/admin/podmioty/import')}>{t('registryImport.link')}</a> ·{' '}
        <a href={href('/admin/podmioty/duplikaty')}>{t('registryDuplicates.link')}</a>
      </p>
      <FacetLayout filters={filters} resultsId="results" resultsCount={total}>
        <h2 id="results">{t('registry.admin.found', { count: total })}</h2>
        {rows.length === 0 ? (
          <p>{t('registry.admin.none')}</p>
        ) : (
          <Table
            caption={pages > 1 ? t('registry.admin.captionPage', { page, pages }) : t('registry.admin.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t('registry.name'), cell: (r) => <a href={href(`/admin/podmioty/${r.id}`)}>{r.name}</a> },
              { header: t('registry.facetLegalForm'), cell: (r) => t(formKey(r.legal_form)) },
              { header: t('registry.place'), cell: (r) => r.town ?? '—' },
              { header: t('registry.entity.state'), cell: (r) => activityLabel(t, r) },
              ...(psFlags ? [{ header: t('entityRecord.list.ps'), cell: (r: EntityRow) => <PsFlagCell flag={psFlags.get(r.id)} /> }] : []),
            ]}
          />
        )}
        <Pagination page={page} pages={pages} link={(p) => href(`/admin/podmioty?${staffListParams(query, p).toString()}`)} />
      </FacetLayout>
    </>
  );
}

export type { ChangeRow } from './record.views.js';

export function EntityFormView({
  csrf,
  action,
  values,
  problems = [],
  history,
  notice,
  summary,
  gminy,
}: {
  csrf: string;
  action: string;
  gminy: readonly GminaChoice[];
  values: Record<string, string>;
  problems?: Problem[];
  history?: ChangeRow[];
  notice?: string | null;
  summary?: ComponentChildren;
}) {
  const { t, href } = usePage();
  const field = (
    name: (typeof FORM_FIELDS)[number],
    extra: { hint?: string; multiline?: boolean; required?: boolean; type?: 'url' | 'email' | 'tel' } = {},
  ) => <FormField name={name} label={t(FIELD_LABELS[name])} value={values[name] ?? ''} problems={problems} {...extra} />;
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {summary}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        {field('name', { required: true })}
        {field('short_name')}
        <SelectField
          name="legal_form"
          label={t('registry.field.legalForm')}
          value={values.legal_form ?? ''}
          problems={problems}
          options={LEGAL_FORMS.map((f) => ({ value: f, label: t(formKey(f)) }))}
        />
        {field('creating_body', { hint: t('registry.field.creatingBodyHint') })}
        <SelectField
          name="lifecycle"
          label={t('registry.field.lifecycle')}
          value={values.lifecycle ?? 'active'}
          problems={problems}
          options={LIFECYCLES.map((f) => ({ value: f, label: t(`registry.lifecycle.${f}` as TKey) }))}
        />
        {field('nip', { hint: t('registry.field.identHint') })}
        {field('regon', { hint: t('registry.field.identHint') })}
        {field('krs', { hint: t('registry.field.identHint') })}
        <GminaField
          name="gmina_teryt"
          label={t(FIELD_LABELS.gmina_teryt)}
          value={values.gmina_teryt ?? ''}
          problems={problems}
          gminy={gminy}
        />
        {field('town')}
        {field('address')}
        {field('website', { type: 'url' })}
        {field('email', { type: 'email' })}
        {field('phone', { type: 'tel' })}
        {field('description', { multiline: true })}
        {field('data_source', { hint: t('registry.field.dataSourceHint') })}
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
            <HistoryTable caption={t('registry.admin.history')} rows={history} />
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
            <a href={href(entityPath(r))}>{r.name}</a> ({t(formKey(r.legal_form))}; {activityLabel(t, r)})
          </li>
        ))}
      </ul>
      <p>
        <a href={href(allPath)}>{t('registry.profileAll')}</a>
      </p>
    </>
  );
}
