// The in-memory facet index must count exactly what the filter means: every facet counts the
// entities passing every chosen filter but its own. Checked against a plain reference over
// random entities and random filters, plus the word cache's byte budget and the sorted-list
// intersection it relies on. (The catalogue's route tests check the same counts on both databases.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../data-quality/registry.synthetic.js';
import type { EntityFilter, FacetCounts, FacetIndexSource } from '../entity/registry.repo.js';
import { FacetIndex, intersect } from './registry.facet-index.js';

const FORMS = ['fundacja', 'stowarzyszenie', 'spoldzielnia_socjalna', 'cis'];
const GMINY = ['0401011', '0401022', '0402011', '0403013', null];
const TYPES = ['odplatna', 'nieodplatna', null];
const STATES = ['active', 'unverified', 'suspended', 'closed'];
const SECTORS = ['gastronomia', 'turystyka', 'uslugi opiekuncze', 'rekodzielo'];

interface Row {
  k: number;
  id: string;
  legal_form: string;
  gmina_teryt: string | null;
  activity_type: string | null;
  state: string;
  ps: boolean;
  mark: boolean;
  sectors: string[];
  words: string[];
  name: string;
  created: string;
}

/** `rare`: the PS status, the mark and each sector held by few rows (a filter on them is under an eighth). */
function randomRegistry(count: number, seed: number, gminy: readonly (string | null)[] = GMINY, rare = false): Row[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    k: 1000 + i * 3,
    id: `e${i}`,
    legal_form: pick(FORMS),
    gmina_teryt: pick(gminy),
    activity_type: pick(TYPES),
    state: pick(STATES),
    ps: rnd() < (rare ? 0.05 : 0.3),
    mark: rnd() < (rare ? 0.05 : 0.2),
    sectors: SECTORS.filter(() => rnd() < (rare ? 0.04 : 0.35)),
    words: ['alfa', 'beta', 'gamma'].filter(() => rnd() < 0.5),
    name: `n${Math.floor(rnd() * 50)}`,
    created: `2026-0${1 + Math.floor(rnd() * 9)}`,
  }));
}

function sourceOf(rows: readonly Row[]): FacetIndexSource {
  return {
    entities: rows.map((r) => ({
      k: r.k,
      id: r.id,
      legal_form: r.legal_form,
      gmina_teryt: r.gmina_teryt,
      activity_type: r.activity_type,
      state: r.state,
      name_doc: nameDoc(r),
    })),
    ps: rows.filter((r) => r.ps).map((r) => r.id),
    // a holder that is not listed (closed) is ignored
    mark: [...rows.filter((r) => r.mark).map((r) => r.id), 'closed-entity'],
    sectors: [
      ...rows.flatMap((r) => r.sectors.map((s) => ({ entity_id: r.id, sector_folded: s.replace(' ', '-'), sector: s.toUpperCase() }))),
      { entity_id: 'closed-entity', sector_folded: 'gastronomia', sector: 'A' },
    ],
    byName: [...rows].sort(byName).map((r) => r.k),
    byNewest: [...rows].sort(byNewest).map((r) => r.k),
  };
}

