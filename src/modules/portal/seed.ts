// Demo content (`spojnia seed demo`): the story of how the regional social economy programme came
// about, as an information page and a news item, in Polish and English, and the list of its sources
// in the document library, which the page links to. Every statement of fact cites its source (keys
// of data/reference/zrodla_programu_es.csv, listed under the text and in the library's CSV); what the
// sources do not say — how the 2013 comments were answered, an ex-ante evaluation — is not stated.
// Idempotent: existing addresses are kept, and the sources document is added once.
import { spreadsheetCsv } from '../../core/csv/index.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import * as repo from './content.repo.js';
import { createNews, createPage, type Actor } from './content.service.js';
import { getDocument } from './documents.repo.js';
import { createDocument } from './documents.service.js';

const SYSTEM: Actor = { actorId: null, ip: null, requestId: null };

/** The same file the programme's demo seed cites from (see PROVENANCE.md in data/reference). */
const SOURCES_FILE = 'zrodla_programu_es.csv';
/** The keys the page and the news item cite. */
const CITED = ['K01', 'K02', 'K03', 'K04', 'K05', 'K13', 'K15'] as const;
/** The library document with the list of sources, once created (its id). */
const SOURCES_DOCUMENT_KEY = 'portal.demo_sources_document';
/** The day the sources were collected (PROVENANCE.md): the list's own date. */
const SOURCES_DATE = '2026-11-27';

interface SourceRow {
  key: string;
  address: string;
  supports_pl: string;
  supports_en: string;
  [column: string]: string;
}

function sources(): SourceRow[] {
  const rows = readReferenceCsv<SourceRow>(SOURCES_FILE);
  const missing = CITED.filter((k) => !rows.some((r) => r.key === k));
  if (missing.length) throw new Error(`${SOURCES_FILE} lacks the sources ${missing.join(', ')}`);
  return rows;
}

const sourceList = (rows: readonly SourceRow[]) =>
  rows
    .filter((r) => (CITED as readonly string[]).includes(r.key))
    .map((r) => `- ${r.key}: ${r.address}`)
    .join('\n');

const pagePl = (
  rows: readonly SourceRow[],
  documentPath: string,
) => `Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020 przyjął Zarząd Województwa Kujawsko-Pomorskiego 10 czerwca 2014 roku (źródło: K02). Poniżej zebraliśmy to, co o jego powstaniu i realizacji mówią publiczne źródła; przy każdej informacji podajemy jej źródło, a ich adresy są na końcu strony.

## Jak powstawał program

### Początek prac (2012)

Prace nad programem, wtedy pod tytułem „…na lata 2013–2020”, rozpoczęły się w 2012 roku (źródło: K01). Projekt przygotowały wojewódzki zespół ekspercki ds. ekonomii społecznej i interdyscyplinarna grupa robocza, w której zasiedli przedstawiciele samorządu województwa, podmiotów ekonomii społecznej, organizacji pozarządowych, pomocy społecznej, instytucji rynku pracy i nauki (źródło: K02). Pierwsze posiedzenie grupy roboczej odbyło się 21 marca 2012 roku (źródło: K05).

### Konsultacje (2013)

Konsultacje projektu zakończyły się do 7 marca 2013 roku; krytyczne uwagi zgłosiła Kujawsko-Pomorska Federacja Organizacji Pozarządowych (źródło: K04). Źródła, z których korzystamy, nie mówią, czy i jak odpowiedziano na zgłoszone uwagi.

### Przyjęcie (10 czerwca 2014)

Zarząd Województwa Kujawsko-Pomorskiego przyjął program 10 czerwca 2014 roku. Program jest dokumentem operacyjnym zgodnym ze „Strategią Rozwoju Województwa Kujawsko-Pomorskiego do roku 2020 – Plan Modernizacji 2020+” (źródło: K02).

### Sprawozdania z realizacji

Sprawozdanie z realizacji programu za 2015 rok przedstawiono Sejmikowi Województwa 26 września 2016 roku (źródło: K15), a sprawozdanie za 2020 rok, ostatni rok programu, Regionalnemu Komitetowi Rozwoju Ekonomii Społecznej 8 lipca 2021 roku (źródło: K13).

## Gdzie szukać więcej

Pełnego tekstu programu nie publikujemy w serwisie; jego spis treści podaje źródło K03. Historię i cele programu pokazuje strona [Program](/program). Listę źródeł z tym, co każde z nich potwierdza, można pobrać z działu Dokumenty: [Źródła informacji o programie](${documentPath}).

## Źródła

${sourceList(rows)}`;

