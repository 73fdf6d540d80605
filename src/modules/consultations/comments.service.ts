// Rules of the public side: a comment is accepted only while the consultation is open, from a
// person who ticked the consent, and only counts once its author clicked the e-mailed link (valid
// 72 hours). Unconfirmed comments can be withdrawn through the same link and are removed when it
// expires; a confirmed author may ask for erasure, which a coordinator then carries out.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { translator, operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import * as repo from './consultations.repo.js';
import { consultationMailAbout, phase, publicConsultation, type FormValues } from './consultations.service.js';
import type { CommentAuthorKind } from './consultations.tables.js';

export const CONFIRM_VALID_MS = 72 * 3600_000;
export const HONEYPOT_FIELD = 'website';
/** Hidden field with the form's one-time value (see `newSubmissionKey`). */
export const SUBMISSION_KEY_FIELD = 'submission_key';
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** A fresh one-time value for a comment form; a resubmission of the same form carries it again. */
export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}
export const GENERAL = 'general';
/** Comments one e-mail address may send in an hour, across consultations. */
export const EMAIL_LIMIT_PER_HOUR = 10;
export const MAX_TEXT = 10_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CommentInput {
  sectionId: string | null;
  proposedChange: string | null;
  justification: string;
  authorKind: CommentAuthorKind;
  firstName: string | null;
  lastName: string | null;
  organisation: string | null;
  actingPerson: string | null;
  email: string;
}

export function checkComment(body: FormValues, sections: readonly repo.SectionRow[], organisationsOnly: boolean): CommentInput {
  const f = new FormChecker(body);
  const section = f.text('section');
  if (section !== GENERAL && !sections.some((s) => s.id === section))
    f.add('section', 'consultations.comment.section', 'validation.required');
  const proposed = f.text('proposed_change');
  if ([...proposed].length > MAX_TEXT)
    f.add('proposed_change', 'consultations.comment.proposedChange', 'validation.tooLong', { count: MAX_TEXT });
  const justification = f.required('justification', 'consultations.comment.justification', { max: MAX_TEXT });
  const kindText = f.text('author_kind');
  const authorKind: CommentAuthorKind = kindText === 'organisation' || organisationsOnly ? 'organisation' : 'person';
  if (!organisationsOnly && kindText !== 'person' && kindText !== 'organisation')
    f.add('author_kind', 'consultations.comment.authorKind', 'validation.required');
  let firstName: string | null = null;
  let lastName: string | null = null;
  let organisation: string | null = null;
  let actingPerson: string | null = null;
  if (authorKind === 'person') {
    firstName = f.required('first_name', 'consultations.comment.firstName', { max: 100 });
    lastName = f.required('last_name', 'consultations.comment.lastName', { max: 100 });
  } else {
    organisation = f.required('organisation', 'consultations.comment.organisation', { max: 300 });
    actingPerson = f.required('acting_person', 'consultations.comment.actingPerson', { max: 200 });
  }
  const email = f.email('email', 'consultations.comment.email');
  if (f.text('consent') !== '1') f.add('consent', 'consultations.comment.consent', 'consultations.comment.consentRequired');
  f.assertValid();
  return {
    sectionId: section === GENERAL ? null : section,
    proposedChange: proposed || null,
    justification,
    authorKind,
    firstName,
    lastName,
    organisation,
    actingPerson,
    email,
  };
}

export function authorName(
  c: Pick<repo.CommentRow, 'author_kind' | 'first_name' | 'last_name' | 'organisation_name' | 'acting_person'>,
): string {
  return c.author_kind === 'organisation'
    ? `${c.organisation_name ?? ''}${c.acting_person ? ` (${c.acting_person})` : ''}`
    : `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim();
}

function confirmLink(ctx: ModuleContext, token: string, lang: Lang): string {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}${lang === 'en' ? '/en' : ''}/konsultacje/potwierdzenie/${token}`;
}

/**
 * Stores an unconfirmed comment and e-mails the link. The e-mail names only the consultation: the
 * form accepts any address, so quoting the typed text would let anyone send their words to anyone
 * under our name; the confirmation page shows the comment to whoever holds the link. 'ignored' for a bot that filled the
 * honeypot (told "sent", nothing stored or sent).
 */
