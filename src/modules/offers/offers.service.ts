// Rules of the offers module: what an offer must say (category from the two-level list, CPV codes
// with their check digit, price, the area served chosen by name), photos checked by their bytes and
// resized, the catalogue's facets (an offer for the whole region matches every powiat and gmina;
// legal form, PS status and mark are the registry's facts about the entity on today's date),
// enquiries sent through the outbox to the entity and its representatives (rate limited per
// address, honeypot), and the six-month retention of enquiries' personal data (counts stay).
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import { sha256Hex, sniffFileType, type Upload } from '../../core/http/uploads.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { queryTerms, searchDocument } from '../../core/search/index.js';
import { markdownToText } from '../../core/text/markdown.js';
import { warsawToday } from '../../core/time/index.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { translator, operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { enqueueMail, eraseMailAbout } from '../mail/index.js';
import { entityFacts, entityIdByName, LEGAL_FORMS, representativeEmails, type EntityFacts } from '../registry/index.js';
import { listUnits } from '../territory/index.js';
import { CATEGORIES, CATEGORY_KEYS, isCategory, isValidCpv, normaliseCpv, parentOf, SUBCATEGORY_KEYS } from './offers.categories.js';
import * as repo from './offers.repo.js';
import type { AreaScope, OfferKind, PriceKind } from './offers.tables.js';

export const PAGE_SIZE = 20;
/** The catalogue reads at most this many matching offers (newest first) before the entity facets. */
export const CATALOGUE_CAP = 2000;
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The longest side of a stored photo, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_CPV = 10;
export const HONEYPOT_FIELD = 'website';
/** Enquiries one e-mail address may send in an hour (besides the per-IP limit of the route). */
export const EMAIL_LIMIT_PER_HOUR = 5;
export const RETENTION_MONTHS = 6;

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type FormValues = Record<string, string | string[] | undefined>;

export function offerPath(o: { id: string }): string {
  return `/oferta/${o.id}`;
}

/** An entity's offers (drafts too) by title, for other modules that link a thing to one (licences). */
export async function entityOfferChoices(
  ctx: Pick<ModuleContext, 'db'>,
  entityId: string,
): Promise<{ id: string; title: string; path: string }[]> {
  return (await repo.listEntityOffers(ctx.db, entityId, false)).map((o) => ({ id: o.id, title: o.title, path: offerPath(o) }));
}

