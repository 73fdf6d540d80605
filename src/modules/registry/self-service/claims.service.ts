// Rules of "To mój podmiot": a person asks to manage an entity's profile (with a justification
// and/or a PDF/JPG/PNG document recognised by its bytes), staff approve or reject with a reason,
// and approval grants the representative role scoped to that one entity (to the account with the
// e-mail, or through an invitation). The answer is e-mailed either way; the document is deleted
// a retention period after the decision. No HTTP, no SQL strings.
import { cleanFileName, sha256Hex, sniffFileType, type Upload } from '../../../core/http/uploads.js';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { FormChecker, normaliseEmail } from '../../../core/validation.js';
import { isLang, translator, operatorText, type Lang } from '../../../i18n/index.js';
import { grantScopedRoleByEmail } from '../../accounts/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { enqueueMail } from '../../mail/index.js';
import * as repo from './claims.repo.js';
import type { ClaimStatus } from './claims.tables.js';
import { findEntity } from '../entity/registry.repo.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export const CLAIM_MAX_BYTES = 10 * 1024 * 1024;
/** The honeypot: hidden from people (CSS), tempting to form-filling bots. */
export const CLAIM_HONEYPOT = 'homepage';
export const LIST_LIMIT = 500;

const CLAIM_TYPES: Record<string, { contentType: string; ext: string }> = {
  'application/pdf': { contentType: 'application/pdf', ext: 'pdf' },
  'image/png': { contentType: 'image/png', ext: 'png' },
  'image/jpeg': { contentType: 'image/jpeg', ext: 'jpg' },
};

/** PDF, PNG or JPEG by the file's bytes (never its name or the browser's type); null otherwise. */
export async function detectClaimDocumentType(bytes: Buffer): Promise<{ contentType: string; ext: string } | null> {
  if (bytes.length === 0) return null;
  const found = await sniffFileType(bytes);
  return found ? (CLAIM_TYPES[found.mime] ?? null) : null;
}

export interface ClaimInput {
  name: string;
  email: string;
  roleInEntity: string;
  justification: string | null;
  document: { fileName: string; contentType: string; data: Buffer } | null;
}

/** An upload counts only when a file was chosen: browsers send an empty part otherwise. */
function chosen(upload: Upload | null): Upload | null {
  return upload && (upload.filename !== '' || upload.data.length > 0) ? upload : null;
}

/** Checks the request form and its document; throws one 400 listing every problem. */
export async function checkClaimForm(body: Record<string, string | undefined>, upload: Upload | null): Promise<ClaimInput> {
  const f = new FormChecker(body);
  const name = f.required('name', 'claims.form.name', { max: 200 });
  const email = f.email('email', 'claims.form.email');
  const roleInEntity = f.required('role', 'claims.form.role', { max: 200 });
  const justification = f.text('justification');
  if ([...justification].length > 5000) f.add('justification', 'claims.form.justification', 'validation.tooLong', { count: 5000 });
  const file = chosen(upload);
  let document: ClaimInput['document'] = null;
  if (file) {
    if (file.truncated || file.data.length > CLAIM_MAX_BYTES)
      f.add('document', 'claims.form.document', 'claims.invalid.fileTooLarge', { size: '10 MB' });
    else {
      const type = await detectClaimDocumentType(file.data);
      if (!type) f.add('document', 'claims.form.document', 'claims.invalid.fileType');
      else document = { fileName: cleanFileName(file.filename, type.ext), contentType: type.contentType, data: file.data };
    }
  }
  if (justification === '' && !file) f.add('justification', 'claims.form.justification', 'claims.invalid.justificationOrDocument');
  if (f.text('consent') !== '1') f.add('consent', 'claims.form.consent', 'claims.invalid.consent');
  f.assertValid();
  return { name, email, roleInEntity, justification: justification || null, document };
}

export async function claimableEntity(ctx: ModuleContext, id: string) {
  const e = await findEntity(ctx.db, id);
  if (!e) throw new AppError('http.not_found');
  return e;
}

