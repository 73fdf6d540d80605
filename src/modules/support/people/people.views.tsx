// The staff's section "Osoby ośrodka" on a centre's admin page (who holds the centre's roles, and the
// form naming another person), and the centre people's own page of request counts per month.
import type { Problem } from '../../../core/errors/app-error.js';
import { CsrfField, FormField, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { PageHeader } from '../../../core/ui/components.js';
import type { LeadCount } from '../leads.service.js';
import type { CentrePerson } from './people.service.js';

export function CentrePeopleSection(props: {
  centreId: string;
  people: CentrePerson[];
  /** Names of the subregions the centre serves today. */
  servedToday: string[];
  csrf: string;
  values: Record<string, string>;
  problems: Problem[];
}) {
  const { t, fmt, href } = usePage();
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('support.people.title')}</h2>
      <p>{t('support.people.intro')}</p>
      {props.people.length === 0 ? (
        <p>{t('support.people.none')}</p>
      ) : (
        <Table
          caption={t('support.people.caption')}
          rows={props.people}
          rowKey={(p) => p.id}
          columns={[
            { header: t('support.people.name'), cell: (p) => p.displayName },
            { header: t('support.people.email'), cell: (p) => p.email },
            { header: t('support.people.state'), cell: (p) => (p.isActive ? t('support.people.active') : t('support.people.invited')) },
          ]}
        />
      )}
      <form method="post" action={href(`/admin/wsparcie/${props.centreId}/osoby`)}>
        <CsrfField token={props.csrf} />
        <fieldset>
          <legend>{t('support.people.add')}</legend>
          <FormField name="person_name" label={t('support.people.name')} value={props.values.person_name ?? ''} problems={props.problems} />
          <FormField
            name="person_email"
            type="email"
            label={t('support.people.email')}
            value={props.values.person_email ?? ''}
            problems={props.problems}
          />
          <p class="hint">
            {props.servedToday.length
              ? t('support.people.scopeHint', { subregions: fmt.list(props.servedToday) })
              : t('support.people.noAreaToday')}
          </p>
          <button type="submit">{t('support.people.submit')}</button>
        </fieldset>
      </form>
    </section>
  );
}

export function OwnCountsView({ centres }: { centres: { name: string; counts: LeadCount[] }[] }) {
  const { t, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('support.own.title')} lead={t('support.own.intro')} />
      {centres.map((c, i) => (
        <section key={i} aria-labelledby={`own-${i}`}>
          <h2 id={`own-${i}`}>{c.name}</h2>
          {c.counts.length === 0 ? (
            <p>{t('support.own.none')}</p>
          ) : (
            <Table
              caption={t('support.own.caption', { centre: c.name })}
              rows={c.counts}
              rowKey={(r) => `${r.subregion}-${r.month}`}
              columns={[
                { header: t('support.own.month'), cell: (r) => r.month },
                { header: t('support.own.subregion'), cell: (r) => r.subregion },
                { header: t('support.own.count'), numeric: true, cell: (r) => fmt.number(r.count) },
              ]}
            />
          )}
        </section>
      ))}
    </>
  );
}
