// Demo seed (`spojnia seed demo`): the real "Kujawsko-Pomorski Program na Rzecz Ekonomii
// Społecznej do roku 2020" with its documented history. Every fact cites its source by address; the
// sources come from data/reference/zrodla_programu_es.csv (see PROVENANCE.md there), read at seed
// time, so a clean clone needs nothing outside the repository. What is not documented is not
// invented or stated: the resolution number stays empty, events known only by year show only the
// year, no ex-ante evaluation is dated (no source dates one), the main goal is the 2012 draft's (the
// adopted wording is not in the sources), and the objective tree below it, like the short text
// version, is a clearly flagged example (is_example). Idempotent: a programme with the seed's slug is
// never created twice.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { sectionsFromMarkdown } from '../../core/text/sections.js';
import * as repo from './programme.repo.js';
import type { DatePrecision, ElementKind, ProgrammeStatus } from './programme.tables.js';
import * as structure from './structure.repo.js';
import { insertVersion } from './versions.repo.js';
import { operatorText } from '../../i18n/index.js';

export const DEMO_SLUG = 'program-es-2020';

/** The file of sources the demo content cites (shared with the portal's demo page). */
const SOURCES_FILE = 'zrodla_programu_es.csv';

/** The addresses of the sources, by key (`K02` → `ropstorun.home.pl/…/2014`). */
function sourceAddresses(): Record<string, string> {
  const byKey: Record<string, string> = Object.fromEntries(
    readReferenceCsv<{ key: string; address: string }>(SOURCES_FILE).map((r) => [r.key, r.address]),
  );
  // a citation must never read "undefined": a source missing from the file stops the seed
  const missing = ['K01', 'K02', 'K03', 'K04', 'K05', 'K10', 'K12', 'K13', 'K15'].filter((k) => !byKey[k]);
  if (missing.length) throw new Error(`${SOURCES_FILE} lacks the sources ${missing.join(', ')}`);
  return byKey;
}

/** The 2012 draft's main goal, as the source paraphrases it; the adopted wording is not in the sources. */
const MAIN_GOAL = 'Zwiększenie udziału ekonomii społecznej w regionalnych i lokalnych politykach publicznych w województwie';

interface SeedEvent {
  status: ProgrammeStatus;
  /** When only the year is known: a day inside it that keeps the timeline's order; shown as the year. */
  on: string;
  precision: DatePrecision;
  note: string;
}

const events = (SRC: Record<string, string>): SeedEvent[] => [
  {
    status: 'draft',
    on: '2012-03-21',
    precision: 'day',
    note: `Prace nad programem (projekt pod tytułem „…na lata 2013–2020”) rozpoczęły się w 2012 r. (źródło: ${SRC.K01}). Program przygotowały wojewódzki zespół ekspercki ds. ekonomii społecznej i interdyscyplinarna grupa robocza ds. ekonomii społecznej (samorząd województwa, podmioty ekonomii społecznej, organizacje pozarządowe, pomoc społeczna, instytucje rynku pracy, nauka) (źródło: ${SRC.K02}); pierwsze posiedzenie grupy roboczej odbyło się 21 marca 2012 r. (źródło: ${SRC.K05}).`,
  },
  {
    status: 'consultation',
    on: '2013-03-07',
    precision: 'year',
    note: `Konsultacje projektu zakończyły się do 7 marca 2013 r.; krytyczne uwagi zgłosiła Kujawsko-Pomorska Federacja Organizacji Pozarządowych. Dokładna data rozpoczęcia konsultacji nie jest znana; źródła nie mówią, czy i jak odpowiedziano na uwagi. Źródło: ${SRC.K04}`,
  },
  {
    status: 'adopted',
    on: '2014-06-10',
    precision: 'day',
    note: `Program przyjął Zarząd Województwa Kujawsko-Pomorskiego 10 czerwca 2014 r. Numer uchwały nie został ustalony. Źródło: ${SRC.K02}`,
  },
  {
    status: 'implementation',
    on: '2014-06-10',
    precision: 'year',
    note: `Realizacja w latach 2014–2020, z corocznym sprawozdaniem z realizacji: sprawozdanie za 2015 r. przedstawiono Sejmikowi 26 września 2016 r. i Regionalnemu Komitetowi Ekonomii Społecznej 7 listopada 2016 r.; sprawozdanie za 2016 r. Komitet przyjął 19 września 2017 r. Źródła: ${SRC.K15}; ${SRC.K10}; ${SRC.K12}`,
  },
  {
    status: 'closed',
    on: '2021-07-08',
    precision: 'day',
    note: `Sprawozdanie z realizacji programu za 2020 r. (ostatni rok okresu programowania) przedstawiono Regionalnemu Komitetowi Rozwoju Ekonomii Społecznej 8 lipca 2021 r. Formalna data zamknięcia programu nie jest znana — przyjęto datę ostatniego sprawozdania. Źródło: ${SRC.K13}`,
  },
];