/**
 * Stores a request (and its document) in one transaction. A bot that filled the honeypot is told
 * "sent" and nothing is kept; returns the claim id or null for such a bot.
 */
export async function submitClaim(
  ctx: ModuleContext,
  entityId: string,
  body: Record<string, string | undefined>,
  upload: Upload | null,
  meta: { lang: Lang; userId: string | null },
  actor: Actor,
): Promise<string | null> {
  await claimableEntity(ctx, entityId);
  if ((body[CLAIM_HONEYPOT] ?? '').trim() !== '') return null;
  const input = await checkClaimForm(body, upload);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClaim(trx, {
      id,
      entity_id: entityId,
      status: 'pending',
      name: input.name,
      email: input.email,
      email_norm: normaliseEmail(input.email),
      role_in_entity: input.roleInEntity,
      justification: input.justification,
      lang: meta.lang,
      user_id: meta.userId,
      consent_at: now,
      created_at: now,
    });
    if (input.document) {
      const d = input.document;
      await repo.insertClaimFile(trx, {
        id: newId(),
        claim_id: id,
        file_name: d.fileName,
        content_type: d.contentType,
        byte_size: d.data.length,
        sha256: sha256Hex(d.data),
        data: d.data,
        created_at: now,
      });
    }
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.claim.submit',
        subjectType: 'entity_claim',
        subjectId: id,
        meta: { entityId, hasDocument: input.document !== null },
      },
      ctx.clock,
    );
  });
  return id;
}

// --- staff ---------------------------------------------------------------------------------------

export function parseClaimStatus(v: unknown): ClaimStatus {
  return v === 'approved' || v === 'rejected' ? v : 'pending';
}

export async function listClaims(ctx: ModuleContext, status: ClaimStatus) {
  return repo.listClaims(ctx.db, status, LIST_LIMIT);
}

export async function claimDetail(ctx: ModuleContext, id: string) {
  const claim = await repo.findClaim(ctx.db, id);
  if (!claim) throw new AppError('http.not_found');
  const [entity, file] = await Promise.all([findEntity(ctx.db, claim.entity_id), repo.findClaimFileHead(ctx.db, id)]);
  if (!entity) throw new AppError('http.not_found');
  return { claim, entity, file: file ?? null };
}

/** The document of a claim for staff; its reading is audited (it may hold personal data). */
/**
 * A claim's document for staff: its description, and `read` giving its bytes. Reading is what the
 * audit records (a HEAD or a revalidation sends no bytes, so shows nobody the document).
 */
export async function claimDocument(ctx: ModuleContext, claimId: string, actor: Actor) {
  const head = await repo.findClaimFileHead(ctx.db, claimId);
  if (!head) throw new AppError('http.not_found');
  const read = async (): Promise<Buffer> => {
    const data = await repo.readClaimFile(ctx.db, claimId);
    if (!data) throw new AppError('http.not_found');
    await recordAudit(
      ctx.db,
      { ...actor, action: 'registry.claim.document_view', subjectType: 'entity_claim', subjectId: claimId },
      ctx.clock,
    );
    return data;
  };
  return { head, read };
}

// --- retention -----------------------------------------------------------------------------------

/**
 * Days a decided claim's document is kept. The document (a KRS extract, an authorisation, an ID
 * scan) only serves the decision and a short period to answer questions about it; a constant like
 * the outbox's retention, since no screen edits it. The claim itself (who asked, the decision) stays.
 */
export const CLAIM_DOCUMENT_RETENTION_DAYS = 90;

/**
 * The daily job: deletes the documents of claims approved or rejected more than the retention
 * period ago (pending claims keep theirs) and logs the run with the count only.
 */
