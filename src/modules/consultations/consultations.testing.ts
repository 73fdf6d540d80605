// Fixtures for tests and the browser suite: consultations in a chosen phase, built through the
// module's own services (so they obey the same rules), with confirmed comments or attached library
// documents where needed; and the sections of a consultation, read as the browser suite needs them.
import { newId } from '../../core/db/ids.js';
import type { ModuleContext } from '../../core/module.js';
import { toWarsawLocal } from '../../core/time/index.js';
import { confirmComment, submitComment } from './comments.service.js';
import * as repo from './consultations.repo.js';
import { publishedDocument } from '../../testing/portal.js';
import { attachDocument, createConsultation, publishReport, respond, setNextText } from './consultations.service.js';

export { listSections } from './consultations.repo.js';

export const SAMPLE_TEXT = [
  '# 1. Diagnoza',
  'W regionie działa 120 podmiotów ekonomii społecznej.',
  '',
  '# 2. Cele programu',
  'Celem jest wzrost zatrudnienia w podmiotach ekonomii społecznej.',
  '',
  '## 2.1. Cel szczegółowy',
  'Wsparcie spółdzielni socjalnych w powiatach ziemskich.',
].join('\n');

export const NEXT_TEXT = [
  '# 1. Diagnoza',
  'W regionie działa 120 podmiotów ekonomii społecznej.',
  '',
  '# 2. Cele programu',
  'Celem jest trwały wzrost zatrudnienia osób zagrożonych wykluczeniem w podmiotach ekonomii społecznej.',
  '',
  '## 2.1. Cel szczegółowy',
  'Wsparcie spółdzielni socjalnych w powiatach ziemskich.',
].join('\n');

const actor = { actorId: null, ip: null, requestId: null };
const HOUR = 3600_000;

/** A published consultation of SAMPLE_TEXT running from `startsIn` to `endsIn` hours from now. */
export async function makeConsultation(
  ctx: ModuleContext,
  opts: { startsIn: number; endsIn: number; title?: string; commentsPublic?: boolean; organisationsOnly?: boolean },
): Promise<string> {
  const now = ctx.clock.now().getTime();
  return createConsultation(
    ctx,
    {
      title: opts.title ?? 'Konsultacje projektu programu ekonomii społecznej',
      description: 'Zapraszamy do zgłaszania uwag do **projektu** programu.',
      who_may_comment: opts.organisationsOnly ? 'organisations' : 'everyone',
      starts_at: toWarsawLocal(new Date(now + opts.startsIn * HOUR).toISOString()),
      ends_at: toWarsawLocal(new Date(now + opts.endsIn * HOUR).toISOString()),
      source: 'text',
      text: SAMPLE_TEXT,
      clause:
        'Administratorem danych jest Regionalny Ośrodek Polityki Społecznej w Toruniu. Dane przetwarzamy w celu przeprowadzenia konsultacji.',
      is_published: '1',
      is_comments_public: opts.commentsPublic ? '1' : '',
    },
    null,
    actor,
  );
}

/** Puts a new published document titled `title` into the library and attaches it to the consultation; its id. */
export async function attachLibraryDocument(ctx: ModuleContext, consultationId: string, title: string): Promise<string> {
  const id = await publishedDocument(ctx, title);
  await attachDocument(ctx, consultationId, { document_id: id }, actor);
  return id;
}

/** Submits and confirms a comment; returns its id. */
export async function confirmedComment(ctx: ModuleContext, consultationId: string, body: Record<string, string>): Promise<string> {
  await submitComment(ctx, consultationId, { consent: '1', ...body }, 'pl');
  const mail = await ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('template', '=', 'consultation_confirm')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const token = /\/konsultacje\/potwierdzenie\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
  return (await confirmComment(ctx, token)).comment.id;
}

/**
 * A consultation that ran in the past with two confirmed comments (a person, an organisation),
 * answered and with the report published.
 */
export async function consultationWithReport(ctx: ModuleContext): Promise<string> {
  const clock = ctx.clock;
  const realNow = clock.now().getTime();
  // the consultation opens now; comments are confirmed while it is open, then it is moved into the past
  const id = await makeConsultation(ctx, { startsIn: -1, endsIn: 1, title: 'Konsultacje zakończone raportem' });
  const sections = await repo.listSections(ctx.db, id, 'consulted');
  const a = await confirmedComment(ctx, id, {
    section: sections[1]!.id,
    justification: 'Proszę doprecyzować grupę docelową.',
    proposed_change: 'osób zagrożonych wykluczeniem',
    author_kind: 'person',
    first_name: 'Anna',
    last_name: 'Nowak',
    email: `anna.${newId().slice(-6)}@example.pl`,
  });
  const b = await confirmedComment(ctx, id, {
    section: 'general',
    justification: 'Brakuje budżetu programu.',
    author_kind: 'organisation',
    organisation: 'Fundacja Przykładowa',
    acting_person: 'Jan Kowalski',
    email: `fundacja.${newId().slice(-6)}@example.pl`,
  });
  await repo.updateConsultation(ctx.db, id, {
    starts_at: new Date(realNow - 48 * HOUR).toISOString(),
    ends_at: new Date(realNow - HOUR).toISOString(),
  });
  await respond(ctx, id, a, { kind: 'accepted', justification: 'Uwzględniono w celu 2.' }, [], actor);
  await respond(ctx, id, b, { kind: 'explanation', justification: 'Budżet określa uchwała budżetowa.' }, [], actor);
  await publishReport(ctx, id, actor);
  return id;
}

/** The path of the link e-mailed to `to` most recently (the page a comment's author opens). */
export async function confirmationPath(ctx: ModuleContext, to: string): Promise<string> {
  const mail = await ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('template', '=', 'consultation_confirm')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\/konsultacje\/potwierdzenie\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
}

/** An open consultation with one unconfirmed comment; returns the consultation and the link's path. */
export async function unconfirmedComment(ctx: ModuleContext): Promise<{ id: string; path: string }> {
  const id = await makeConsultation(ctx, { startsIn: -1, endsIn: 48 });
  const sections = await repo.listSections(ctx.db, id, 'consulted');
  const email = `autor.${newId().slice(-8)}@example.pl`;
  await submitComment(
    ctx,
    id,
    {
      section: sections[0]!.id,
      justification: 'Proszę dopisać powiaty.',
      author_kind: 'person',
      first_name: 'Ewa',
      last_name: 'Lis',
      email,
      consent: '1',
    },
    'pl',
  );
  return { id, path: await confirmationPath(ctx, email) };
}

/** A consultation with its report and the next version of the text (for the comparison page). */
export async function consultationWithNextText(ctx: ModuleContext): Promise<string> {
  const id = await consultationWithReport(ctx);
  await setNextText(ctx, id, { source: 'text', text: NEXT_TEXT }, null, actor);
  return id;
}