const str = (v: string | string[] | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');

export function parseCpvList(raw: string): string[] {
  return raw
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// --- the offer form ----------------------------------------------------------------------------------

export interface OfferInput {
  title: string;
  kind: OfferKind;
  subcategory: string;
  category: string;
  cpvCodes: string[];
  description: string;
  priceKind: PriceKind;
  priceText: string | null;
  areaScope: AreaScope;
  /** Chosen powiaty and gminy (TERYT) with the powiat each belongs to. */
  areas: { teryt: string; powiat_teryt: string }[];
  isReservedContracts: boolean;
  isPublished: boolean;
}

export interface UnitChoices {
  powiaty: { teryt: string; name: string }[];
  gminy: { teryt: string; name: string; powiat: string }[];
}

/** The powiaty and gminy an offer's area is chosen from, by name. */
export async function unitChoices(ctx: Pick<ModuleContext, 'db'>): Promise<UnitChoices> {
  const [powiaty, gminy] = await Promise.all([listUnits(ctx.db, 'powiat'), listUnits(ctx.db, 'gmina')]);
  return {
    powiaty: powiaty.map((p) => ({ teryt: p.teryt, name: p.name })),
    gminy: gminy.map((g) => ({ teryt: g.teryt, name: g.name, powiat: g.teryt.slice(0, 4) })),
  };
}

export function checkOfferInput(body: FormValues, units: UnitChoices): OfferInput {
  const f = new FormChecker(body);
  const title = f.required('title', 'offers.form.title', { max: 200, min: 3 });
  const kind = str(body.kind);
  if (kind !== 'product' && kind !== 'service') f.add('kind', 'offers.form.kind', 'validation.required');
  const subcategory = str(body.subcategory);
  const category = parentOf(subcategory);
  if (!category) f.add('subcategory', 'offers.form.category', 'validation.required');
  const cpvCodes: string[] = [];
  for (const raw of parseCpvList(str(body.cpv))) {
    const code = normaliseCpv(raw);
    if (code === null) f.add('cpv', 'offers.form.cpv', 'offers.validation.cpvFormat', { code: raw.slice(0, 20) });
    else if (!isValidCpv(code)) f.add('cpv', 'offers.form.cpv', 'offers.validation.cpvCheckDigit', { code });
    else if (!cpvCodes.includes(code)) cpvCodes.push(code);
  }
  if (cpvCodes.length > MAX_CPV) f.add('cpv', 'offers.form.cpv', 'offers.validation.cpvTooMany', { count: MAX_CPV });
  const description = f.required('description', 'offers.form.description', { max: 10000, min: 20 });
  const priceKind = str(body.price_kind) === 'on_request' ? 'on_request' : 'text';
  const priceText = priceKind === 'text' ? f.required('price_text', 'offers.form.priceText', { max: 300 }) : null;
  const areaScope: AreaScope = str(body.area_scope) === 'units' ? 'units' : 'region';
  const areas: { teryt: string; powiat_teryt: string }[] = [];
  if (areaScope === 'units') {
    const powiatCodes = new Set(units.powiaty.map((p) => p.teryt));
    const gminaPowiat = new Map(units.gminy.map((g) => [g.teryt, g.powiat]));
    for (const p of new Set(list(body.powiat))) if (powiatCodes.has(p)) areas.push({ teryt: p, powiat_teryt: p });
    for (const g of new Set(list(body.gmina))) {
      const powiat = gminaPowiat.get(g);
      // a gmina inside a chosen powiat adds nothing
      if (powiat !== undefined && !powiatCodes.has(g) && !areas.some((a) => a.teryt === powiat))
        areas.push({ teryt: g, powiat_teryt: powiat });
    }
    if (areas.length === 0) f.add('area', 'offers.form.area', 'offers.validation.areaRequired');
  }
  f.assertValid();
  return {
    title,
    kind: kind as OfferKind,
    subcategory,
    category: category!,
    cpvCodes,
    description,
    priceKind,
    priceText,
    areaScope,
    areas,
    isReservedContracts: str(body.reserved) === '1',
    isPublished: str(body.published) === '1',
  };
}

function offerSearchDoc(input: Pick<OfferInput, 'title' | 'description' | 'category' | 'subcategory'>, entityName: string): string {
  const t = translator('pl');
  return searchDocument(
    input.title,
    markdownToText(input.description),
    t(`offers.categories.${input.category}` as never),
    t(`offers.subcategories.${input.subcategory}` as never),
    entityName,
  );
}

async function entityOf(ctx: ModuleContext, entityId: string): Promise<EntityFacts> {
  const e = (await entityFacts(ctx, [entityId])).get(entityId);
  if (!e) throw new AppError('http.not_found');
  return e;
}

export async function createOffer(ctx: ModuleContext, entityId: string, body: FormValues, actor: Actor): Promise<string> {
  const entity = await entityOf(ctx, entityId);
  const input = checkOfferInput(body, await unitChoices(ctx));
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertOffer(trx, {
      id,
      entity_id: entity.id,
      ...columnsOf(input),
      search_doc: offerSearchDoc(input, entity.name),
      is_example: false,
      created_by: actor.actorId,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceAreas(
      trx,
      id,
      input.areas.map((a) => ({ offer_id: id, ...a })),
    );
    await recordAudit(
      trx,
      { ...actor, action: 'offers.create', subjectType: 'offer', subjectId: id, meta: { entity: entity.id } },
      ctx.clock,
    );
  });
  return id;
}

function columnsOf(input: OfferInput) {
  return {
    title: input.title,
    title_sort: polishSortKey(input.title),
    kind: input.kind,
    category: input.category,
    subcategory: input.subcategory,
    cpv_codes: JSON.stringify(input.cpvCodes),
    description: input.description,
    price_kind: input.priceKind,
    price_text: input.priceText,
    area_scope: input.areaScope,
    is_reserved_contracts: input.isReservedContracts,
    is_published: input.isPublished,
  };
}

export async function getOffer(ctx: Pick<ModuleContext, 'db'>, id: string): Promise<repo.OfferRow> {
  const o = await repo.findOffer(ctx.db, id);
  if (!o) throw new AppError('offers.not_found');
  return o;
}

export async function updateOffer(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const before = await getOffer(ctx, id);
  const entity = await entityOf(ctx, before.entity_id);
  const input = checkOfferInput(body, await unitChoices(ctx));
  const cols = columnsOf(input);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(cols)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if (k !== 'title_sort' && old !== v) changes[k] = { before: old, after: v };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOffer(trx, id, { ...cols, search_doc: offerSearchDoc(input, entity.name), updated_at: nowIso(ctx.clock) });
    await repo.replaceAreas(
      trx,
      id,
      input.areas.map((a) => ({ offer_id: id, ...a })),
    );
    await recordAudit(trx, { ...actor, action: 'offers.update', subjectType: 'offer', subjectId: id, changes }, ctx.clock);
  });
}

