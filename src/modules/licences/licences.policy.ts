// Who may manage "Zakup Prospołeczny" licences (record a grant, renew, suspend, withdraw): the
// programme's staff (coordinators, administrators). The licence agreement (DOCX/PDF) is for staff
// and the holder's representatives. Everything else of the module's licences is public.
import { hasRole, policy, type AccessRule } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { representsEntity } from '../registry/index.js';
import { licenceByNumber } from './licences.repo.js';

export const isLicencesStaff = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export const manageLicences = policy('licences.manage', isLicencesStaff);

/** Staff, or a representative of the holder of the licence whose `:number` is in the address. */
export async function mayReadAgreement(ctx: Pick<ModuleContext, 'db'>, user: CurrentUser, number: string): Promise<boolean> {
  if (isLicencesStaff(user)) return true;
  const l = await licenceByNumber(ctx.db, number.toUpperCase());
  return l !== undefined && representsEntity(user, l.entity_id);
}

export function agreementPolicy(ctx: Pick<ModuleContext, 'db'>): AccessRule {
  return policy('licences.agreement', (user, request) => {
    const params: unknown = request.params;
    const n = typeof params === 'object' && params !== null && 'number' in params ? params.number : undefined;
    return typeof n === 'string' && mayReadAgreement(ctx, user, n);
  });
}
