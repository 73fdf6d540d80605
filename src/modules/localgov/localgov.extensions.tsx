// What the localgov module adds to other modules' pages: the cooperation card (with the unit's
// awards and good practices) on every gmina and powiat profile (territory `profileSections`), the
// awards given at a Forum edition on that Forum's event page (events `eventPageSections`), the way to
// the survey's text questions under a survey round's numbers (indicators `partnerRoundSections`), the years'
// tables in the sitemap and the local governments with records and the good practices in the site search.
import { textMatches } from '../../core/search/index.js';
import { listedSource, type SearchProvider, type SitemapSource } from '../portal/index.js';
import type { EventPageSection } from '../events/index.js';
import type { PartnerRoundSection } from '../indicators/index.js';
import { unitsAnsweredBy } from './localgov.policy.js';
import { answerStatus } from './survey/answers.service.js';
import { RoundAnswersSection } from './survey/answers.views.js';
import { levelOf, SURVEY_MEASURES, surveyCode } from './survey/survey.measures.js';
import type { ProfileSection } from '../territory/index.js';
import * as svc from './localgov.service.js';
import { CooperationCard } from './localgov.views.js';
import { foundedEntities } from './localgov.entities.js';
import { awardsOfUnit, editionYearOf, forumAwards } from './awards/awards.service.js';
import { ForumAwards, UnitAwards } from './awards/awards.views.js';
import { listPractices, practicesOfUnit } from './practices/practices.service.js';
import { UnitPractices } from './practices/practices.views.js';

export const cooperationProfileSection: ProfileSection = {
  id: 'localgov-cooperation',
  order: 16,
  titleKey: 'localgov.card.title',
  async render(ctx, request, unit) {
    const [row, awards, practices] = await Promise.all([
      svc.latestOfUnit(ctx, unit.teryt, request.lang),
      awardsOfUnit(ctx, unit.teryt, request.lang),
      practicesOfUnit(ctx, unit.teryt, request.lang),
    ]);
    const founded = row ? await foundedEntities(ctx, row.founded_entity_ids) : [];
    return (
      <>
        <CooperationCard row={row} founded={founded} />
        <UnitAwards awards={awards} />
        <UnitPractices practices={practices} />
      </>
    );
  },
};

/** On a Forum edition's page: the local governments' awards of that year's edition, when there are any. */
export const forumAwardsSection: EventPageSection = {
  id: 'localgov-awards',
  order: 40,
  async render(ctx, event, request) {
    if (event.type !== 'forum') return null;
    const year = editionYearOf(event.startsAt);
    const awards = await forumAwards(ctx, year, request.lang);
    return awards.length ? <ForumAwards awards={awards} year={year} /> : null;
  },
};

/** Under a survey round's numbers: the partner's own units' text questions for the round's year. */
export const surveyAnswersRoundSection: PartnerRoundSection = {
  id: 'localgov-survey-answers',
  order: 10,
  async render(ctx, round, request) {
    if (!request.user) return null;
    const units = unitsAnsweredBy(request.user).filter((teryt) =>
      SURVEY_MEASURES.some((m) => round.codes.includes(surveyCode(m, levelOf(teryt)))),
    );
    if (units.length === 0) return null;
    const labels = new Map((await svc.unitOptions(ctx, request.lang)).map((u) => [u.teryt, u.label]));
    const shown = await Promise.all(
      units.map(async (teryt) => ({
        teryt,
        label: labels.get(teryt) ?? teryt,
        year: round.period,
        status: await answerStatus(ctx, teryt, round.period),
      })),
    );
    return <RoundAnswersSection units={shown} />;
  },
};

export const localgovSearch: SearchProvider = {
  id: 'localgov',
  label: 'localgov.searchGroup',
  order: 45,
  async search(ctx, terms, lang, limit) {
    const year = (await svc.yearsWithRecords(ctx))[0]!;
    const found = (await svc.tableOfYear(ctx, year, lang)).filter((r) => textMatches(terms, r.unitLabel));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((r) => ({ title: r.unitLabel, path: `/terytorium/${r.unit_teryt}`, snippet: r.source })),
    };
  },
};

/** Good practices by their title, text, local government, measure and entities. */
export const practicesSearch: SearchProvider = {
  id: 'localgov-practices',
  label: 'localgov.practices.title',
  order: 46,
  async search(ctx, terms, lang, limit) {
    const found = await listPractices(ctx, lang, terms.join(' '));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((p) => ({ title: p.title, path: p.path, snippet: `${p.unitLabel} · ${p.measure}` })),
    };
  },
};

export const localgovSitemapSources: SitemapSource[] = [
  listedSource('localgov.years', 58, async (ctx) =>
    (await svc.yearsWithRecords(ctx)).map((y) => ({ path: `/samorzady?rok=${y}`, lastmod: null })),
  ),
];
