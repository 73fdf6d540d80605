// The staff dashboard's "Czeka na Ciebie" (what waits for me): other modules say what waits for a
// decision in their part (claims, proposals, comments without a response, needs to moderate, licences
// about to expire…) under `adminTasks` in their AppModule's `contributes`, each with the roles that
// handle it, a count and the page where the work is done, so accounts never imports them.
import type { ModuleContext } from '../../core/module.js';
import type { CurrentUser } from '../../core/http/types.js';
import type { TKey } from '../../i18n/index.js';

export interface AdminTask {
  /** Unique among the tasks. */
  id: string;
  /** Position in the list, smaller first. */
  order: number;
  /** Who handles it (any of these roles, unscoped). */
  roles: readonly string[];
  /** A plural key family with `{{count}}`, e.g. "{{count}} zgłoszenia czekają na decyzję". */
  label: TKey;
  /** Where the work is done (no language prefix). */
  path: string;
  /** How many wait now — with the page to go to, when that depends on what waits (one round: its page). */
  count(ctx: ModuleContext): Promise<number | { count: number; path: string }>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Work waiting for staff, on the administration's front page (accounts). */
    adminTasks: AdminTask;
  }
}

export interface WaitingTask {
  id: string;
  label: TKey;
  path: string;
  count: number;
}

/** The tasks of the user's roles with something waiting, in order (counted together). */
export async function waitingTasks(ctx: ModuleContext, user: CurrentUser): Promise<WaitingTask[]> {
  const mine = [...ctx.contributions.of('adminTasks')]
    .filter((task) => user.roles.some((r) => r.scopeId == null && task.roles.includes(r.role)))
    .sort((a, b) => a.order - b.order);
  const counts = await Promise.all(mine.map((task) => task.count(ctx)));
  return mine
    .map((task, i) => {
      const counted = counts[i]!;
      return typeof counted === 'number'
        ? { id: task.id, label: task.label, path: task.path, count: counted }
        : { id: task.id, label: task.label, path: counted.path, count: counted.count };
    })
    .filter((x) => x.count > 0);
}
