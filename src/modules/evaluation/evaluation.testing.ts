// Test support of the evaluation module: a programme with a goal, an action and an indicator, and a
// published study accepted on a given day with two recommendations — number 1 accepted, with one
// planned action, linked to the action and the indicator; number 2 still awaiting its response —
// built through the module's own rules (only the programme rows are written directly). Route tests
// and the browser suite (e2e/pages.ts) use it.
import { newId } from '../../core/db/ids.js';
import type { ModuleContext } from '../../core/module.js';
import { insertTestElement, insertTestIndicator, insertTestProgramme } from '../../testing/programmes.js';
import * as svc from './evaluation.service.js';

export { sendEvaluationDigest } from './evaluation.digest.js';
export { seedEvaluationDemo, SEED_TITLE } from './evaluation.seed.js';

export interface EvaluationFixture {
  programmeId: string;
  slug: string;
  goalId: string;
  actionElementId: string;
  indicatorId: string;
  studyId: string;
  rec1: string;
  rec2: string;
  actionId: string;
  actionText: string;
}

const actor = { actorId: null, ip: null, requestId: null };

export async function evaluationFixture(
  ctx: ModuleContext,
  opts: { acceptedOn?: string; actionDeadline?: string; rec2ResponseDue?: string } = {},
): Promise<EvaluationFixture> {
  const slug = `program-ewaluacja-${newId().slice(-6)}`;
  const programmeId = (await insertTestProgramme(ctx, { slug, title: 'Program testowy ewaluacji' })).id;
  const goalId = await insertTestElement(ctx, programmeId, {
    parent: null,
    kind: 'specific_goal',
    code: '1',
    title: 'Wzmocnienie sektora',
  });
  const actionElementId = await insertTestElement(ctx, programmeId, {
    parent: goalId,
    kind: 'action',
    code: '1.1',
    title: 'Doradztwo dla podmiotów',
  });
  const indicatorId = await insertTestIndicator(ctx, programmeId, { code: 'W1', name: 'Liczba podmiotów objętych doradztwem' });
  const studyId = await svc.createStudy(
    ctx,
    {
      title: 'Badanie testowe realizacji programu',
      study_type: 'mid_term',
      programme_id: programmeId,
      commissioning_unit: 'ROPS',
      contractor: 'Wykonawca testowy',
      accepted_on: opts.acceptedOn ?? '2027-01-15',
      criterion_effectiveness: '1',
      is_published: '1',
    },
    actor,
  );
  const study = await svc.getStudy(ctx, studyId, false);
  const targets = await svc.programmeTargets(ctx, programmeId);
  const [rec1, rec2] = await svc.insertRecommendations(
    ctx,
    study,
    [
      {
        number: '1',
        finding: 'Doradztwo nie obejmuje powiatów wiejskich.',
        text: 'Rozszerzyć doradztwo na powiaty wiejskie.',
        addressee: 'ROPS Toruń',
        proposed_way: null,
        deadline: '2027-12-31',
        targets: targets.filter((t) => t.id === actionElementId || t.id === indicatorId),
      },
      {
        number: '2',
        finding: 'Brak danych o zatrudnieniu.',
        text: 'Zbierać dane o zatrudnieniu co rok.',
        addressee: 'OWES',
        proposed_way: null,
        deadline: null,
        targets: [],
      },
    ],
    actor,
    'evaluation.recommendation.create',
  );
  await svc.respond(ctx, rec1!, { response_kind: 'accepted', response_text: 'Przyjęto.' }, actor);
  if (opts.rec2ResponseDue)
    await ctx.db.updateTable('evaluation_recommendations').set({ response_due_on: opts.rec2ResponseDue }).where('id', '=', rec2!).execute();
  const actionText = 'Dyżury doradców w powiatach wiejskich';
  const actionId = await svc.addAction(
    ctx,
    rec1!,
    {
      description: actionText,
      owner_unit: 'Dział ekonomii społecznej',
      owner_person: 'Anna Nowak',
      deadline: opts.actionDeadline ?? '2027-03-31',
    },
    actor,
  );
  return { programmeId, slug, goalId, actionElementId, indicatorId, studyId, rec1: rec1!, rec2: rec2!, actionId, actionText };
}
