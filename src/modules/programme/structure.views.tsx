// Views of the objective tree. The public tree is nested ordered lists whose items open with a
// heading (kind, code, title), so screen-reader users can move by heading level or by list; budget
// frames are captioned tables in the visitor's number and currency format. The admin tree offers
// move up/down buttons (no drag and drop) and links to edit and add; the element form has the
// budget as labelled rows that work without JavaScript.
import type { ComponentChildren, VNode } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FieldShell, fieldDescription, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { ELEMENT_KINDS, type ElementKind } from './programme.tables.js';
import { budgetTotal, kindLabel, type BudgetLineRow, type ElementRow, type TreeNode } from './structure.service.js';

function Heading({ level, id, children }: { level: number; id?: string; children: ComponentChildren }) {
  const l = Math.min(6, Math.max(2, level));
  const H = `h${l}` as 'h2';
  return <H id={id}>{children}</H>;
}

/** "przykład — nie jest to treść przyjętego programu", in words (never colour alone). */
export function ExampleLabel() {
  const { t } = usePage();
  return (
    <p class="programme-example">
      <strong>{t('programme.example')}</strong>
    </p>
  );
}

/** Plain-text paragraphs (descriptions are plain text: blank lines separate paragraphs). */
export function Paragraphs({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

export function BudgetTable({ element, lines }: { element: Pick<ElementRow, 'code' | 'title'>; lines: readonly BudgetLineRow[] }) {
  const { t, fmt } = usePage();
  if (lines.length === 0) return null;
  return (
    <div class="table-wrap">
      <table class="programme-budget">
        <caption>{t('programme.budget.caption', { code: element.code, title: element.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.budget.year')}</th>
            <th scope="col">{t('programme.budget.source')}</th>
            <th scope="col" class="num">
              {t('programme.budget.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.year}</th>
              <td>{l.source}</td>
              <td class="num">{fmt.money(l.amount_pln)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('programme.budget.total')}
            </th>
            <td class="num">{fmt.money(budgetTotal(lines))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function years(e: ElementRow): string | null {
  if (e.year_from === null && e.year_to === null) return null;
  if (e.year_from !== null && e.year_to !== null) return e.year_from === e.year_to ? String(e.year_from) : `${e.year_from}–${e.year_to}`;
  return String(e.year_from ?? e.year_to);
}

function PublicNode({ node, level, extras }: { node: TreeNode; level: number; extras?: ReadonlyMap<string, VNode[]> | undefined }) {
  const { t } = usePage();
  const e = node.element;
  const span = years(e);
  return (
    <li class={`programme-node programme-node--${e.kind}`}>
      <Heading level={level} id={`cel-${e.code}`}>
        <span class="programme-kind">{t(kindLabel(e.kind))}</span> <span class="programme-code">{e.code}</span>
        <span class="visually-hidden">:</span> {e.title}
      </Heading>
      {e.is_example ? <ExampleLabel /> : null}
      <Paragraphs text={e.description} />
      {e.responsible || e.partners || span ? (
        <dl class="programme-facts">
          {e.responsible ? (
            <div>
              <dt>{t('programme.structure.responsible')}</dt>
              <dd>{e.responsible}</dd>
            </div>
          ) : null}
          {e.partners ? (
            <div>
              <dt>{t('programme.structure.partners')}</dt>
              <dd>{e.partners}</dd>
            </div>
          ) : null}
          {span ? (
            <div>
              <dt>{t('programme.structure.years')}</dt>
              <dd>{span}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <BudgetTable element={e} lines={node.budget} />
      {extras?.get(e.id) ?? null}
      {node.children.length ? (
        <ol class="programme-tree">
          {node.children.map((c) => (
            <PublicNode key={c.element.id} node={c} level={level + 1} extras={extras} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** The public tree; `level` is the heading level of its roots (the section heading is one above). */
export function PublicTree({
  tree,
  level = 3,
  extras,
}: {
  tree: readonly TreeNode[];
  level?: number;
  /** What other modules show under each element, by element id (programmeElementSections). */
  extras?: ReadonlyMap<string, VNode[]>;
}) {
  const { t } = usePage();
  if (tree.length === 0) return <p>{t('programme.structure.empty')}</p>;
  return (
    <ol class="programme-tree programme-tree--root">
      {tree.map((n) => (
        <PublicNode key={n.element.id} node={n} level={level} extras={extras} />
      ))}
    </ol>
  );
}

// --- admin ---------------------------------------------------------------------------------------

function MoveButton({ base, node, direction, csrf }: { base: string; node: TreeNode; direction: 'up' | 'down'; csrf: string }) {
  const { t, href } = usePage();
  return (
    <form method="post" action={href(`${base}/${node.element.id}/przesun`)} class="inline-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="kierunek" value={direction === 'up' ? 'gora' : 'dol'} />
      <button type="submit" class="toggle">
        {t(direction === 'up' ? 'programme.structure.moveUp' : 'programme.structure.moveDown')}
        <span class="visually-hidden">
          : {node.element.code} {node.element.title}
        </span>
      </button>
    </form>
  );
}

function AdminNode({
  node,
  base,
  csrf,
  index,
  count,
  childKind,
}: {
  node: TreeNode;
  base: string;
  csrf: string;
  index: number;
  count: number;
  childKind: (k: ElementKind) => ElementKind | null;
}) {
  const { t, href } = usePage();
  const e = node.element;
  const next = childKind(e.kind);
  return (
    <li class="programme-admin-node" id={`el-${e.id}`}>
      <p class="programme-admin-node__title">
        <span class="programme-kind">{t(kindLabel(e.kind))}</span> <strong>{e.code}</strong> {e.title}
        {e.is_example ? <span class="portal-badge"> {t('programme.exampleShort')}</span> : null}
      </p>
      <div class="actions">
        <a href={href(`${base}/${e.id}`)}>
          {t('programme.structure.edit')}
          <span class="visually-hidden">
            : {e.code} {e.title}
          </span>
        </a>
        {next ? (
          <a href={href(`${base}/nowy?rodzic=${e.id}`)}>
            {t('programme.structure.addChild', { kind: t(kindLabel(next)) })}
            <span class="visually-hidden">
              {' '}
              — {e.code} {e.title}
            </span>
          </a>
        ) : null}
        {index > 0 ? <MoveButton base={base} node={node} direction="up" csrf={csrf} /> : null}
        {index < count - 1 ? <MoveButton base={base} node={node} direction="down" csrf={csrf} /> : null}
      </div>
      {node.children.length ? (
        <ol>
          {node.children.map((c, i) => (
            <AdminNode key={c.element.id} node={c} base={base} csrf={csrf} index={i} count={node.children.length} childKind={childKind} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function StructureAdminView({
  programme,
  tree,
  csrf,
  notice,
  problems = [],
  childKind,
}: {
  programme: { id: string; title: string };
  tree: readonly TreeNode[];
  csrf: string;
  notice: string | null;
  problems?: Problem[];
  childKind: (k: ElementKind) => ElementKind | null;
}) {
  const { t, href } = usePage();
  const base = `/admin/program/${programme.id}/struktura`;
  return (
    <>
      <PageHeader title={t('programme.structure.adminTitle')} />
      <p class="lead">{programme.title}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} linkFields={false} />
      <p>{t('programme.structure.adminIntro')}</p>
      <p>
        <a class="button button--secondary" href={href(`${base}/nowy`)}>
          {t('programme.structure.addRoot')}
        </a>
      </p>
      {tree.length === 0 ? (
        <p>{t('programme.structure.empty')}</p>
      ) : (
        <ol class="programme-admin-tree">
          {tree.map((n, i) => (
            <AdminNode key={n.element.id} node={n} base={base} csrf={csrf} index={i} count={tree.length} childKind={childKind} />
          ))}
        </ol>
      )}
      <p>
        <a href={href(`/admin/program/${programme.id}`)}>{t('programme.admin.backToProgramme')}</a>
      </p>
    </>
  );
}

function KindSelect({ value, problems, expected }: { value: string; problems: Problem[]; expected: ElementKind | null }) {
  const { t } = usePage();
  const mine = problems.filter((p) => p.field === 'kind');
  const id = 'f-kind';
  const hint = expected ? t('programme.structure.kindHint', { kind: t(kindLabel(expected)) }) : undefined;
  return (
    <FieldShell id={id} label={t('programme.structure.kind')} hint={hint} mine={mine} required>
      <select id={id} name="kind" aria-describedby={fieldDescription(id, hint, mine)} aria-invalid={mine.length ? 'true' : undefined}>
        {ELEMENT_KINDS.map((k) => (
          <option key={k} value={k} selected={k === value}>
            {t(kindLabel(k))}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function ElementFormView({
  programme,
  parent,
  element,
  values,
  problems = [],
  csrf,
  action,
  expected,
  budgetRows,
}: {
  programme: { id: string; title: string; period_from: number; period_to: number };
  parent: ElementRow | null;
  element: ElementRow | null;
  values: Record<string, string>;
  problems?: Problem[];
  csrf: string;
  action: string;
  expected: ElementKind | null;
  budgetRows: number;
}) {
  const { t, href } = usePage();
  const v = (k: string) => values[k] ?? '';
  const exampleId = 'f-is_example';
  return (
    <>
      <PageHeader title={element ? t('programme.structure.editTitle', { code: element.code }) : t('programme.structure.newTitle')} />
      <p class="lead">{programme.title}</p>
      {parent ? <p>{t('programme.structure.under', { kind: t(kindLabel(parent.kind)), code: parent.code, title: parent.title })}</p> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="rodzic" value={parent?.id ?? ''} />
        <KindSelect value={v('kind') || expected || 'main_goal'} problems={problems} expected={expected} />
        <FormField
          name="code"
          label={t('programme.structure.code')}
          hint={t('programme.structure.codeHint')}
          value={v('code')}
          problems={problems}
          required
          maxLength={41}
        />
        <FormField name="title" label={t('programme.structure.name')} value={v('title')} problems={problems} required maxLength={500} />
        <FormField
          name="description"
          label={t('programme.structure.description')}
          hint={t('programme.structure.descriptionHint')}
          value={v('description')}
          problems={problems}
          multiline
          rows={5}
        />
        <FormField name="responsible" label={t('programme.structure.responsible')} value={v('responsible')} problems={problems} />
        <FormField name="partners" label={t('programme.structure.partners')} value={v('partners')} problems={problems} multiline rows={3} />
        <FormField
          name="year_from"
          label={t('programme.structure.yearFrom')}
          hint={t('programme.structure.yearsHint', { from: programme.period_from, to: programme.period_to })}
          value={v('year_from')}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
        />
        <FormField
          name="year_to"
          label={t('programme.structure.yearTo')}
          value={v('year_to')}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
        />
        <div class="field">
          <div class="checkbox">
            <input
              type="checkbox"
              id={exampleId}
              name="is_example"
              value="1"
              checked={v('is_example') === '1'}
              aria-describedby={`${exampleId}-hint`}
            />
            <label for={exampleId}>{t('programme.structure.isExample')}</label>
          </div>
          <p class="hint" id={`${exampleId}-hint`}>
            {t('programme.structure.isExampleHint')}
          </p>
        </div>
        <fieldset class="programme-budget-form">
          <legend>{t('programme.budget.legend')}</legend>
          <p class="hint">{t('programme.budget.hint')}</p>
          {Array.from({ length: budgetRows }, (_, i) => (
            <fieldset key={i} class="programme-budget-row">
              <legend>{t('programme.budget.row', { row: i + 1 })}</legend>
              <FormField
                name={`budget_year_${i}`}
                label={t('programme.budget.year')}
                value={v(`budget_year_${i}`)}
                problems={problems}
                inputMode="numeric"
                maxLength={4}
              />
              <FormField
                name={`budget_source_${i}`}
                label={t('programme.budget.source')}
                value={v(`budget_source_${i}`)}
                problems={problems}
                maxLength={200}
              />
              <FormField
                name={`budget_amount_${i}`}
                label={t('programme.budget.amountPln')}
                value={v(`budget_amount_${i}`)}
                problems={problems}
                inputMode="decimal"
                maxLength={30}
              />
            </fieldset>
          ))}
        </fieldset>
        <Button>{t('programme.save')}</Button>
      </form>
      {element ? (
        <form method="post" action={href(`${action}/usun`)} class="danger-zone">
          <CsrfField token={csrf} />
          <p>{t('programme.structure.deleteHint')}</p>
          <Button variant="secondary">{t('programme.structure.delete')}</Button>
        </form>
      ) : null}
      <p>
        <a href={href(`/admin/program/${programme.id}/struktura`)}>{t('programme.structure.back')}</a>
      </p>
    </>
  );
}
