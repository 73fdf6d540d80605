// Local governments as people choose them: every gmina and powiat with a unique label ("Chełmno
// (gmina miejska, powiat chełmiński)", "powiat chełmiński"), and the unit a typed text names. The
// cooperation form, the survey's partner accounts, awards and good practices all choose by name.
import type { ModuleContext } from '../../core/module.js';
import { fold } from '../../core/search/index.js';
import type { FormChecker } from '../../core/validation.js';
import { translator, type Lang } from '../../i18n/index.js';
import { gminaTypeKey, isCityPowiat, listUnits } from '../territory/index.js';

export interface UnitOption {
  teryt: string;
  kind: 'gmina' | 'powiat';
  name: string;
  /** Unique label: "Chełmno (gmina wiejska, powiat chełmiński)", "powiat chełmiński". */
  label: string;
}

export async function unitOptions(ctx: Pick<ModuleContext, 'db'>, lang: Lang): Promise<UnitOption[]> {
  const t = translator(lang);
  const [gminy, powiaty] = await Promise.all([listUnits(ctx.db, 'gmina'), listUnits(ctx.db, 'powiat')]);
  const powiatName = new Map(powiaty.map((p) => [p.teryt, p.name]));
  const powiatLabel = (teryt: string, name: string) =>
    isCityPowiat(teryt) ? t('localgov.cityPowiat', { name }) : t('localgov.powiat', { name });
  return [
    ...gminy.map((g) => ({
      teryt: g.teryt,
      kind: 'gmina' as const,
      name: g.name,
      label: `${g.name} (${t(gminaTypeKey(g.gmina_type))}, ${powiatLabel(g.teryt.slice(0, 4), powiatName.get(g.teryt.slice(0, 4)) ?? '')})`,
    })),
    ...powiaty.map((p) => ({ teryt: p.teryt, kind: 'powiat' as const, name: p.name, label: powiatLabel(p.teryt, p.name) })),
  ];
}

/** The unit a typed text names: an exact label (any case, Polish letters optional), else a unique name. */
export function matchUnit(options: readonly UnitOption[], text: string): UnitOption[] {
  const q = fold(text).replace(/\s+/g, ' ').trim();
  if (q === '') return [];
  const byLabel = options.filter((o) => fold(o.label) === q);
  return byLabel.length > 0 ? byLabel : options.filter((o) => fold(o.name) === q);
}

/** The unit a form's `unit` field names, or a problem on the field (none given, unknown, or several). */
export function checkUnitField(f: FormChecker, options: readonly UnitOption[]): UnitOption | undefined {
  const unitText = f.text('unit');
  const found = matchUnit(options, unitText);
  if (unitText === '') f.add('unit', 'localgov.field.unit', 'validation.required');
  else if (found.length !== 1)
    f.add('unit', 'localgov.field.unit', found.length === 0 ? 'localgov.problem.unitUnknown' : 'localgov.problem.unitAmbiguous');
  return found[0];
}
