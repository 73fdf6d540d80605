// Rules of the objective tree: main goal → specific goals/priorities → actions → tasks. Kinds
// nest one level at a time, codes ("1.2.3") are unique in a programme, siblings keep an explicit
// order (moved one place at a time with buttons), and an element may carry a budget frame (whole
// PLN per year and source). Every change is audited. No HTTP and no SQL strings here.
import { newId } from '../../core/db/ids.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import * as programmes from './programme.repo.js';
import { ELEMENT_KINDS, type ElementKind } from './programme.tables.js';
import * as repo from './structure.repo.js';

export type { ElementRow, BudgetLineRow } from './structure.repo.js';
type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** The kind a child of each kind has (null: the roots). Tasks have no children. */
export const CHILD_KIND: Readonly<Record<ElementKind | 'root', ElementKind | null>> = {
  root: 'main_goal',
  main_goal: 'specific_goal',
  specific_goal: 'action',
  action: 'task',
  task: null,
};

export const kindLabel = (k: ElementKind): TKey => `programme.kind.${k}` as TKey;
const CODE = /^[0-9A-Za-z]{1,6}(?:\.[0-9A-Za-z]{1,6}){0,5}$/;
export const MAX_BUDGET_ROWS = 40;

export interface TreeNode {
  element: repo.ElementRow;
  budget: repo.BudgetLineRow[];
  children: TreeNode[];
}

