// The "Wskaźniki" section of a gmina's or powiat's territorial profile: for the current programme,
// the latest figure of every indicator broken down to an area that covers this unit (the gmina
// itself, its powiat, its OWES subregion), under a line naming the programme and whether it is in
// force today (a closed programme's figures are history, not the present). Filled through the territory module's extension point,
// so territory never imports the programme.
import { Table } from '../../core/ui/components.js';
import { formatAmount } from './indicators.amount.js';
import { SMALL_COUNT_TEXT } from './indicators.privacy.js';
import { usePage } from '../../core/ui/context.js';
import type { ModuleContext } from '../../core/module.js';
import type { ProfileSection, ProfileUnit } from '../territory/index.js';
import { warsawToday } from '../../core/time/index.js';
import { findCurrentProgramme, isInForce } from '../programme/index.js';
import * as repo from './indicators.repo.js';
import { indicatorViews, type Figure } from './indicators.service.js';
import { loadTerritoryIndex, subregionsForPeriod, territoryName, type TerritoryIndex } from './indicators.territory.js';
import { indicatorPath } from './indicators.views.js';

interface ProfileRow {
  code: string;
  name: string;
  unit: string;
  href: string;
  area: string;
  figure: Figure;
}

/** The area code of an indicator's breakdown that covers the unit in a period, if any. */
function areaFor(index: TerritoryIndex, breakdown: string, unit: ProfileUnit, period: number): string | null {
  const powiat = unit.teryt.slice(0, 4);
  if (breakdown === 'gmina') return unit.kind === 'gmina' ? unit.teryt : null;
  if (breakdown === 'powiat') return powiat;
  if (breakdown === 'subregion') return subregionsForPeriod(index.subregions, period).find((s) => s.powiaty.includes(powiat))?.code ?? null;
  return null;
}

interface ProfileData {
  rows: ProfileRow[];
  slug: string;
  /** The programme the values belong to: a closed one is named as such, never passed off as in force. */
  programme: { title: string; from: number; to: number; inForce: boolean };
}

async function profileRows(ctx: ModuleContext, unit: ProfileUnit, lang: 'pl' | 'en'): Promise<ProfileData | null> {
  const current = await findCurrentProgramme(ctx.db);
  const programme = current ? await repo.findProgramme(ctx.db, current.id) : undefined;
  if (!programme) return null;
  const views = (await indicatorViews(ctx, programme)).filter((v) => v.indicator.breakdown !== 'none');
  const index = await loadTerritoryIndex(ctx);
  const rows: ProfileRow[] = [];
  for (const v of views) {
    const mine = v.figures.filter((f) => f.territoryCode === areaFor(index, v.indicator.breakdown, unit, f.period));
    const latest = mine[mine.length - 1];
    if (!latest) continue;
    rows.push({
      code: v.indicator.code,
      name: v.indicator.name,
      unit: v.indicator.unit,
      href: indicatorPath(programme.slug, v.indicator.code),
      area: territoryName(index, latest.territoryCode, lang),
      figure: latest,
    });
  }
  const inForce = isInForce(programme, warsawToday(ctx.clock));
  return {
    rows,
    slug: programme.slug,
    programme: { title: programme.title, from: programme.period_from, to: programme.period_to, inForce },
  };
}

function ProfileIndicators({ data }: { data: ProfileData | null }) {
  const { t, fmt, href } = usePage();
  if (!data) return <p>{t('indicators.profile.noProgramme')}</p>;
  const { programme } = data;
  const which = t(programme.inForce ? 'indicators.profile.inForce' : 'indicators.profile.closed', {
    title: programme.title,
    from: programme.from,
    to: programme.to,
  });
  if (data.rows.length === 0)
    return (
      <p>
        {which} {t('indicators.profile.none')}
      </p>
    );
  return (
    <>
      <p>{which}</p>
      <Table
        caption={t('indicators.profile.caption')}
        rowKey={(r) => r.code}
        rows={data.rows}
        columns={[
          { header: t('indicators.field.name'), cell: (r) => <a href={href(r.href)}>{`${r.code} ${r.name}`}</a> },
          { header: t('indicators.field.territory'), cell: (r) => r.area },
          { header: t('indicators.field.period'), cell: (r) => String(r.figure.period) },
          {
            header: t('indicators.field.value'),
            numeric: true,
            cell: (r) => (
              <>
                {r.figure.value === null ? SMALL_COUNT_TEXT : formatAmount(t, fmt, r.figure.value, r.unit)}
                {r.figure.isExample ? <span class="example-mark"> {t('indicators.example')}</span> : null}
              </>
            ),
          },
        ]}
      />
      <p>
        <a href={href(`/program/${data.slug}/wskazniki`)}>{t('indicators.public.allLink')}</a>
      </p>
    </>
  );
}

/** The indicators section of territorial profiles (replaces territory's placeholder). */
export const indicatorsProfileSection: ProfileSection = {
  id: 'indicators',
  order: 40,
  titleKey: 'indicators.profile.title',
  async render(ctx, request, unit) {
    return <ProfileIndicators data={await profileRows(ctx, unit, request.lang)} />;
  },
};
