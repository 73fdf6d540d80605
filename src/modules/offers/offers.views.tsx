// Views of the offers module: the catalogue with its filters (a GET form: every choice is in the
// address), the offer page (entity, contact, badges, photos with their alternative text), the
// enquiry form and its confirmation, the representatives' list and offer form (area chosen by
// name: powiaty, and gminy grouped under their powiat), the photos page and the staff counts.
// Offers are written in Polish: on English pages their texts carry lang="pl".
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Pagination, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { FacetLayout, FiltersDisclosure } from '../../core/ui/facets.js';
import { CheckboxField, FileField, RadioGroup } from '../../core/ui/fields.js';
import type { TKey } from '../../i18n/index.js';
import type { EntityFacts } from '../registry/index.js';
import { CATEGORIES, CATEGORY_KEYS, type Category, type CategoryCpv } from './offers.categories.js';
import type { OfferRow, PhotoHead } from './offers.repo.js';
import {
  catalogueParams,
  HONEYPOT_FIELD,
  MAX_PHOTOS,
  offerPath,
  type CatalogueQuery,
  type CatalogueResult,
  type EnquiryStatsRow,
  type OfferCard,
  type UnitChoices,
} from './offers.service.js';

const catKey = (c: string) => `offers.categories.${c}` as TKey;
const subKey = (c: string) => `offers.subcategories.${c}` as TKey;
const formKey = (f: string) => `registry.legalForm.${f}` as TKey;
type Values = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** A form's text field by name: its current value and its problems (the offer and need forms). */
export function fieldBinder(values: Values, problems: Problem[]) {
  return (name: string) => ({ name, value: one(values[name]), problems });
}
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The text of a Polish field on a page in either language. */
function usePl(): string | undefined {
  return usePage().lang === 'en' ? 'pl' : undefined;
}

/** CPV codes, each followed by its Polish label when the vocabulary table holds it (`spojnia import cpv`). */
export function CpvList({ codes, labels }: { codes: readonly string[]; labels: ReadonlyMap<string, string> }) {
  const pl = usePl();
  return (
    <>
      {codes.map((code, i) => {
        const label = labels.get(code);
        return (
          <>
            {i > 0 ? ', ' : ''}
            {code}
            {label ? (
              <>
                {' '}
                (<span lang={pl}>{label}</span>)
              </>
            ) : null}
          </>
        );
      })}
    </>
  );
}

export function Badges({ card }: { card: Pick<OfferCard, 'offer' | 'entity'> }) {
  const { t } = usePage();
  const items: string[] = [];
  if (card.offer.is_example || card.entity.isExample) items.push(t('offers.badges.example'));
  if (card.entity.isPs) items.push(t('offers.badges.ps'));
  if (card.entity.hasValidMark) items.push(t('offers.badges.mark'));
  if (card.offer.is_reserved_contracts) items.push(t('offers.badges.reserved'));
  if (items.length === 0) return null;
  return (
    <ul class="offer-badges">
      {items.map((b) => (
        <li key={b} class="badge badge--synthetic">
          {b}
        </li>
      ))}
    </ul>
  );
}

function priceText(t: ReturnType<typeof usePage>['t'], o: OfferRow): string {
  return o.price_kind === 'on_request' || !o.price_text ? t('offers.onRequest') : o.price_text;
}

function areaText(
  t: ReturnType<typeof usePage>['t'],
  card: Pick<OfferCard, 'offer' | 'areas'>,
  names: ReadonlyMap<string, string>,
): string {
  if (card.offer.area_scope === 'region') return t('offers.wholeRegion');
  return card.areas.map((a) => names.get(a.teryt) ?? a.teryt).join(', ');
}

