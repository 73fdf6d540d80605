// The registry as open data: the items of the API, the JSON file and the CSV file, one shape for all,
// and their typebox schemas (so OpenAPI documents every field). Each entity says only what its data
// support: its activity state (an entity nobody checked is 'unverified', never 'active'), its PS
// status and history, and its "Zakup Prospołeczny" marks with their dates and validity (valid only
// between known dates); `is_example` flags synthetic records and everything that belongs to them.
// CSV for spreadsheets goes through core/csv (UTF-8 with a BOM, `;`, CRLF, formula guard).
import { Type, type Static, type TSchema } from 'typebox';
import { spreadsheetCsv } from '../../../core/csv/index.js';
import type { T, TKey } from '../../../i18n/index.js';
import { LicenceSchema, OPEN_DATA_LICENCE, OpenDataProperties } from '../../opendata/index.js';
import { ACTIVITY_STATES, activityLabel, activityState } from '../entity/activity-state.js';
import { MARK_VALIDITIES, markText, markView, type MarkView } from '../entity/mark-validity.js';
import type { MarkRow, PsEntryRow } from '../entity/record.repo.js';
import { psStateOn } from '../entity/record.service.js';
import { entityPath, type EntityRow } from '../entity/registry.service.js';

const Nullable = <S extends TSchema>(s: S) => Type.Union([s, Type.Null()]);
const Day = (description: string) => Nullable(Type.String({ format: 'date', description }));
const Example = Type.Boolean({ description: 'true for example (synthetic) data, never real' });

const ActivitySchema = Type.Object(
  {
    state: Type.Enum(ACTIVITY_STATES, {
      description:
        'active: a staff member checked it; unverified: stated active by a source, nobody checked since source_date; suspended; closed',
    }),
    source_date: Day('date of the data the record was taken from (not a check of the activity)'),
    verified_on: Day('day a staff member checked that the entity is active; null when nobody has'),
  },
  { description: 'Whether the entity is active, as far as the data support it' },
);

const PsStatusSchema = Type.Object(
  {
    has: Type.Boolean({ description: 'holds the przedsiębiorstwo społeczne status today (the latest decision granted it)' }),
    type: Nullable(Type.String({ description: 'reintegration or social_services' })),
    since: Day('date of the decision that granted it'),
    decision_number: Nullable(Type.String()),
  },
  { description: 'Przedsiębiorstwo społeczne status now; has=false means no known decision grants it now' },
);

const PsEntrySchema = Type.Object({
  kind: Type.Union([Type.Literal('granted'), Type.Literal('lost')]),
  ps_type: Nullable(Type.String()),
  decision_number: Nullable(Type.String()),
  decision_date: Type.String({ format: 'date' }),
  is_example: Example,
});

const MarkSchema = Type.Object(
  {
    mark: Type.Literal('zakup_prospoleczny'),
    subject: Nullable(Type.String({ description: 'the product or service the mark was granted for' })),
    granted_on: Day('day granted; null when the source does not say'),
    expires_on: Day('last valid day: stated, or derived as the end of the one-year licence; null when unknown'),
    expiry: Type.Enum(['stated', 'derived', 'unknown'], { description: 'how expires_on is known' }),
    validity: Type.Enum(MARK_VALIDITIES, {
      description: 'today: valid only between a known grant date and a known or derived expiry; unknown when a date is missing',
    }),
    source_url: Nullable(Type.String()),
    is_example: Example,
  },
  { description: 'A "Zakup Prospołeczny" mark' },
);

const itemProperties = {
  id: Type.String(),
  name: Type.String(),
  legal_form: Type.String(),
  lifecycle: Type.Enum(ACTIVITY_STATES, {
    description: 'the activity state (the same as activity.state): an entity nobody checked is unverified, not active',
  }),
  town: Nullable(Type.String()),
  gmina_teryt: Nullable(Type.String()),
  nip: Nullable(Type.String()),
  regon: Nullable(Type.String()),
  krs: Nullable(Type.String()),
  source_url: Nullable(Type.String()),
  url: Type.String(),
  activity: ActivitySchema,
  ps_status: PsStatusSchema,
  marks: Type.Array(MarkSchema),
  is_example: Example,
};
export const EntityItemSchema = Type.Object(itemProperties);

