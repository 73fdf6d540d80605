// The one `Database` type. Core knows no domain: each module adds its tables to this interface by
// declaration merging in its own `*.tables.ts`, so Kysely sees every table without core importing
// any module.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
