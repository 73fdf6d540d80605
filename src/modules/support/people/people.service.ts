// The centre's people: staff name a person (name and e-mail; a new address gets an invitation) who
// then holds two scoped roles — `support_centre` for this centre (its request counts, never the texts)
// and `reporting_partner` scoped to each OWES subregion the centre serves today, so the centre reports
// its results in the indicators module's monitoring rounds for its own subregion only. Audited by the
// accounts module (each grant) and here (the centre's own entry).
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { grantScopedRoleByEmail, holdersOfScope } from '../../accounts/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { periodContains } from '../../territory/index.js';
import * as repo from '../support.repo.js';
import { AppError } from '../../../core/errors/app-error.js';

export const CENTRE_ROLE = { role: 'support_centre', scopeType: 'support_centre' } as const;
export const PARTNER_ROLE = { role: 'reporting_partner', scopeType: 'indicator_or_territory' } as const;

/** The reporting scope id of an OWES subregion (monitoring.scope.ts reads `territory:<code>`). */
export const territoryScope = (subregionCode: string) => `territory:${subregionCode}`;

export interface CentrePerson {
  id: string;
  displayName: string;
  email: string;
  isActive: boolean;
}

export async function centrePeople(ctx: ModuleContext, centreId: string): Promise<CentrePerson[]> {
  return holdersOfScope(ctx, CENTRE_ROLE.role, CENTRE_ROLE.scopeType, centreId);
}

/** The subregion codes the centre serves today (its people report for these). */
export async function servedToday(ctx: ModuleContext, centreId: string): Promise<string[]> {
  const today = warsawToday(ctx.clock);
  const areas = await repo.listAreas(ctx.db, centreId);
  return [...new Set(areas.filter((a) => periodContains({ from: a.valid_from, to: a.valid_to }, today)).map((a) => a.subregion_code))];
}

export async function addCentrePerson(
  ctx: ModuleContext,
  centreId: string,
  values: Record<string, unknown>,
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
  staff: { displayName: string },
  lang: Lang,
): Promise<void> {
  const centre = await repo.findCentre(ctx.db, centreId);
  if (!centre) throw new AppError('http.not_found');
  const f = new FormChecker(values);
  const name = f.required('person_name', 'support.people.name', { max: 200 });
  const email = f.email('person_email', 'support.people.email');
  const codes = await servedToday(ctx, centreId);
  if (codes.length === 0) f.add('person_name', 'support.people.name', 'support.people.noAreaToday');
  f.assertValid();
  const t = translator(lang);
  await ctx.db.transaction().execute(async (trx) => {
    const grant = { email, displayName: name, lang, inviterName: staff.displayName };
    await grantScopedRoleByEmail(
      ctx,
      trx,
      { ...grant, ...CENTRE_ROLE, scopeId: centreId, roleLabel: t('support.people.roleLabel', { centre: centre.name }) },
      actor,
    );
    for (const code of codes)
      await grantScopedRoleByEmail(
        ctx,
        trx,
        { ...grant, ...PARTNER_ROLE, scopeId: territoryScope(code), roleLabel: t('support.people.partnerLabel', { centre: centre.name }) },
        actor,
      );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'support.person.create',
        subjectType: 'support_centre',
        subjectId: centreId,
        changes: { person: { before: null, after: { name, subregions: codes } } },
      },
      ctx.clock,
    );
  });
}
