// The editions of the Kujawsko-Pomorskie Forum Ekonomii Społecznej the sources give (the project's
// domain guide, §5.2, with its references K90–K98): dates to the day or only to the month as the
// source states them, the place when it is given, nothing else. Loaded with the reference data
// (`spojnia seed reference`), once per edition (recognised by its source).
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { warsawDayStart } from '../../core/time/index.js';
import * as repo from './events.repo.js';

interface Edition {
  title: string;
  /** First and last day, or the month (`YYYY-MM`) when the source gives no days. */
  first: string;
  last: string;
  address: string | null;
  gmina: string | null;
  online: boolean;
  description: string;
  source: string;
}

const ORGANISER = 'Regionalny Ośrodek Polityki Społecznej w Toruniu';
const TORUN = '0463011';

export const FORUM_EDITIONS: readonly Edition[] = [
  {
    title: 'I Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2010-09-17',
    last: '2010-09-24',
    address: 'Przysiek',
    gmina: null,
    online: false,
    description: 'Dni otwarte i konferencja w Przysieku.',
    source: 'ropstorun.home.pl/ekonomia2/es-w-kujawsko-pomorskim/kujawsko-pomorskie-forum-ekonomii-spolecznej/2010',
  },
  {
    title: 'II Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2011-09-19',
    last: '2011-09-25',
    address: null,
    gmina: null,
    online: false,
    description: 'Tematem forum były klauzule społeczne.',
    source: 'ropstorun.home.pl/ekonomia2/es-w-kujawsko-pomorskim/kujawsko-pomorskie-forum-ekonomii-spolecznej/2011',
  },
  {
    title: 'IV Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2013-09-23',
    last: '2013-09-27',
    address: 'Przysiek',
    gmina: null,
    online: false,
    description: 'Forum w Przysieku.',
    source: 'ropstorun.home.pl/ekonomia2/es-w-kujawsko-pomorskim/kujawsko-pomorskie-forum-ekonomii-spolecznej/2013',
  },
  {
    title: 'VI Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2015-11-30',
    last: '2015-12-04',
    address: 'Toruń',
    gmina: TORUN,
    online: false,
    description: 'Forum w Toruniu. 4 grudnia 2015 r. wręczono pierwsze w regionie certyfikaty „Zakup Prospołeczny”.',
    source: 'ropstorun.home.pl/ekonomia2/es-w-kujawsko-pomorskim/kujawsko-pomorskie-forum-ekonomii-spolecznej/2015',
  },
  {
    title: 'VIII Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2017-10-03',
    last: '2017-10-03',
    address: 'Toruń',
    gmina: TORUN,
    online: false,
    description: 'Międzynarodowe Forum Ekonomii Społecznej w Toruniu.',
    source: 'inforenior.rops.torun.pl/36-archiwum-2017/193-miedzynarodowe-forum-ekonomii-spolecznej-podsumowanie',
  },
  {
    title: 'XI Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2021-10-19',
    last: '2021-10-27',
    address: null,
    gmina: null,
    online: true,
    description: 'Forum online w dniach 19, 20, 26 i 27 października 2021 r., po przerwie w 2020 r.',
    source: 'conectio.pl/wydarzeniaonline/rops/o-nas/',
  },
  {
    title: 'XV Kujawsko-Pomorskie Forum Ekonomii Społecznej',
    first: '2025-10',
    last: '2025-10',
    address: 'Jordanki, Toruń',
    gmina: TORUN,
    online: false,
    description: 'Forum w Jordankach w Toruniu. Po raz dziesiąty wręczono certyfikaty „Zakup Prospołeczny”.',
    source: 'radiopik.pl/2,133519,region&dtx=&szukaj=&s=166',
  },
];

function span(ed: Edition): { starts: string; ends: string; precision: 'day' | 'month' } {
  if (ed.first.length === 7) {
    const [y, m] = ed.first.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return { starts: warsawDayStart(`${ed.first}-01`), ends: warsawDayStart(next), precision: 'month' };
  }
  return { starts: warsawDayStart(ed.first), ends: warsawDayStart(ed.last, 1), precision: 'day' };
}

export async function seedForumEditions(ctx: ModuleContext): Promise<SeedResult> {
  let added = 0;
  const now = nowIso(ctx.clock);
  for (const ed of FORUM_EDITIONS) {
    if (await repo.findEventBySource(ctx.db, ed.source)) continue;
    const { starts, ends, precision } = span(ed);
    await repo.insertEvent(ctx.db, {
      id: newId(),
      title: ed.title,
      type: 'forum',
      description: ed.description,
      organiser: ORGANISER,
      starts_at: starts,
      ends_at: ends,
      date_precision: precision,
      is_online: ed.online,
      online_url: null,
      address: ed.address,
      gmina_teryt: ed.gmina,
      registration_opens_at: null,
      registration_closes_at: null,
      who_may_register: '',
      has_step_free_access: false,
      has_induction_loop: false,
      has_sign_language: false,
      accessibility_notes: '',
      source: ed.source,
      is_published: true,
      is_example: false,
      personal_data_erased_at: null,
      title_sort: polishSortKey(ed.title),
      created_at: now,
      updated_at: now,
      created_by: null,
    });
    added += 1;
  }
  return { summary: `Forum ES editions: ${FORUM_EDITIONS.length} (${added} new)` };
}