const summary = (
  SRC: Record<string, string>,
) => `Regionalny program rozwoju ekonomii społecznej województwa kujawsko-pomorskiego, przyjęty przez Zarząd Województwa 10 czerwca 2014 r. Jest dokumentem operacyjnym zgodnym ze „Strategią Rozwoju Województwa Kujawsko-Pomorskiego do roku 2020 – Plan Modernizacji 2020+” (źródło: ${SRC.K02}). Strona projektu programu z 2012 r. wskazywała, że program ma realizować działanie 3.5.1 strategii rozwoju województwa — przeciwdziałanie ubóstwu i wykluczeniu społecznemu (źródło: ${SRC.K01}); nie podaje, o którą wersję strategii chodzi.

Dokument obejmuje słownik pojęć, diagnozę (demografia, rynek pracy, pomoc społeczna, podmioty ekonomii społecznej), analizę SWOT, drzewo ustaleń (cele i działania), harmonogram, wskaźniki, system zarządzania i ramy finansowe (spis treści: ${SRC.K03}).

**Uwaga:** cel główny to cel projektu z 2012 r. w omówieniu źródła — brzmienia celu w przyjętym programie źródła platformy nie podają; cele szczegółowe, działania i zadania pokazane niżej są **przykładem** przygotowanym na potrzeby demonstracji platformy — pełna treść programu jest w dokumencie źródłowym (${SRC.K03}).`;

interface SeedElement {
  kind: ElementKind;
  code: string;
  title: string;
  description?: string;
  responsible?: string;
  partners?: string;
  years?: [number, number];
  example: boolean;
  children?: SeedElement[];
}

const tree = (SRC: Record<string, string>): SeedElement => ({
  kind: 'main_goal',
  code: 'CG',
  title: MAIN_GOAL,
  description: `Cel główny projektu programu z 2012 r., w omówieniu źródła (${SRC.K01}). Brzmienia celu głównego w przyjętym programie źródła platformy nie podają; pełny tekst programu: ${SRC.K03}.`,
  responsible: 'Samorząd Województwa Kujawsko-Pomorskiego (Regionalny Ośrodek Polityki Społecznej w Toruniu)',
  years: [2014, 2020],
  example: false,
  children: [
    {
      kind: 'specific_goal',
      code: '1',
      title: 'Rozwój sektora ekonomii społecznej i jego otoczenia',
      example: true,
      children: [
        {
          kind: 'action',
          code: '1.1',
          title: 'Wsparcie tworzenia i rozwoju podmiotów ekonomii społecznej',
          responsible: 'Ośrodki wsparcia ekonomii społecznej (OWES)',
          example: true,
          children: [
            {
              kind: 'task',
              code: '1.1.1',
              title: 'Doradztwo i szkolenia dla podmiotów ekonomii społecznej w subregionach',
              responsible: 'OWES',
              example: true,
            },
            {
              kind: 'task',
              code: '1.1.2',
              title: 'Promocja znaku „Zakup Prospołeczny”',
              responsible: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
              example: true,
            },
          ],
        },
        {
          kind: 'action',
          code: '1.2',
          title: 'Koordynacja i monitorowanie rozwoju ekonomii społecznej w regionie',
          responsible: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
          partners: 'Regionalny Komitet Ekonomii Społecznej, podkomitety monitorujące',
          example: true,
          children: [{ kind: 'task', code: '1.2.1', title: 'Coroczne sprawozdanie z realizacji programu', example: true }],
        },
      ],
    },
    {
      kind: 'specific_goal',
      code: '2',
      title: 'Aktywizacja społeczna i zawodowa osób zagrożonych wykluczeniem społecznym',
      example: true,
      children: [
        {
          kind: 'action',
          code: '2.1',
          title: 'Reintegracja społeczna i zawodowa w CIS, KIS, WTZ i ZAZ',
          partners: 'Jednostki samorządu terytorialnego, ośrodki pomocy społecznej, powiatowe urzędy pracy',
          example: true,
          children: [
            { kind: 'task', code: '2.1.1', title: 'Współpraca jednostek reintegracyjnych z przedsiębiorstwami społecznymi', example: true },
          ],
        },
      ],
    },
    {
      kind: 'specific_goal',
      code: '3',
      title: 'Ekonomia społeczna w politykach publicznych i edukacji',
      example: true,
      children: [
        {
          kind: 'action',
          code: '3.1',
          title: 'Klauzule społeczne w zamówieniach publicznych samorządów',
          example: true,
          children: [{ kind: 'task', code: '3.1.1', title: 'Szkolenia dla samorządów o klauzulach społecznych', example: true }],
        },
        { kind: 'action', code: '3.2', title: 'Edukacja o ekonomii społecznej w szkołach', example: true },
      ],
    },
  ],
});