export async function submitComment(
  ctx: ModuleContext,
  consultationId: string,
  body: FormValues,
  lang: Lang,
): Promise<'queued' | 'ignored' | 'duplicate'> {
  const c = await publicConsultation(ctx, consultationId);
  if (phase(ctx, c) !== 'open') throw new AppError('consultations.closed');
  if ((body[HONEYPOT_FIELD] ?? '').trim() !== '') return 'ignored';
  // a form without the value (an old page, a script) is accepted as before, without the recognition
  const keyText = (body[SUBMISSION_KEY_FIELD] ?? '').trim();
  const submissionKey = SUBMISSION_KEY.test(keyText) ? keyText : null;
  // the same form again: its author already got the answer "sent" (or lost it); nothing new is stored or mailed
  if (submissionKey && (await repo.hasSubmission(ctx.db, c.id, submissionKey))) return 'duplicate';
  const sections = await repo.listSections(ctx.db, c.id, 'consulted');
  const input = checkComment(body, sections, c.who_may_comment === 'organisations');
  const emailNorm = normaliseEmail(input.email);
  const now = ctx.clock.now();
  const recent = await repo.countSubmissionsByEmail(ctx.db, emailNorm, new Date(now.getTime() - 3600_000).toISOString());
  if (recent >= EMAIL_LIMIT_PER_HOUR) throw new AppError('consultations.too_many');
  const clause = await repo.currentClause(ctx.db, c.id);
  if (!clause) throw new AppError('http.internal');
  const token = randomBytes(32).toString('base64url');
  const t = translator(lang);
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.insertComment(trx, {
      id: newId(),
      consultation_id: c.id,
      section_id: input.sectionId,
      proposed_change: input.proposedChange,
      justification: input.justification,
      author_kind: input.authorKind,
      first_name: input.firstName,
      last_name: input.lastName,
      organisation_name: input.organisation,
      acting_person: input.actingPerson,
      email: input.email,
      email_norm: emailNorm,
      author_ref: null,
      clause_id: clause.id,
      status: 'unconfirmed',
      token_hash: hashToken(token),
      token_expires_at: new Date(now.getTime() + CONFIRM_VALID_MS).toISOString(),
      confirmed_at: null,
      is_hidden: false,
      hidden_reason: null,
      hidden_at: null,
      response_id: null,
      erasure_requested_at: null,
      is_erased: false,
      lang,
      submission_key: submissionKey,
      created_at: now.toISOString(),
    });
    // the same form submitted twice at once: the other request stored it and sends the e-mail
    if (!stored) return 'duplicate';
    await enqueueMail(
      trx,
      {
        to: input.email,
        lang,
        template: 'consultation_confirm',
        params: { consultation: c.title, link: confirmLink(ctx, token, lang), validFor: t('consultations.confirm.validFor') },
        about: consultationMailAbout(c.id),
      },
      ctx.clock,
    );
    return 'queued' as const;
  });
}

export interface TokenView {
  comment: repo.CommentRow;
  consultation: repo.ConsultationRow;
  section: repo.SectionRow | null;
  clause: repo.ClauseRow | null;
  expired: boolean;
}

/** What the e-mailed link opens; an unknown or spent link is refused the same way. */
export async function byToken(ctx: ModuleContext, token: string): Promise<TokenView> {
  const comment = token.length >= 20 && token.length <= 100 ? await repo.findCommentByToken(ctx.db, hashToken(token)) : undefined;
  if (!comment) throw new AppError('consultations.token_invalid');
  const expired = comment.status === 'unconfirmed' && comment.token_expires_at <= nowIso(ctx.clock);
  if (expired) throw new AppError('consultations.token_invalid');
  const consultation = (await repo.findConsultation(ctx.db, comment.consultation_id))!;
  const sections = await repo.listSections(ctx.db, consultation.id, 'consulted');
  const clauses = await repo.listClauses(ctx.db, consultation.id);
  return {
    comment,
    consultation,
    section: sections.find((s) => s.id === comment.section_id) ?? null,
    clause: clauses.find((x) => x.id === comment.clause_id) ?? null,
    expired,
  };
}

export async function confirmComment(ctx: ModuleContext, token: string): Promise<TokenView> {
  const view = await byToken(ctx, token);
  if (view.comment.status === 'confirmed') return view;
  if (view.consultation.is_report_published) throw new AppError('consultations.report_published');
  await ctx.db.transaction().execute(async (trx) => {
    const ref = (await repo.authorRefFor(trx, view.consultation.id, view.comment.email_norm ?? '')) ?? newId();
    await repo.updateComment(trx, view.comment.id, { status: 'confirmed', confirmed_at: nowIso(ctx.clock), author_ref: ref });
  });
  return byToken(ctx, token);
}

export async function withdrawComment(ctx: ModuleContext, token: string): Promise<void> {
  const view = await byToken(ctx, token);
  if (view.comment.status !== 'unconfirmed') throw new AppError('consultations.already_confirmed');
  await repo.deleteComment(ctx.db, view.comment.id);
}

export async function requestErasure(ctx: ModuleContext, token: string, ip: string | null): Promise<void> {
  const view = await byToken(ctx, token);
  if (view.comment.status !== 'confirmed') throw new AppError('consultations.token_invalid');
  if (view.comment.erasure_requested_at) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateComment(trx, view.comment.id, { erasure_requested_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      {
        actorId: null,
        ip,
        requestId: null,
        action: 'consultation.erasure_request',
        subjectType: 'consultation_comment',
        subjectId: view.comment.id,
        meta: { consultation: view.consultation.id },
      },
      ctx.clock,
    );
  });
}

/** The hourly job: unconfirmed comments whose link expired are removed. */
export async function removeExpiredUnconfirmed(ctx: ModuleContext): Promise<string> {
  const n = await repo.deleteExpiredUnconfirmed(ctx.db, nowIso(ctx.clock));
  return operatorText('consultations.cli.unconfirmedRemoved', { count: n });
}