export async function deleteOffer(ctx: ModuleContext, id: string, actor: Actor): Promise<string> {
  const o = await getOffer(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteOffer(trx, id);
    await recordAudit(
      trx,
      { ...actor, action: 'offers.delete', subjectType: 'offer', subjectId: id, meta: { title: o.title, entity: o.entity_id } },
      ctx.clock,
    );
  });
  return o.entity_id;
}

/** The form's values of a stored offer (for the edit form). */
export async function formValuesOf(ctx: Pick<ModuleContext, 'db'>, o: repo.OfferRow): Promise<FormValues> {
  const areas = await repo.areasOf(ctx.db, [o.id]);
  return {
    title: o.title,
    kind: o.kind,
    subcategory: o.subcategory,
    cpv: (JSON.parse(o.cpv_codes) as string[]).join(', '),
    description: o.description,
    price_kind: o.price_kind,
    price_text: o.price_text ?? '',
    area_scope: o.area_scope,
    powiat: areas.filter((a) => a.teryt.length === 4).map((a) => a.teryt),
    gmina: areas.filter((a) => a.teryt.length === 7).map((a) => a.teryt),
    reserved: o.is_reserved_contracts ? '1' : '',
    published: o.is_published ? '1' : '',
  };
}

// --- photos ------------------------------------------------------------------------------------------

/**
 * Adds a photo: JPEG, PNG or WebP by its bytes, at most 5 MB, with its alternative text; stored
 * as WebP no larger than PHOTO_MAX_SIDE on either side, turned upright and without its metadata
 * (a phone's photo carries the place it was taken).
 */
