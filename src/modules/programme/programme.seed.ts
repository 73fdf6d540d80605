// Demo seed (`spojnia seed demo`): the real "Kujawsko-Pomorski Program na Rzecz Ekonomii
// Społecznej do roku 2020" with its documented history. Facts and their sources come from the
// project's domain notes (public pages of ROPS Toruń, the regional government and the K-P NGO
// federation, cited in the event notes by address). What is not documented is not invented: the
// resolution number stays empty, events known only by year show only the year, and the objective
// tree below the real main goal, like the short text version, is a clearly flagged example
// (is_example). Idempotent: a programme with the seed's slug is never created twice.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { sectionsFromMarkdown } from '../../core/text/sections.js';
import * as repo from './programme.repo.js';
import type { DatePrecision, ElementKind, ProgrammeStatus } from './programme.tables.js';
import * as structure from './structure.repo.js';
import { insertVersion } from './versions.repo.js';

export const DEMO_SLUG = 'program-es-2020';

const SRC = {
  k01: 'ropstorun.home.pl/ekonomia2/programy-projekty-akty-prawne/kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020/2012',
  k02: 'ropstorun.home.pl/ekonomia2/programy-projekty-akty-prawne/kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020/2014',
  k03: 'docplayer.pl/10210236-Kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020.html',
  k04: 'federacja-ngo.pl/program-es-na-slomianych-nogach,157,l1.html',
  k05: 'federacja-ngo.pl/monitorujemy/raport-monitoring-powstawania-kujawsko-pomorskiego-programu-na-rzecz-ekonomii-spolecznej-na-lata-2013-2020-maj-2013-roku/',
  k10: 'bibdiec.pl/aktualnosci/460-posiedzenie-regionalnego-komitetu-ekonomii-spoecznej',
  k12: 'inforenior.rops.torun.pl/36-archiwum-2017/181-iv-posiedzenie-regionalnego-komitetu-ekonomii-spolecznej',
  k13: 'rops.torun.pl/40-archiwum-2021/1381-obradowal-regionalny-komitet-rozwoju-ekonomii-spolecznej',
  k15: 'kujawsko-pomorskie.pl/aktualnosci/w-poniedzialek-sesja-sejmiku-3/',
};

const MAIN_GOAL = 'Większy udział ekonomii społecznej w rozwoju społeczno-gospodarczym regionu, w tym aktywizacja społeczna i zawodowa osób zagrożonych wykluczeniem społecznym';

interface SeedEvent {
  status: ProgrammeStatus;
  /** When only the year is known: a day inside it that keeps the timeline's order; shown as the year. */
  on: string;
  precision: DatePrecision;
  note: string;
}

const EVENTS: SeedEvent[] = [
  {
    status: 'draft',
    on: '2012-03-21',
    precision: 'day',
    note: `Prace nad programem (projekt pod tytułem „…na lata 2013–2020”) rozpoczęły się w 2012 r. Program przygotowały wojewódzki zespół ekspercki ds. ekonomii społecznej i interdyscyplinarna grupa robocza ds. ekonomii społecznej (samorząd województwa, podmioty ekonomii społecznej, organizacje pozarządowe, pomoc społeczna, instytucje rynku pracy, nauka); pierwsze posiedzenie grupy roboczej odbyło się 21 marca 2012 r. Źródła: ${SRC.k01}; ${SRC.k02}; ${SRC.k05}`,
  },
  {
    status: 'consultation',
    on: '2013-03-07',
    precision: 'year',
    note: `Konsultacje projektu zakończyły się do 7 marca 2013 r.; krytyczne uwagi zgłosiła Kujawsko-Pomorska Federacja Organizacji Pozarządowych. Dokładna data rozpoczęcia konsultacji nie jest znana. Źródło: ${SRC.k04}`,
  },
  {
    status: 'ex_ante',
    on: '2013-03-07',
    precision: 'year',
    note: 'Ocena ex ante projektu programu w 2013 r.; dokładna data nie jest znana.',
  },
  {
    status: 'adopted',
    on: '2014-06-10',
    precision: 'day',
    note: `Program przyjął Zarząd Województwa Kujawsko-Pomorskiego 10 czerwca 2014 r. Numer uchwały nie został ustalony. Źródło: ${SRC.k02}`,
  },
  {
    status: 'implementation',
    on: '2014-06-10',
    precision: 'year',
    note: `Realizacja w latach 2014–2020, z corocznym sprawozdaniem z realizacji: sprawozdanie za 2015 r. przedstawiono Sejmikowi 26 września 2016 r. i Regionalnemu Komitetowi Ekonomii Społecznej 7 listopada 2016 r.; sprawozdanie za 2016 r. Komitet przyjął 19 września 2017 r. Źródła: ${SRC.k15}; ${SRC.k10}; ${SRC.k12}`,
  },
  {
    status: 'closed',
    on: '2021-07-08',
    precision: 'day',
    note: `Sprawozdanie z realizacji programu za 2020 r. (ostatni rok okresu programowania) przedstawiono Regionalnemu Komitetowi Rozwoju Ekonomii Społecznej 8 lipca 2021 r. Formalna data zamknięcia programu nie jest znana — przyjęto datę ostatniego sprawozdania. Źródło: ${SRC.k13}`,
  },
];

