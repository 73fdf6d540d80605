// Public exports of the centres' results: the CSV of every measure, year and subregion (core/csv: BOM,
// `;`) and the same as JSON in the API. Both come from the indicators' public read model, so a count
// below 3 is "<3" in the CSV and `value: null, is_suppressed: true` in the API; example figures say so.
import { Type } from 'typebox';
import { spreadsheetCsv } from '../../../core/csv/index.js';
import type { AppInstance } from '../../../core/http/types.js';
import { contentDisposition } from '../../../core/http/uploads.js';
import type { ModuleContext } from '../../../core/module.js';
import { SMALL_COUNT_TEXT } from '../../indicators/index.js';
import { LICENCE_LINK, OpenDataProperties, openDataMeta } from '../../opendata/index.js';
import { resultsLastChanged } from '../support.opendata.js';
import { flatten, regionResults } from './results.service.js';

const ApiResult = Type.Object({
  code: Type.String({ description: 'indicator code in the current programme' }),
  measure: Type.String(),
  unit: Type.String(),
  period: Type.Integer(),
  subregion_code: Type.String(),
  subregion: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'null when is_suppressed' }),
  is_suppressed: Type.Boolean({ description: 'a count below 3, published only as "<3"' }),
  is_example: Type.Boolean({ description: 'example (demonstration) figure, not real' }),
});

export async function resultsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get('/wsparcie/wyniki.csv', { config: { access: 'public' } }, async (request, reply) => {
    const t = request.t;
    const rows = flatten(await regionResults(ctx, request.lang));
    const csv = spreadsheetCsv([
      (['code', 'measure', 'unit', 'period', 'subregionCode', 'subregion', 'value', 'example'] as const).map((k) =>
        t(`support.results.csvHeader.${k}`),
      ),
      ...rows.map((r) => [
        r.code,
        r.measure,
        r.unit,
        String(r.period),
        r.subregionCode,
        r.subregion,
        r.cell.isSuppressed || r.cell.value === null ? SMALL_COUNT_TEXT : String(r.cell.value),
        r.cell.isExample ? t('support.results.csvExample') : '',
      ]),
    ]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('wyniki-osrodkow-wsparcia.csv'))
      .header('link', LICENCE_LINK)
      .send(csv);
  });

  app.get(
    '/api/v1/wsparcie/wyniki',
    {
      config: { access: 'public' },
      schema: {
        tags: ['support'],
        summary: 'Results the support centres reported (approved indicator values per subregion and year; counts below 3 suppressed)',
        response: { 200: Type.Object({ ...OpenDataProperties, items: Type.Array(ApiResult) }) },
      },
    },
    async () => ({
      ...openDataMeta(await resultsLastChanged(ctx)),
      items: flatten(await regionResults(ctx, 'pl')).map((r) => ({
        code: r.code,
        measure: r.measure,
        unit: r.unit,
        period: r.period,
        subregion_code: r.subregionCode,
        subregion: r.subregion,
        value: r.cell.isSuppressed ? null : r.cell.value,
        is_suppressed: r.cell.isSuppressed,
        is_example: r.cell.isExample,
      })),
    }),
  );
}