export async function addPhoto(
  ctx: ModuleContext,
  offerId: string,
  file: Upload | null,
  fields: Record<string, string>,
  actor: Actor,
): Promise<void> {
  const o = await getOffer(ctx, offerId);
  const f = new FormChecker(fields);
  const alt = f.required('alt', 'offers.photos.alt', { max: 300, min: 3 });
  let type: { mime: string } | undefined;
  if (!file || file.data.length === 0) f.add('photo', 'offers.photos.file', 'validation.required');
  else if (file.truncated || file.data.length > MAX_PHOTO_BYTES) f.add('photo', 'offers.photos.file', 'offers.validation.photoTooLarge');
  else {
    type = await sniffFileType(file.data);
    if (!type || !PHOTO_TYPES.includes(type.mime)) f.add('photo', 'offers.photos.file', 'offers.validation.photoType');
  }
  f.assertValid();
  const existing = await repo.photosOf(ctx.db, [o.id]);
  if (existing.length >= MAX_PHOTOS) throw new AppError('offers.too_many_photos', { limit: MAX_PHOTOS });
  const { default: sharp } = await import('sharp');
  let out: { data: Buffer; info: { width: number; height: number } };
  try {
    out = await sharp(file!.data, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // the bytes start like an image but do not decode as one
    throw new AppError('http.validation', {}, [{ field: 'photo', label: 'offers.photos.file', key: 'offers.validation.photoType' }]);
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPhoto(trx, {
      id,
      offer_id: o.id,
      position: existing.reduce((max, p) => Math.max(max, p.position + 1), 0),
      content_type: 'image/webp',
      data: out.data,
      byte_size: out.data.length,
      sha256: sha256Hex(out.data),
      width: out.info.width,
      height: out.info.height,
      alt,
      created_at: nowIso(ctx.clock),
    });
    await repo.updateOffer(trx, o.id, { updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, action: 'offers.photo_add', subjectType: 'offer', subjectId: o.id, meta: { photo: id } }, ctx.clock);
  });
}

export async function removePhoto(ctx: ModuleContext, offerId: string, photoId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deletePhoto(trx, offerId, photoId)) === 0) throw new AppError('http.not_found');
    await repo.updateOffer(trx, offerId, { updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'offers.photo_remove', subjectType: 'offer', subjectId: offerId, meta: { photo: photoId } },
      ctx.clock,
    );
  });
}

// --- the catalogue -----------------------------------------------------------------------------------

export interface CatalogueQuery {
  q: string;
  /** A top-level or second-level category key (`kategoria=`). */
  kategoria: string;
  powiat: string;
  gmina: string;
  forma: string;
  statusPs: boolean;
  znak: boolean;
  page: number;
}

/** Reads the catalogue's URL parameters; anything unknown is ignored rather than refused. */
export function parseCatalogueQuery(raw: Record<string, unknown>): CatalogueQuery {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const kategoria = s(raw.kategoria);
  const page = Number.parseInt(s(raw.strona) || '1', 10);
  return {
    q: s(raw.q).slice(0, 200),
    kategoria: isCategory(kategoria) || SUBCATEGORY_KEYS.includes(kategoria) ? kategoria : '',
    powiat: /^04\d{2}$/.test(s(raw.powiat)) ? s(raw.powiat) : '',
    gmina: /^04\d{4}[1-3]$/.test(s(raw.gmina)) ? s(raw.gmina) : '',
    forma: (LEGAL_FORMS as readonly string[]).includes(s(raw.forma)) ? s(raw.forma) : '',
    statusPs: s(raw.status_ps) === '1',
    znak: s(raw.znak) === '1',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query as URL parameters (the catalogue keeps everything in the address). */
export function catalogueParams(q: CatalogueQuery, page = 1): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.kategoria) p.set('kategoria', q.kategoria);
  if (q.powiat) p.set('powiat', q.powiat);
  if (q.gmina) p.set('gmina', q.gmina);
  if (q.forma) p.set('forma', q.forma);
  if (q.statusPs) p.set('status_ps', '1');
  if (q.znak) p.set('znak', '1');
  if (page > 1) p.set('strona', String(page));
  return p;
}

export interface OfferCard {
  offer: repo.OfferRow;
  entity: EntityFacts;
  cpvCodes: string[];
  areas: { teryt: string; powiat_teryt: string }[];
  photos: repo.PhotoHead[];
}

