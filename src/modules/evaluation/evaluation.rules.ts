// The follow-up rules that need no database: when a management response is due, how long a
// recommendation is tracked, what is overdue, and the status of a recommendation derived from its
// response, its actions and its closure. Calendar days are `YYYY-MM-DD` strings (Warsaw days).
import { addDays, isCalendarDay } from '../../core/time/index.js';
import { ACTION_STATUSES as ACTION_STATUS_VALUES, type ActionStatus, type Closure, type ResponseKind } from './evaluation.tables.js';

/** Days after the study's acceptance within which the management response is due by default. */
export const RESPONSE_DAYS = 30;
/** Years after acceptance a recommendation is tracked (unless closed earlier). */
export const TRACKING_YEARS = 4;
/** The digest mentions what falls due within this many days. */
export const DUE_SOON_DAYS = 30;

export const RECOMMENDATION_STATUSES = [
  'awaiting_response',
  'not_accepted',
  'accepted',
  'planned',
  'in_progress',
  'implemented',
  'closed',
  'abandoned',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Public slugs of the statuses (`/ewaluacja/rekomendacje?status=…`), plus the overdue filter. */
export const STATUS_SLUGS: Record<RecommendationStatus, string> = {
  awaiting_response: 'oczekuje-na-odpowiedz',
  not_accepted: 'nieprzyjeta',
  accepted: 'przyjeta',
  planned: 'zaplanowana',
  in_progress: 'w-realizacji',
  implemented: 'zrealizowana',
  closed: 'zamknieta',
  abandoned: 'porzucona',
};
export const OVERDUE_SLUG = 'po-terminie';

interface RecommendationFacts {
  response_kind: ResponseKind | null;
  response_due_on: string | null;
  closure: Closure | null;
}
interface ActionFacts {
  status: ActionStatus;
  deadline: string;
}

/** The response deadline: the recommendation's own, else the study's acceptance + 30 days; null when unknown. */
export function responseDue(rec: Pick<RecommendationFacts, 'response_due_on'>, acceptedOn: string | null): string | null {
  if (rec.response_due_on) return rec.response_due_on;
  return acceptedOn && isCalendarDay(acceptedOn) ? addDays(acceptedOn, RESPONSE_DAYS) : null;
}

/** The last day a recommendation is tracked: four years after the study's acceptance (null: not known yet). */
export function trackingEnds(acceptedOn: string | null): string | null {
  if (!acceptedOn || !isCalendarDay(acceptedOn)) return null;
  const year = Number(acceptedOn.slice(0, 4)) + TRACKING_YEARS;
  const rest = acceptedOn.slice(4);
  // 29 February four years on exists unless the century rule says otherwise
  return isCalendarDay(`${year}${rest}`) ? `${year}${rest}` : `${year}-02-28`;
}

export function isTracked(rec: Pick<RecommendationFacts, 'closure'>, acceptedOn: string | null, today: string): boolean {
  if (rec.closure) return false;
  const end = trackingEnds(acceptedOn);
  return end === null || today <= end;
}

export function isOpenAction(a: Pick<ActionFacts, 'status'>): boolean {
  return a.status === 'planned' || a.status === 'in_progress';
}

export function isResponseOverdue(rec: RecommendationFacts, acceptedOn: string | null, today: string): boolean {
  const due = responseDue(rec, acceptedOn);
  return isTracked(rec, acceptedOn, today) && rec.response_kind === null && due !== null && today > due;
}

export function isActionOverdue(
  a: ActionFacts,
  rec: Pick<RecommendationFacts, 'closure'>,
  acceptedOn: string | null,
  today: string,
): boolean {
  return isTracked(rec, acceptedOn, today) && isOpenAction(a) && today > a.deadline;
}

/** The status follows from the closure, the response and the actions (cancelled actions do not count). */
export function recommendationStatus(rec: RecommendationFacts, actions: readonly Pick<ActionFacts, 'status'>[]): RecommendationStatus {
  if (rec.closure) return rec.closure;
  if (rec.response_kind === null) return 'awaiting_response';
  if (rec.response_kind === 'not_accepted') return 'not_accepted';
  const live = actions.filter((a) => a.status !== 'cancelled');
  if (live.length === 0) return 'accepted';
  if (live.every((a) => a.status === 'done')) return 'implemented';
  if (live.some((a) => a.status === 'in_progress' || a.status === 'done')) return 'in_progress';
  return 'planned';
}

/** An action with the times the status can be dated by. */
export interface DatedAction {
  status: ActionStatus;
  created_at: string;
  updated_at: string;
  completed_on: string | null;
}

/**
 * An action's status as it stood at `endMoment` (an ISO instant; `endDay` the Warsaw day before it):
 * undefined when the action did not exist yet; its status today when it has not changed since
 * (updated before the moment); `done` when it was completed by that day; null when the records do not
 * tell (it changed after the moment and nothing dates the earlier status).
 */
export function actionStatusAt(a: DatedAction, endDay: string, endMoment: string): ActionStatus | null | undefined {
  if (a.created_at >= endMoment) return undefined;
  if (a.updated_at < endMoment) return a.status;
  if (a.status === 'done' && a.completed_on !== null && a.completed_on <= endDay) return 'done';
  return null;
}

/** The most unknown action statuses tried one by one (4 statuses each) before a status is called unknown. */
const MAX_UNKNOWN_ACTIONS = 4;

/**
 * A recommendation's status as it stood at the end of `endDay` (`endMoment` the instant after it),
 * reconstructed from the dated records: the closure's day, the response's day and each action's
 * times. Null when they do not allow it (a closure or a response without its day, or actions whose
 * earlier status could change the result): the report then says "not known" instead of today's status.
 */
export function recommendationStatusAt(
  rec: RecommendationFacts & { responded_on: string | null; closed_on: string | null },
  actions: readonly DatedAction[],
  endDay: string,
  endMoment: string,
): RecommendationStatus | null {
  if (rec.closure) {
    if (rec.closed_on === null) return null;
    if (rec.closed_on <= endDay) return rec.closure;
  }
  let response = rec.response_kind;
  if (response !== null) {
    if (rec.responded_on === null) return null;
    if (rec.responded_on > endDay) response = null;
  }
  const then = { ...rec, closure: null, response_kind: response };
  if (response === null || response === 'not_accepted') return recommendationStatus(then, []);
  const known: { status: ActionStatus }[] = [];
  let unknown = 0;
  for (const a of actions) {
    const s = actionStatusAt(a, endDay, endMoment);
    if (s === null) unknown++;
    else if (s !== undefined) known.push({ status: s });
  }
  if (unknown > MAX_UNKNOWN_ACTIONS) return null;
  // every combination of the unknown actions' statuses: the status is known only when all give the same
  const possible = new Set<RecommendationStatus>();
  const combos = ACTION_STATUS_VALUES.length ** unknown;
  for (let n = 0; n < combos; n++) {
    const guessed: { status: ActionStatus }[] = [];
    for (let i = 0, rest = n; i < unknown; i++, rest = Math.floor(rest / ACTION_STATUS_VALUES.length))
      guessed.push({ status: ACTION_STATUS_VALUES[rest % ACTION_STATUS_VALUES.length]! });
    possible.add(recommendationStatus(then, [...known, ...guessed]));
    if (possible.size > 1) return null;
  }
  return [...possible][0] ?? null;
}
