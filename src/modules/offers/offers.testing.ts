// The offers module's test surface (route tests, the permission matrix, the browser suite): an
// entity to attach offers to and an offer written straight to the tables, as the service would; a
// form client for the needs' route tests and the need form's usual values.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { searchDocument } from '../../core/search/index.js';
import { cookieHeader, csrfFrom, type TestApp } from '../../testing/app.js';

export async function makeEntity(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  opts: { id?: string; name?: string; email?: string | null; legalForm?: 'fundacja' | 'spoldzielnia_socjalna'; gmina?: string | null } = {},
): Promise<string> {
  const id = opts.id ?? newId();
  const name = opts.name ?? `Spółdzielnia Socjalna Test ${id.slice(-6)}`;
  const at = nowIso(ctx.clock);
  await ctx.db
    .insertInto('entities')
    .values({
      id,
      name,
      name_sort: polishSortKey(name),
      legal_form: opts.legalForm ?? 'spoldzielnia_socjalna',
      email: opts.email === undefined ? `biuro-${id.slice(-6)}@podmiot.example.pl` : opts.email,
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: opts.gmina ?? null,
      search_doc: searchDocument(name),
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

export async function makeOffer(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: {
    id?: string;
    title?: string;
    category?: string;
    subcategory?: string;
    powiaty?: string[];
    published?: boolean;
    example?: boolean;
  } = {},
): Promise<string> {
  const id = opts.id ?? newId();
  const title = opts.title ?? 'Catering na szkolenia';
  const at = nowIso(ctx.clock);
  const powiaty = opts.powiaty ?? [];
  await ctx.db
    .insertInto('offers')
    .values({
      id,
      entity_id: entityId,
      title,
      title_sort: polishSortKey(title),
      kind: 'service',
      category: opts.category ?? 'catering',
      subcategory: opts.subcategory ?? 'catering-posilki',
      cpv_codes: '["55520000-1"]',
      description: 'Obiady i przerwy kawowe dla grup do 80 osób, z dowozem.',
      price_kind: 'on_request',
      price_text: null,
      area_scope: powiaty.length ? 'units' : 'region',
      is_reserved_contracts: true,
      is_published: opts.published ?? true,
      is_example: opts.example ?? false,
      search_doc: searchDocument(title, 'Obiady i przerwy kawowe dla grup do 80 osób, z dowozem.', 'Catering i gastronomia'),
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (powiaty.length)
    await ctx.db
      .insertInto('offer_areas')
      .values(powiaty.map((p) => ({ offer_id: id, teryt: p, powiat_teryt: p.slice(0, 4) })))
      .execute();
  return id;
}

/** The entity the browser suite's representative is scoped to (a fixed id, so a page template can log in as its representative). */
export const E2E_ENTITY = '01900000-0000-7000-8000-0000000e2e17';

/** A published offer of the browser suite's entity (created on first use) with one photo; returns its id. */
export async function offerWithPhoto(ctx: Pick<ModuleContext, 'db' | 'clock'>): Promise<string> {
  await makeEntity(ctx, { id: E2E_ENTITY, name: 'Spółdzielnia Socjalna „Pod Lipą”', email: 'biuro@podlipa.example.pl', gmina: '0463011' });
  const id = await makeOffer(ctx, E2E_ENTITY, { title: 'Obiady z dowozem', powiaty: ['0463', '0415011'] });
  const { default: sharp } = await import('sharp');
  const data = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .webp()
    .toBuffer();
  await ctx.db
    .insertInto('offer_photos')
    .values({
      id: newId(),
      offer_id: id,
      position: 0,
      content_type: 'image/webp',
      data,
      byte_size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      width: 320,
      height: 200,
      alt: 'Talerz z obiadem: ziemniaki, surówka i kotlet',
      created_at: nowIso(ctx.clock),
    })
    .execute();
  return id;
}

/** An enquiry as the form stores it (for the staff counts page). */
export async function makeEnquiry(ctx: Pick<ModuleContext, 'db' | 'clock'>, offerId: string, entityId: string): Promise<void> {
  await ctx.db
    .insertInto('offer_enquiries')
    .values({
      id: newId(),
      offer_id: offerId,
      entity_id: entityId,
      category: 'catering',
      year: 2027,
      created_at: nowIso(ctx.clock),
      name: 'Jan Kowalski',
      institution: null,
      email_norm: 'jan@example.pl',
      phone: null,
      message: 'Prosimy o ofertę.',
      erased_at: null,
      recipients: 1,
    })
    .execute();
}

/** A buyer's need written straight to the table (draft unless told), for the matrix and the browser suite. */
export async function makeNeed(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  opts: { id?: string; createdBy: string; status?: 'draft' | 'submitted' | 'published'; title?: string; deadline?: string },
): Promise<string> {
  const id = opts.id ?? newId();
  const at = nowIso(ctx.clock);
  await ctx.db
    .insertInto('needs')
    .values({
      id,
      kind: 'quote',
      title: opts.title ?? 'Obiady dla uczestników warsztatów',
      category: 'catering',
      cpv: null,
      area_scope: 'region',
      link: null,
      deadline: opts.deadline ?? '2099-12-31',
      amount_kind: 'undisclosed',
      amount_min: null,
      amount_max: null,
      institution: 'Gminny Ośrodek Pomocy Społecznej w Przykładowie',
      contact_name: 'Anna Nowak',
      contact_email: 'zamowienia@gops.example.pl',
      contact_phone: null,
      status: opts.status ?? 'draft',
      staff_message: null,
      created_by: opts.createdBy,
      created_at: at,
      updated_at: at,
      published_at: opts.status === 'published' ? at : null,
      outcome_signed: null,
      outcome_value: null,
      outcome_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/** An answer link of the browser suite's entity for a published need (fixed token, created on first use); returns its path. */
export async function needAnswerLink(ctx: Pick<ModuleContext, 'db' | 'clock'>, past = false): Promise<string> {
  await makeEntity(ctx, { id: E2E_ENTITY, name: 'Spółdzielnia Socjalna „Pod Lipą”', email: 'biuro@podlipa.example.pl', gmina: '0463011' });
  // past: a need whose deadline has passed, answered "interested" (the page then asks how it ended)
  const needId = await makeNeed(ctx, {
    id: past ? 'e2e-need-past' : 'e2e-need-published',
    createdBy: 'e2e-buyer',
    status: 'published',
    deadline: past ? '2020-01-31' : undefined,
  });
  const token = past ? 'e2e-answer-token-past-0123456789ab' : 'e2e-answer-token-0123456789abcdef';
  await answerRow(ctx, needId, E2E_ENTITY, token, past);
  return `/oferta/potrzeby/odpowiedz/${token}`;
}

/** The answer row a notice creates (the entity was notified of the need), with a known link token. */
export async function answerRow(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  needId: string,
  entityId: string,
  token: string,
  interested = false,
): Promise<void> {
  await ctx.db
    .insertInto('need_answers')
    .values({
      need_id: needId,
      entity_id: entityId,
      token_hash: createHash('sha256').update(token).digest('hex'),
      viewed_at: null,
      answer: interested ? 'interested' : null,
      reason: null,
      answered_at: interested ? nowIso(ctx.clock) : null,
      outcome_signed: null,
      outcome_value: null,
      outcome_at: null,
    })
    .onConflict((oc) => oc.columns(['need_id', 'entity_id']).doNothing())
    .execute();
}

/**
 * GET and POST for route tests of public forms: a POST first loads its form page for the CSRF token
 * (and the session cookie it may set); every request comes from another address of `subnet`, so
 * the public forms' rate limits never meet the test.
 */
export function formClient(t: TestApp, subnet: number) {
  let ip = 0;
  const nextIp = () => `10.${subnet}.${Math.floor(++ip / 250)}.${ip % 250}`;
  const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });
  async function post(url: string, values: Record<string, string | string[]>, cookie: string, formUrl = url) {
    const res = await get(formUrl, cookie);
    assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
    const body = new URLSearchParams({ _csrf: csrfFrom(res.body) });
    for (const [k, v] of Object.entries(values)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
    return t.app.inject({
      method: 'POST',
      url,
      remoteAddress: nextIp(),
      headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }
  return { get, post };
}

/** A buyer's need form as a browser sends it (a quote request for catering in Toruń, a range of amounts), with `extra` fields. */
export const needForm = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  kind: 'quote',
  title: 'Obiady dla uczestników warsztatów',
  category: 'catering',
  cpv: '',
  area_scope: 'units',
  gmina: ['0463011'],
  link: '',
  deadline: '2027-03-20',
  amount_kind: 'range',
  amount_min: '10 000',
  amount_max: '20000',
  institution: 'Gminny Ośrodek Pomocy Społecznej w Przykładowie',
  contact_name: 'Anna Nowak',
  contact_email: 'zamowienia@gops.example.pl',
  contact_phone: '',
  ...extra,
});