const pageEn = (
  rows: readonly SourceRow[],
  documentPath: string,
) => `The Board of the Kuyavian-Pomeranian Voivodeship adopted the Kuyavian-Pomeranian Social Economy Programme until 2020 on 10 June 2014 (source: K02). Below is what public sources say about how it was prepared and carried out; each statement names its source, and their addresses are at the end of the page.

## How the programme was prepared

### Work begins (2012)

Work on the programme, then titled “…for 2013–2020”, began in 2012 (source: K01). The draft was prepared by the voivodeship's expert team on the social economy and an interdisciplinary working group of representatives of the regional government, social economy entities, non-governmental organisations, social assistance, labour-market institutions and academia (source: K02). The working group first met on 21 March 2012 (source: K05).

### Consultation (2013)

Consultation on the draft closed by 7 March 2013; the Kuyavian-Pomeranian Federation of Non-Governmental Organisations submitted critical remarks (source: K04). The sources we use do not say whether or how the remarks were answered.

### Adoption (10 June 2014)

The Board of the Kuyavian-Pomeranian Voivodeship adopted the programme on 10 June 2014. It is an operational document consistent with the “Development Strategy of the Kuyavian-Pomeranian Voivodeship until 2020 – Modernisation Plan 2020+” (source: K02).

### Implementation reports

The report on the programme's implementation in 2015 was presented to the Regional Assembly on 26 September 2016 (source: K15), and the report for 2020, the programme's last year, to the Regional Social Economy Development Committee on 8 July 2021 (source: K13).

## Where to find more

The full text of the programme is not published on this site; source K03 gives its table of contents. The history and goals of the programme are on the [Programme](/en/program) page. The list of sources, with what each of them confirms, can be downloaded from Documents: [Sources of information on the programme](/en${documentPath}).

## Sources

${sourceList(rows)}`;

const NEWS_PL = (rows: readonly SourceRow[]) => `Na platformie Spójnia przypominamy, jak powstawał regionalny program ekonomii społecznej.

Prace ruszyły w 2012 roku (źródło: K01) — projekt przygotowały wojewódzki zespół ekspercki i grupa robocza złożona z przedstawicieli instytucji, organizacji pozarządowych i podmiotów ekonomii społecznej (źródło: K02). Konsultacje projektu zakończyły się do 7 marca 2013 roku (źródło: K04). **10 czerwca 2014 roku** Zarząd Województwa Kujawsko-Pomorskiego przyjął program (źródło: K02).

Całą historię ze źródłami opisujemy na stronie [o programie](/program-ekonomii-spolecznej).

Źródła:

${sourceList(rows.filter((r) => ['K01', 'K02', 'K04'].includes(r.key)))}`;

const NEWS_EN = (rows: readonly SourceRow[]) => `On Spójnia we recall how the regional social economy programme came about.

Work began in 2012 (source: K01) — the draft was prepared by the voivodeship's expert team and a working group of representatives of institutions, non-governmental organisations and social economy entities (source: K02). Consultation on the draft closed by 7 March 2013 (source: K04). On **10 June 2014** the Board of the Kuyavian-Pomeranian Voivodeship adopted the programme (source: K02).

The full story, with its sources, is on the [programme page](/en/program-ekonomii-spolecznej).

Sources:

${sourceList(rows.filter((r) => ['K01', 'K02', 'K04'].includes(r.key)))}`;