/** The trees of the given programmes, siblings in their order. */
export async function loadTrees(ctx: ModuleContext, programmeIds: readonly string[]): Promise<Map<string, TreeNode[]>> {
  const elements = await repo.listElements(ctx.db, programmeIds);
  const lines = await repo.listBudgetLines(
    ctx.db,
    elements.map((e) => e.id),
  );
  const nodes = new Map<string, TreeNode>(
    elements.map((e) => [e.id, { element: e, budget: lines.filter((l) => l.element_id === e.id), children: [] }]),
  );
  const out = new Map<string, TreeNode[]>(programmeIds.map((id) => [id, []]));
  for (const e of elements) {
    const node = nodes.get(e.id)!;
    const parent = e.parent_id ? nodes.get(e.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else out.get(e.programme_id)?.push(node);
  }
  return out;
}

/** Depth-first list of a tree's nodes with their depth (0 for roots). */
export function flatten(tree: readonly TreeNode[], depth = 0): { node: TreeNode; depth: number }[] {
  return tree.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

export function budgetTotal(lines: readonly { amount_pln: number }[]): number {
  return lines.reduce((sum, l) => sum + l.amount_pln, 0);
}

// --- the element form ----------------------------------------------------------------------------

export interface BudgetInput {
  year: number;
  source: string;
  amount_pln: number;
}

export interface ElementInput {
  kind: ElementKind;
  code: string;
  title: string;
  description: string | null;
  responsible: string | null;
  partners: string | null;
  year_from: number | null;
  year_to: number | null;
  is_example: boolean;
  budget: BudgetInput[];
}

export const ELEMENT_FIELDS = [
  'kind',
  'code',
  'title',
  'description',
  'responsible',
  'partners',
  'year_from',
  'year_to',
  'is_example',
  'budget',
] as const;

/** "1 234 567,89", "1.234.567,89", "1234567.89", "1 234 567 zł" → a number; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(zł|pln)$/i, '');
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^\d{1,15}(?:\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

function optionalText(c: FormChecker, field: string, label: TKey, max: number): string | null {
  const v = c.text(field);
  if ([...v].length > max) c.add(field, label, 'validation.tooLong', { count: max });
  return v === '' ? null : v;
}

function optionalYear(c: FormChecker, field: string, label: TKey, from: number, to: number): number | null {
  const v = c.text(field);
  if (v === '') return null;
  if (!/^\d{4}$/.test(v)) {
    c.add(field, label, 'programme.form.yearInvalid');
    return null;
  }
  const y = Number(v);
  if (y < from || y > to) {
    c.add(field, label, 'programme.structure.yearOutside', { from, to });
    return null;
  }
  return y;
}

/**
 * Checks the element form. `parentId` is where the element sits (null: a root); `id` the element
 * being edited (null: a new one). The kind must be the child kind of the parent's kind.
 */
export async function checkElementForm(
  ctx: ModuleContext,
  programmeId: string,
  parentId: string | null,
  body: Record<string, unknown>,
  id: string | null,
): Promise<ElementInput> {
  const programme = await programmes.findProgramme(ctx.db, programmeId);
  if (!programme) throw new AppError('http.not_found');
  const parent = parentId ? await repo.findElement(ctx.db, parentId) : null;
  if (parentId && (!parent || parent.programme_id !== programmeId)) throw new AppError('http.not_found');
  const c = new FormChecker(body);
  const expected = CHILD_KIND[parent ? parent.kind : 'root'];
  const kind = c.text('kind');
  if (kind === '') c.add('kind', 'programme.structure.kind', 'validation.required');
  else if (!(ELEMENT_KINDS as readonly string[]).includes(kind))
    c.add('kind', 'programme.structure.kind', 'programme.structure.kindUnknown');
  else if (kind !== expected)
    c.add('kind', 'programme.structure.kind', expected ? 'programme.structure.kindNesting' : 'programme.structure.kindNoChildren');
  const code = c.text('code');
  if (code === '') c.add('code', 'programme.structure.code', 'validation.required');
  else if (!CODE.test(code)) c.add('code', 'programme.structure.code', 'programme.structure.codeInvalid');
  else {
    const other = await repo.findElementByCode(ctx.db, programmeId, code);
    if (other && other.id !== id) c.add('code', 'programme.structure.code', 'programme.structure.codeTaken');
  }
  const title = c.required('title', 'programme.structure.name', { max: 500 });
  const description = optionalText(c, 'description', 'programme.structure.description', 10000);
  const responsible = optionalText(c, 'responsible', 'programme.structure.responsible', 500);
  const partners = optionalText(c, 'partners', 'programme.structure.partners', 2000);
  const yearFrom = optionalYear(c, 'year_from', 'programme.structure.yearFrom', programme.period_from, programme.period_to);
  const yearTo = optionalYear(c, 'year_to', 'programme.structure.yearTo', programme.period_from, programme.period_to);
  if (yearFrom !== null && yearTo !== null && yearTo < yearFrom)
    c.add('year_to', 'programme.structure.yearTo', 'programme.form.periodOrder');
  const budget: BudgetInput[] = [];
  for (let i = 0; i < MAX_BUDGET_ROWS; i++) {
    const y = c.text(`budget_year_${i}`);
    const s = c.text(`budget_source_${i}`);
    const a = c.text(`budget_amount_${i}`);
    if (y === '' && s === '' && a === '') continue;
    const row = i + 1;
    let year = NaN;
    if (!/^\d{4}$/.test(y)) c.add(`budget_year_${i}`, 'programme.budget.year', 'programme.budget.yearInvalid', { row });
    else if (Number(y) < programme.period_from || Number(y) > programme.period_to)
      c.add(`budget_year_${i}`, 'programme.budget.year', 'programme.budget.yearOutside', {
        row,
        from: programme.period_from,
        to: programme.period_to,
      });
    else year = Number(y);
    if (s === '') c.add(`budget_source_${i}`, 'programme.budget.source', 'programme.budget.sourceRequired', { row });
    else if ([...s].length > 200) c.add(`budget_source_${i}`, 'programme.budget.source', 'validation.tooLong', { count: 200 });
    const amount = parseAmount(a);
    if (amount === null) c.add(`budget_amount_${i}`, 'programme.budget.amount', 'programme.budget.amountInvalid', { row });
    if (budget.some((b) => b.year === year && b.source === s))
      c.add(`budget_source_${i}`, 'programme.budget.source', 'programme.budget.duplicate', { row });
    if (!Number.isNaN(year) && s && amount !== null) budget.push({ year, source: s, amount_pln: amount });
  }
  c.assertValid();
  return {
    kind: kind as ElementKind,
    code,
    title,
    description,
    responsible,
    partners,
    year_from: yearFrom,
    year_to: yearTo,
    is_example: c.text('is_example') === '1',
    budget,
  };
}

export function elementFormValues(e: repo.ElementRow, budget: readonly repo.BudgetLineRow[]): Record<string, string> {
  const out: Record<string, string> = {
    kind: e.kind,
    code: e.code,
    title: e.title,
    description: e.description ?? '',
    responsible: e.responsible ?? '',
    partners: e.partners ?? '',
    year_from: e.year_from === null ? '' : String(e.year_from),
    year_to: e.year_to === null ? '' : String(e.year_to),
    is_example: e.is_example ? '1' : '',
  };
  budget.forEach((b, i) => {
    out[`budget_year_${i}`] = String(b.year);
    out[`budget_source_${i}`] = b.source;
    out[`budget_amount_${i}`] = String(b.amount_pln).replace('.', ',');
  });
  return out;
}

const budgetRows = (elementId: string, budget: readonly BudgetInput[]) => budget.map((b) => ({ id: newId(), element_id: elementId, ...b }));
const auditable = (e: ElementInput | repo.ElementRow, budget: readonly BudgetInput[]) => ({
  kind: e.kind,
  code: e.code,
  title: e.title,
  description: e.description,
  responsible: e.responsible,
  partners: e.partners,
  year_from: e.year_from,
  year_to: e.year_to,
  is_example: e.is_example,
  budget: budget.map((b) => `${b.year} ${b.source}: ${b.amount_pln}`),
});

export async function createElement(
  ctx: ModuleContext,
  programmeId: string,
  parentId: string | null,
  input: ElementInput,
  actor: Actor,
): Promise<string> {
  const id = newId();
  const siblings = await repo.listSiblings(ctx.db, programmeId, parentId);
  const position = siblings.length ? Math.max(...siblings.map((s) => s.position)) + 1 : 0;
  const { budget, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertElement(trx, { id, programme_id: programmeId, parent_id: parentId, position, ...fields });
    await repo.replaceBudgetLines(trx, id, budgetRows(id, budget));
    const after = auditable(input, budget);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.element.create',
        subjectType: 'programme_element',
        subjectId: id,
        changes: Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: null, after: v }])),
        meta: { programme_id: programmeId },
      },
      ctx.clock,
    );
  });
  return id;
}

