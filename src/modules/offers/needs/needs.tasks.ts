// Needs waiting for the staff's decision, on the administration's front page ("Czeka na Ciebie").
import type { AdminTask } from '../../accounts/index.js';
import { countSubmitted } from './needs.repo.js';

export const needsModerationTask: AdminTask = {
  id: 'offers.needs-submitted',
  order: 30,
  roles: ['coordinator', 'administrator'],
  label: 'needs.waiting.submitted',
  path: '/admin/oferta/potrzeby',
  count: (ctx) => countSubmitted(ctx.db),
};
