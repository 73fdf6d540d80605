// Views of the licences module: the public page (the mark's rules as the sources state them, the
// valid licences with a search), a licence's page (state, certificate, verification address), and
// the staff pages (all licences, recording a grant, and one licence's renewal, suspension and
// withdrawal). Holders' names and products are Polish: on English pages they carry lang="pl".
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { SelectField } from '../../core/ui/fields.js';
import type { TKey } from '../../i18n/index.js';
import { EditionRules } from './applications/applications.views.js';
import type { EditionRow } from './applications/applications.service.js';
import { licencePath, licenceVerificationPath, type LicenceState, type LicenceWithEntity } from './licences.service.js';

type Item = { licence: LicenceWithEntity; state: LicenceState };
type OfferChoice = { id: string; title: string; path: string };

const SOURCES = [
  ['K82', 'https://fundacjarozwoju.org/zakup-prospoleczny-znak-jakosci-twoich-uslug-2/'],
  ['K84', 'https://rops.torun.pl/42-archiwum-2022/1561-kolejne-podmioty-z-certyfikatem-zakup-prospoleczny'],
  ['K85', 'https://kpces.pl/zdobadz-znak-promocyjny-ekonomii-spolecznej-zakup-prospoleczny/'],
  ['K89', 'https://korzyscidlakazdego.pl/zakup-prospoleczny/'],
] as const;

function Pl({ text }: { text: string }) {
  const { lang } = usePage();
  return <span lang={lang === 'pl' ? undefined : 'pl'}>{text}</span>;
}

function StateText({ state }: { state: LicenceState }) {
  const { t } = usePage();
  return <>{t(`licences.state.${state}` as TKey)}</>;
}

function Product({ l }: { l: LicenceWithEntity }) {
  const { t } = usePage();
  return l.product === null ? <>{t('licences.productUnspecified')}</> : <Pl text={l.product} />;
}