export async function mustFindElement(ctx: ModuleContext, programmeId: string, id: string): Promise<repo.ElementRow> {
  const e = await repo.findElement(ctx.db, id);
  if (!e || e.programme_id !== programmeId) throw new AppError('http.not_found');
  return e;
}

export async function elementWithBudget(
  ctx: ModuleContext,
  programmeId: string,
  id: string,
): Promise<{ element: repo.ElementRow; budget: repo.BudgetLineRow[] }> {
  const element = await mustFindElement(ctx, programmeId, id);
  return { element, budget: await repo.listBudgetLines(ctx.db, [id]) };
}

export async function updateElement(ctx: ModuleContext, programmeId: string, id: string, input: ElementInput, actor: Actor): Promise<void> {
  const { element: before, budget: beforeBudget } = await elementWithBudget(ctx, programmeId, id);
  const b = auditable(before, beforeBudget);
  const a = auditable(input, input.budget);
  const changes = Object.fromEntries(
    (Object.keys(a) as (keyof typeof a)[])
      .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
      .map((k) => [k, { before: b[k], after: a[k] }]),
  );
  if (Object.keys(changes).length === 0) return;
  const { budget, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateElement(trx, id, fields);
    await repo.replaceBudgetLines(trx, id, budgetRows(id, budget));
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.element.update',
        subjectType: 'programme_element',
        subjectId: id,
        changes,
        meta: { programme_id: programmeId },
      },
      ctx.clock,
    );
  });
}

/** Deletes a leaf that no indicator measures; anything else is refused and nothing changes. */
export async function deleteElement(ctx: ModuleContext, programmeId: string, id: string, actor: Actor): Promise<void> {
  const { element, budget } = await elementWithBudget(ctx, programmeId, id);
  if ((await repo.countChildren(ctx.db, id)) > 0) throw new AppError('programme.element_has_children');
  if ((await repo.countIndicatorLinks(ctx.db, id)) > 0) throw new AppError('programme.element_measured');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteElement(trx, id);
    const before = auditable(element, budget);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.element.delete',
        subjectType: 'programme_element',
        subjectId: id,
        changes: Object.fromEntries(Object.entries(before).map(([k, v]) => [k, { before: v, after: null }])),
        meta: { programme_id: programmeId },
      },
      ctx.clock,
    );
  });
}

/** Moves an element one place up or down among its siblings; at either end nothing changes. */
export async function moveElement(
  ctx: ModuleContext,
  programmeId: string,
  id: string,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<boolean> {
  const element = await mustFindElement(ctx, programmeId, id);
  const siblings = await repo.listSiblings(ctx.db, programmeId, element.parent_id);
  const at = siblings.findIndex((s) => s.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= siblings.length) return false;
  const order = siblings.map((s) => s.id);
  [order[at], order[to]] = [order[to]!, order[at]!];
  await ctx.db.transaction().execute(async (trx) => {
    // positions are rewritten 0..n-1 so gaps or ties left by earlier edits disappear too
    for (const [i, sid] of order.entries()) if (siblings.find((s) => s.id === sid)!.position !== i) await repo.setPosition(trx, sid, i);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.element.move',
        subjectType: 'programme_element',
        subjectId: id,
        changes: { position: { before: at, after: to } },
        meta: { programme_id: programmeId, direction },
      },
      ctx.clock,
    );
  });
  return true;
}
