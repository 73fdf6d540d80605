// What waits for staff in monitoring, on the administration's front page ("Czeka na Ciebie"): open
// rounds past or near their deadline in which partners still have values not submitted, linked to
// the round's page (one round) or the programme's rounds (several).
import type { AdminTask } from '../../accounts/index.js';
import { adminRoundsPath, roundsWithMissingValues } from './monitoring.service.js';

export const roundsMissingValuesTask: AdminTask = {
  id: 'monitoring.missing',
  order: 50,
  // who runs the rounds (manageProgramme)
  roles: ['coordinator', 'administrator'],
  label: 'monitoring.waiting.missing',
  path: '/admin/program',
  async count(ctx) {
    const rounds = await roundsWithMissingValues(ctx);
    const programmes = new Set(rounds.map((r) => r.programme_id));
    const path =
      rounds.length === 1
        ? `${adminRoundsPath(rounds[0]!.programme_id)}/${rounds[0]!.id}`
        : programmes.size === 1
          ? adminRoundsPath(rounds[0]!.programme_id)
          : '/admin/program';
    return { count: rounds.length, path };
  },
};