export function CatalogueView({
  query,
  result,
  units,
  legalForms,
}: {
  query: CatalogueQuery;
  result: CatalogueResult;
  units: UnitChoices;
  legalForms: readonly string[];
}) {
  const { t, href, fmt } = usePage();
  const pl = usePl();
  const names = new Map([...units.powiaty, ...units.gminy].map((u) => [u.teryt, u.name]));
  const gminaName = query.gmina ? names.get(query.gmina) : undefined;
  return (
    <>
      <PageHeader title={t('offers.title')} lead={t('offers.intro')} />
      <FacetLayout
        resultsId="results"
        resultsCount={result.total}
        filters={
          <form
            method="get"
            action={href('/oferta')}
            class="catalogue-filters"
            role="search"
            aria-label={t('offers.filters')}
            data-live-filters
          >
            <div class="field">
              <label for="f-q">{t('offers.query')}</label>
              <input id="f-q" name="q" type="search" value={query.q} maxLength={200} />
            </div>
            <p>
              <Button>{t('offers.submit')}</Button> <a href={href('/oferta')}>{t('offers.clear')}</a>
            </p>
            <FiltersDisclosure
              chosen={
                (query.kategoria ? 1 : 0) +
                (query.powiat ? 1 : 0) +
                (gminaName ? 1 : 0) +
                (query.forma ? 1 : 0) +
                (query.statusPs ? 1 : 0) +
                (query.znak ? 1 : 0)
              }
            >
              <div class="field">
                <label for="f-kategoria">{t('offers.category')}</label>
                <select id="f-kategoria" name="kategoria">
                  <option value="">{t('offers.allCategories')}</option>
                  {CATEGORY_KEYS.map((c) => (
                    <optgroup key={c} label={t(catKey(c))}>
                      <option value={c} selected={query.kategoria === c}>
                        {t(catKey(c))}
                      </option>
                      {CATEGORIES[c].map((s) => (
                        <option key={s} value={s} selected={query.kategoria === s}>
                          {t(subKey(s))}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="f-powiat">{t('offers.powiat')}</label>
                <select id="f-powiat" name="powiat">
                  <option value="">{t('offers.allPowiaty')}</option>
                  {units.powiaty.map((p) => (
                    <option key={p.teryt} value={p.teryt} selected={query.powiat === p.teryt}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
              {gminaName ? (
                <div class="field">
                  <CheckboxField name="gmina" value={query.gmina} checked label={t('offers.gminaFilter', { name: gminaName })} />
                </div>
              ) : null}
              <div class="field">
                <label for="f-forma">{t('offers.legalForm')}</label>
                <select id="f-forma" name="forma">
                  <option value="">{t('offers.allForms')}</option>
                  {legalForms.map((f) => (
                    <option key={f} value={f} selected={query.forma === f}>
                      {t(formKey(f))}
                    </option>
                  ))}
                </select>
              </div>
              <CheckboxField name="status_ps" checked={query.statusPs} label={t('offers.statusPs')} />
              <CheckboxField name="znak" checked={query.znak} label={t('offers.mark')} />
              <Button variant="secondary">{t('filters.apply')}</Button>
            </FiltersDisclosure>
          </form>
        }
      >
        <h2 id="results">{t('offers.results', { count: result.total })}</h2>
        {result.capped ? <p>{t('offers.capped', { value: fmt.number(2000) })}</p> : null}
        {result.cards.length === 0 ? (
          <p>{t('offers.none')}</p>
        ) : (
          <ul class="offer-list">
            {result.cards.map((card) => (
              <li key={card.offer.id} class="offer-card">
                <h3>
                  <a href={href(offerPath(card.offer))} lang={pl}>
                    {card.offer.title}
                  </a>
                </h3>
                <Badges card={card} />
                <dl class="definition-list">
                  <dt>{t('offers.by')}</dt>
                  <dd lang={pl}>{card.entity.name}</dd>
                  <dt>{t('offers.category')}</dt>
                  <dd>
                    {t(catKey(card.offer.category))} — {t(subKey(card.offer.subcategory))}
                  </dd>
                  <dt>{t('offers.area')}</dt>
                  <dd>{areaText(t, card, names)}</dd>
                  <dt>{t('offers.price')}</dt>
                  <dd lang={card.offer.price_kind === 'text' ? pl : undefined}>{priceText(t, card.offer)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={result.page} pages={result.pages} link={(p) => href(`/oferta?${catalogueParams(query, p).toString()}`)} />
      </FacetLayout>
    </>
  );
}

export function OfferView({
  card,
  cpvLabels,
  descriptionHtml,
  unitNames,
  canEnquire,
  canManage,
  isDraft,
}: {
  card: OfferCard;
  /** Polish labels of the codes the CPV vocabulary table holds (loaded by `spojnia import cpv`). */
  cpvLabels: ReadonlyMap<string, string>;
  descriptionHtml: string;
  unitNames: ReadonlyMap<string, string>;
  canEnquire: boolean;
  canManage: boolean;
  isDraft: boolean;
}) {
  const { t, href } = usePage();
  const pl = usePl();
  const { offer, entity } = card;
  const example = offer.is_example || entity.isExample;
  return (
    <>
      <PageHeader title={offer.title} lang={pl} />
      {isDraft ? <Alert kind="warning">{t('offers.draftNotice')}</Alert> : null}
      {example ? <Alert kind="info">{t('offers.exampleNotice')}</Alert> : null}
      <Badges card={card} />
      {canManage ? (
        <p>
          <a href={href(`/oferta/${offer.id}/edycja`)}>{t('offers.manage.editTitle')}</a> ·{' '}
          <a href={href(`/oferta/${offer.id}/zdjecia`)}>{t('offers.photos.title')}</a>
        </p>
      ) : null}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('offers.details')}</h2>
        <dl class="definition-list">
          <dt>{t('offers.kind')}</dt>
          <dd>{t(`offers.kinds.${offer.kind}`)}</dd>
          <dt>{t('offers.category')}</dt>
          <dd>
            {t(catKey(offer.category))} — {t(subKey(offer.subcategory))}
          </dd>
          {card.cpvCodes.length ? (
            <>
              <dt>{t('offers.cpv')}</dt>
              <dd>
                <CpvList codes={card.cpvCodes} labels={cpvLabels} />
              </dd>
            </>
          ) : null}
          <dt>{t('offers.price')}</dt>
          <dd lang={offer.price_kind === 'text' ? pl : undefined}>{priceText(t, offer)}</dd>
          <dt>{t('offers.area')}</dt>
          <dd>{areaText(t, card, unitNames)}</dd>
          {offer.is_reserved_contracts ? (
            <>
              <dt>{t('offers.reserved')}</dt>
              <dd>{t('offers.reservedHint')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="description-title">
        <h2 id="description-title">{t('offers.description')}</h2>
        <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {card.photos.length ? (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title">{t('offers.photos.heading')}</h2>
          <ul class="offer-photos">
            {card.photos.map((p) => (
              <li key={p.id}>
                <img src={href(`/oferta/zdjecie/${p.id}`)} alt={p.alt} lang={pl} width={p.width} height={p.height} loading="lazy" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EntityFactsSection entity={entity} />
      <section aria-labelledby="enquiry-title">
        <h2 id="enquiry-title">{t('offers.enquiry.title')}</h2>
        {isDraft ? null : canEnquire ? (
          <p>
            <a class="button button--primary" href={href(`/oferta/${offer.id}/zapytanie`)}>
              {t('offers.enquiry.link')}
            </a>
          </p>
        ) : (
          <p>{t('offers.enquiry.unavailable')}</p>
        )}
      </section>
    </>
  );
}

function EntityFactsSection({ entity }: { entity: EntityFacts }) {
  const { t, href } = usePage();
  const pl = usePl();
  const hasContact = entity.email || entity.phone || entity.website;
  return (
    <section aria-labelledby="entity-title">
      <h2 id="entity-title">{t('offers.entity.heading')}</h2>
      <p>
        <a href={href(entity.path)} lang={pl}>
          {entity.name}
        </a>{' '}
        — {t(formKey(entity.legalForm))}
        {entity.town ? `, ${entity.town}` : ''}
      </p>
      <h3>{t('offers.entity.contact')}</h3>
      {hasContact ? (
        <dl class="definition-list">
          {entity.email ? (
            <>
              <dt>{t('offers.entity.email')}</dt>
              <dd>
                <a href={`mailto:${entity.email}`}>{entity.email}</a>
              </dd>
            </>
          ) : null}
          {entity.phone ? (
            <>
              <dt>{t('offers.entity.phone')}</dt>
              <dd>{entity.phone}</dd>
            </>
          ) : null}
          {entity.website ? (
            <>
              <dt>{t('offers.entity.website')}</dt>
              <dd>
                <a href={entity.website} rel="noopener noreferrer">
                  {entity.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t('offers.entity.noContact')}</p>
      )}
    </section>
  );
}

export function EnquiryFormView({
  card,
  values,
  problems,
  csrf,
}: {
  card: OfferCard;
  values: Record<string, string>;
  problems: Problem[];
  csrf: string;
}) {
  const { t, href } = usePage();
  const pl = usePl();
  return (
    <>
      <PageHeader title={t('offers.enquiry.title')} />
      <p>
        <a href={href(offerPath(card.offer))} lang={pl}>
          {card.offer.title}
        </a>{' '}
        — <span lang={pl}>{card.entity.name}</span>
      </p>
      {card.offer.is_example || card.entity.isExample ? <Alert kind="info">{t('offers.exampleNotice')}</Alert> : null}
      <p>{t('offers.enquiry.intro')}</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/oferta/${card.offer.id}/zapytanie`)} id="formularz" novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="name"
          label={t('offers.enquiry.name')}
          autocomplete="name"
          required
          maxLength={200}
          value={values.name}
          problems={problems}
        />
        <FormField
          name="institution"
          label={t('offers.enquiry.institution')}
          autocomplete="organization"
          maxLength={300}
          value={values.institution}
          problems={problems}
        />
        <FormField
          name="email"
          type="email"
          label={t('offers.enquiry.email')}
          autocomplete="email"
          required
          value={values.email}
          problems={problems}
        />
        <FormField
          name="phone"
          type="tel"
          label={t('offers.enquiry.phone')}
          autocomplete="tel"
          maxLength={30}
          value={values.phone}
          problems={problems}
        />
        <FormField
          name="message"
          multiline
          label={t('offers.enquiry.message')}
          hint={t('offers.enquiry.messageHint')}
          required
          maxLength={5000}
          value={values.message}
          problems={problems}
        />
        <div class="portal-hp">
          <label for="f-website">{t('offers.enquiry.honeypot')}</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <CheckboxField name="consent" label={t('offers.enquiry.consentLabel')} checked={values.consent === '1'} problems={problems} />
        <Button>{t('offers.enquiry.submit')}</Button>
      </form>
    </>
  );
}

export function EnquirySentView({ offer }: { offer: OfferRow }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('offers.enquiry.sentTitle')} />
      <Alert kind="success">{t('offers.enquiry.sent')}</Alert>
      <p>
        <a href={href(offerPath(offer))}>{t('offers.enquiry.back')}</a>
      </p>
    </>
  );
}

// --- representatives and staff ---------------------------------------------------------------------

export function MyEntitiesView({ entities }: { entities: { id: string; name: string }[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('offers.manage.mine')} lead={t('offers.manage.mineIntro')} />
      {entities.length === 0 ? (
        <p>{t('offers.manage.noEntities')}</p>
      ) : (
        <ul>
          {entities.map((e) => (
            <li key={e.id}>
              <a href={href(`/oferta/podmiot/${e.id}`)}>{e.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function EntityOffersView({ entity, offers, notice }: { entity: EntityFacts; offers: OfferRow[]; notice: string | null }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('offers.manage.entityTitle', { name: entity.name })} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <a class="button button--primary" href={href(`/oferta/podmiot/${entity.id}/nowa`)}>
          {t('offers.manage.add')}
        </a>
      </p>
      {offers.length === 0 ? (
        <p>{t('offers.manage.none')}</p>
      ) : (
        <Table
          caption={t('offers.manage.caption')}
          rows={offers}
          rowKey={(o) => o.id}
          columns={[
            { header: t('offers.form.title'), cell: (o) => <a href={href(offerPath(o))}>{o.title}</a> },
            { header: t('offers.manage.status'), cell: (o) => t(o.is_published ? 'offers.manage.published' : 'offers.manage.draft') },
            {
              header: t('offers.manage.edit'),
              cell: (o) => (
                <>
                  <a href={href(`/oferta/${o.id}/edycja`)} aria-label={t('offers.manage.editNamed', { title: o.title })}>
                    {t('offers.manage.edit')}
                  </a>{' '}
                  ·{' '}
                  <a href={href(`/oferta/${o.id}/zdjecia`)} aria-label={t('offers.manage.photosNamed', { title: o.title })}>
                    {t('offers.manage.photos')}
                  </a>
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** The area chosen by name: the whole region, or powiaty and gminy (a gmina list per powiat). Offers and buyers' needs share it. */
export function AreaPicker({
  values,
  problems,
  units,
  legend,
}: {
  values: Values;
  problems: Problem[];
  units: UnitChoices;
  legend?: string;
}) {
  const { t } = usePage();
  const chosenPowiaty = new Set(many(values.powiat));
  const chosenGminy = new Set(many(values.gmina));
  const areaMine = problems.filter((p) => p.field === 'area');
  return (
    <>
      <RadioGroup
        name="area_scope"
        legend={legend ?? t('offers.form.area')}
        hint={t('offers.form.areaHint')}
        value={one(values.area_scope) || 'region'}
        options={[
          { value: 'region', label: t('offers.form.areaScopes.region') },
          { value: 'units', label: t('offers.form.areaScopes.units') },
        ]}
        problems={areaMine.map((p) => ({ ...p, field: 'area_scope' }))}
      />
      <fieldset class="offer-area">
        <legend>{t('offers.form.powiaty')}</legend>
        {units.powiaty.map((p) => (
          <CheckboxField
            key={p.teryt}
            name="powiat"
            value={p.teryt}
            idSuffix={p.teryt}
            checked={chosenPowiaty.has(p.teryt)}
            label={p.name}
          />
        ))}
      </fieldset>
      <fieldset class="offer-area">
        <legend>{t('offers.form.gminy')}</legend>
        {units.powiaty.map((p) => {
          const gminy = units.gminy.filter((g) => g.powiat === p.teryt);
          const open = gminy.some((g) => chosenGminy.has(g.teryt));
          return (
            <details key={p.teryt} open={open}>
              <summary>{t('offers.form.gminyOf', { name: p.name })}</summary>
              {gminy.map((g) => (
                <CheckboxField
                  key={g.teryt}
                  name="gmina"
                  value={g.teryt}
                  idSuffix={g.teryt}
                  checked={chosenGminy.has(g.teryt)}
                  label={g.name}
                />
              ))}
            </details>
          );
        })}
      </fieldset>
    </>
  );
}

export function OfferFormView({
  title,
  action,
  values,
  problems,
  csrf,
  units,
  cpvTable,
  deleteAction,
  notice,
}: {
  title: string;
  action: string;
  values: Values;
  problems: Problem[];
  csrf: string;
  units: UnitChoices;
  cpvTable: CategoryCpv[];
  deleteAction: string | null;
  notice: string | null;
}) {
  const { t, href } = usePage();
  const field = fieldBinder(values, problems);
  const catMine = problems.filter((p) => p.field === 'subcategory');
  const cpvOf = (c: Category) => cpvTable.filter((r) => r.category === c);
  return (
    <>
      <PageHeader title={title} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} fieldIds={{ area: 'f-area_scope', subcategory: 'f-subcategory' }} />
      <form method="post" action={href(action)} id="formularz" novalidate>
        <CsrfField token={csrf} />
        <FormField {...field('title')} label={t('offers.form.title')} required maxLength={200} />
        <RadioGroup
          name="kind"
          legend={t('offers.form.kind')}
          value={one(values.kind)}
          options={[
            { value: 'service', label: t('offers.kinds.service') },
            { value: 'product', label: t('offers.kinds.product') },
          ]}
          problems={problems}
        />
        <div class={`field${catMine.length ? ' field--error' : ''}`}>
          <label for="f-subcategory">
            {t('offers.form.category')}
            <span aria-hidden="true"> *</span>
          </label>
          {catMine.length ? (
            <p class="field-error" id="f-subcategory-error">
              {t('validation.required', { field: t('offers.form.category') })}
            </p>
          ) : null}
          <select id="f-subcategory" name="subcategory" required aria-describedby={catMine.length ? 'f-subcategory-error' : undefined}>
            <option value="">{t('offers.form.chooseCategory')}</option>
            {CATEGORY_KEYS.map((c) => (
              <optgroup key={c} label={t(catKey(c))}>
                {CATEGORIES[c].map((s) => (
                  <option key={s} value={s} selected={one(values.subcategory) === s}>
                    {t(subKey(s))}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <details class="offer-cpv-table">
          <summary>{t('offers.form.cpvUsual')}</summary>
          <ul>
            {CATEGORY_KEYS.filter((c) => cpvOf(c).length).map((c) => (
              <li key={c}>
                {t(catKey(c))}:{' '}
                {cpvOf(c)
                  .map((r) => r.code)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </details>
        <FormField {...field('cpv')} label={t('offers.form.cpv')} hint={t('offers.form.cpvHint')} maxLength={400} />
        <FormField
          {...field('description')}
          multiline
          label={t('offers.form.description')}
          hint={t('offers.form.descriptionHint')}
          required
          maxLength={10000}
        />
        <RadioGroup
          name="price_kind"
          legend={t('offers.form.priceKind')}
          value={one(values.price_kind) || 'on_request'}
          options={[
            { value: 'on_request', label: t('offers.form.priceKinds.on_request') },
            { value: 'text', label: t('offers.form.priceKinds.text') },
          ]}
          problems={problems}
        />
        <FormField {...field('price_text')} label={t('offers.form.priceText')} hint={t('offers.form.priceTextHint')} maxLength={300} />
        <AreaPicker values={values} problems={problems} units={units} />
        <CheckboxField name="reserved" checked={one(values.reserved) === '1'} label={t('offers.form.reserved')} />
        <CheckboxField
          name="published"
          checked={one(values.published) === '1'}
          label={t('offers.form.published')}
          hint={t('offers.form.publishedHint')}
        />
        <Button>{t('offers.form.save')}</Button>
      </form>
      {deleteAction ? (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('offers.manage.deleteHeading')}</h2>
          <p>{t('offers.manage.deleteHint')}</p>
          <form method="post" action={href(deleteAction)}>
            <CsrfField token={csrf} />
            <Button variant="secondary">{t('offers.manage.delete')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function PhotosView({
  offer,
  photos,
  problems,
  csrf,
  notice,
  values,
}: {
  offer: OfferRow;
  photos: PhotoHead[];
  problems: Problem[];
  csrf: string;
  notice: string | null;
  values: Record<string, string>;
}) {
  const { t, href } = usePage();
  const pl = usePl();
  return (
    <>
      <PageHeader title={t('offers.photos.title')} lead={offer.title} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {photos.length === 0 ? (
        <p>{t('offers.photos.none')}</p>
      ) : (
        <ul class="offer-photos">
          {photos.map((p) => (
            <li key={p.id}>
              <img src={href(`/oferta/zdjecie/${p.id}`)} alt={p.alt} lang={pl} width={p.width} height={p.height} loading="lazy" />
              <form method="post" action={href(`/oferta/${offer.id}/zdjecia/${p.id}/usun`)}>
                <CsrfField token={csrf} />
                <Button variant="secondary" aria-label={t('offers.photos.removeNamed', { alt: p.alt })}>
                  {t('offers.photos.remove')}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p>{t('offers.photos.limit', { count: MAX_PHOTOS })}</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/oferta/${offer.id}/zdjecia`)} enctype="multipart/form-data" id="formularz">
        <CsrfField token={csrf} />
        <FileField
          name="photo"
          label={t('offers.photos.file')}
          hint={t('offers.photos.fileHint')}
          accept="image/jpeg,image/png,image/webp"
          required
          problems={problems}
        />
        <FormField
          name="alt"
          label={t('offers.photos.alt')}
          hint={t('offers.photos.altHint')}
          required
          maxLength={300}
          value={values.alt}
          problems={problems}
        />
        <Button>{t('offers.photos.add')}</Button>
      </form>
      <p>
        <a href={href(`/oferta/${offer.id}/edycja`)}>{t('offers.manage.editTitle')}</a>
      </p>
    </>
  );
}

export function StatsView({ rows }: { rows: EnquiryStatsRow[] }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('offers.stats.title')} lead={t('offers.stats.intro')} />
      {rows.length === 0 ? (
        <p>{t('offers.stats.none')}</p>
      ) : (
        <Table
          caption={t('offers.stats.caption')}
          rows={rows}
          rowKey={(r) => `${r.entityId}|${r.category}|${r.year}`}
          columns={[
            {
              header: t('offers.stats.entity'),
              cell: (r) => (r.entity ? <a href={href(r.entity.path)}>{r.entity.name}</a> : t('offers.stats.removedEntity')),
            },
            { header: t('offers.stats.category'), cell: (r) => t(catKey(r.category)) },
            { header: t('offers.stats.year'), cell: (r) => String(r.year) },
            { header: t('offers.stats.count'), cell: (r) => fmt.number(r.n), numeric: true },
          ]}
        />
      )}
    </>
  );
}

/** The entity page's section: its published offers (registry's `entityPageSections`). */
export function EntityOffersSection({ offers }: { offers: OfferRow[] }) {
  const { t, href } = usePage();
  const pl = usePl();
  return (
    <section aria-labelledby="entity-offers-title">
      <h2 id="entity-offers-title">{t('offers.entity.sectionTitle')}</h2>
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            <a href={href(offerPath(o))} lang={pl}>
              {o.title}
            </a>{' '}
            — {t(catKey(o.category))}
            {o.is_example ? (
              <>
                {' '}
                <span class="badge badge--synthetic">{t('offers.badges.example')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={href('/oferta')}>{t('offers.entity.sectionAll')}</a>
      </p>
    </section>
  );
}

/** The territorial profile's section: how many published offers cover the unit. */
export function ProfileOffers({ count, link }: { count: number; link: string }) {
  const { t, href } = usePage();
  if (count === 0) return <p>{t('offers.profile.none')}</p>;
  return (
    <>
      <p>{t('offers.profile.count', { count })}</p>
      <p>
        <a href={href(link)}>{t('offers.profile.link')}</a>
      </p>
    </>
  );
}
