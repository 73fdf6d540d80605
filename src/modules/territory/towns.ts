// The towns (miasta) of the voivodeship, which people name where they mean a place: "w Chełmży",
// "Kowalewo Pomorskie". TERYT has no town as a unit of its own: a town is an urban gmina (RODZ 1)
// or the urban part of an urban-rural gmina (RODZ 4 "miasto"), so each town here names the gmina
// whose code stands for it. Read once from the repository's copy of the TERC file
// (data/reference/terc_04_raw.csv, see its PROVENANCE.md); nothing outside the repository is needed.
import { readReferenceCsv } from '../../core/data/reference.js';

export interface Town {
  /** The town's name as TERC writes it. */
  name: string;
  /** The 7-digit code of the gmina the town is (RODZ 1) or lies in (its urban-rural gmina, RODZ 3). */
  gmina: string;
}

interface TercRow extends Record<string, string> {
  WOJ: string;
  POW: string;
  GMI: string;
  RODZ: string;
  NAZWA: string;
}

let towns: readonly Town[] | undefined;

/** TERC rows → towns: RODZ 1 is a town that is its own gmina; RODZ 4 is the town of gmina RODZ 3. */
export function townsOfTerc(rows: readonly TercRow[]): Town[] {
  const out: Town[] = [];
  for (const r of rows) {
    const base = `${r.WOJ}${r.POW}${r.GMI}`;
    if (r.RODZ === '1') out.push({ name: r.NAZWA, gmina: `${base}1` });
    else if (r.RODZ === '4') out.push({ name: r.NAZWA, gmina: `${base}3` });
  }
  return out;
}

/** Every town of the voivodeship with its gmina's code (read from the reference file once). */
export function listTowns(): readonly Town[] {
  towns ??= townsOfTerc(readReferenceCsv<TercRow>('terc_04_raw.csv', { delimiter: ';' }));
  return towns;
}
