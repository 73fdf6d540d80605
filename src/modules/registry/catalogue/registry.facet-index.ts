// The catalogue's facet counts, counted in memory (issue 16). Grouped counts in SQL cost 50–300 ms
// for every new search text or combination of filters at 100,000 entities, on the event loop.
// Instead, each process keeps the listed entities' facet columns as compact arrays (one byte or two
// per entity and column, rebuilt after a write to the registry's tables), and the rows matching a
// search word, read from the text index alone and kept per word. A search then costs the words not
// seen since the last write plus one pass over its matching rows in plain JavaScript: a few
// milliseconds at 100,000 entities, where a common word's cube took a quarter of a second.
import type { EntityFilter, FacetCounts, FacetIndexSource } from '../entity/registry.repo.js';

/** Values of one column, coded as small integers; code 0 is "unknown" (null). */
class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** Which codes a chosen list lets through: every one (null too) when nothing is chosen. */
  allowed(chosen: readonly string[] | undefined): Uint8Array {
    const out = new Uint8Array(this.values.length);
    if (!chosen?.length) return out.fill(1);
    for (const v of chosen) {
      const code = this.codes.get(v);
      if (code !== undefined) out[code] = 1;
    }
    return out;
  }
}

/** How many bytes of matching rows an index keeps per process (a common word's rows take ~140 KB). */
const TERM_BYTES_KEPT = 16 * 1024 * 1024;

export class FacetIndex {
  /** Listed entities (rows are numbered 0…size−1). */
  readonly size: number;
  private readonly rowOf = new Map<string | number, number>();
  private readonly legalForms = new Dictionary();
  private readonly gminy = new Dictionary();
  private readonly powiaty = new Dictionary();
  private readonly activityTypes = new Dictionary();
  private readonly states = new Dictionary();
  private readonly sectors = new Dictionary();
  private readonly sectorLabels: string[] = [''];
  private readonly legalForm: Uint8Array;
  private readonly gmina: Uint16Array;
  /** Powiat code of each gmina code. */
  private readonly powiatOfGmina: Uint16Array;
  private readonly activityType: Uint16Array;
  private readonly state: Uint8Array;
  private readonly ps: Uint8Array;
  private readonly mark: Uint8Array;
  /** The sectors of row r are sectorOf[sectorStart[r] … sectorStart[r + 1]). */
  private readonly sectorStart: Uint32Array;
  private readonly sectorOf: Uint32Array;
  /** Rows matching one search word, least recently used first. */
  private readonly terms = new Map<string, { bytes: number; rows: Promise<Uint32Array> }>();
  private termBytes = 0;

  constructor(source: FacetIndexSource) {
    const n = source.entities.length;
    this.size = n;
    this.legalForm = new Uint8Array(n);
    this.gmina = new Uint16Array(n);
    this.activityType = new Uint16Array(n);
    this.state = new Uint8Array(n);
    this.ps = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    const byId = new Map<string, number>();
    source.entities.forEach((e, r) => {
      this.rowOf.set(e.k, r);
      byId.set(e.id, r);
      this.legalForm[r] = this.legalForms.code(e.legal_form);
      this.gmina[r] = this.gminy.code(e.gmina_teryt);
      this.activityType[r] = this.activityTypes.code(e.activity_type);
      this.state[r] = this.states.code(e.state);
    });
    if (this.legalForms.values.length > 256 || this.states.values.length > 256 || this.gminy.values.length > 65_536)
      throw new Error('facet index: a column has more distinct values than its array holds');
    this.powiatOfGmina = new Uint16Array(this.gminy.values.length);
    this.gminy.values.forEach((g, code) => {
      this.powiatOfGmina[code] = this.powiaty.code(g === null ? null : g.slice(0, 4));
    });
    for (const id of source.ps) {
      const r = byId.get(id);
      if (r !== undefined) this.ps[r] = 1;
    }
    for (const id of source.mark) {
      const r = byId.get(id);
      if (r !== undefined) this.mark[r] = 1;
    }
    // sectors as one list per row (compressed rows): counted first, then placed
    const rowsOfSectors = new Int32Array(source.sectors.length);
    this.sectorStart = new Uint32Array(n + 1);
    source.sectors.forEach((s, i) => {
      const r = byId.get(s.entity_id) ?? -1;
      rowsOfSectors[i] = r;
      if (r >= 0) this.sectorStart[r + 1]! += 1;
    });
    for (let r = 0; r < n; r++) this.sectorStart[r + 1]! += this.sectorStart[r]!;
    this.sectorOf = new Uint32Array(this.sectorStart[n]!);
    const filled = this.sectorStart.slice(0, n);
    source.sectors.forEach((s, i) => {
      const r = rowsOfSectors[i]!;
      if (r < 0) return;
      const code = this.sectors.code(s.sector_folded);
      // the name as written: the first in byte order, as SQL's min() gave it
      const label = this.sectorLabels[code];
      if (label === undefined || s.sector < label) this.sectorLabels[code] = s.sector;
      this.sectorOf[filled[r]!++] = code;
    });
  }