export function PublicView({
  items,
  q,
  edition,
  links,
}: {
  items: Item[];
  q: string;
  edition: EditionRow | null;
  links: { apply: boolean; board: boolean };
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('licences.title')} lead={t('licences.intro')} />
      <h2>{t('licences.rules.title')}</h2>
      <ul>
        <li>{t('licences.rules.licence')}</li>
        <li>{t('licences.rules.unit')}</li>
        <li>{t('licences.rules.eligible')}</li>
        <li>{t('licences.rules.free')}</li>
      </ul>
      <p>
        {t('licences.rules.sources')}{' '}
        {SOURCES.map(([label, url], i) => (
          <>
            {i > 0 ? ', ' : null}
            <a href={url} hrefLang="pl">
              {label}
            </a>
          </>
        ))}
      </p>
      <h3>{t('licences.rules.criteriaTitle')}</h3>
      <EditionRules edition={edition} />
      {links.apply || links.board ? (
        <ul>
          {links.apply ? (
            <li>
              <a href={href('/zakup-prospoleczny/wnioski')}>{t('licences.rules.applyLink')}</a>
            </li>
          ) : null}
          {links.board ? (
            <li>
              <a href={href('/zakup-prospoleczny/kapitula')}>{t('licences.rules.boardLink')}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <h2 id="valid">{t('licences.valid.title')}</h2>
      <form method="get" action={href('/zakup-prospoleczny')} role="search" aria-labelledby="valid">
        <FormField name="q" label={t('licences.search')} value={q} maxLength={200} />
        <Button variant="secondary">{t('licences.searchButton')}</Button>
      </form>
      <p role="status">{t('licences.valid.count', { count: items.length })}</p>
      {items.length > 0 ? (
        <Table
          caption={t('licences.valid.caption')}
          rows={items}
          rowKey={(x) => x.licence.id}
          columns={[
            { header: t('licences.field.number'), cell: (x) => <a href={href(licencePath(x.licence.number))}>{x.licence.number}</a> },
            { header: t('licences.field.holder'), cell: (x) => <Pl text={x.licence.entity_name} /> },
            { header: t('licences.field.product'), cell: (x) => <Product l={x.licence} /> },
            { header: t('licences.field.expiresOn'), cell: (x) => x.licence.expires_on },
          ]}
        />
      ) : null}
    </>
  );
}

export function LicenceView({
  item,
  canManage,
  canAgreement,
  offer,
  renewal,
}: {
  item: Item;
  canManage: boolean;
  canAgreement: boolean;
  renewal: { renews: string | null; renewedBy: string | null };
  offer: OfferChoice | undefined;
}) {
  const { t, href } = usePage();
  const l = item.licence;
  return (
    <>
      <PageHeader title={t('licences.licenceTitle', { number: l.number })} />
      {l.is_example || l.entity_synthetic ? <Alert kind="info">{t('licences.example')}</Alert> : null}
      <Alert kind={item.state === 'valid' ? 'success' : 'warning'} title={t('licences.stateLabel')}>
        <p>
          <StateText state={item.state} />
        </p>
      </Alert>
      <dl class="facts">
        <dt>{t('licences.field.holder')}</dt>
        <dd>
          <Pl text={l.entity_name} />
        </dd>
        <dt>{t('licences.field.product')}</dt>
        <dd>
          <Product l={l} />
        </dd>
        <dt>{t('licences.field.grantedOn')}</dt>
        <dd>{l.granted_on ?? t('licences.unknownDate')}</dd>
        <dt>{t('licences.field.expiresOn')}</dt>
        <dd>{l.expires_on ?? t('licences.unknownDate')}</dd>
        {offer ? (
          <>
            <dt>{t('licences.field.offer')}</dt>
            <dd>
              <a href={href(offer.path)}>
                <Pl text={offer.title} />
              </a>
            </dd>
          </>
        ) : null}
        {renewal.renews ? (
          <>
            <dt>{t('licences.field.renews')}</dt>
            <dd>
              <a href={href(licencePath(renewal.renews))}>{renewal.renews}</a>
            </dd>
          </>
        ) : null}
        {renewal.renewedBy ? (
          <>
            <dt>{t('licences.field.renewedBy')}</dt>
            <dd>
              <a href={href(licencePath(renewal.renewedBy))}>{renewal.renewedBy}</a>
            </dd>
          </>
        ) : null}
        {l.withdrawn_on ? (
          <>
            <dt>{t('licences.field.withdrawnOn')}</dt>
            <dd>{l.withdrawn_on}</dd>
          </>
        ) : null}
        {l.source_url ? (
          <>
            <dt>{t('licences.field.source')}</dt>
            <dd>
              <a href={l.source_url}>{l.source_url}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <ul>
        {l.granted_on !== null ? (
          <li>
            <a href={href(`${licencePath(l.number)}/certyfikat.pdf`)}>{t('licences.certificate')}</a>
          </li>
        ) : null}
        <li>
          <a href={href(licenceVerificationPath(l.number))}>{t('licences.verify')}</a>
        </li>
        {canAgreement ? (
          <>
            <li>
              <a href={href(`${licencePath(l.number)}/umowa.docx`)}>{t('licences.agreement.docx')}</a>
            </li>
            <li>
              <a href={href(`${licencePath(l.number)}/umowa.pdf`)}>{t('licences.agreement.pdf')}</a>
            </li>
          </>
        ) : null}
        {canManage ? (
          <li>
            <a href={href(`/admin/zakup-prospoleczny/${l.id}`)}>{t('licences.admin.manage')}</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}

export function AdminListView({ items, values, problems }: { items: Item[]; values: Record<string, string>; problems: Problem[] }) {
  const { t, href, csrfToken } = usePage();
  return (
    <>
      <PageHeader title={t('licences.admin.title')} />
      <ErrorSummary problems={problems} />
      <h2>{t('licences.admin.grant')}</h2>
      <form method="post" action={href('/admin/zakup-prospoleczny')} novalidate>
        <CsrfField token={csrfToken ?? ''} />
        <FormField
          name="entity"
          label={t('licences.form.entity')}
          hint={t('licences.form.entityHint')}
          value={values.entity}
          problems={problems}
          required
        />
        <FormField name="product" label={t('licences.form.product')} value={values.product} problems={problems} required maxLength={300} />
        <FormField
          name="granted_on"
          type="date"
          label={t('licences.form.grantedOn')}
          value={values.granted_on}
          problems={problems}
          required
        />
        <Button>{t('licences.admin.grantButton')}</Button>
      </form>
      <h2>{t('licences.admin.all')}</h2>
      <Table
        caption={t('licences.admin.all')}
        rows={items}
        rowKey={(x) => x.licence.id}
        columns={[
          {
            header: t('licences.field.number'),
            cell: (x) => <a href={href(`/admin/zakup-prospoleczny/${x.licence.id}`)}>{x.licence.number}</a>,
          },
          { header: t('licences.field.holder'), cell: (x) => <Pl text={x.licence.entity_name} /> },
          { header: t('licences.field.product'), cell: (x) => <Product l={x.licence} /> },
          { header: t('licences.field.expiresOn'), cell: (x) => x.licence.expires_on ?? t('licences.unknownDate') },
          { header: t('licences.stateLabel'), cell: (x) => <StateText state={x.state} /> },
        ]}
      />
    </>
  );
}

export function AdminLicenceView({ item, problems, offers }: { item: Item; problems: Problem[]; offers: OfferChoice[] }) {
  const { t, href, csrfToken } = usePage();
  const l = item.licence;
  const base = `/admin/zakup-prospoleczny/${l.id}`;
  return (
    <>
      <PageHeader title={t('licences.licenceTitle', { number: l.number })} lead={t(`licences.state.${item.state}` as TKey)} />
      <ErrorSummary problems={problems} />
      <p>
        <a href={href(licencePath(l.number))}>{t('licences.admin.publicPage')}</a>
      </p>
      <h2>{t('licences.admin.offer')}</h2>
      <form method="post" action={href(`${base}/oferta`)}>
        <CsrfField token={csrfToken ?? ''} />
        <SelectField
          name="offer"
          label={t('licences.form.offer')}
          value={l.offer_id ?? ''}
          problems={problems}
          options={[{ value: '', label: t('licences.form.noOffer') }, ...offers.map((o) => ({ value: o.id, label: o.title }))]}
        />
        <Button variant="secondary">{t('licences.admin.offerButton')}</Button>
      </form>
      <h2>{t('licences.admin.renew')}</h2>
      <form method="post" action={href(`${base}/odnow`)}>
        <CsrfField token={csrfToken ?? ''} />
        <p>{t('licences.admin.renewHint')}</p>
        <Button>{t('licences.admin.renewButton')}</Button>
      </form>
      <h2>{t('licences.admin.suspend')}</h2>
      <form method="post" action={href(`${base}/zawies`)}>
        <CsrfField token={csrfToken ?? ''} />
        {l.suspended_on === null ? (
          <>
            <FormField name="reason" label={t('licences.form.reason')} problems={problems} required maxLength={1000} />
            <Button>{t('licences.admin.suspendButton')}</Button>
          </>
        ) : (
          <>
            <input type="hidden" name="lift" value="1" />
            <Button>{t('licences.admin.liftButton')}</Button>
          </>
        )}
      </form>
      {l.withdrawn_on === null ? (
        <>
          <h2>{t('licences.admin.withdraw')}</h2>
          <form method="post" action={href(`${base}/cofnij`)} novalidate>
            <CsrfField token={csrfToken ?? ''} />
            <FormField name="withdrawn_on" type="date" label={t('licences.form.withdrawnOn')} problems={problems} required />
            <FormField name="withdraw_reason" label={t('licences.form.reason')} problems={problems} required maxLength={1000} />
            <Button>{t('licences.admin.withdrawButton')}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}
