// `seed demo`: the centres' results as example indicators of the demo programme, with example values
// per subregion (flagged is_example, so every output says "przykładowe dane"). No source gives the
// centres' real figures. Idempotent: the indicators module skips codes the programme already has.
import type { ModuleContext, SeedResult } from '../../../core/module.js';
import { seedDemoProgrammeIndicators } from '../../indicators/index.js';
import { resultIndicatorSeeds } from './results.definitions.js';

export async function seedSupportResultIndicators(ctx: ModuleContext): Promise<SeedResult> {
  const done = await seedDemoProgrammeIndicators(ctx, resultIndicatorSeeds());
  return { summary: `support results (example indicators): ${done.summary}` };
}
