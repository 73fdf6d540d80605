// Pages of the purchase share: the public aggregates per powiat and year (small cells as "<5"),
// a buyer's share for a year (overall, with PS, with mark holders, by category; exports; the raw
// rows), the upload with its dry run, and the staff's screens of buyer institutions and their
// representatives (people chosen by name).
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { CheckboxField, FileField, SelectField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import { EXPORT_FORMATS } from './purchases.export.js';
import {
  adminBuyerPath,
  buyerPath,
  sharePercent,
  SUPPRESS_BELOW,
  type BuyerRow,
  type BuyerShare,
  type ImportResult,
  type PublicCell,
  type ShareLine,
} from './purchases.service.js';

const SMALL = `<${SUPPRESS_BELOW}`;

function useMoney() {
  const { fmt } = usePage();
  return {
    zl: (gr: number) => fmt.money(gr / 100),
    percent: (p: number | null) => (p === null ? '—' : `${fmt.number(p)} %`),
  };
}

export function PurchasesPublicView({
  cells,
  powiatNames,
  mine,
  staff,
}: {
  cells: PublicCell[];
  powiatNames: Map<string, string>;
  mine: BuyerRow[];
  staff: boolean;
}) {
  const { t, href, fmt } = usePage();
  const m = useMoney();
  const count = (n: number | null) => (n === null ? SMALL : fmt.number(n));
  return (
    <>
      <PageHeader title={t('purchases.title')} lead={t('purchases.intro')} />
      {mine.length ? (
        <section aria-labelledby="my-buyers">
          <h2 id="my-buyers">{t('purchases.mine')}</h2>
          <ul>
            {mine.map((b) => (
              <li key={b.id}>
                <a href={href(buyerPath(b))}>{b.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {staff ? (
        <p>
          <a href={href('/admin/oferta/zakupy')}>{t('purchases.admin.title')}</a>
        </p>
      ) : null}
      <h2>{t('purchases.public.heading')}</h2>
      <p>{t('purchases.public.suppression', { limit: SUPPRESS_BELOW })}</p>
      <p>{t('purchases.share.rule')}</p>
      {cells.length === 0 ? (
        <p>{t('purchases.public.none')}</p>
      ) : (
        <Table
          caption={t('purchases.public.caption')}
          rows={cells}
          rowKey={(c) => `${c.year}-${c.powiat}`}
          columns={[
            { header: t('purchases.public.powiat'), cell: (c) => powiatNames.get(c.powiat) ?? c.powiat },
            { header: t('purchases.public.year'), cell: (c) => String(c.year) },
            { header: t('purchases.share.rows'), cell: (c) => count(c.rows), numeric: true },
            { header: t('purchases.public.seRows'), cell: (c) => count(c.seRows), numeric: true },
            { header: t('purchases.share.total'), cell: (c) => (c.totalGr === null ? SMALL : m.zl(c.totalGr)), numeric: true },
            { header: t('purchases.share.se'), cell: (c) => (c.seGr === null ? SMALL : m.zl(c.seGr)), numeric: true },
            { header: t('purchases.share.sePercent'), cell: (c) => (c.seGr === null ? SMALL : m.percent(c.share)), numeric: true },
          ]}
        />
      )}
    </>
  );
}

function ShareTable({ share }: { share: BuyerShare }) {
  const { t, fmt } = usePage();
  const m = useMoney();
  return (
    <Table
      caption={t('purchases.share.tableCaption', { year: share.year })}
      rows={[share.overall, ...share.categories]}
      rowKey={(l: ShareLine) => `c-${l.category}`}
      columns={[
        { header: t('purchases.share.category'), cell: (l) => (l.category === '' ? t('purchases.share.overall') : l.category) },
        { header: t('purchases.share.rows'), cell: (l) => fmt.number(l.rows), numeric: true },
        { header: t('purchases.share.total'), cell: (l) => m.zl(l.totalGr), numeric: true },
        { header: t('purchases.share.se'), cell: (l) => m.zl(l.seGr), numeric: true },
        { header: t('purchases.share.sePercent'), cell: (l) => m.percent(sharePercent(l.seGr, l.totalGr)), numeric: true },
        { header: t('purchases.share.ps'), cell: (l) => m.zl(l.psGr), numeric: true },
        { header: t('purchases.share.mark'), cell: (l) => m.zl(l.markGr), numeric: true },
      ]}
    />
  );
}

export function BuyerView({
  buyer,
  years,
  share,
  notice,
}: {
  buyer: BuyerRow;
  years: number[];
  share: BuyerShare | null;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  const m = useMoney();
  const base = buyerPath(buyer);
  return (
    <>
      <PageHeader title={buyer.name} lead={t('purchases.buyer.lead')} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <p>
        <a class="button button--primary" href={href(`${base}/import`)}>
          {t('purchases.import.title')}
        </a>
      </p>
      {years.length > 1 ? (
        <nav aria-label={t('purchases.buyer.years')}>
          <ul class="inline-list">
            {years.map((y) => (
              <li key={y}>
                <a href={href(`${base}?rok=${y}`)} aria-current={share?.year === y ? 'page' : undefined}>
                  {y}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {share === null ? (
        <p>{t('purchases.buyer.noFile')}</p>
      ) : (
        <>
          <h2>{t('purchases.share.heading', { year: share.year })}</h2>
          <dl class="facts">
            <dt>{t('purchases.share.sePercent')}</dt>
            <dd>{m.percent(sharePercent(share.overall.seGr, share.overall.totalGr))}</dd>
            <dt>{t('purchases.share.psPercent')}</dt>
            <dd>{m.percent(sharePercent(share.overall.psGr, share.overall.totalGr))}</dd>
            <dt>{t('purchases.share.markPercent')}</dt>
            <dd>{m.percent(sharePercent(share.overall.markGr, share.overall.totalGr))}</dd>
            <dt>{t('purchases.share.total')}</dt>
            <dd>{m.zl(share.overall.totalGr)}</dd>
            <dt>{t('purchases.buyer.file')}</dt>
            <dd>
              {share.file.file_name}, {fmt.dateTime(share.file.uploaded_at)}
            </dd>
          </dl>
          <p>{t('purchases.share.rule')}</p>
          <ShareTable share={share} />
          <p>
            {t('purchases.export.label')}{' '}
            {EXPORT_FORMATS.map((f, i) => (
              <span key={f}>
                {i > 0 ? ', ' : ''}
                <a href={href(`${base}/eksport/${share.year}/${f}`)} download>
                  {f.toUpperCase()}
                </a>
              </span>
            ))}
          </p>
          <h2>{t('purchases.buyer.rows')}</h2>
          <Table
            caption={t('purchases.buyer.rowsCaption', { year: share.year })}
            rows={share.rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t('purchases.rows.supplier'), cell: (r) => r.supplier },
              { header: t('purchases.rows.nip'), cell: (r) => r.nip ?? '—' },
              { header: t('purchases.rows.category'), cell: (r) => r.category || '—' },
              { header: t('purchases.rows.amount'), cell: (r) => m.zl(r.amount_gr), numeric: true },
              {
                header: t('purchases.rows.entity'),
                cell: (r) =>
                  r.entity ? (
                    <>
                      <a href={href(r.entity.path)}>{r.entity.name}</a>
                      {r.entity.isPs ? ` (${t('purchases.rows.ps')})` : ''}
                      {r.entity.hasValidMark ? ` (${t('purchases.rows.mark')})` : ''}
                    </>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export function ImportView({
  buyer,
  csrf,
  problems,
  result,
  year,
}: {
  buyer: BuyerRow;
  csrf: string;
  problems: Problem[];
  result: ImportResult | null;
  year: string;
}) {
  const { t, href } = usePage();
  const text = (p: Problem) => t(p.key as TKey, p.params);
  return (
    <>
      <PageHeader title={t('purchases.import.title')} lead={t('purchases.import.intro')} />
      <ErrorSummary problems={problems} />
      {result ? (
        <section aria-labelledby="import-result">
          <h2 id="import-result">{t('purchases.import.result')}</h2>
          {result.fileProblems.length ? (
            <Alert kind="error" title={t('purchases.import.fileProblems')}>
              <ul>
                {result.fileProblems.map((p, i) => (
                  <li key={i}>{text(p)}</li>
                ))}
              </ul>
            </Alert>
          ) : result.badRows.length ? (
            <Alert kind="error" title={t('purchases.import.rowProblems', { count: result.badRows.length })}>
              <ul>
                {result.badRows.map((r) => (
                  <li key={r.line}>
                    {t('purchases.import.row', { line: r.line })}: {r.problems.map(text).join('; ')}
                  </li>
                ))}
              </ul>
              <p>{t('purchases.import.nothingSaved')}</p>
            </Alert>
          ) : result.dryRun ? (
            <Alert kind="success">
              {t('purchases.import.dryRunOk', { count: result.rows })} {t('purchases.import.matched', { count: result.matched })}
              {result.replaces ? ` ${t('purchases.import.willReplace', { year: result.year })}` : ''}
            </Alert>
          ) : (
            <Alert kind="success">
              {t('purchases.import.saved', { count: result.saved })}{' '}
              <a href={href(`${buyerPath(buyer)}?rok=${result.year}`)}>{t('purchases.import.seeShare')}</a>
            </Alert>
          )}
        </section>
      ) : null}
      <p>{t('purchases.import.columns')}</p>
      <form method="post" action={href(`${buyerPath(buyer)}/import`)} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <FormField
          name="year"
          label={t('purchases.import.year')}
          required
          inputMode="numeric"
          maxLength={4}
          value={year}
          problems={problems}
        />
        <FileField
          name="file"
          label={t('purchases.import.file')}
          hint={t('purchases.import.fileHint')}
          accept=".csv,.xlsx"
          problems={problems}
          required
        />
        <CheckboxField name="dry_run" label={t('purchases.import.dryRun')} hint={t('purchases.import.dryRunHint')} checked />
        <Button>{t('purchases.import.submit')}</Button>
      </form>
    </>
  );
}

type Values = Record<string, string>;

function BuyerFields({ values, problems, powiaty }: { values: Values; problems: Problem[]; powiaty: { teryt: string; name: string }[] }) {
  const { t } = usePage();
  return (
    <>
      <FormField name="name" label={t('purchases.buyer.name')} required maxLength={300} value={values.name ?? ''} problems={problems} />
      <SelectField
        name="powiat"
        label={t('purchases.buyer.powiat')}
        hint={t('purchases.buyer.powiatHint')}
        required
        value={values.powiat ?? ''}
        options={[{ value: '', label: t('purchases.buyer.choosePowiat') }, ...powiaty.map((p) => ({ value: p.teryt, label: p.name }))]}
        problems={problems}
      />
      <FormField
        name="nip"
        label={t('purchases.buyer.nip')}
        inputMode="numeric"
        maxLength={13}
        value={values.nip ?? ''}
        problems={problems}
      />
    </>
  );
}

export function AdminBuyersView({
  buyers,
  powiaty,
  csrf,
  values,
  problems,
}: {
  buyers: BuyerRow[];
  powiaty: { teryt: string; name: string }[];
  csrf: string;
  values: Values;
  problems: Problem[];
}) {
  const { t, href } = usePage();
  const names = new Map(powiaty.map((p) => [p.teryt, p.name]));
  return (
    <>
      <PageHeader title={t('purchases.admin.title')} lead={t('purchases.admin.intro')} />
      {buyers.length === 0 ? (
        <p>{t('purchases.admin.none')}</p>
      ) : (
        <Table
          caption={t('purchases.admin.caption')}
          rows={buyers}
          rowKey={(b) => b.id}
          columns={[
            { header: t('purchases.buyer.name'), cell: (b) => <a href={href(adminBuyerPath(b))}>{b.name}</a> },
            { header: t('purchases.buyer.powiat'), cell: (b) => names.get(b.powiat) ?? b.powiat },
            { header: t('purchases.buyer.share'), cell: (b) => <a href={href(buyerPath(b))}>{t('purchases.buyer.open')}</a> },
          ]}
        />
      )}
      <section aria-labelledby="new-buyer">
        <h2 id="new-buyer">{t('purchases.admin.add')}</h2>
        <ErrorSummary problems={problems} />
        <form method="post" action={href('/admin/oferta/zakupy')} novalidate>
          <CsrfField token={csrf} />
          <BuyerFields values={values} problems={problems} powiaty={powiaty} />
          <Button>{t('purchases.admin.addSubmit')}</Button>
        </form>
      </section>
    </>
  );
}

export function AdminBuyerView({
  buyer,
  powiaty,
  representatives,
  people,
  csrf,
  values,
  problems,
  notice,
}: {
  buyer: BuyerRow;
  powiaty: { teryt: string; name: string }[];
  representatives: { id: string; displayName: string; email: string }[];
  people: { id: string; displayName: string; email: string }[];
  csrf: string;
  values: Values;
  problems: Problem[];
  notice: string | null;
}) {
  const { t, href } = usePage();
  const base = adminBuyerPath(buyer);
  const holders = new Set(representatives.map((r) => r.id));
  return (
    <>
      <PageHeader title={buyer.name} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorSummary problems={problems} />
      <p>
        <a href={href(buyerPath(buyer))}>{t('purchases.buyer.open')}</a>
      </p>
      <section aria-labelledby="reps">
        <h2 id="reps">{t('purchases.reps.heading')}</h2>
        {representatives.length === 0 ? (
          <p>{t('purchases.reps.none')}</p>
        ) : (
          <ul class="plain">
            {representatives.map((r) => (
              <li key={r.id}>
                <form method="post" action={href(`${base}/przedstawiciele/usun`)} class="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="user_id" value={r.id} />
                  {r.displayName} ({r.email}) <Button variant="secondary">{t('purchases.reps.remove', { name: r.displayName })}</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={href(`${base}/przedstawiciele`)} novalidate>
          <CsrfField token={csrf} />
          <SelectField
            name="user_id"
            label={t('purchases.reps.person')}
            hint={t('purchases.reps.personHint')}
            required
            value=""
            options={[
              { value: '', label: t('purchases.reps.choose') },
              ...people.filter((p) => !holders.has(p.id)).map((p) => ({ value: p.id, label: `${p.displayName} (${p.email})` })),
            ]}
            problems={problems}
          />
          <Button>{t('purchases.reps.add')}</Button>
        </form>
      </section>
      <section aria-labelledby="edit-buyer">
        <h2 id="edit-buyer">{t('purchases.admin.edit')}</h2>
        <form method="post" action={href(base)} novalidate>
          <CsrfField token={csrf} />
          <BuyerFields values={values} problems={problems} powiaty={powiaty} />
          <Button>{t('purchases.admin.save')}</Button>
        </form>
      </section>
    </>
  );
}