/** Some of the words are in the name too (relevance ranks names carrying more of them first). */
const nameDoc = (r: Row) => ` ${r.words.filter((_, i) => (r.k + i) % 3 !== 0).join(' ')}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Row, b: Row) => compare(a.name, b.name) || compare(a.id, b.id);
const byNewest = (a: Row, b: Row) => compare(b.created, a.created) || compare(b.id, a.id);

/** What the counts mean, written the slow, obvious way. */
function reference(rows: readonly Row[], f: EntityFilter): FacetCounts {
  const inList = (list: readonly string[] | undefined, v: string | null) => !list?.length || (v !== null && list.includes(v));
  const tests: Record<string, (r: Row) => boolean> = {
    legalForm: (r) => inList(f.legalForm, r.legal_form),
    gmina: (r) => inList(f.gmina, r.gmina_teryt),
    powiat: (r) => inList(f.powiat, r.gmina_teryt?.slice(0, 4) ?? null),
    subregion: (r) => !f.subregionPowiaty || (r.gmina_teryt !== null && f.subregionPowiaty.includes(r.gmina_teryt.slice(0, 4))),
    sector: (r) => !f.sector?.length || r.sectors.some((s) => f.sector!.includes(s.replace(' ', '-'))),
    activityType: (r) => inList(f.activityType, r.activity_type),
    state: (r) => inList(f.state, r.state),
    statusPs: (r) => !f.statusPs || r.ps,
    mark: (r) => !f.mark || r.mark,
  };
  const matching = rows.filter(
    (r) => (f.includeClosed || r.state !== 'closed') && f.terms.every((t) => r.words.some((w) => w.startsWith(t))),
  );
  const passingBut = (facet: string) => matching.filter((r) => Object.entries(tests).every(([name, ok]) => name === facet || ok(r)));
  const tally = (facet: string, key: (r: Row) => string | null) => {
    const m = new Map<string, number>();
    for (const r of passingBut(facet)) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const sector = new Map<string, { label: string; count: number }>();
  for (const r of passingBut('sector'))
    for (const s of r.sectors) {
      const key = s.replace(' ', '-');
      sector.set(key, { label: s.toUpperCase(), count: (sector.get(key)?.count ?? 0) + 1 });
    }
  return {
    total: passingBut('').length,
    legalForm: tally('legalForm', (r) => r.legal_form),
    powiat: tally('powiat', (r) => r.gmina_teryt?.slice(0, 4) ?? null),
    gmina: tally('gmina', (r) => r.gmina_teryt),
    subregionPowiat: tally('subregion', (r) => r.gmina_teryt?.slice(0, 4) ?? null),
    sector,
    activityType: tally('activityType', (r) => r.activity_type),
    state: tally('state', (r) => r.state),
    statusPs: passingBut('statusPs').filter((r) => r.ps).length,
    mark: passingBut('mark').filter((r) => r.mark).length,
  };
}

const sorted = <V>(m: Map<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
const comparable = (c: FacetCounts) => ({
  ...c,
  legalForm: sorted(c.legalForm),
  powiat: sorted(c.powiat),
  gmina: sorted(c.gmina),
  subregionPowiat: sorted(c.subregionPowiat),
  sector: sorted(c.sector),
  activityType: sorted(c.activityType),
  state: sorted(c.state),
});

/** The index's word lookup over the rows: keys of the rows with a word starting with the term. */
const keysOfTerm = (rows: readonly Row[], term: string) => rows.filter((r) => r.words.some((w) => w.startsWith(term))).map((r) => r.k);
const keysOf = (rows: readonly Row[]) => async (terms: readonly string[]) => terms.map((t) => keysOfTerm(rows, t));

function randomFilter(rnd: () => number): EntityFilter {
  const some = <T>(xs: readonly T[]) => (rnd() < 0.6 ? [] : xs.filter(() => rnd() < 0.4));
  const subregion = rnd() < 0.15 ? { subregionPowiaty: rnd() < 0.2 ? [] : ['0401', '0403'].filter(() => rnd() < 0.7) } : {};
  return {
    terms: ['alf', 'beta', 'g'].filter(() => rnd() < 0.3),
    legalForm: some(FORMS),
    powiat: some(['0401', '0402', '0403', '0499']),
    gmina: some(GMINY.filter((g): g is string => g !== null)),
    ...subregion,
    sector: some(['gastronomia', 'uslugi-opiekuncze', 'rekodzielo', 'nieznany']),
    activityType: some(['odplatna', 'nieodplatna']),
    state: some(STATES),
    statusPs: rnd() < 0.25,
    mark: rnd() < 0.25,
    includeClosed: rnd() < 0.3,
    today: '2026-12-07',
  };
}

const rows = randomRegistry(400, 5);
const index = await FacetIndex.build(sourceOf(rows));

describe('facet index', () => {
  test('built in small slices (the event loop let go between them), it is the same index', async () => {
    const sliced = await FacetIndex.build(sourceOf(rows), 7);
    const rnd = seededRandom(21);
    for (let i = 0; i < 50; i++) {
      const f = randomFilter(rnd);
      const [a, b] = await Promise.all([index, sliced].map(async (ix) => (f.terms.length ? ix.matchingRows(f.terms, keysOf(rows)) : null)));
      assert.deepEqual(comparable(sliced.count(b!, f)), comparable(index.count(a!, f)));
      assert.deepEqual(sliced.page(b!, f, 'name', 0, 30), index.page(a!, f, 'name', 0, 30));
      assert.deepEqual(sliced.page(b!, f, 'newest', 5, 30), index.page(a!, f, 'newest', 5, 30));
    }
  });

  test('counts every facet as the filter means, over 300 random filters', async () => {
    const rnd = seededRandom(9);
    for (let i = 0; i < 300; i++) {
      const f = randomFilter(rnd);
      const matching = f.terms.length ? await index.matchingRows(f.terms, keysOf(rows)) : null;
      assert.deepEqual(comparable(index.count(matching, f)), comparable(reference(rows, f)), JSON.stringify(f));
    }
  });

  test('no filter counts every entity once, and unknown places are no option', () => {
    const f = randomFilter(() => 0.99);
    const counts = index.count(null, { ...f, terms: [], statusPs: false, mark: false, includeClosed: true });
    assert.equal(counts.total, 400);
    assert.equal(
      [...counts.legalForm.values()].reduce((a, b) => a + b, 0),
      400,
    );
    assert.equal(
      [...counts.gmina.values()].reduce((a, b) => a + b, 0),
      rows.filter((r) => r.gmina_teryt !== null).length,
    );
    assert.equal(
      counts.sector.get('gastronomia')?.count,
      rows.filter((r) => r.sectors.includes('gastronomia')).length,
      'the closed entity is not counted',
    );
  });

  test('a relaxed search takes the rows meeting the most units, tier by tier, within its bounds', async () => {
    const rnd = seededRandom(11);
    const passes = (r: Row, f: EntityFilter) => {
      const inList = (list: readonly string[] | undefined, v: string | null) => !list?.length || (v !== null && list.includes(v));
      return (
        (f.includeClosed || r.state !== 'closed') &&
        inList(f.legalForm, r.legal_form) &&
        inList(f.state, r.state) &&
        (!f.statusPs || r.ps) &&
        (!f.sector?.length || r.sectors.some((s) => f.sector!.includes(s.replace(' ', '-'))))
      );
    };
    for (let i = 0; i < 40; i++) {
      const f: EntityFilter = {
        ...randomFilter(rnd),
        terms: [],
        gmina: [],
        powiat: [],
        activityType: [],
        mark: false,
      };
      delete f.subregionPowiaty;
      const unitRows = [
        await index.matchingRows(['alf'], keysOf(rows)),
        await index.matchingRows(['gam'], keysOf(rows)),
        index.placeRows(rnd() < 0.5 ? { gmina: ['0401011', '0402011'] } : { powiat: ['0401'] }),
      ];
      const limit = 1 + Math.floor(rnd() * 30);
      const cap = limit + Math.floor(rnd() * 60);
      const scored = rows
        .map((r, i) => ({ i, r, matched: unitRows.map((u) => u.includes(i)) }))
        .map((x) => ({ ...x, score: x.matched.filter(Boolean).length }))
        .filter((x) => x.score > 0 && passes(x.r, f))
        .sort((a, b) => b.score - a.score || a.i - b.i);
      const expected: typeof scored = [];
      for (const x of scored) {
        if (expected.length >= cap) break;
        if (expected.length >= limit && expected.at(-1)!.score !== x.score) break;
        expected.push(x);
      }
      assert.deepEqual(
        index.partialCandidates(unitRows, f, limit, cap),
        expected.map((x) => ({ r: x.i, key: x.r.k, score: x.score, matched: x.matched })),
      );
    }
  });

  test('a page by name or newest first holds the rows passing the filter, in that order', async () => {
    const rnd = seededRandom(13);
    for (let i = 0; i < 100; i++) {
      const f = randomFilter(rnd);
      const sort = rnd() < 0.5 ? 'name' : 'newest';
      const offset = Math.floor(rnd() * 40);
      const limit = 1 + Math.floor(rnd() * 25);
      const matching = f.terms.length ? await index.matchingRows(f.terms, keysOf(rows)) : null;
      const total = index.count(matching, f).total;
      const expected = rows
        .filter((r) => f.terms.every((t) => r.words.some((w) => w.startsWith(t))))
        .filter((r) => reference([r], { ...f, terms: [] }).total === 1)
        .sort(sort === 'name' ? byName : byNewest);
      assert.equal(expected.length, total, 'the same rows as the total counts');
      assert.deepEqual(
        index.page(matching, f, sort, offset, limit),
        expected.slice(offset, offset + limit).map((r) => r.k),
        JSON.stringify({ f, sort, offset, limit }),
      );
    }
  });

  test('a page and the counts of a rare filter (a few of many gminy, PS status, the mark, sectors) read only those rows, with the same result', async () => {
    // 36 gminy in 6 powiaty: one gmina or one powiat is under an eighth of the registry
    const many = Array.from(
      { length: 36 },
      (_, i) => `04${String(1 + Math.floor(i / 6)).padStart(2, '0')}${String(i % 6).padStart(2, '0')}1`,
    );
    const spread = randomRegistry(900, 21, [...many, null], true);
    const spreadIndex = await FacetIndex.build(sourceOf(spread));
    const rnd = seededRandom(23);
    for (let i = 0; i < 160; i++) {
      const f: EntityFilter = {
        ...randomFilter(rnd),
        gmina: rnd() < 0.6 ? many.filter(() => rnd() < 0.06) : [],
        powiat: rnd() < 0.3 ? ['0402'] : [],
      };
      const sort = rnd() < 0.5 ? 'name' : 'newest';
      const offset = Math.floor(rnd() * 10);
      const limit = 1 + Math.floor(rnd() * 25);
      const matching = f.terms.length ? await spreadIndex.matchingRows(f.terms, keysOf(spread)) : null;
      const expected = spread
        .filter((r) => f.terms.every((t) => r.words.some((w) => w.startsWith(t))))
        .filter((r) => reference([r], { ...f, terms: [] }).total === 1)
        .sort(sort === 'name' ? byName : byNewest);
      assert.deepEqual(
        spreadIndex.page(matching, f, sort, offset, limit),
        expected.slice(offset, offset + limit).map((r) => r.k),
        JSON.stringify({ f, sort, offset, limit }),
      );
      // the counts too: without a text they are taken over the rows of the two most selective filters
      assert.deepEqual(comparable(spreadIndex.count(matching, f)), comparable(reference(spread, f)), JSON.stringify(f));
      const single: EntityFilter = {
        terms: [],
        legalForm: [],
        powiat: [],
        gmina: f.gmina,
        statusPs: false,
        mark: false,
        includeClosed: false,
        today: f.today,
      };
      assert.deepEqual(comparable(spreadIndex.count(null, single)), comparable(reference(spread, single)), JSON.stringify(single));
    }
  });

  test('a row in two chosen sectors is listed once', async () => {
    const base = randomRegistry(200, 31, GMINY, true).map((r) => ({ ...r, sectors: [] as string[], state: 'active' }));
    base[5] = { ...base[5]!, sectors: ['gastronomia', 'rekodzielo'] };
    base[9] = { ...base[9]!, sectors: ['rekodzielo'] };
    const index = await FacetIndex.build(sourceOf(base));
    const f: EntityFilter = {
      ...randomFilter(seededRandom(1)),
      terms: [],
      legalForm: [],
      powiat: [],
      gmina: [],
      activityType: [],
      state: [],
      statusPs: false,
      mark: false,
      sector: ['gastronomia', 'rekodzielo'],
    };
    delete f.subregionPowiaty;
    const keys = index.page(null, f, 'name', 0, 20);
    assert.deepEqual([...keys].sort(), [base[5]!.k, base[9]!.k].sort());
  });

  test('a page by relevance ranks the first matches (key order) by name words, then by name', async () => {
    const rnd = seededRandom(17);
    for (let i = 0; i < 60; i++) {
      const f = { ...randomFilter(rnd), terms: ['alf', 'beta', 'g'].filter(() => rnd() < 0.6) };
      if (f.terms.length === 0) f.terms = ['beta'];
      const cap = 5 + Math.floor(rnd() * 60);
      const offset = Math.floor(rnd() * 10);
      const limit = 1 + Math.floor(rnd() * 20);
      const matching = await index.matchingRows(f.terms, keysOf(rows));
      const candidates = rows
        .filter((r) => reference([r], f).total === 1)
        .sort((a, b) => a.k - b.k)
        .slice(0, cap);
      const score = (r: Row) => f.terms.filter((t) => nameDoc(r).includes(` ${t}`)).length;
      const expected = candidates.sort((a, b) => score(b) - score(a) || byName(a, b)).slice(offset, offset + limit);
      assert.deepEqual(
        index.relevancePage(matching, f.terms, f, offset, limit, cap),
        expected.map((r) => r.k),
        JSON.stringify({ f, cap, offset, limit }),
      );
    }
  });

  test('closed entities are left out of the lists unless asked for; identifiers are not held', () => {
    const f = { ...randomFilter(() => 0.99), terms: [], includeClosed: false };
    const closed = rows.filter((r) => r.state === 'closed').length;
    assert.ok(closed > 0);
    assert.equal(index.count(null, f).total, rows.length - closed);
    assert.equal(index.count(null, f).state.get('closed'), undefined, 'not an option of the public facet');
    assert.equal(index.count(null, { ...f, includeClosed: true }).total, rows.length);
    assert.equal(index.count(null, { ...f, includeClosed: true }).state.get('closed'), closed);
    assert.throws(() => index.count(null, { ...f, identifier: '5260250995' }));
  });

  test('reads the rows of the words not kept in one call, and keeps them', async () => {
    const fresh = await FacetIndex.build(sourceOf(rows));
    const asked: string[][] = [];
    const lookup = async (terms: readonly string[]) => {
      asked.push([...terms]);
      return keysOf(rows)(terms);
    };
    const first = await fresh.matchingRows(['alf', 'beta', 'alf'], lookup);
    const again = await fresh.matchingRows(['beta', 'alf', 'gam'], lookup);
    assert.deepEqual(asked, [['alf', 'beta'], ['gam']]);
    assert.deepEqual([...(await fresh.matchingRows(['beta', 'alf'], lookup))], [...first]);
    assert.equal(asked.length, 2);
    assert.ok(again.length <= first.length);
    assert.deepEqual(
      [...first],
      rows.flatMap((r, i) => (r.words.some((w) => w.startsWith('alf')) && r.words.some((w) => w.startsWith('beta')) ? [i] : [])),
    );
  });

  test('a failed lookup is not kept, so the next search asks again', async () => {
    const fresh = await FacetIndex.build(sourceOf(rows));
    let calls = 0;
    const flaky = async (terms: readonly string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return keysOf(rows)(terms);
    };
    await assert.rejects(fresh.matchingRows(['alf'], flaky), /connection lost/);
    assert.ok((await fresh.matchingRows(['alf'], flaky)).length > 0);
    assert.equal(calls, 2);
  });

  test('keeps words within its byte budget, least recently used out first', async () => {
    // 40,000 rows of one word are 160 KB; 16 MiB hold about a hundred such words
    const big = Array.from({ length: 40_000 }, (_, i) => ({ ...rows[0]!, k: i, id: `b${i}`, words: ['wszystko'] }));
    const fresh = await FacetIndex.build(sourceOf(big));
    let calls = 0;
    const lookup = async () => {
      calls += 1;
      return [big.map((r) => r.k)];
    };
    for (let i = 0; i < 120; i++) await fresh.matchingRows([`w${i}`], lookup);
    assert.equal(calls, 120);
    await fresh.matchingRows(['w119'], lookup);
    assert.equal(calls, 120, 'the latest word is kept');
    await fresh.matchingRows(['w0'], lookup);
    assert.equal(calls, 121, 'the oldest word was let go');
  });
});

describe('intersect', () => {
  test('keeps the rows in both sorted lists', () => {
    assert.deepEqual([...intersect(Uint32Array.of(1, 3, 5, 7, 9), Uint32Array.of(2, 3, 4, 9, 10))], [3, 9]);
    assert.deepEqual([...intersect(Uint32Array.of(), Uint32Array.of(1))], []);
    assert.deepEqual([...intersect(Uint32Array.of(4, 8), Uint32Array.of(4, 8))], [4, 8]);
  });
});
