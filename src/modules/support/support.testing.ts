// The support module's test surface for the browser suite: one example centre with every part
// filled in (partnership, area, offices with hours, contacts, services, a lapsed and a valid
// accreditation), created once per database.
import type { ModuleContext } from '../../core/module.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { insertTestIndicator, insertTestProgramme } from '../../testing/programmes.js';
import { RESULT_MEASURES } from './results/results.definitions.js';
import * as svc from './support.service.js';

export const EXAMPLE_CENTRE = 'Ośrodek Przykładowy (test)';
const actor = { actorId: null, ip: null, requestId: null };

/** The id of the example centre serving the Bydgoszcz subregion from 2024 (created on first call). */
export async function exampleCentre(ctx: ModuleContext): Promise<string> {
  const found = await svc.findCentreByName(ctx, EXAMPLE_CENTRE);
  if (found) return found.id;
  const id = await svc.createCentre(
    ctx,
    {
      name: EXAMPLE_CENTRE,
      website: 'https://owes.example.pl',
      leads_email: 'zgloszenia@owes.example.pl',
      sources: 'https://owes.example.pl/o-nas',
      is_example: '1',
    },
    actor,
  );
  await svc.addArea(ctx, id, { subregion_code: 'bydgoszcz', area_from: '2024-01-01', area_to: '' }, actor);
  await svc.addPartner(ctx, id, { partner_name: 'Fundacja Przykładowa', role: 'lead' }, actor);
  await svc.addPartner(ctx, id, { partner_name: 'Stowarzyszenie Przykładowe', role: 'partner' }, actor);
  await svc.addOffice(
    ctx,
    id,
    {
      street: 'ul. Przykładowa 1',
      postal_code: '85-001',
      city: 'Bydgoszcz',
      gmina: 'Bydgoszcz',
      hours_known: '1',
      ...Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [
          [`open_${d}`, '8:00'],
          [`close_${d}`, '16:00'],
        ]),
      ),
      office_phone: '52 000 00 00',
      office_email: 'biuro@owes.example.pl',
    },
    actor,
  );
  await svc.addContact(ctx, id, { function_name: 'Doradca biznesowy', contact_email: 'doradca@owes.example.pl' }, actor);
  await svc.setServices(ctx, id, { services: ['animation', 'incubation', 'advice'] }, actor);
  const acc = { granting_body: 'Minister Rodziny, Pracy i Polityki Społecznej', decision_date: '' };
  await svc.addAccreditation(ctx, id, { ...acc, decision_number: 'TEST/1/2023', acc_from: '2023-01-01', acc_to: '2024-12-31' }, actor);
  await svc.addAccreditation(ctx, id, { ...acc, decision_number: 'TEST/2/2025', acc_from: '2025-01-01', acc_to: '2026-12-31' }, actor);
  return id;
}

/**
 * The example centre with results to chart (once per database): a current programme holding the
 * results' indicators, with approved figures of 2025 for the four subregions (one of them below 3),
 * and for new entities in the centre's subregion also the four quarters of 2025 that sum to its year
 * (small ones among them), as reported in quarterly rounds.
 */
export async function exampleCentreWithResults(ctx: ModuleContext): Promise<string> {
  const id = await exampleCentre(ctx);
  if (await ctx.db.selectFrom('indicators').select('id').where('code', '=', 'OWES-N').executeTakeFirst()) return id;
  let programme = await ctx.db.selectFrom('programmes').select('id').where('is_current', '=', true).executeTakeFirst();
  if (!programme) programme = await insertTestProgramme(ctx, { period_from: 2021, period_to: 2027, is_current: true });
  const at = nowIso(ctx.clock);
  for (const [i, m] of RESULT_MEASURES.entries()) {
    const indicatorId = await insertTestIndicator(ctx, programme.id, {
      code: m.code,
      name: m.code,
      unit: 'podmioty',
      breakdown: 'subregion',
      is_small_count_suppressed: true,
      is_example: true,
    });
    const quarters =
      m.kind === 'created' ? ([2, 1, 3, i - 2 - 1 - 3] as const).map((value, q) => ({ code: 'bydgoszcz', quarter: q + 1, value })) : [];
    const years = ['bydgoszcz', 'torun', 'grudziadz', 'wloclawek-inowroclaw'].map((code, j) => ({
      code,
      quarter: 0,
      value: (i + 1) * (j + 1) - 1,
    }));
    for (const { code, quarter, value } of [...years, ...quarters])
      await ctx.db
        .insertInto('indicator_values')
        .values({
          id: newId(),
          indicator_id: indicatorId,
          period: 2025,
          quarter,
          territory_code: code,
          value,
          source: null,
          comment: null,
          status: 'approved',
          return_reason: null,
          round_id: null,
          is_computed: false,
          is_example: true,
          entered_by: null,
          approved_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
  }
  return id;
}