/** Offers with their entity (listed entities only), areas and photos, in the order given. */
export async function cardsOf(ctx: ModuleContext, rows: readonly repo.OfferRow[]): Promise<OfferCard[]> {
  const ids = rows.map((r) => r.id);
  const [facts, areas, photos] = await Promise.all([
    entityFacts(
      ctx,
      rows.map((r) => r.entity_id),
    ),
    repo.areasOf(ctx.db, ids),
    repo.photosOf(ctx.db, ids),
  ]);
  const out: OfferCard[] = [];
  for (const offer of rows) {
    const entity = facts.get(offer.entity_id);
    if (!entity?.isListed) continue;
    out.push({
      offer,
      entity,
      cpvCodes: JSON.parse(offer.cpv_codes) as string[],
      areas: areas.filter((a) => a.offer_id === offer.id),
      photos: photos.filter((p) => p.offer_id === offer.id),
    });
  }
  return out;
}

export interface CatalogueResult {
  cards: OfferCard[];
  total: number;
  page: number;
  pages: number;
  /** True when more offers matched than the catalogue reads (CATALOGUE_CAP). */
  capped: boolean;
}

export async function searchCatalogue(ctx: ModuleContext, q: CatalogueQuery, limit = PAGE_SIZE): Promise<CatalogueResult> {
  const terms = queryTerms(q.q);
  if (q.q.trim() !== '' && terms.length === 0) return { cards: [], total: 0, page: 1, pages: 1, capped: false };
  const isTop = isCategory(q.kategoria);
  const rows = await repo.catalogueRows(
    ctx.db,
    ctx.database.seam,
    {
      terms,
      category: isTop ? [q.kategoria] : [],
      subcategory: q.kategoria && !isTop ? [q.kategoria] : [],
      powiat: q.powiat ? [q.powiat] : [],
      gmina: q.gmina ? [q.gmina] : [],
    },
    CATALOGUE_CAP + 1,
  );
  const capped = rows.length > CATALOGUE_CAP;
  const facts = await entityFacts(
    ctx,
    rows.map((r) => r.entity_id),
  );
  const matching = rows.slice(0, CATALOGUE_CAP).filter((r) => {
    const e = facts.get(r.entity_id);
    return e !== undefined && e.isListed && (!q.forma || e.legalForm === q.forma) && (!q.statusPs || e.isPs) && (!q.znak || e.hasValidMark);
  });
  const pages = Math.max(1, Math.ceil(matching.length / limit));
  const page = Math.min(q.page, pages);
  const cards = await cardsOf(ctx, matching.slice((page - 1) * limit, page * limit));
  return { cards, total: matching.length, page, pages, capped };
}

/** An offer for its public page: published, of a listed entity. */
export async function publicOffer(ctx: ModuleContext, id: string): Promise<OfferCard> {
  const o = await repo.findOffer(ctx.db, id);
  const card = o?.is_published ? (await cardsOf(ctx, [o]))[0] : undefined;
  if (!card) throw new AppError('offers.not_found');
  return card;
}

/** Published offers of listed entities matching search terms (the site search): the total and the first `limit`. */
export async function searchOffers(ctx: ModuleContext, terms: string[], limit: number): Promise<{ total: number; cards: OfferCard[] }> {
  if (terms.length === 0) return { total: 0, cards: [] };
  const rows = await repo.catalogueRows(
    ctx.db,
    ctx.database.seam,
    { terms, category: [], subcategory: [], powiat: [], gmina: [] },
    CATALOGUE_CAP,
  );
  const facts = await entityFacts(
    ctx,
    rows.map((r) => r.entity_id),
  );
  const listed = rows.filter((r) => facts.get(r.entity_id)?.isListed);
  return { total: listed.length, cards: await cardsOf(ctx, listed.slice(0, limit)) };
}

/**
 * An offer for its page as `viewer` may see it: published ones for everyone, a draft only for those
 * who may manage it (`mayManage`), flagged so the page says it is not public.
 */
export async function offerForPage(
  ctx: ModuleContext,
  id: string,
  mayManage: (entityId: string) => boolean,
): Promise<OfferCard & { isDraft: boolean }> {
  const o = await repo.findOffer(ctx.db, id);
  const card = o && (o.is_published || mayManage(o.entity_id)) ? (await cardsOf(ctx, [o]))[0] : undefined;
  if (!card) throw new AppError('offers.not_found');
  return { ...card, isDraft: !card.offer.is_published };
}

