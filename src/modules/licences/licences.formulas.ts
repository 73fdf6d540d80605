// The licences module's formula for computed programme indicators (the indicators module's
// `indicatorFormulas`): "Zakup Prospołeczny" licences granted in the year up to the day asked
// (a flow; renewals count, a later withdrawal does not undo a grant), by the holder's seat gmina.
// The platform knows every grant only since it began recording them itself: licences migrated
// from the registry's marks are a partial record, so the figure is unknown before the first grant
// recorded here.
import type { FormulaParams, IndicatorFormula } from '../indicators/index.js';
import { firstRecordedGrant, grantedByGmina } from './licences.repo.js';

export const licencesGrantedFormula: IndicatorFormula = {
  key: 'licences_granted',
  label: (t) => t('licences.formula.granted'),
  tables: ['licences', 'entities'],
  coverageStart: (ctx) => firstRecordedGrant(ctx.db),
  countByGmina: (ctx, asOf: string, _params: FormulaParams) => grantedByGmina(ctx.db, `${asOf.slice(0, 4)}-01-01`, asOf),
};