const VERSION_NOTE =
  'Przykładowy, skrócony tekst przygotowany na potrzeby demonstracji platformy — nie jest to treść przyjętego programu. Układ rozdziałów oryginału podaje spis treści dokumentu źródłowego.';

const VERSION_TEXT = `# Diagnoza

Diagnoza programu opisuje sytuację demograficzną regionu, rynek pracy, pomoc społeczną i podmioty ekonomii społecznej. (Tekst przykładowy.)

# Cele

Cel główny: ${MAIN_GOAL.charAt(0).toLocaleLowerCase('pl')}${MAIN_GOAL.slice(1)}. Cele szczegółowe i działania w tej wersji są przykładowe.

# Realizacja

Program realizuje samorząd województwa wraz z partnerami: ośrodkami wsparcia ekonomii społecznej, jednostkami samorządu terytorialnego, instytucjami pomocy społecznej i rynku pracy. (Tekst przykładowy.)

# Monitoring

Co roku powstaje sprawozdanie z realizacji programu, przedstawiane regionalnemu komitetowi ekonomii społecznej i Sejmikowi Województwa. (Tekst przykładowy.)
`;

/** Creates the demo programme unless it exists; the whole programme is written in one transaction. */
export async function seedProgrammeDemo(ctx: ModuleContext): Promise<SeedResult> {
  const existing = await repo.findProgrammeBySlug(ctx.db, DEMO_SLUG);
  if (existing) return { summary: operatorText('programme.cli.newProgrammes', { count: 0 }) };
  const id = newId();
  const base = ctx.clock.now().getTime();
  // created_at ticks one millisecond per row so events of one day keep their order
  let tick = 0;
  const at = () => new Date(base + tick++).toISOString();
  const now = nowIso(ctx.clock);
  const hasCurrent = !!(await repo.findCurrentProgramme(ctx.db));
  const SRC = sourceAddresses();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProgramme(trx, {
      id,
      slug: DEMO_SLUG,
      title: 'Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020',
      short_name: 'Program ekonomii społecznej do 2020',
      period_from: 2014,
      period_to: 2020,
      legal_basis: `Wytyczne Ministerstwa Pracy i Polityki Społecznej z 17 maja 2011 r. w zakresie regionalnych planów działań na rzecz ekonomii społecznej (źródło: ${SRC.K02}).`,
      alignment: JSON.stringify([
        `Strategia Rozwoju Województwa Kujawsko-Pomorskiego do roku 2020 – Plan Modernizacji 2020+ (źródło: ${SRC.K02})`,
        `Działanie 3.5.1 strategii rozwoju województwa: przeciwdziałanie ubóstwu i wykluczeniu społecznemu — według strony projektu programu z 2012 r., która nie podaje wersji strategii (źródło: ${SRC.K01})`,
      ]),
      responsible_institution: 'Samorząd Województwa Kujawsko-Pomorskiego — Regionalny Ośrodek Polityki Społecznej w Toruniu',
      summary: summary(SRC),
      status: 'closed',
      adopted_by: 'Zarząd Województwa Kujawsko-Pomorskiego',
      resolution_number: null,
      adopted_on: '2014-06-10',
      is_current: !hasCurrent,
      created_at: now,
      updated_at: now,
    });
    for (const e of events(SRC)) {
      await repo.insertStatusEvent(trx, {
        id: newId(),
        programme_id: id,
        status: e.status,
        occurred_on: e.on,
        date_precision: e.precision,
        note: e.note,
        user_id: null,
        created_at: at(),
      });
    }
    const insert = async (e: SeedElement, parentId: string | null, position: number) => {
      const elementId = newId();
      await structure.insertElement(trx, {
        id: elementId,
        programme_id: id,
        parent_id: parentId,
        kind: e.kind,
        code: e.code,
        title: e.title,
        description: e.description ?? null,
        responsible: e.responsible ?? null,
        partners: e.partners ?? null,
        year_from: e.years?.[0] ?? null,
        year_to: e.years?.[1] ?? null,
        position,
        is_example: e.example,
      });
      for (const [i, c] of (e.children ?? []).entries()) await insert(c, elementId, i);
    };
    await insert(tree(SRC), null, 0);
    const versionId = newId();
    await insertVersion(
      trx,
      {
        id: versionId,
        programme_id: id,
        number: 1,
        label: 'Tekst przykładowy (skrót)',
        source: 'manual',
        note: VERSION_NOTE,
        created_by: null,
        created_at: now,
      },
      sectionsFromMarkdown(VERSION_TEXT).map((s, i) => ({
        id: newId(),
        version_id: versionId,
        position: i,
        number: s.number,
        heading: s.heading,
        body: s.body,
      })),
    );
  });
  return { summary: operatorText('programme.cli.newProgrammes', { count: 1 }) };
}
