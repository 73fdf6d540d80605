// The support centres as an open dataset on `/dane`: the centres' API (partnership, subregions per
// period, offices, services, accreditation, the results they reported). "Last changed" is the latest
// change of a centre or of any of its parts (each edit of a part moves the centre's `updated_at`),
// or the removal of a centre, which the module records as a setting.
import type { ModuleContext } from '../../core/module.js';
import type { OpenDataset } from '../opendata/index.js';
import { lastValueChangeOfCodes } from '../indicators/index.js';
import { RESULT_CODES } from './results/results.definitions.js';
import { lastCentreChange } from './support.repo.js';

export const CENTRE_REMOVED_SETTING = 'support.centre_removed_at';

/** When the support data last changed: a centre or a part of it edited, or a centre removed. */
export async function supportLastChanged(ctx: Pick<ModuleContext, 'db' | 'settings'>): Promise<string | null> {
  const [edited, removed] = await Promise.all([lastCentreChange(ctx.db), ctx.settings.get<string | null>(CENTRE_REMOVED_SETTING, null)]);
  return latest(edited, removed);
}

/** When the centres' results last changed: a value of one of the results' indicators. */
export async function resultsLastChanged(ctx: Pick<ModuleContext, 'db'>): Promise<string | null> {
  return lastValueChangeOfCodes(ctx.db, RESULT_CODES);
}

function latest(...at: (string | null)[]): string | null {
  return at.reduce<string | null>((a, b) => (a === null ? b : b === null ? a : a > b ? a : b), null);
}

export const supportDataset: OpenDataset = {
  id: 'osrodki-wsparcia',
  order: 45,
  titleKey: 'support.dataset.title',
  descriptionKey: 'support.dataset.description',
  formats: async () => [
    { format: 'API', path: '/api/v1/wsparcie/osrodki', mediaType: 'application/json' },
    { format: 'CSV', path: '/wsparcie/wyniki.csv', mediaType: 'text/csv' },
  ],
  lastChanged: async (ctx) => latest(await supportLastChanged(ctx), await resultsLastChanged(ctx)),
};
