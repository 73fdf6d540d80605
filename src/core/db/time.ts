// Timestamps are ISO-8601 UTC text made in JavaScript: SQLite returns `current_timestamp` as text
// and PostgreSQL as Date, so neither database is asked for the time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function nowIso(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}