  /**
   * The rows matching every word, in row order. Each word's rows are read once through `keysOf`
   * (the text index's keys of its matches) and kept while the index lives, within a byte budget.
   */
  async matchingRows(terms: readonly string[], keysOf: (term: string) => Promise<(string | number)[]>): Promise<Uint32Array> {
    const sets = await Promise.all([...new Set(terms)].map((t) => this.termRows(t, keysOf)));
    sets.sort((a, b) => a.length - b.length);
    let out = sets[0] ?? new Uint32Array(0);
    for (const next of sets.slice(1)) out = intersect(out, next);
    return out;
  }

  private termRows(term: string, keysOf: (term: string) => Promise<(string | number)[]>): Promise<Uint32Array> {
    const hit = this.terms.get(term);
    if (hit) {
      this.terms.delete(term);
      this.terms.set(term, hit);
      return hit.rows;
    }
    const entry = { bytes: 0, rows: Promise.resolve(new Uint32Array(0)) };
    entry.rows = keysOf(term).then((keys) => {
      const out: number[] = [];
      for (const k of keys) {
        const r = this.rowOf.get(k);
        if (r !== undefined) out.push(r);
      }
      const sorted = Uint32Array.from(out).sort();
      // a word pushed out before its rows arrived is not kept (nor counted)
      if (this.terms.get(term) !== entry) return sorted;
      entry.bytes = sorted.byteLength;
      this.termBytes += entry.bytes;
      for (const [oldest, kept] of this.terms) {
        if (this.termBytes <= TERM_BYTES_KEPT || kept === entry) break;
        this.terms.delete(oldest);
        this.termBytes -= kept.bytes;
      }
      return sorted;
    });
    entry.rows.catch(() => {
      if (this.terms.get(term) === entry) this.terms.delete(term);
    });
    this.terms.set(term, entry);
    return entry.rows;
  }