export const EntityListSchema = Type.Object({
  ...OpenDataProperties,
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  items: Type.Array(EntityItemSchema),
});
export const EntityFileSchema = Type.Object({ ...OpenDataProperties, count: Type.Integer(), items: Type.Array(EntityItemSchema) });
export const EntityDetailSchema = Type.Object({
  ...itemProperties,
  ps_history: Type.Array(PsEntrySchema, { description: 'every grant and loss of the PS status, oldest first' }),
  licence: LicenceSchema,
  last_changed: Type.String({ format: 'date-time', description: 'when this entity\u2019s record last changed' }),
});

export type EntityItem = Static<typeof EntityItemSchema>;
export type EntityDetail = Static<typeof EntityDetailSchema>;

/** The marks and PS histories of the entities being shown, loaded once for all of them. */
export interface ItemParts {
  marks: ReadonlyMap<string, readonly MarkRow[]>;
  ps: ReadonlyMap<string, readonly PsEntryRow[]>;
  /** `YYYY-MM-DD`: the day validity is judged on (Warsaw today). */
  day: string;
}

export function groupByEntity<R extends { entity_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r]);
  return out;
}

function markItem(m: MarkView, isExample: boolean): EntityItem['marks'][number] {
  return {
    mark: 'zakup_prospoleczny',
    subject: m.subject,
    granted_on: m.grantedOn,
    expires_on: m.expiresOn,
    expiry: m.expiresOn === null ? 'unknown' : m.isExpiryDerived ? 'derived' : 'stated',
    validity: m.validity,
    source_url: m.sourceUrl,
    is_example: isExample,
  };
}

export function toItem(e: EntityRow, parts: ItemParts, publicUrl: string): EntityItem {
  const ps = psStateOn(parts.ps.get(e.id) ?? []);
  const state = activityState(e);
  return {
    id: e.id,
    name: e.name,
    legal_form: e.legal_form,
    lifecycle: state,
    town: e.town,
    gmina_teryt: e.gmina_teryt,
    nip: e.nip,
    regon: e.regon,
    krs: e.krs,
    source_url: e.source_url,
    url: `${publicUrl.replace(/\/$/, '')}${entityPath(e)}`,
    activity: { state, source_date: e.verified_at, verified_on: e.activity_verified_on },
    ps_status: { has: ps.has, type: ps.type, since: ps.since, decision_number: ps.decisionNumber },
    marks: (parts.marks.get(e.id) ?? []).map((m) => markItem(markView(m, parts.day), e.is_synthetic)),
    is_example: e.is_synthetic,
  };
}

export function toDetail(e: EntityRow, parts: ItemParts, publicUrl: string): EntityDetail {
  return {
    ...toItem(e, parts, publicUrl),
    ps_history: (parts.ps.get(e.id) ?? []).map((h) => ({
      kind: h.kind,
      ps_type: h.ps_type,
      decision_number: h.decision_number,
      decision_date: h.decision_date,
      is_example: e.is_synthetic,
    })),
    licence: { ...OPEN_DATA_LICENCE },
    last_changed: e.updated_at,
  };
}

const CSV_COLUMNS = [
  'name',
  'legalForm',
  'town',
  'gmina',
  'nip',
  'regon',
  'krs',
  'lifecycle',
  'sourceUrl',
  'verifiedAt',
  'address',
  'activityCheckedOn',
  'psStatus',
  'psType',
  'psSince',
  'marks',
  'validMarks',
  'isExample',
] as const;

export function toCsv(rows: EntityRow[], parts: ItemParts, t: T, publicUrl: string): string {
  const header = CSV_COLUMNS.map((k) => t(`registry.csv.${k}` as TKey));
  const body = rows.map((e) => {
    const i = toItem(e, parts, publicUrl);
    const marks = (parts.marks.get(e.id) ?? []).map((m) => markView(m, parts.day));
    return [
      i.name,
      t(`registry.legalForm.${i.legal_form}` as TKey),
      i.town,
      i.gmina_teryt,
      i.nip,
      i.regon,
      i.krs,
      activityLabel(t, e),
      i.source_url,
      i.activity.source_date,
      i.url,
      i.activity.verified_on,
      i.ps_status.has ? t('registry.csvPs.has') : t('registry.csvPs.none'),
      i.ps_status.type ? t(`entityRecord.ps.types.${i.ps_status.type}` as TKey) : null,
      i.ps_status.since,
      marks.map((m) => `${m.subject ? `${m.subject}: ` : ''}${markText(t, m)}`).join(' | ') || null,
      String(marks.filter((m) => m.validity === 'valid').length),
      i.is_example ? '1' : '0',
    ];
  });
  return spreadsheetCsv([header, ...body]);
}