export async function entityOffers(ctx: ModuleContext, entityId: string, publishedOnly: boolean): Promise<repo.OfferRow[]> {
  return repo.listEntityOffers(ctx.db, entityId, publishedOnly);
}

export { CATEGORIES, CATEGORY_KEYS };

// --- enquiries ---------------------------------------------------------------------------------------

export interface EnquiryInput {
  name: string;
  institution: string;
  email: string;
  phone: string;
  message: string;
}

export function checkEnquiry(body: Record<string, string>): EnquiryInput {
  const f = new FormChecker(body);
  const name = f.required('name', 'offers.enquiry.name', { max: 200 });
  const institution = f.text('institution').slice(0, 300);
  const email = f.email('email', 'offers.enquiry.email');
  const phone = f.text('phone');
  if (phone !== '' && !/^[+\d][\d\s()-]{5,24}$/.test(phone)) f.add('phone', 'offers.enquiry.phone', 'offers.validation.phone');
  const message = f.required('message', 'offers.enquiry.message', { max: 5000, min: 10 });
  if (f.text('consent') !== '1') f.add('consent', 'offers.enquiry.consent', 'offers.validation.consentRequired');
  f.assertValid();
  return { name, institution, email, phone, message };
}

/** Who receives an offer's enquiries: the entity's public e-mail and its representatives (no duplicates). */
export async function enquiryRecipients(ctx: ModuleContext, entity: EntityFacts): Promise<string[]> {
  const reps = await representativeEmails(ctx, entity.id);
  const all = [...(entity.email ? [entity.email] : []), ...reps.map((r) => r.email)];
  return [...new Map(all.map((e) => [normaliseEmail(e), e])).values()];
}

export function enquiryMailAbout(id: string): string {
  return `offer_enquiry:${id}`;
}

/**
 * Sends an enquiry: one message to each recipient with the sender's text and contact, and a
 * confirmation to the sender naming the offer and the entity only (the form accepts any address,
 * so quoting the typed text back would let anyone send their words to anyone under our name).
 * 'ignored' for a bot that filled the honeypot: told "sent", nothing stored or sent.
 */
export async function sendEnquiry(
  ctx: ModuleContext,
  offerId: string,
  body: Record<string, string>,
  lang: Lang,
): Promise<'queued' | 'ignored'> {
  const { offer, entity } = await publicOffer(ctx, offerId);
  const recipients = await enquiryRecipients(ctx, entity);
  if (recipients.length === 0) throw new AppError('offers.no_recipient');
  if ((body[HONEYPOT_FIELD] ?? '').trim() !== '') return 'ignored';
  const input = checkEnquiry(body);
  const emailNorm = normaliseEmail(input.email);
  const now = ctx.clock.now();
  if ((await repo.countEnquiriesByEmail(ctx.db, emailNorm, new Date(now.getTime() - 3600_000).toISOString())) >= EMAIL_LIMIT_PER_HOUR) {
    throw new AppError('offers.too_many');
  }
  const id = newId();
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const link = `${base}${offerPath(offer)}`;
  const about = enquiryMailAbout(id);
  const t = translator('pl');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEnquiry(trx, {
      id,
      offer_id: offer.id,
      entity_id: entity.id,
      category: offer.category,
      year: Number(warsawToday(ctx.clock).slice(0, 4)),
      created_at: nowIso(ctx.clock),
      name: input.name,
      institution: input.institution || null,
      email_norm: emailNorm,
      phone: input.phone || null,
      message: input.message,
      erased_at: null,
      recipients: recipients.length,
    });
    const none = t('offers.enquiry.notGiven');
    for (const to of recipients) {
      // entities read Polish: the enquiry goes out in the Polish template whatever the page language
      await enqueueMail(
        trx,
        {
          to,
          lang: 'pl',
          template: 'offer_enquiry',
          about,
          params: {
            offer: offer.title,
            entity: entity.name,
            name: input.name,
            institution: input.institution || none,
            email: input.email,
            phone: input.phone || none,
            message: input.message,
            link,
          },
        },
        ctx.clock,
      );
    }
    await enqueueMail(
      trx,
      {
        to: input.email,
        lang,
        template: 'offer_enquiry_copy',
        about,
        params: { offer: offer.title, entity: entity.name, link: `${base}${lang === 'en' ? '/en' : ''}${offerPath(offer)}` },
      },
      ctx.clock,
    );
  });
  return 'queued';
}

