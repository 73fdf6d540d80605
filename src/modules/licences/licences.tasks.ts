// What waits for staff in the "Zakup Prospołeczny" part, on the administration's front page ("Czeka na
// Ciebie"): licences expiring within 60 days with no renewal filed (the holders' reminder period), and
// applications waiting for the formal check.
import { addDays, warsawToday } from '../../core/time/index.js';
import type { AdminTask } from '../accounts/index.js';
import { countWaiting } from './licences.repo.js';

const STAFF = ['coordinator', 'administrator'] as const;
const EXPIRY_WINDOW_DAYS = 60;

const waiting = (ctx: Parameters<AdminTask['count']>[0]) => {
  const today = warsawToday(ctx.clock);
  return countWaiting(ctx.db, today, addDays(today, EXPIRY_WINDOW_DAYS));
};

export const licenceTasks: AdminTask[] = [
  {
    id: 'licences.applications',
    order: 40,
    roles: STAFF,
    label: 'licences.waiting.applications',
    path: '/admin/zakup-prospoleczny/wnioski',
    count: async (ctx) => (await waiting(ctx)).applications,
  },
  {
    id: 'licences.expiring',
    order: 41,
    roles: STAFF,
    label: 'licences.waiting.expiring',
    path: '/admin/zakup-prospoleczny',
    count: async (ctx) => (await waiting(ctx)).expiring,
  },
];