/**
 * The list of sources as a library document (a CSV a spreadsheet opens), added once; returns its id.
 * A document an editor has since deleted is added again.
 */
async function sourcesDocument(ctx: ModuleContext, rows: readonly SourceRow[]): Promise<{ id: string; added: boolean }> {
  const known = await ctx.settings.get<string | null>(SOURCES_DOCUMENT_KEY, null);
  if (known && (await getDocument(ctx.db, known))) return { id: known, added: false };
  const csv = spreadsheetCsv([
    ['klucz / key', 'adres / address', 'co potwierdza', 'what it confirms'],
    ...rows.map((r) => [r.key, r.address, r.supports_pl, r.supports_en]),
  ]);
  const id = await createDocument(
    ctx,
    {
      title_pl: 'Źródła informacji o Kujawsko-Pomorskim Programie na Rzecz Ekonomii Społecznej do roku 2020',
      title_en: 'Sources of information on the Kuyavian-Pomeranian Social Economy Programme until 2020',
      description_pl:
        'Publiczne strony, na których opierają się opisy programu i podregionów OWES w serwisie: adres każdej strony i to, co potwierdza. Zestawienie sporządzono 27 listopada 2026 roku z notatek projektu Spójnia; strony nie były później ponownie sprawdzane.',
      description_en:
        'The public pages behind the descriptions of the programme and the OWES subregions on this site: the address of each page and what it confirms. Compiled on 27 November 2026 from the Spójnia project’s notes; the pages have not been checked again since.',
      category: 'programy',
      doc_date: SOURCES_DATE,
      lang: 'pl',
      is_accessible: '1',
      is_published: '1',
      label_pl: 'zestawienie źródeł',
      label_en: 'list of sources',
      version_date: SOURCES_DATE,
    },
    { filename: 'zrodla-programu-es-2020.csv', data: Buffer.from(csv, 'utf8'), truncated: false },
    SYSTEM,
  );
  await ctx.settings.set(SOURCES_DOCUMENT_KEY, id);
  return { id, added: true };
}

export async function seedPortalDemo(ctx: ModuleContext): Promise<SeedResult> {
  const rows = sources();
  const document = await sourcesDocument(ctx, rows);
  const documentPath = `/dokumenty/${document.id}`;
  let added = 0;
  if (!(await repo.getPageByPath(ctx.db, 'program-ekonomii-spolecznej'))) {
    await createPage(
      ctx,
      {
        title_pl: 'Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020',
        slug: 'program-ekonomii-spolecznej',
        position: '10',
        body_pl: pagePl(rows, documentPath),
        title_en: 'Kuyavian-Pomeranian Social Economy Programme until 2020',
        body_en: pageEn(rows, documentPath),
        is_published: '1',
      },
      SYSTEM,
    );
    added += 1;
  }
  if (!(await repo.slugOwner(ctx.db, 'jak-powstawal-program-ekonomii-spolecznej'))) {
    await createNews(
      ctx,
      {
        title_pl: 'Jak powstawał regionalny program ekonomii społecznej',
        slug: 'jak-powstawal-program-ekonomii-spolecznej',
        category: 'program',
        lead_pl:
          'Od prac zespołu eksperckiego i grupy roboczej w 2012 roku, przez konsultacje zakończone w marcu 2013 roku, do przyjęcia programu przez Zarząd Województwa 10 czerwca 2014 roku.',
        body_pl: NEWS_PL(rows),
        title_en: 'How the regional social economy programme came about',
        lead_en:
          'From the work of the expert team and the working group in 2012, through the consultation that closed in March 2013, to adoption by the regional board on 10 June 2014.',
        body_en: NEWS_EN(rows),
        is_published: '1',
      },
      null,
      SYSTEM,
    );
    added += 1;
  }
  return {
    summary: `portal demo content: ${added} new (a page and a news item about the programme); sources document: ${document.added ? 'added' : 'kept'}`,
  };
}