/** The day `months` calendar months before `now` (UTC), as an ISO timestamp. */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/**
 * The retention job: enquiries older than six months lose their sender's data and text, here and
 * in the outbox (`eraseMailAbout`); the row stays for the counts per entity, category and year.
 */
export async function eraseOldEnquiries(ctx: ModuleContext): Promise<string> {
  const ids = await repo.enquiriesToErase(ctx.db, monthsBefore(ctx.clock.now(), RETENTION_MONTHS));
  for (const id of ids) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.eraseEnquiry(trx, id, nowIso(ctx.clock));
      await eraseMailAbout(trx, { about: enquiryMailAbout(id) }, ctx.clock);
    });
  }
  return operatorText('offers.cli.enquiriesErased', { count: ids.length });
}

export interface EnquiryStatsRow {
  entity: { id: string; name: string; path: string } | null;
  entityId: string;
  category: string;
  year: number;
  n: number;
}

/** Enquiry counts per entity, category and year for staff (never the texts). */
export async function enquiryStats(ctx: ModuleContext): Promise<EnquiryStatsRow[]> {
  const rows = await repo.enquiryCounts(ctx.db);
  const facts = await entityFacts(
    ctx,
    rows.map((r) => r.entity_id),
  );
  return rows.map((r) => {
    const e = facts.get(r.entity_id);
    return {
      entity: e ? { id: e.id, name: e.name, path: e.path } : null,
      entityId: r.entity_id,
      category: r.category,
      year: r.year,
      n: r.n,
    };
  });
}

// --- demo ----------------------------------------------------------------------------------------------

interface DemoOffer {
  entity: string;
  title: string;
  kind: OfferKind;
  subcategory: string;
  cpv: string[];
  price: string | null;
  /** Powiaty served; empty for the whole region. */
  powiaty: string[];
  reserved: boolean;
}

/**
 * Example offers of entities of the demo registry (`seed demo` after the registry's). Everything
 * about them is invented for demonstration: the title and text say so, and `is_example` carries the
 * label into the pages, the API and the search. Entities missing from the registry are skipped.
 */
