// The catalogue's facet counts, counted in memory (issue 16). Grouped counts in SQL cost 50–300 ms
// for every new search text or combination of filters at 100,000 entities, on the event loop.
// Instead, each process keeps the entities' facet columns as compact arrays (one byte or two
// per entity and column, rebuilt after a write to the registry's tables), and the rows matching a
// search word, read from the text index alone and kept per word. A search then costs the words not
// seen since the last write plus one pass over its matching rows in plain JavaScript: a few
// milliseconds at 100,000 entities, where a common word's cube took a quarter of a second.
import { ByteBoundedCache } from '../../../core/cache/byte-bounded.js';
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

  /** The code of a value, if any row holds it. */
  codeOf(value: string): number | undefined {
    return this.codes.get(value);
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

/** Reads the text index's keys of each word's matches (one list per word, in order). */
export type KeysPerTerm = (terms: readonly string[]) => Promise<(string | number)[][]>;

/** How many bytes of matching rows an index keeps per process (a common word's rows take ~140 KB). */
const TERM_BYTES_KEPT = 16 * 1024 * 1024;

export class FacetIndex {
  /** Entities, closed ones too (rows are numbered 0…size−1); filters leave closed ones out unless `includeClosed`. */
  readonly size: number;
  private readonly rowOf = new Map<string | number, number>();
  /** The text-index key of each row. */
  private keys: (string | number)[] = [];
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
  private powiatOfGmina = new Uint16Array(0);
  private readonly activityType: Uint16Array;
  private readonly state: Uint8Array;
  private readonly ps: Uint8Array;
  private readonly mark: Uint8Array;
  /** The sectors of row r are sectorOf[sectorStart[r] … sectorStart[r + 1]). */
  private readonly sectorStart: Uint32Array;
  private sectorOf = new Uint32Array(0);
  /** Rows in the catalogue's two orders: by name, newest first. */
  private byName = new Uint32Array(0);
  /** Each row's place in the order by name. */
  private readonly nameRank: Uint32Array;
  /** Each row's name words (`nameDocument`: a space before every word), for relevance. */
  private nameDoc: string[] = [];
  private byNewest = new Uint32Array(0);
  /** Each row's place in the order newest first. */
  private readonly newestRank: Uint32Array;
  /** Rows by the value of each filter's column (see `grouped`): a page of a rare filter reads only the rows it can show. */
  private groups: Record<'gmina' | 'legalForm' | 'activityType' | 'state' | 'ps' | 'mark' | 'sector', Grouped> | null = null;
  /** Each word's rows (a promise while they are read), weighed when they arrive. */
  private readonly terms = new ByteBoundedCache<string, Promise<Uint32Array>>(TERM_BYTES_KEPT);

  /** Builds the index a slice of rows at a time, letting the event loop go between slices. */
  static async build(source: FacetIndexSource, slice = 10_000): Promise<FacetIndex> {
    const index = new FacetIndex(source.entities.length);
    await index.fill(source, slice);
    return index;
  }

  private constructor(n: number) {
    this.size = n;
    this.legalForm = new Uint8Array(n);
    this.gmina = new Uint16Array(n);
    this.activityType = new Uint16Array(n);
    this.state = new Uint8Array(n);
    this.ps = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    this.nameRank = new Uint32Array(n);
    this.newestRank = new Uint32Array(n);
    this.sectorStart = new Uint32Array(n + 1);
  }

  private async fill(source: FacetIndexSource, slice: number): Promise<void> {
    const n = this.size;
    const byId = new Map<string, number>();
    const { entities } = source;
    this.keys = entities.map((e) => e.k);
    this.nameDoc = entities.map((e) => e.name_doc);
    await inSlices(n, slice, (r) => {
      const e = entities[r]!;
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
    const rowsOf = async (keys: readonly (string | number)[]) => {
      const out: number[] = [];
      await inSlices(keys.length, slice, (i) => {
        const r = this.rowOf.get(keys[i]!);
        if (r !== undefined) out.push(r);
      });
      return Uint32Array.from(out);
    };
    this.byName = await rowsOf(source.byName);
    this.byName.forEach((r, rank) => (this.nameRank[r] = rank));
    this.byNewest = await rowsOf(source.byNewest);
    this.byNewest.forEach((r, rank) => (this.newestRank[r] = rank));
    // sectors as one list per row (compressed rows): counted first, then placed
    const { sectors } = source;
    const rowsOfSectors = new Int32Array(sectors.length);
    await inSlices(sectors.length, slice, (i) => {
      const r = byId.get(sectors[i]!.entity_id) ?? -1;
      rowsOfSectors[i] = r;
      if (r >= 0) this.sectorStart[r + 1]! += 1;
    });
    for (let r = 0; r < n; r++) this.sectorStart[r + 1]! += this.sectorStart[r]!;
    this.sectorOf = new Uint32Array(this.sectorStart[n]!);
    const filled = this.sectorStart.slice(0, n);
    await inSlices(sectors.length, slice, (i) => {
      const r = rowsOfSectors[i]!;
      if (r < 0) return;
      const s = sectors[i]!;
      const code = this.sectors.code(s.sector_folded);
      // the name as written: the first in byte order, as SQL's min() gave it
      const label = this.sectorLabels[code];
      if (label === undefined || s.sector < label) this.sectorLabels[code] = s.sector;
      this.sectorOf[filled[r]!++] = code;
    });
    this.groups = {
      gmina: grouped(this.gmina, this.gminy.values.length),
      legalForm: grouped(this.legalForm, this.legalForms.values.length),
      activityType: grouped(this.activityType, this.activityTypes.values.length),
      state: grouped(this.state, this.states.values.length),
      ps: grouped(this.ps, 2),
      mark: grouped(this.mark, 2),
      sector: grouped(this.sectorOf, this.sectors.values.length, this.sectorStart),
    };
  }

  /**
   * The rows matching every word, in row order. Each word's rows are read once through `keysOf`
   * (the text index's keys of each word's matches; one call for all the words not kept) and kept
   * while the index lives, within a byte budget.
   */
  async matchingRows(terms: readonly string[], keysOf: KeysPerTerm): Promise<Uint32Array> {
    const sets = await this.rowsPerTerm(terms, keysOf);
    sets.sort((a, b) => a.length - b.length);
    let out = sets[0] ?? new Uint32Array(0);
    for (const next of sets.slice(1)) out = intersect(out, next);
    return out;
  }

  /** Each word's rows, in the words' order (see `matchingRows`). */
  rowsPerTerm(terms: readonly string[], keysOf: KeysPerTerm): Promise<Uint32Array[]> {
    const missing = [...new Set(terms.filter((t) => this.terms.peek(t) === undefined))];
    const fetched = missing.length ? keysOf(missing) : null;
    const added = new Map(
      missing.map((term, i) => [
        term,
        this.remember(
          term,
          fetched!.then((lists) => lists[i] ?? []),
        ),
      ]),
    );
    return Promise.all(
      terms.map((term) => {
        // a word used again becomes the most recently used
        return added.get(term) ?? this.terms.get(term)!;
      }),
    );
  }

  private remember(term: string, keys: Promise<(string | number)[]>): Promise<Uint32Array> {
    const rows = keys.then((list) => {
      const out: number[] = [];
      for (const k of list) {
        const r = this.rowOf.get(k);
        if (r !== undefined) out.push(r);
      }
      const sorted = Uint32Array.from(out).sort();
      // weighed now that the rows are known; a word pushed out before its rows arrived is not kept
      if (this.terms.peek(term) === rows) this.terms.set(term, rows, sorted.byteLength);
      return sorted;
    });
    rows.catch(() => {
      if (this.terms.peek(term) === rows) this.terms.delete(term);
    });
    this.terms.set(term, rows, 0);
    return rows;
  }

  /**
   * The keys of one page of the list for `f` in the catalogue's order by name or newest first.
   * When the rows that can pass are few (the words' rows, or the rows of the values one filter
   * allows: an eighth of the registry at most), only those are tested and the passing ones sorted by
   * their place in the order; otherwise the order is walked until `offset + limit` rows pass, which
   * is quick because many do.
   */
  page(rows: Uint32Array | null, f: EntityFilter, sort: 'name' | 'newest', offset: number, limit: number): (string | number)[] {
    const c = this.chosen(f);
    const order = sort === 'name' ? this.byName : this.byNewest;
    const few = this.fewCandidates(rows, c);
    let matched: Uint8Array | null = null;
    if (rows && few?.source !== 'words') {
      matched = new Uint8Array(this.size);
      for (const r of rows) matched[r] = 1;
    }
    const passes = (r: number) => (!matched || matched[r] === 1) && this.failedFilter(r, c) === FAILED_NONE;
    if (few) {
      const rank = sort === 'name' ? this.nameRank : this.newestRank;
      const ranks: number[] = [];
      few.each((r) => {
        if (passes(r)) ranks.push(rank[r]!);
      });
      // a row in two chosen sectors was visited twice: its place is kept once
      const sorted = Uint32Array.from(ranks).sort();
      const unique = sorted.filter((k, i) => i === 0 || sorted[i - 1] !== k);
      return [...unique.subarray(offset, offset + limit)].map((k) => this.keys[order[k]!]!);
    }
    const out: (string | number)[] = [];
    let skipped = 0;
    for (let i = 0; i < order.length && out.length < limit; i++) {
      const r = order[i]!;
      if (!passes(r)) continue;
      if (skipped < offset) skipped++;
      else out.push(this.keys[r]!);
    }
    return out;
  }

  /**
   * The smallest set of rows that holds every row passing `c` (and `rows`), when it is an eighth of
   * the registry or less: the words' rows, or the rows of the values a filter allows.
   */
  private fewCandidates(
    rows: Uint32Array | null,
    c: Chosen,
  ): { source: 'words' | 'groups'; each(visit: (r: number) => void): void } | null {
    const g = this.groups!;
    const gminaAllowed = (code: number) => {
      const p = this.powiatOfGmina[code]!;
      return c.gmina[code] === 1 && c.powiat[p] === 1 && c.subregion[p] === 1;
    };
    const options: [Grouped, (code: number) => boolean][] = [
      [g.gmina, gminaAllowed],
      [g.legalForm, (code) => c.legalForm[code] === 1],
      [g.activityType, (code) => c.activityType[code] === 1],
      [g.state, (code) => c.state[code] === 1 && code !== c.hiddenState],
    ];
    if (c.ps) options.push([g.ps, (code) => code === 1]);
    if (c.mark) options.push([g.mark, (code) => code === 1]);
    if (c.sectorChosen) options.push([g.sector, (code) => c.sector[code] === 1]);
    let best: { groups: Grouped; codes: number[]; size: number } | null = null;
    for (const [groups, allowed] of options) {
      const codes: number[] = [];
      let size = 0;
      for (let code = 0; code < groups.start.length - 1; code++) {
        if (!allowed(code)) continue;
        codes.push(code);
        size += groups.start[code + 1]! - groups.start[code]!;
      }
      if (!best || size < best.size) best = { groups, codes, size };
    }
    const limit = this.size / 8;
    if (rows && rows.length <= limit && rows.length <= (best?.size ?? Infinity))
      return { source: 'words', each: (visit) => rows.forEach((r) => visit(r)) };
    if (!best || best.size > limit) return null;
    const { groups, codes } = best;
    return {
      source: 'groups',
      each(visit) {
        for (const code of codes) for (let i = groups.start[code]!; i < groups.start[code + 1]!; i++) visit(groups.rows[i]!);
      },
    };
  }

  /**
   * The keys of one page by relevance: the first `cap` matching rows in key order (the text index's
   * order) that pass `f`, ranked by how many search words start a word of the name, then by name.
   * So a word found in 30,000 rows costs the same as one found in 500 (as the SQL ranking did).
   */
  relevancePage(
    rows: Uint32Array,
    terms: readonly string[],
    f: EntityFilter,
    offset: number,
    limit: number,
    cap: number,
  ): (string | number)[] {
    const c = this.chosen(f);
    const candidates: number[] = [];
    for (let i = 0; i < rows.length && candidates.length < cap; i++)
      if (this.failedFilter(rows[i]!, c) === FAILED_NONE) candidates.push(rows[i]!);
    return this.ranked(
      candidates.map((r) => ({ r, score: 0 })),
      terms,
    )
      .slice(offset, offset + limit)
      .map(({ r }) => this.keys[r]!);
  }

  /**
   * Rows ordered by their `score` (most first), then by how many `terms` start a word of the name,
   * then by name (the catalogue's name order).
   */
  ranked<C extends { r: number; score: number }>(rows: readonly C[], terms: readonly string[]): C[] {
    const starts = terms.map((t) => ` ${t}`);
    const nameScore = (r: number) => starts.reduce((n, s) => n + (this.nameDoc[r]!.includes(s) ? 1 : 0), 0);
    return rows
      .map((c) => ({ c, name: nameScore(c.r) }))
      .sort((a, b) => b.c.score - a.c.score || b.name - a.name || this.nameRank[a.c.r]! - this.nameRank[b.c.r]!)
      .map(({ c }) => c);
  }

  /** The rows whose seat is in one of the gminy (or powiaty), in row order. */
  placeRows(place: { gmina: readonly string[] } | { powiat: readonly string[] }): Uint32Array {
    const ok = 'gmina' in place ? this.gminy.allowed(place.gmina) : this.powiaty.allowed(place.powiat);
    ok[0] = 0;
    const byPowiat = !('gmina' in place);
    const out: number[] = [];
    for (let r = 0; r < this.size; r++) {
      const g = this.gmina[r]!;
      if (ok[byPowiat ? this.powiatOfGmina[g]! : g]) out.push(r);
    }
    return Uint32Array.from(out);
  }

  /**
   * The candidates of a relaxed search (issue 16: it walked every match of every word in SQL):
   * the rows passing `f` that meet any of the units (each unit's rows given), those meeting the
   * most first, tier by tier until `limit` are found; at most `cap` of them (the last tier taken
   * in row order), as relevance ranks a bounded set. Each with its key and the units it meets.
   */
  partialCandidates(
    units: readonly Uint32Array[],
    f: EntityFilter,
    limit: number,
    cap: number,
  ): { r: number; key: string | number; score: number; matched: boolean[] }[] {
    const c = this.chosen(f);
    const score = new Uint8Array(this.size);
    for (const rows of units) for (const r of rows) score[r]! += 1;
    // the met rows by how many units they meet, each tier in row order (one pass over the scores
    // instead of sorting tens of thousands of rows of common words); the filter is tested only on
    // rows a tier can still take
    const tiers: number[][] = Array.from({ length: units.length + 1 }, () => []);
    for (let r = 0; r < this.size; r++) if (score[r]) tiers[score[r]!]!.push(r);
    const chosen: number[] = [];
    for (let n = units.length; n > 0 && chosen.length < limit; n--)
      for (const r of tiers[n]!) {
        if (chosen.length >= cap) break;
        if (this.failedFilter(r, c) === FAILED_NONE) chosen.push(r);
      }
    return chosen.map((r) => ({ r, key: this.keys[r]!, score: score[r]!, matched: units.map((rows) => includes(rows, r)) }));
  }

  /** A filter as lookup tables over the codes of each column. */
  private chosen(f: EntityFilter): Chosen {
    if (f.identifier) throw new Error('the facet index does not hold identifiers');
    let subregion = this.powiaty.allowed([]);
    if (f.subregionPowiaty) {
      // chosen subregions hold only powiaty: an entity of unknown place is in none of them
      subregion = f.subregionPowiaty.length ? this.powiaty.allowed(f.subregionPowiaty) : new Uint8Array(this.powiaty.values.length);
      subregion[0] = 0;
    }
    return {
      legalForm: this.legalForms.allowed(f.legalForm),
      gmina: this.gminy.allowed(f.gmina),
      powiat: this.powiaty.allowed(f.powiat),
      subregion,
      activityType: this.activityTypes.allowed(f.activityType),
      state: this.states.allowed(f.state),
      sectorChosen: (f.sector?.length ?? 0) > 0,
      sector: this.sectors.allowed(f.sector),
      ps: f.statusPs,
      mark: f.mark,
      // closed entities are left out of the public lists, not counted as failing a filter
      hiddenState: f.includeClosed ? -1 : (this.states.codeOf(CLOSED) ?? -1),
    };
  }

  /** The one chosen filter row `r` fails (FAILED_NONE when it passes all, FAILED_SEVERAL for two or more). */
  private failedFilter(r: number, c: Chosen): number {
    if (this.state[r] === c.hiddenState) return FAILED_SEVERAL;
    const g = this.gmina[r]!;
    const p = this.powiatOfGmina[g]!;
    let failed = FAILED_NONE;
    let failures = 0;
    if (!c.legalForm[this.legalForm[r]!]) {
      failed = F_LEGAL_FORM;
      failures++;
    }
    if (!c.gmina[g]) {
      failed = F_GMINA;
      failures++;
    }
    if (!c.powiat[p]) {
      failed = F_POWIAT;
      failures++;
    }
    if (!c.subregion[p]) {
      failed = F_SUBREGION;
      failures++;
    }
    if (!c.activityType[this.activityType[r]!]) {
      failed = F_ACTIVITY;
      failures++;
    }
    if (!c.state[this.state[r]!]) {
      failed = F_STATE;
      failures++;
    }
    if (c.ps && !this.ps[r]) {
      failed = F_PS;
      failures++;
    }
    if (c.mark && !this.mark[r]) {
      failed = F_MARK;
      failures++;
    }
    if (failures > 1) return FAILED_SEVERAL;
    if (c.sectorChosen) {
      let any = false;
      for (let i = this.sectorStart[r]!; i < this.sectorStart[r + 1]! && !any; i++) any = c.sector[this.sectorOf[i]!] === 1;
      if (!any) return failures === 1 ? FAILED_SEVERAL : F_SECTOR;
    }
    return failed;
  }

  /**
   * Every facet's counts and the total for `f` among `rows` (null: every entity). A facet
   * counts the rows passing every chosen filter but its own, so its options say what choosing
   * them would give. The text of `f` is already applied through `rows`.
   *
   * Without a text, not every row is visited: only a row failing at most one chosen filter counts
   * anywhere, and such a row passes at least one of any two chosen filters — so the rows of the two
   * most selective filters (`groups`) hold every row that counts. With one filter chosen, its own
   * options count every row and the rest the rows it allows: both added up from counts kept per
   * index (per value of its column; a sector filter visits its rows); with none, the every-row counts.
   */
  count(rows: Uint32Array | null, f: EntityFilter): FacetCounts {
    const c = this.chosen(f);
    if (rows) {
      const tally = this.newTally();
      for (const r of rows) this.tally(tally, r, c);
      return this.countsOf(tally);
    }
    const everything = this.everyRow(c.hiddenState);
    const active = this.filterGroups(c).filter((g) => g.active);
    if (active.length === 0) return this.countsOf(everything);
    active.sort((a, b) => a.size - b.size);
    const [first, second] = active;
    // one filter of a column with one value per row, however many rows it allows: the sum of its
    // allowed values' counts, kept per value
    if (!second && first!.column) {
      const tabs = this.crossTab(first!.column, c.hiddenState);
      const tally = this.newTally();
      for (const code of first!.codes) addTally(tally, tabs[code]!);
      copyColumn(everything, tally, first!.failure);
      return this.countsOf(tally);
    }
    // rows visited through the groups are read out of order: worth it while they are under half of all
    if ((first!.size + (second?.size ?? 0)) * 2 >= this.size) {
      const tally = this.newTally();
      for (let r = 0; r < this.size; r++) this.tally(tally, r, c);
      return this.countsOf(tally);
    }
    const tally = this.newTally();
    const seen = new Uint8Array(this.size);
    for (const g of second ? [first!, second] : [first!])
      g.each((r) => {
        if (seen[r]) return;
        seen[r] = 1;
        this.tally(tally, r, c);
      });
    // one filter chosen: its own options count the rows passing every other filter, which is all of them
    if (!second) copyColumn(everything, tally, first!.failure);
    return this.countsOf(tally);
  }

  /** The counts with nothing chosen, per way of treating closed entities: computed once per index. */
  private readonly everyRowTallies = new Map<number, Tally>();

  private everyRow(hiddenState: number): Tally {
    let tally = this.everyRowTallies.get(hiddenState);
    if (!tally) {
      tally = this.newTally();
      const none = this.noneChosen(hiddenState);
      for (let r = 0; r < this.size; r++) this.tally(tally, r, none);
      this.everyRowTallies.set(hiddenState, tally);
    }
    return tally;
  }

  /** Per value of a column, the counts of the rows holding it with nothing chosen: computed on first use, once per index. */
  private readonly crossTabs = new Map<string, Tally[]>();

  private crossTab(column: CrossColumn, hiddenState: number): Tally[] {
    const key = `${column}|${hiddenState}`;
    let tabs = this.crossTabs.get(key);
    if (!tabs) {
      const groups = this.groups![column];
      const none = this.noneChosen(hiddenState);
      tabs = [];
      for (let code = 0; code < groups.start.length - 1; code++) {
        const tally = this.newTally();
        for (let i = groups.start[code]!; i < groups.start[code + 1]!; i++) this.tally(tally, groups.rows[i]!, none);
        tabs.push(tally);
      }
      this.crossTabs.set(key, tabs);
    }
    return tabs;
  }

  private noneChosen(hiddenState: number): Chosen {
    const includeClosed = hiddenState === -1;
    return this.chosen({ terms: [], legalForm: [], powiat: [], gmina: [], statusPs: false, mark: false, includeClosed, today: '' });
  }

  /**
   * Each filter with the rows it lets through (`each`, a row once per chosen sector it has), how
   * many they are, and whether it is chosen at all (some rows fail it).
   */
  private filterGroups(c: Chosen): FilterRows[] {
    const g = this.groups!;
    const powiatOf = this.powiatOfGmina;
    const of = (failure: number, column: CrossColumn | null, allowed: (code: number) => boolean, skip = -1): FilterRows => {
      const groups = column ? g[column] : g.sector;
      const codes: number[] = [];
      let size = 0;
      let active = false;
      for (let code = 0; code < groups.start.length - 1; code++) {
        const n = groups.start[code + 1]! - groups.start[code]!;
        if (code === skip || n === 0) continue;
        if (!allowed(code)) {
          active = true;
          continue;
        }
        codes.push(code);
        size += n;
      }
      return {
        failure,
        column,
        codes,
        active,
        size,
        each(visit: (r: number) => void) {
          for (const code of codes) for (let i = groups.start[code]!; i < groups.start[code + 1]!; i++) visit(groups.rows[i]!);
        },
      };
    };
    return [
      of(F_LEGAL_FORM, 'legalForm', (code) => c.legalForm[code] === 1),
      of(F_GMINA, 'gmina', (code) => c.gmina[code] === 1),
      of(F_POWIAT, 'gmina', (code) => c.powiat[powiatOf[code]!] === 1),
      of(F_SUBREGION, 'gmina', (code) => c.subregion[powiatOf[code]!] === 1),
      of(F_ACTIVITY, 'activityType', (code) => c.activityType[code] === 1),
      of(F_STATE, 'state', (code) => c.state[code] === 1, c.hiddenState),
      of(F_PS, 'ps', (code) => !c.ps || code === 1),
      of(F_MARK, 'mark', (code) => !c.mark || code === 1),
      // every row without a sector fails a sector filter: chosen sectors make it active; a row may
      // have several sectors, so per-sector counts cannot be added up (no cross table)
      { ...of(F_SECTOR, null, (code) => c.sector[code] === 1), active: c.sectorChosen },
    ];
  }

  private newTally(): Tally {
    return {
      total: 0,
      legalForm: new Uint32Array(this.legalForms.values.length),
      gmina: new Uint32Array(this.gminy.values.length),
      powiat: new Uint32Array(this.powiaty.values.length),
      subregion: new Uint32Array(this.powiaty.values.length),
      activity: new Uint32Array(this.activityTypes.values.length),
      state: new Uint32Array(this.states.values.length),
      sector: new Uint32Array(this.sectors.values.length),
      ps: 0,
      mark: 0,
    };
  }

  /** Adds row `r` to every count it belongs to under `c`. */
  private tally(t: Tally, r: number, c: Chosen): void {
    const failed = this.failedFilter(r, c);
    if (failed === FAILED_SEVERAL) return;
    const all = failed === FAILED_NONE;
    if (all) t.total++;
    const g = this.gmina[r]!;
    const p = this.powiatOfGmina[g]!;
    if (all || failed === F_LEGAL_FORM) t.legalForm[this.legalForm[r]!]!++;
    if (all || failed === F_GMINA) t.gmina[g]!++;
    if (all || failed === F_POWIAT) t.powiat[p]!++;
    if (all || failed === F_SUBREGION) t.subregion[p]!++;
    if (all || failed === F_ACTIVITY) t.activity[this.activityType[r]!]!++;
    if (all || failed === F_STATE) t.state[this.state[r]!]!++;
    if ((all || failed === F_PS) && this.ps[r]) t.ps++;
    if ((all || failed === F_MARK) && this.mark[r]) t.mark++;
    if (all || failed === F_SECTOR) for (let i = this.sectorStart[r]!; i < this.sectorStart[r + 1]!; i++) t.sector[this.sectorOf[i]!]!++;
  }

  private countsOf(t: Tally): FacetCounts {
    const sector = new Map<string, { label: string; count: number }>();
    t.sector.forEach((count, code) => {
      if (code > 0 && count > 0) sector.set(this.sectors.values[code]!, { label: this.sectorLabels[code]!, count });
    });
    return {
      total: t.total,
      legalForm: counted(this.legalForms, t.legalForm),
      powiat: counted(this.powiaty, t.powiat),
      gmina: counted(this.gminy, t.gmina),
      subregionPowiat: counted(this.powiaty, t.subregion),
      sector,
      activityType: counted(this.activityTypes, t.activity),
      state: counted(this.states, t.state),
      statusPs: t.ps,
      mark: t.mark,
    };
  }
}

/** Counts being taken: the total and each facet's count per code. */
interface Tally {
  total: number;
  legalForm: Uint32Array;
  gmina: Uint32Array;
  powiat: Uint32Array;
  subregion: Uint32Array;
  activity: Uint32Array;
  state: Uint32Array;
  sector: Uint32Array;
  ps: number;
  mark: number;
}

/** A filter column with one value per row, whose rows per value can be counted once and added up. */
type CrossColumn = 'legalForm' | 'gmina' | 'activityType' | 'state' | 'ps' | 'mark';

/** A filter's rows (see `FacetIndex.filterGroups`). */
interface FilterRows {
  /** Its failure code (F_…). */
  failure: number;
  /** The column whose values it allows (null: the sectors, several per row). */
  column: CrossColumn | null;
  /** The values it allows. */
  codes: number[];
  /** Some rows fail it. */
  active: boolean;
  /** Rows it allows (a row counted once per allowed sector). */
  size: number;
  each(visit: (r: number) => void): void;
}

/** Adds `from`'s counts to `to`. */
function addTally(to: Tally, from: Tally): void {
  to.total += from.total;
  to.ps += from.ps;
  to.mark += from.mark;
  for (const k of ['legalForm', 'gmina', 'powiat', 'subregion', 'activity', 'state', 'sector'] as const) {
    const a = to[k];
    const b = from[k];
    for (let i = 0; i < b.length; i++) a[i]! += b[i]!;
  }
}

/** Puts `from`'s counts of the facet of one filter (a failure code) into `to`. */
function copyColumn(from: Tally, to: Tally, failure: number): void {
  const columns: Partial<Record<number, 'legalForm' | 'gmina' | 'powiat' | 'subregion' | 'activity' | 'state' | 'sector'>> = {
    [F_LEGAL_FORM]: 'legalForm',
    [F_GMINA]: 'gmina',
    [F_POWIAT]: 'powiat',
    [F_SUBREGION]: 'subregion',
    [F_ACTIVITY]: 'activity',
    [F_STATE]: 'state',
    [F_SECTOR]: 'sector',
  };
  const column = columns[failure];
  if (column) to[column] = from[column].slice();
  else if (failure === F_PS) to.ps = from.ps;
  else if (failure === F_MARK) to.mark = from.mark;
}

interface Chosen {
  legalForm: Uint8Array;
  gmina: Uint8Array;
  powiat: Uint8Array;
  subregion: Uint8Array;
  activityType: Uint8Array;
  state: Uint8Array;
  sectorChosen: boolean;
  sector: Uint8Array;
  ps: boolean;
  mark: boolean;
  /** The state code of rows no filter shows (closed entities), or −1. */
  hiddenState: number;
}

/** The activity state of a closed entity (entity/activity-state.ts). */
const CLOSED = 'closed';

const FAILED_NONE = 0;
const FAILED_SEVERAL = -1;
const F_LEGAL_FORM = 1;
const F_GMINA = 2;
const F_POWIAT = 3;
const F_SUBREGION = 4;
const F_ACTIVITY = 5;
const F_STATE = 6;
const F_PS = 7;
const F_MARK = 8;
const F_SECTOR = 9;

/** Rows grouped by their code: the rows of code k are rows[start[k] … start[k + 1]), in row order. */
interface Grouped {
  start: Uint32Array;
  rows: Uint32Array;
}

function grouped(codes: ArrayLike<number>, groups: number, rowStart?: Uint32Array): Grouped {
  // one code per row, or (with rowStart, as for sectors) the codes of row r at rowStart[r] … rowStart[r + 1]
  const rowsCount = rowStart ? rowStart.length - 1 : codes.length;
  const each = (visit: (i: number, r: number) => void) => {
    for (let r = 0; r < rowsCount; r++) {
      if (!rowStart) visit(r, r);
      else for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) visit(i, r);
    }
  };
  const start = new Uint32Array(groups + 1);
  each((i) => (start[codes[i]! + 1]! += 1));
  for (let k = 0; k < groups; k++) start[k + 1]! += start[k]!;
  const rows = new Uint32Array(start[groups]!);
  const next = start.slice(0, groups);
  each((i, r) => (rows[next[codes[i]!]!++] = r));
  return { start, rows };
}

/** Known values with a count above zero (unknown ones are never an option). */
function counted(dictionary: Dictionary, counts: Uint32Array): Map<string, number> {
  const out = new Map<string, number>();
  counts.forEach((count, code) => {
    if (code > 0 && count > 0) out.set(dictionary.values[code]!, count);
  });
  return out;
}

/** Calls `each(0 … count − 1)`, letting the event loop go after every `slice` calls. */
async function inSlices(count: number, slice: number, each: (i: number) => void): Promise<void> {
  for (let start = 0; start < count; start += slice) {
    const end = Math.min(count, start + slice);
    for (let i = start; i < end; i++) each(i);
    if (end < count) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Whether a sorted list holds the row (binary search). */
function includes(sorted: Uint32Array, row: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === row) return true;
    if (v < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
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