const SUMMARY = `Regionalny program rozwoju ekonomii społecznej województwa kujawsko-pomorskiego na lata 2014–2020, przyjęty przez Zarząd Województwa 10 czerwca 2014 r. Jest dokumentem operacyjnym zgodnym ze „Strategią Rozwoju Województwa Kujawsko-Pomorskiego do roku 2020 – Plan Modernizacji 2020+” i realizuje jej działanie dotyczące przeciwdziałania ubóstwu i wykluczeniu społecznemu.

Dokument obejmuje słownik pojęć, diagnozę (demografia, rynek pracy, pomoc społeczna, podmioty ekonomii społecznej), analizę SWOT, drzewo ustaleń (cele i działania), harmonogram, wskaźniki, system zarządzania i ramy finansowe.

**Uwaga:** cel główny pochodzi z przyjętego programu; cele szczegółowe, działania i zadania pokazane niżej są **przykładem** przygotowanym na potrzeby demonstracji platformy — pełna treść programu jest w dokumencie źródłowym (${SRC.k03}).`;

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

const TREE: SeedElement = {
  kind: 'main_goal',
  code: 'CG',
  title: MAIN_GOAL,
  description: `Cel główny przyjętego programu (${SRC.k02}). W projekcie z 2012 r. brzmiał: zwiększenie udziału ekonomii społecznej w regionalnych i lokalnych politykach publicznych w województwie (${SRC.k01}).`,
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
            { kind: 'task', code: '1.1.1', title: 'Doradztwo i szkolenia dla podmiotów ekonomii społecznej w subregionach', responsible: 'OWES', example: true },
            { kind: 'task', code: '1.1.2', title: 'Promocja znaku „Zakup Prospołeczny”', responsible: 'Regionalny Ośrodek Polityki Społecznej w Toruniu', example: true },
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
          children: [{ kind: 'task', code: '2.1.1', title: 'Współpraca jednostek reintegracyjnych z przedsiębiorstwami społecznymi', example: true }],
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
};

const VERSION_NOTE = 'Przykładowy, skrócony tekst przygotowany na potrzeby demonstracji platformy — nie jest to treść przyjętego programu. Układ rozdziałów oryginału podaje spis treści dokumentu źródłowego.';

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
  if (existing) return { summary: '0 new programme' };
  const id = newId();
  const base = ctx.clock.now().getTime();
  // created_at ticks one millisecond per row so events of one day keep their order
  let tick = 0;
  const at = () => new Date(base + tick++).toISOString();
  const now = nowIso(ctx.clock);
  const hasCurrent = !!(await repo.findCurrentProgramme(ctx.db));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProgramme(trx, {
      id,
      slug: DEMO_SLUG,
      title: 'Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020',
      short_name: 'Program ekonomii społecznej do 2020',
      period_from: 2014,
      period_to: 2020,
      legal_basis: 'Wytyczne Ministerstwa Pracy i Polityki Społecznej z 17 maja 2011 r. w zakresie regionalnych planów działań na rzecz ekonomii społecznej.',
      alignment: JSON.stringify(['Strategia Rozwoju Województwa Kujawsko-Pomorskiego do roku 2020 – Plan Modernizacji 2020+ (działanie 3.5.1: przeciwdziałanie ubóstwu i wykluczeniu społecznemu)']),
      responsible_institution: 'Samorząd Województwa Kujawsko-Pomorskiego — Regionalny Ośrodek Polityki Społecznej w Toruniu',
      summary: SUMMARY,
      status: 'closed',
      adopted_by: 'Zarząd Województwa Kujawsko-Pomorskiego',
      resolution_number: null,
      adopted_on: '2014-06-10',
      is_current: !hasCurrent,
      created_at: now,
      updated_at: now,
    });
    for (const e of EVENTS) {
      await repo.insertStatusEvent(trx, { id: newId(), programme_id: id, status: e.status, occurred_on: e.on, date_precision: e.precision, note: e.note, user_id: null, created_at: at() });
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
    await insert(TREE, null, 0);
    const versionId = newId();
    await insertVersion(
      trx,
      { id: versionId, programme_id: id, number: 1, label: 'Tekst przykładowy (skrót)', source: 'manual', note: VERSION_NOTE, created_by: null, created_at: now },
      sectionsFromMarkdown(VERSION_TEXT).map((s, i) => ({ id: newId(), version_id: versionId, position: i, number: s.number, heading: s.heading, body: s.body })),
    );
  });
  return { summary: '1 new programme' };
}
