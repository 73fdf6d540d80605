// The clock tests move by hand (login lockouts, TOTP steps, session timeouts, retention and
// reminder jobs), so time-dependent rules are tested without waiting or timing anything.
import type { Clock } from '../core/db/time.js';

export class ManualClock implements Clock {
  private ms: number;

  constructor(start: string | Date = '2026-11-27T10:00:00Z') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }
}
