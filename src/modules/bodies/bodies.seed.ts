// Demo data of the bodies module (`spojnia seed demo`): the bodies of the 2020 programme and of its
// monitoring, stated only as far as the sources go (keys and addresses from the domain guide,
// ../shared/guides/domain.md §2–3, §5). Nobody's name is invented: where a body needs people to be
// shown, the members are placeholders flagged `is_example` (labelled on pages, never in the API).
// Unknown days, seat counts and working rules stay unknown. Idempotent: a body whose slug exists is
// left as the staff keep it.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { listSubregionsWithMembers } from '../territory/index.js';
import * as repo from './bodies.repo.js';
import type { BodyType, MemberRole, SeatCategory } from './bodies.tables.js';

const SOURCES = {
  K01: 'K01 ropstorun.home.pl/ekonomia2/programy-projekty-akty-prawne/kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020/2012',
  K02: 'K02 ropstorun.home.pl/ekonomia2/programy-projekty-akty-prawne/kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020/2014',
  K05: 'K05 federacja-ngo.pl/monitorujemy/raport-monitoring-powstawania-kujawsko-pomorskiego-programu-na-rzecz-ekonomii-spolecznej-na-lata-2013-2020-maj-2013-roku/',
  K10: 'K10 bibdiec.pl/aktualnosci/460-posiedzenie-regionalnego-komitetu-ekonomii-spoecznej',
  K11: 'K11 rops.torun.pl/36-archiwum-2017/95-obradowal-regionalny-komitet-ekonomii-spolecznej',
  K13: 'K13 rops.torun.pl/40-archiwum-2021/1381-obradowal-regionalny-komitet-rozwoju-ekonomii-spolecznej',
  K14: 'K14 ekonomiaspoleczna.rops.torun.pl/czym-jest-rkres',
  K16: 'K16 rops.torun.pl/38-archiwum-2019/896-szoste-posiedzenie-regionalnego-komitetu-ekonomii-spolecznej',
  K84: 'K84 rops.torun.pl/42-archiwum-2022/1561-kolejne-podmioty-z-certyfikatem-zakup-prospoleczny',
  K87: 'K87 zakupprospoleczny.pl/ceryfikacja-krok-po-kroku/kapitula-certyfikujaca',
} as const;
type SourceKey = keyof typeof SOURCES;

/** The categories of RKRES seats the Act names (art. 55), in its order. */
export const RKRES_CATEGORIES: readonly SeatCategory[] = [
  'marshal_office',
  'voivode',
  'local_government',
  'social_economy_entities',
  'public_benefit_council',
  'cooperative_unions',
  'research_institutes',
  'universities',
  'trade_unions',
  'employers',
];

interface SeedMember {
  name: string;
  role: MemberRole;
  institution: string;
  isExample: boolean;
}
interface SeedSeat {
  category: SeatCategory;
  label?: string;
  members?: SeedMember[];
}
interface SeedTerm {
  number: number;
  note: string;
  seats: SeedSeat[];
}
interface SeedBody {
  slug: string;
  name: string;
  type: BodyType;
  legalBasis: string | null;
  description: string;
  sources: SourceKey[];
  subregionCode?: string;
  terms: SeedTerm[];
}

const placeholder = (n: number, role: MemberRole = 'member'): SeedMember => ({
  name: `Osoba przykładowa ${n}`,
  role,
  institution: 'instytucja przykładowa',
  isExample: true,
});

const SUBCOMMITTEE_DESCRIPTION =
  'Jeden z czterech podregionalnych podkomitetów monitorujących ekonomię społeczną; obszar działania odpowiada obszarowi ośrodka wsparcia ekonomii społecznej (OWES); podkomitet liczy około 15 osób [K11].';

