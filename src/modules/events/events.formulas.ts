// The events module's formulas for the programme's computed indicators (indicators' extension point
// `indicatorFormulas`): events held — of one type, or of any — and participants marked present. Both
// are flows: counted from 1 January of the day's year up to that day (Warsaw calendar), published
// events only, by the gmina where the event took place (an online event counts for the region only).
// Participants are counted only at events that registered people through the platform (the check-in
// is the record), so their coverage starts with the first such event; the check-ins survive the
// retention job, so past years keep their figures. Example events make the figure example data.
import type { ModuleContext } from '../../core/module.js';
import { warsawDay, warsawDayStart } from '../../core/time/index.js';
import type { T } from '../../i18n/index.js';
import type { IndicatorFormula } from '../indicators/index.js';
import * as repo from './events.repo.js';
import { EVENT_TYPES } from './events.service.js';
import type { EventType } from './events.tables.js';

/** [from, to) instants of the flow ending on `asOf` (YYYY-MM-DD): 1 January of its year to the end of that day. */
export function flowRange(asOf: string): { from: string; to: string } {
  return { from: warsawDayStart(`${asOf.slice(0, 4)}-01-01`), to: warsawDayStart(asOf, 1) };
}

const firstDay = (at: string | null) => (at ? warsawDay(at) : null);

const EVENT_TABLES = ['events'] as const;

function heldFormula(type: EventType | null): IndicatorFormula {
  return {
    key: type ? `events_held_${type}` : 'events_held',
    label: (t: T) => (type ? t('events.formula.heldOfType', { type: t(`events.types.${type}`) }) : t('events.formula.held')),
    tables: EVENT_TABLES,
    coverageStart: async (ctx: Pick<ModuleContext, 'db'>) => firstDay(await repo.firstEventStart(ctx.db, false)),
    countByGmina: async (ctx, asOf) => repo.eventsHeldByGmina(ctx.db, flowRange(asOf), type),
  };
}

export const participantsFormula: IndicatorFormula = {
  key: 'events_participants',
  label: (t) => t('events.formula.participants'),
  tables: ['events', 'event_registrations', 'event_checkins'],
  coverageStart: async (ctx) => firstDay(await repo.firstEventStart(ctx.db, true)),
  countByGmina: async (ctx, asOf) => repo.participantsByGmina(ctx.db, flowRange(asOf)),
};

export const eventsFormulas: IndicatorFormula[] = [heldFormula(null), ...EVENT_TYPES.map(heldFormula), participantsFormula];