export async function eraseOldClaimDocuments(ctx: ModuleContext): Promise<string> {
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - CLAIM_DOCUMENT_RETENTION_DAYS * 24 * 3600_000).toISOString();
  const erased = await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.eraseDecidedClaimDocuments(trx, cutoff, now.toISOString());
    await recordAudit(
      trx,
      {
        actorId: null,
        ip: null,
        requestId: null,
        action: 'registry.claim.document_retention',
        subjectType: 'entity_claim',
        subjectId: null,
        meta: { documents: n, days: CLAIM_DOCUMENT_RETENTION_DAYS },
      },
      ctx.clock,
    );
    return n;
  });
  return operatorText('claims.cli.documentsErased', { count: erased });
}

export type Decision = 'approve' | 'reject';

export function checkDecisionForm(body: Record<string, string | undefined>): { decision: Decision; reason: string | null } {
  const f = new FormChecker(body);
  const decision = f.text('decision');
  if (decision !== 'approve' && decision !== 'reject') f.add('decision', 'claims.admin.decision', 'validation.invalid');
  const reason = f.text('reason');
  if (decision === 'reject' && reason === '') f.add('reason', 'claims.admin.reason', 'claims.invalid.reasonRequired');
  if ([...reason].length > 2000) f.add('reason', 'claims.admin.reason', 'validation.tooLong', { count: 2000 });
  f.assertValid();
  return { decision: decision as Decision, reason: reason || null };
}

function mailLang(v: string): Lang {
  return isLang(v) ? v : 'pl';
}

/**
 * Approves or rejects a pending claim. Approval grants `entity_representative` scoped to the
 * entity; both outcomes e-mail the requester in the language of their request. Everything happens
 * in one transaction; a claim someone else already decided is refused and nothing changes.
 */
export async function decideClaim(
  ctx: ModuleContext,
  id: string,
  body: Record<string, string | undefined>,
  staff: { id: string; displayName: string },
  actor: Actor,
): Promise<Decision> {
  const { claim, entity } = await claimDetail(ctx, id);
  const { decision, reason } = checkDecisionForm(body);
  if (claim.status !== 'pending') throw new AppError('registry.claim_decided');
  const lang = mailLang(claim.lang);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (decision === 'approve') {
      const t = translator(lang);
      const grant = await grantScopedRoleByEmail(
        ctx,
        trx,
        {
          email: claim.email,
          displayName: claim.name,
          lang,
          role: 'entity_representative',
          scopeType: 'entity',
          scopeId: entity.id,
          roleLabel: t('claims.mail.roleLabel', { entity: entity.name }),
          inviterName: staff.displayName,
        },
        actor,
      );
      if (
        !(await repo.decideClaim(trx, id, {
          status: 'approved',
          decided_at: now,
          decided_by: staff.id,
          decision_reason: reason,
          granted_user_id: grant.userId,
        }))
      )
        throw new AppError('registry.claim_decided');
      await enqueueMail(
        trx,
        {
          to: claim.email,
          lang,
          template: 'registry_claim_approved',
          params: {
            name: claim.name,
            entity: entity.name,
            link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/moje-podmioty/${entity.id}`,
          },
        },
        ctx.clock,
      );
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'registry.claim.approve',
          subjectType: 'entity_claim',
          subjectId: id,
          changes: { status: { before: 'pending', after: 'approved' } },
          meta: { entityId: entity.id, userId: grant.userId, invited: grant.invited },
        },
        ctx.clock,
      );
    } else {
      if (!(await repo.decideClaim(trx, id, { status: 'rejected', decided_at: now, decided_by: staff.id, decision_reason: reason })))
        throw new AppError('registry.claim_decided');
      await enqueueMail(
        trx,
        { to: claim.email, lang, template: 'registry_claim_rejected', params: { name: claim.name, entity: entity.name, reason: reason! } },
        ctx.clock,
      );
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'registry.claim.reject',
          subjectType: 'entity_claim',
          subjectId: id,
          changes: { status: { before: 'pending', after: 'rejected' } },
          meta: { entityId: entity.id, reason },
        },
        ctx.clock,
      );
    }
  });
  return decision;
}