const DEMO_OFFERS: DemoOffer[] = [
  {
    entity: 'Spółdzielnia Socjalna „Twoje smaki”',
    title: 'Catering na spotkania i szkolenia (przykład)',
    kind: 'service',
    subcategory: 'catering-okolicznosciowy',
    cpv: ['55520000-1'],
    price: null,
    powiaty: [],
    reserved: true,
  },
  {
    entity: 'Fundacja „Studio M6”',
    title: 'Przerwy kawowe i poczęstunek (przykład)',
    kind: 'service',
    subcategory: 'catering-posilki',
    cpv: ['55300000-3'],
    price: 'od 25 zł za osobę (przykładowa cena)',
    powiaty: ['0463'],
    reserved: false,
  },
  {
    entity: 'Unisławska Spółdzielnia Socjalna „UNI-ZIEL”',
    title: 'Pielęgnacja terenów zielonych (przykład)',
    kind: 'service',
    subcategory: 'tereny-zielone-pielegnacja',
    cpv: ['77310000-6'],
    price: null,
    powiaty: ['0404', '0463'],
    reserved: true,
  },
  {
    entity: 'Warsztat Terapii Zajęciowej „mega – Art”',
    title: 'Upominki rękodzielnicze (przykład)',
    kind: 'product',
    subcategory: 'rekodzielo-upominki',
    cpv: [],
    price: 'od 15 zł za sztukę (przykładowa cena)',
    powiaty: [],
    reserved: false,
  },
  // five more catering offers serving Toruń (powiat 0463) but not Bydgoszcz, so that a catering need
  // in Toruń matches exactly seven demo entities (issue 17, "done when": 7 e-mails on the demo seed)
  {
    entity: 'Północ-Południe Non Profit Sp. z o.o.',
    title: 'Poczęstunek na spotkania i uroczystości (przykład)',
    kind: 'service',
    subcategory: 'catering-okolicznosciowy',
    cpv: ['55520000-1'],
    price: null,
    powiaty: ['0463'],
    reserved: false,
  },
  {
    entity: 'Fundacja Zdrowego Życia',
    title: 'Zdrowe posiłki dla placówek (przykład)',
    kind: 'service',
    subcategory: 'catering-posilki',
    cpv: ['55520000-1'],
    price: null,
    powiaty: ['0463'],
    reserved: false,
  },
  {
    entity: 'Spółdzielnia Socjalna „Lubiczanka”',
    title: 'Obiady domowe z dowozem (przykład)',
    kind: 'service',
    subcategory: 'catering-posilki',
    cpv: ['55520000-1'],
    price: 'od 18 zł za obiad (przykładowa cena)',
    powiaty: ['0415', '0463'],
    reserved: true,
  },
  {
    entity: 'Spółdzielnia Socjalna „Koronowianka”',
    title: 'Wypieki i ciasta na zamówienie (przykład)',
    kind: 'product',
    subcategory: 'catering-wypieki',
    cpv: [],
    price: null,
    powiaty: ['0403', '0463'],
    reserved: false,
  },
  {
    entity: 'Fundacja „Novum”',
    title: 'Catering na konferencje (przykład)',
    kind: 'service',
    subcategory: 'catering-okolicznosciowy',
    cpv: ['55300000-3'],
    price: null,
    powiaty: ['0464', '0463'],
    reserved: false,
  },
];

const DEMO_DESCRIPTION =
  'To **przykładowa oferta** przygotowana do pokazu platformy Spójnia. Nie pochodzi od podmiotu, przy którym jest wyświetlana, ' +
  'a jej treść, cena i zasięg są zmyślone. Zapytanie ofertowe wysłane do tej oferty trafi jednak na prawdziwe adresy podmiotu, ' +
  'jeśli są zapisane w rejestrze — na pokazie używaj danych testowych.';

export async function seedOffersDemo(ctx: ModuleContext): Promise<SeedResult> {
  let added = 0;
  for (const d of DEMO_OFFERS) {
    const entityId = await entityIdByName(ctx, d.entity);
    if (!entityId) continue;
    const existing = await repo.listEntityOffers(ctx.db, entityId, false);
    if (existing.some((o) => o.title === d.title)) continue;
    const category = parentOf(d.subcategory)!;
    const input: OfferInput = {
      title: d.title,
      kind: d.kind,
      subcategory: d.subcategory,
      category,
      cpvCodes: d.cpv,
      description: DEMO_DESCRIPTION,
      priceKind: d.price ? 'text' : 'on_request',
      priceText: d.price,
      areaScope: d.powiaty.length ? 'units' : 'region',
      areas: d.powiaty.map((p) => ({ teryt: p, powiat_teryt: p })),
      isReservedContracts: d.reserved,
      isPublished: true,
    };
    const id = newId();
    const now = nowIso(ctx.clock);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertOffer(trx, {
        id,
        entity_id: entityId,
        ...columnsOf(input),
        search_doc: offerSearchDoc(input, d.entity),
        is_example: true,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      await repo.replaceAreas(
        trx,
        id,
        input.areas.map((a) => ({ offer_id: id, ...a })),
      );
    });
    added++;
  }
  return { summary: operatorText('offers.cli.exampleOffers', { count: added }) };
}
