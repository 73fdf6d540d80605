// The programme as JSON for `GET /api/v1/program` and `/api/v1/program/{slug}`: typebox schemas
// (they appear in OpenAPI) and the mapping from the service's shapes. The objective tree has at
// most four levels (main goal → specific goal → action → task), so each level has its own schema
// instead of a recursive one that OpenAPI viewers render poorly.
import { Type, type Static, type TSchema } from 'typebox';
import { isInForce, programmePath, type ProgrammeDetails } from './programme.service.js';
import type { TreeNode } from './structure.service.js';
import { OpenDataProperties } from '../opendata/index.js';

const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

const Budget = Type.Object({ year: Type.Integer(), source: Type.String(), amount_pln: Type.Number() });

const elementFields = {
  code: Type.String({ description: 'Code unique in the programme, e.g. `1.2.3`' }),
  kind: Type.Union([Type.Literal('main_goal'), Type.Literal('specific_goal'), Type.Literal('action'), Type.Literal('task')]),
  title: Type.String(),
  description: Nullable(Type.String()),
  responsible: Nullable(Type.String()),
  partners: Nullable(Type.String()),
  year_from: Nullable(Type.Integer()),
  year_to: Nullable(Type.Integer()),
  is_example: Type.Boolean({ description: 'True: an illustrative example, not the text of the adopted programme' }),
  budget: Type.Array(Budget, { description: 'Budget frame in PLN by year and source' }),
};

const Task = Type.Object({ ...elementFields, children: Type.Array(Type.Object(elementFields), { maxItems: 0 }) });
const Action = Type.Object({ ...elementFields, children: Type.Array(Task) });
const SpecificGoal = Type.Object({ ...elementFields, children: Type.Array(Action) });
const MainGoal = Type.Object({ ...elementFields, children: Type.Array(SpecificGoal) });

const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('consultation'),
  Type.Literal('ex_ante'),
  Type.Literal('adopted'),
  Type.Literal('implementation'),
  Type.Literal('closed'),
]);

export const ApiProgramme = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  short_name: Nullable(Type.String()),
  status: Status,
  period: Type.Object({ from: Type.Integer(), to: Type.Integer() }),
  is_current: Type.Boolean({ description: 'The programme the `/program` page shows (chosen by staff)' }),
  in_force: Type.Boolean({ description: 'Adopted or in implementation, and today (Europe/Warsaw) within its period' }),
  legal_basis: Nullable(Type.String()),
  alignment: Type.Array(Type.String()),
  responsible_institution: Nullable(Type.String()),
  summary_markdown: Nullable(Type.String()),
  adoption: Nullable(
    Type.Object({ body: Type.String(), resolution_number: Nullable(Type.String()), date: Nullable(Type.String({ format: 'date' })) }),
  ),
  timeline: Type.Array(
    Type.Object({
      status: Status,
      date: Type.String({ description: 'YYYY-MM-DD; when only the month or year is known, see `date_precision`' }),
      date_precision: Type.Union([Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]),
      note: Nullable(Type.String()),
    }),
  ),
  objectives: Type.Array(MainGoal),
  url: Type.String(),
});
export const ApiProgrammeList = Type.Object({ ...OpenDataProperties, items: Type.Array(ApiProgramme) });
export type ApiProgrammeT = Static<typeof ApiProgramme>;

type ApiElement = Static<typeof Task> & { children: ApiElement[] };

function element(n: TreeNode): ApiElement {
  const e = n.element;
  return {
    code: e.code,
    kind: e.kind,
    title: e.title,
    description: e.description,
    responsible: e.responsible,
    partners: e.partners,
    year_from: e.year_from,
    year_to: e.year_to,
    is_example: e.is_example,
    budget: n.budget.map((b) => ({ year: b.year, source: b.source, amount_pln: b.amount_pln })),
    children: n.children.map(element),
  };
}

/** `today`: the office's calendar day, for `in_force`. */
export function toApi(d: ProgrammeDetails, publicUrl: string, today: string): ApiProgrammeT {
  const p = d.programme;
  return {
    slug: p.slug,
    title: p.title,
    short_name: p.short_name,
    status: p.status,
    period: { from: p.period_from, to: p.period_to },
    is_current: p.is_current,
    in_force: isInForce(p, today),
    legal_basis: p.legal_basis,
    alignment: d.alignment,
    responsible_institution: p.responsible_institution,
    summary_markdown: p.summary,
    adoption: p.adopted_by ? { body: p.adopted_by, resolution_number: p.resolution_number, date: p.adopted_on } : null,
    timeline: d.events.map((e) => ({ status: e.status, date: e.occurred_on, date_precision: e.date_precision, note: e.note })),
    objectives: d.tree.map(element) as ApiProgrammeT['objectives'],
    url: `${publicUrl}${programmePath(p)}`,
  };
}
