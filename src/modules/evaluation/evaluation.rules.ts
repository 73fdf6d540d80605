// The follow-up rules that need no database: when a management response is due, how long a
// recommendation is tracked, what is overdue, and the status of a recommendation derived from its
// response, its actions and its closure. Calendar days are `YYYY-MM-DD` strings (Warsaw days).
import { addDays, isCalendarDay } from '../../core/time/index.js';
import type { ActionStatus, Closure, ResponseKind } from './evaluation.tables.js';

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