  /**
   * Every facet's counts and the total for `f` among `rows` (null: every listed entity). A facet
   * counts the rows passing every chosen filter but its own, so its options say what choosing
   * them would give. The text of `f` is already applied through `rows`.
   */
  count(rows: Uint32Array | null, f: EntityFilter): FacetCounts {
    if (f.includeClosed || f.identifier) throw new Error('the facet index holds listed entities only');
    const okLegalForm = this.legalForms.allowed(f.legalForm);
    const okGmina = this.gminy.allowed(f.gmina);
    const okPowiat = this.powiaty.allowed(f.powiat);
    const okSubregion = f.subregionPowiaty
      ? f.subregionPowiaty.length
        ? (() => {
            const ok = this.powiaty.allowed(f.subregionPowiaty);
            ok[0] = 0;
            return ok;
          })()
        : new Uint8Array(this.powiaty.values.length)
      : this.powiaty.allowed([]);
    const okActivity = this.activityTypes.allowed(f.activityType);
    const okState = this.states.allowed(f.state);
    const sectorChosen = (f.sector?.length ?? 0) > 0;
    const okSector = this.sectors.allowed(f.sector);
    const wantPs = f.statusPs;
    const wantMark = f.mark;

    const cLegalForm = new Uint32Array(this.legalForms.values.length);
    const cGmina = new Uint32Array(this.gminy.values.length);
    const cPowiat = new Uint32Array(this.powiaty.values.length);
    const cSubregion = new Uint32Array(this.powiaty.values.length);
    const cActivity = new Uint32Array(this.activityTypes.values.length);
    const cState = new Uint32Array(this.states.values.length);
    const cSector = new Uint32Array(this.sectors.values.length);
    let total = 0;
    let cPs = 0;
    let cMark = 0;

    const { legalForm, gmina, powiatOfGmina, activityType, state, ps, mark, sectorStart, sectorOf } = this;
    const n = rows ? rows.length : this.size;
    for (let j = 0; j < n; j++) {
      const r = rows ? rows[j]! : j;
      const lf = legalForm[r]!;
      const g = gmina[r]!;
      const p = powiatOfGmina[g]!;
      const a = activityType[r]!;
      const s = state[r]!;
      const isPs = ps[r]!;
      const isMark = mark[r]!;
      // the one filter this row fails (0: none); a row failing two counts nowhere
      let failed = 0;
      let failures = 0;
      if (!okLegalForm[lf]) {
        failed = F_LEGAL_FORM;
        failures++;
      }
      if (!okGmina[g]) {
        failed = F_GMINA;
        failures++;
      }
      if (!okPowiat[p]) {
        failed = F_POWIAT;
        failures++;
      }
      if (!okSubregion[p]) {
        failed = F_SUBREGION;
        failures++;
      }
      if (!okActivity[a]) {
        failed = F_ACTIVITY;
        failures++;
      }
      if (!okState[s]) {
        failed = F_STATE;
        failures++;
      }
      if (wantPs && !isPs) {
        failed = F_PS;
        failures++;
      }
      if (wantMark && !isMark) {
        failed = F_MARK;
        failures++;
      }
      if (failures > 1) continue;
      if (sectorChosen) {
        let any = false;
        for (let i = sectorStart[r]!; i < sectorStart[r + 1]!; i++) if (okSector[sectorOf[i]!]) any = true;
        if (!any) {
          if (failures === 1) continue;
          failed = F_SECTOR;
          failures = 1;
        }
      }
      if (failures === 0) total++;
      const all = failures === 0;
      if (all || failed === F_LEGAL_FORM) cLegalForm[lf]!++;
      if (all || failed === F_GMINA) cGmina[g]!++;
      if (all || failed === F_POWIAT) cPowiat[p]!++;
      if (all || failed === F_SUBREGION) cSubregion[p]!++;
      if (all || failed === F_ACTIVITY) cActivity[a]!++;
      if (all || failed === F_STATE) cState[s]!++;
      if ((all || failed === F_PS) && isPs) cPs++;
      if ((all || failed === F_MARK) && isMark) cMark++;
      if (all || failed === F_SECTOR) for (let i = sectorStart[r]!; i < sectorStart[r + 1]!; i++) cSector[sectorOf[i]!]!++;
    }

    const sector = new Map<string, { label: string; count: number }>();
    cSector.forEach((count, code) => {
      if (code > 0 && count > 0) sector.set(this.sectors.values[code]!, { label: this.sectorLabels[code]!, count });
    });
    return {
      total,
      legalForm: counted(this.legalForms, cLegalForm),
      powiat: counted(this.powiaty, cPowiat),
      gmina: counted(this.gminy, cGmina),
      subregionPowiat: counted(this.powiaty, cSubregion),
      sector,
      activityType: counted(this.activityTypes, cActivity),
      state: counted(this.states, cState),
      statusPs: cPs,
      mark: cMark,
    };
  }
}

const F_LEGAL_FORM = 1;
const F_GMINA = 2;
const F_POWIAT = 3;
const F_SUBREGION = 4;
const F_ACTIVITY = 5;
const F_STATE = 6;
const F_PS = 7;
const F_MARK = 8;
const F_SECTOR = 9;

/** Known values with a count above zero (unknown ones are never an option). */
function counted(dictionary: Dictionary, counts: Uint32Array): Map<string, number> {
  const out = new Map<string, number>();
  counts.forEach((count, code) => {
    if (code > 0 && count > 0) out.set(dictionary.values[code]!, count);
  });
  return out;
}

/** The rows in both sorted lists. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.slice(0, k);
}
