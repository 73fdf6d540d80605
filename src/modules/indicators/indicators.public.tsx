// The indicators as the programme's public pages show them: the section with every indicator and
// its progress that the programme page (/program, /program/{slug}) renders, and the CSV of one
// indicator (core/csv: UTF-8 with a BOM and `;`, so a Polish spreadsheet opens it with letters
// intact, and the formula guard on names and units typed by staff).
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { spreadsheetCsv } from '../../core/csv/index.js';
import { localize } from '../../core/http/language.js';
import type { ModuleContext } from '../../core/module.js';
import type { T } from '../../i18n/index.js';
import { SMALL_COUNT_TEXT } from './indicators.privacy.js';
import { indicatorViews, type IndicatorView } from './indicators.service.js';
import { loadTerritoryIndex, territoryName } from './indicators.territory.js';
import { WHOLE_REGION } from './indicators.tables.js';
import { IndicatorTable } from './indicators.views.js';

/**
 * The indicators of a programme with their progress, for the programme page; null when the
 * programme has no indicators (the page then leaves the section out).
 */
export async function indicatorsSection(
  ctx: ModuleContext,
  programme: { id: string; slug: string; period_from: number; period_to: number; status: string },
  request: FastifyRequest,
): Promise<VNode | null> {
  const views = await indicatorViews(ctx, programme);
  if (views.length === 0) return null;
  const t = request.t;
  return (
    <section class="programme-indicators" aria-labelledby="programme-indicators-title">
      <h2 id="programme-indicators-title">{t('indicators.public.section')}</h2>
      <IndicatorTable views={views} slug={programme.slug} />
      <p>
        <a href={localize(`/program/${programme.slug}/wskazniki`, request.lang)}>{t('indicators.public.allLink')}</a>
      </p>
    </section>
  );
}

/**
 * CSV of one indicator: a row per year and area with a value, then the baseline and the targets.
 * Every row says whether it is example data: an example indicator's rows all do, targets and
 * baseline included, so a spreadsheet made from the file cannot lose the label.
 */
export async function indicatorCsv(ctx: ModuleContext, view: IndicatorView, t: T, lang: 'pl' | 'en'): Promise<string> {
  const index = await loadTerritoryIndex(ctx);
  const i = view.indicator;
  const yes = (b: boolean) => (b ? '1' : '0');
  const num = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
  const header = [
    t('indicators.csv.code'),
    t('indicators.csv.name'),
    t('indicators.csv.unit'),
    t('indicators.csv.kind'),
    t('indicators.csv.year'),
    t('indicators.csv.territoryCode'),
    t('indicators.csv.territory'),
    t('indicators.csv.value'),
    t('indicators.csv.example'),
    t('indicators.csv.computed'),
  ];
  const region = territoryName(index, WHOLE_REGION, lang);
  const rows: string[][] = view.figures.map((f) => [
    i.code,
    i.name,
    i.unit,
    t('indicators.csvKind.value'),
    String(f.period),
    f.territoryCode,
    territoryName(index, f.territoryCode, lang),
    f.value === null ? SMALL_COUNT_TEXT : num(f.value),
    yes(f.isExample),
    yes(f.isComputed),
  ]);
  if (i.baseline_value !== null && i.baseline_year !== null)
    rows.push([
      i.code,
      i.name,
      i.unit,
      t('indicators.csvKind.baseline'),
      String(i.baseline_year),
      WHOLE_REGION,
      region,
      num(i.baseline_value),
      yes(i.is_example),
      '0',
    ]);
  for (const target of view.targets)
    rows.push([
      i.code,
      i.name,
      i.unit,
      t('indicators.csvKind.target'),
      String(target.year),
      WHOLE_REGION,
      region,
      num(target.value),
      yes(target.isExample),
      '0',
    ]);
  return spreadsheetCsv([header, ...rows]);
}