function seedBodies(): SeedBody[] {
  return [
    {
      slug: 'zespol-ekspercki-2020',
      name: 'Wojewódzki zespół ekspercki ds. ekonomii społecznej',
      type: 'expert_team',
      legalBasis: null,
      description:
        'Zespół, który wraz z interdyscyplinarną grupą roboczą przygotował „Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020”, przyjęty przez Zarząd Województwa 10 czerwca 2014 r. [K02]. Prace nad programem rozpoczęły się w 2012 r. [K01].',
      sources: ['K01', 'K02'],
      terms: [
        {
          number: 1,
          note: 'prace nad programem od 2012 r. [K01]',
          seats: [{ category: 'other', label: 'członkowie zespołu', members: [placeholder(1, 'chair'), placeholder(2)] }],
        },
      ],
    },
    {
      slug: 'grupa-robocza-2020',
      name: 'Interdyscyplinarna grupa robocza ds. ekonomii społecznej',
      type: 'working_group',
      legalBasis: null,
      description:
        'Grupa, która wraz z wojewódzkim zespołem eksperckim przygotowała program ekonomii społecznej do roku 2020; tworzyli ją przedstawiciele samorządu województwa, podmiotów ekonomii społecznej, organizacji pozarządowych (w tym infrastruktury wsparcia), pomocy społecznej, instytucji rynku pracy i nauki [K02]. Pierwsze posiedzenie grupy roboczej odbyło się 21 marca 2012 r. [K05].',
      sources: ['K02', 'K05'],
      terms: [
        {
          number: 1,
          note: 'pierwsze posiedzenie 21 marca 2012 r. [K05]',
          seats: [
            { category: 'other', label: 'samorząd województwa', members: [placeholder(3)] },
            { category: 'other', label: 'podmioty ekonomii społecznej' },
            { category: 'other', label: 'organizacje pozarządowe, w tym infrastruktura wsparcia' },
            { category: 'other', label: 'pomoc społeczna' },
            { category: 'other', label: 'instytucje rynku pracy' },
            { category: 'other', label: 'nauka' },
          ],
        },
      ],
    },
    {
      slug: 'rkres',
      name: 'Regionalny Komitet Rozwoju Ekonomii Społecznej',
      type: 'committee',
      legalBasis:
        'art. 55–58 ustawy z dnia 5 sierpnia 2022 r. o ekonomii społecznej (Dz.U. 2022 poz. 1812); członków powołuje i odwołuje Marszałek Województwa [K14]',
      description:
        'Komitet opiniuje regionalny program rozwoju ekonomii społecznej, projekty uchwał dotyczących podmiotów ekonomii społecznej i wyniki realizacji programu; kadencja trwa 3 lata; członków powołuje i odwołuje Marszałek Województwa [K14]. Wcześniej Regionalny Komitet Ekonomii Społecznej (RKES): I kadencja od 2016 r., II kadencja od grudnia 2020 r. [K10][K13]. Komitetowi przewodniczy dyrektor Departamentu Spraw Społecznych Urzędu Marszałkowskiego [K16][K13]. Kategorie miejsc są kategoriami ustawy [K14]; liczby miejsc w kategoriach nie są znane.',
      sources: ['K10', 'K13', 'K14', 'K16'],
      terms: [
        { number: 1, note: 'od 2016 r. [K10]', seats: [] },
        {
          number: 2,
          note: 'od grudnia 2020 r. [K13]',
          seats: RKRES_CATEGORIES.map((category, i) => ({
            category,
            members:
              category === 'marshal_office'
                ? [
                    {
                      name: 'Dyrektor Departamentu Spraw Społecznych Urzędu Marszałkowskiego',
                      role: 'chair' as const,
                      institution: 'Marszałek Województwa Kujawsko-Pomorskiego',
                      isExample: false,
                    },
                  ]
                : i % 3 === 1
                  ? [placeholder(10 + i)]
                  : [],
          })),
        },
      ],
    },
    ...(
      [
        ['bydgoszcz', 'bydgoski'],
        ['torun', 'toruński'],
        ['grudziadz', 'grudziądzki'],
        ['wloclawek-inowroclaw', 'włocławsko-inowrocławski'],
      ] as const
    ).map(([code, adjective]) => ({
      slug: `podkomitet-${code}`,
      name: `Podkomitet Monitorujący Ekonomii Społecznej — subregion ${adjective}`,
      type: 'subcommittee' as const,
      legalBasis: null,
      description: SUBCOMMITTEE_DESCRIPTION,
      sources: ['K11' as const],
      subregionCode: code,
      terms: [],
    })),
    {
      slug: 'kapitula',
      name: 'Kujawsko-Pomorska Kapituła',
      type: 'certifying_board',
      legalBasis: null,
      description:
        'Kapituła rozpatruje wnioski i decyduje o przyznaniu znaku „Zakup Prospołeczny”, którego licencji udziela Regionalny Ośrodek Polityki Społecznej w Toruniu [K84]. Sprawdza formę prawną, cele społeczne, okres działalności i wymiar ekonomiczny podmiotu [K87].',
      sources: ['K84', 'K87'],
      terms: [],
    },
  ];
}

export async function seedBodiesDemo(ctx: ModuleContext): Promise<SeedResult> {
  const now = nowIso(ctx.clock);
  const subregions = await listSubregionsWithMembers(ctx);
  let added = 0;
  const all = seedBodies();
  await ctx.db.transaction().execute(async (trx) => {
    for (const b of all) {
      if (await repo.findBodyBySlug(trx, b.slug)) continue;
      const id = newId();
      // the latest period of the subregion with this code (periods change with funding rounds)
      const subregion = b.subregionCode
        ? subregions.filter((s) => s.code === b.subregionCode).sort((x, y) => y.valid_from.localeCompare(x.valid_from))[0]
        : undefined;
      await repo.insertBody(trx, {
        id,
        slug: b.slug,
        name: b.name,
        name_sort: polishSortKey(b.name),
        type: b.type,
        legal_basis: b.legalBasis,
        description: b.description,
        has_rules: false,
        is_composition_public: true,
        is_minutes_public: true,
        quorum_kind: 'fraction',
        quorum_numerator: 1,
        quorum_denominator: 2,
        quorum_count: null,
        majority: 'simple',
        is_substitutes_allowed: false,
        is_substitutes_quorum: false,
        is_votes_named: false,
        subregion_id: subregion?.id ?? null,
        sources: b.sources.map((k) => SOURCES[k]).join('\n'),
        created_at: now,
        updated_at: now,
      });
      for (const term of b.terms) {
        const termId = newId();
        await repo.insertTerm(trx, {
          id: termId,
          body_id: id,
          number: term.number,
          starts_on: null,
          ends_on: null,
          note: term.note,
          created_at: now,
        });
        for (const [position, seat] of term.seats.entries()) {
          const seatId = newId();
          await repo.insertSeat(trx, {
            id: seatId,
            term_id: termId,
            category: seat.category,
            label: seat.label ?? null,
            seat_count: null,
            position,
          });
          for (const m of seat.members ?? []) {
            await repo.insertMembership(trx, {
              id: newId(),
              term_id: termId,
              seat_id: seatId,
              user_id: null,
              person_name: m.name,
              role: m.role,
              nominating_institution: m.institution,
              starts_on: null,
              ends_on: null,
              end_ground: null,
              appointing_act: '',
              dismissing_act: null,
              email: null,
              phone: null,
              is_example: m.isExample,
              created_at: now,
              updated_at: now,
            });
          }
        }
      }
      added++;
    }
  });
  return { summary: `bodies: ${all.length} (${added} new)` };
}
