// Demo content (`spojnia seed demo`): the story of how the regional social economy programme came
// about, as an information page and a news item, in Polish and English. Written for this platform;
// it states the milestones only and invents no figures. Idempotent: existing addresses are kept.
import type { ModuleContext, SeedResult } from '../../core/module.js';
import * as repo from './content.repo.js';
import { createNews, createPage, type Actor } from './content.service.js';

const SYSTEM: Actor = { actorId: null, ip: null, requestId: null };

const PAGE_PL = `Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020 to dokument, w którym samorząd województwa opisał, jak chce wspierać przedsiębiorczość społeczną w regionie: spółdzielnie socjalne, organizacje pozarządowe prowadzące działalność gospodarczą, centra i kluby integracji społecznej oraz zakłady aktywności zawodowej.

## Jak powstawał program

### Początek prac (2012)

Prace rozpoczęły się w 2012 roku. Projekt przygotowywały wspólnie dwa zespoły: zespół ekspercki, który zebrał wiedzę o stanie ekonomii społecznej w regionie, oraz grupa robocza, w której spotkali się przedstawiciele instytucji publicznych, organizacji pozarządowych i samych podmiotów ekonomii społecznej.

### Konsultacje (2013)

W 2013 roku projekt trafił do konsultacji. Każdy zainteresowany mógł zgłosić uwagi, a zespół przygotowujący dokument odniósł się do nich przed dalszymi pracami.

### Ocena ex ante

Zanim program przyjęto, przeszedł ocenę ex ante — niezależne sprawdzenie, czy cele są spójne, a zaplanowane działania mogą do nich prowadzić.

### Przyjęcie (10 czerwca 2014)

Zarząd Województwa Kujawsko-Pomorskiego przyjął program 10 czerwca 2014 roku. Od tej pory Regionalny Ośrodek Polityki Społecznej w Toruniu koordynuje jego realizację.

## Gdzie szukać więcej

Dokumenty programu, sprawozdania i materiały z konsultacji publikujemy w dziale [Dokumenty](/dokumenty), a bieżące informacje w [Aktualnościach](/aktualnosci).`;

const PAGE_EN = `The Kuyavian-Pomeranian Social Economy Programme until 2020 is the document in which the regional government set out how it intends to support social enterprise in the region: social cooperatives, non-governmental organisations running economic activity, social integration centres and clubs, and vocational activity establishments.

## How the programme was prepared

### Work begins (2012)

Work started in 2012. Two teams prepared the draft together: an expert team, which gathered knowledge about the state of the social economy in the region, and a working group bringing together public institutions, non-governmental organisations and social economy entities themselves.

### Consultation (2013)

In 2013 the draft was put to consultation. Anyone interested could submit comments, and the drafting team responded to them before work continued.

### Ex-ante evaluation

Before adoption, the programme underwent an ex-ante evaluation — an independent check that its objectives are coherent and that the planned actions can lead to them.

### Adoption (10 June 2014)

The Board of the Kuyavian-Pomeranian Voivodeship adopted the programme on 10 June 2014. Since then the Regional Social Policy Centre in Toruń has coordinated its implementation.

## Where to find more

Programme documents, reports and consultation materials are published under [Documents](/en/dokumenty), and current information under [News](/en/aktualnosci).`;

const NEWS_PL = `Na platformie Spójnia przypominamy, jak powstawał regionalny program ekonomii społecznej.

Prace ruszyły w 2012 roku — projekt tworzyli razem zespół ekspercki i grupa robocza złożona z przedstawicieli instytucji, organizacji pozarządowych i podmiotów ekonomii społecznej. W 2013 roku dokument przeszedł konsultacje, a następnie ocenę ex ante. **10 czerwca 2014 roku** Zarząd Województwa Kujawsko-Pomorskiego przyjął program.

Całą historię opisujemy na stronie [o programie](/program-ekonomii-spolecznej).`;

const NEWS_EN = `On Spójnia we recall how the regional social economy programme came about.

Work began in 2012 — the draft was written jointly by an expert team and a working group of representatives of institutions, non-governmental organisations and social economy entities. In 2013 the document went through consultation and then an ex-ante evaluation. On **10 June 2014** the Board of the Kuyavian-Pomeranian Voivodeship adopted the programme.

The full story is on the [programme page](/en/program-ekonomii-spolecznej).`;

export async function seedPortalDemo(ctx: ModuleContext): Promise<SeedResult> {
  let added = 0;
  if (!(await repo.getPageByPath(ctx.db, 'program-ekonomii-spolecznej'))) {
    await createPage(
      ctx,
      {
        title_pl: 'Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020',
        slug: 'program-ekonomii-spolecznej',
        position: '10',
        body_pl: PAGE_PL,
        title_en: 'Kuyavian-Pomeranian Social Economy Programme until 2020',
        body_en: PAGE_EN,
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
        lead_pl: 'Od prac zespołu eksperckiego i grupy roboczej w 2012 roku, przez konsultacje i ocenę ex ante, do przyjęcia programu przez Zarząd Województwa 10 czerwca 2014 roku.',
        body_pl: NEWS_PL,
        title_en: 'How the regional social economy programme came about',
        lead_en: 'From the work of the expert team and the working group in 2012, through consultation and the ex-ante evaluation, to adoption by the regional board on 10 June 2014.',
        body_en: NEWS_EN,
        is_published: '1',
      },
      null,
      SYSTEM,
    );
    added += 1;
  }
  return { summary: `portal demo content: ${added} new (a page and a news item about the programme)` };
}
