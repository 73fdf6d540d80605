// Views of the local governments' awards: the public list by edition, the part of a unit's profile
// card, and the staff list and form.
import { Button, CsrfField, FormField, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { RadioGroup } from '../../../core/ui/fields.js';
import { AWARD_LEVELS, AWARD_RANKS, AWARDS } from '../localgov.tables.js';
import { StaffForm, StaffListHeader, type StaffFormProps } from '../localgov.staff.views.js';
import { UnitField } from '../localgov.views.js';
import type { AwardView, ForumAwardView } from './awards.service.js';

function byEdition(awards: readonly AwardView[]): [number, AwardView[]][] {
  const years = [...new Set(awards.map((a) => a.year))].sort((a, b) => b - a);
  return years.map((y) => [y, awards.filter((a) => a.year === y)]);
}

export function AwardsView({ awards }: { awards: AwardView[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('localgov.awards.title')} lead={t('localgov.awards.intro')} />
      {awards.length === 0 ? <p>{t('localgov.awards.none')}</p> : null}
      {byEdition(awards).map(([year, list]) => (
        <section key={year} aria-labelledby={`edition-${year}`}>
          <h2 id={`edition-${year}`}>{t('localgov.awards.edition', { year })}</h2>
          <Table
            caption={t('localgov.awards.edition', { year })}
            rows={list}
            rowKey={(a) => a.id}
            columns={[
              { header: t('localgov.col.unit'), cell: (a) => <a href={href(a.path)}>{a.unitLabel}</a> },
              { header: t('localgov.awards.field.award'), cell: (a) => a.title },
              { header: t('localgov.awards.field.rank'), cell: (a) => a.rank },
              { header: t('localgov.awards.field.note'), cell: (a) => a.note ?? '' },
              { header: t('localgov.field.source'), cell: (a) => a.source },
            ]}
          />
        </section>
      ))}
    </>
  );
}

/** The section of a Forum edition's event page: the awards given at it, with the units' good practices. */
export function ForumAwards({ awards, year }: { awards: ForumAwardView[]; year: number }) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="forum-awards">
      <h2 id="forum-awards">{t('localgov.awards.forumTitle')}</h2>
      <Table
        caption={t('localgov.awards.forumCaption', { year })}
        rows={awards}
        rowKey={(a) => a.id}
        columns={[
          { header: t('localgov.awards.field.award'), cell: (a) => a.title },
          { header: t('localgov.awards.field.rank'), cell: (a) => a.rank },
          { header: t('localgov.col.unit'), cell: (a) => <a href={href(a.path)}>{a.unitLabel}</a> },
          { header: t('localgov.awards.field.year'), cell: (a) => String(a.year) },
          {
            header: t('localgov.awards.field.practices'),
            cell: (a) =>
              a.practices.length ? (
                <ul class="plain">
                  {a.practices.map((p) => (
                    <li key={p.path}>
                      <a href={href(p.path)} lang="pl">
                        {p.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <p>
        <a href={href('/samorzady/nagrody')}>{t('localgov.awards.all')}</a>
      </p>
    </section>
  );
}

/** The awards part of a profile's cooperation card. */
export function UnitAwards({ awards }: { awards: AwardView[] }) {
  const { t, href } = usePage();
  return (
    <>
      <h3>{t('localgov.awards.cardTitle')}</h3>
      {awards.length === 0 ? (
        <p>{t('localgov.awards.unitNone')}</p>
      ) : (
        <ul>
          {awards.map((a) => (
            <li key={a.id}>{t('localgov.awards.line', { year: a.year, title: a.title, rank: a.rank })}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={href('/samorzady/nagrody')}>{t('localgov.awards.all')}</a>
      </p>
    </>
  );
}

export function AwardsAdminView({ awards }: { awards: AwardView[] }) {
  const { t, href } = usePage();
  return (
    <>
      <StaffListHeader
        title={t('localgov.awards.adminTitle')}
        addPath="/admin/samorzady/nagrody/nowa"
        addLabel={t('localgov.awards.add')}
      />
      {awards.length === 0 ? (
        <p>{t('localgov.awards.none')}</p>
      ) : (
        <Table
          caption={t('localgov.awards.adminTitle')}
          rows={awards}
          rowKey={(a) => a.id}
          columns={[
            { header: t('localgov.awards.field.edition'), cell: (a) => String(a.year) },
            { header: t('localgov.col.unit'), cell: (a) => <a href={href(`/admin/samorzady/nagrody/${a.id}`)}>{a.unitLabel}</a> },
            { header: t('localgov.awards.field.award'), cell: (a) => a.title },
            { header: t('localgov.awards.field.rank'), cell: (a) => a.rank },
          ]}
        />
      )}
    </>
  );
}

export function AwardFormView({ csrf, id, values, problems, units, saved, title }: StaffFormProps) {
  const { t, href } = usePage();
  const v = (n: string) => values[n] ?? '';
  return (
    <>
      <StaffForm
        title={title}
        saved={saved}
        problems={problems}
        csrf={csrf}
        action={id ? `/admin/samorzady/nagrody/${id}` : '/admin/samorzady/nagrody/nowa'}
      >
        <FormField
          name="edition_year"
          label={t('localgov.awards.field.edition')}
          value={v('edition_year')}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
          required
        />
        <RadioGroup
          name="award"
          legend={t('localgov.awards.field.award')}
          options={AWARDS.map((a) => ({ value: a, label: t(`localgov.awards.award.${a}`) }))}
          value={v('award')}
          problems={problems}
        />
        <RadioGroup
          name="level"
          legend={t('localgov.awards.field.level')}
          options={[
            { value: '', label: t('localgov.awards.level.none') },
            ...AWARD_LEVELS.map((l) => ({ value: l, label: t(`localgov.awards.level.${l}`) })),
          ]}
          value={v('level')}
          problems={problems}
        />
        <RadioGroup
          name="rank"
          legend={t('localgov.awards.field.rank')}
          options={AWARD_RANKS.map((r) => ({ value: r, label: t(`localgov.awards.rank.${r}`) }))}
          value={v('rank')}
          problems={problems}
        />
        <UnitField value={v('unit')} units={units} problems={problems} />
        <FormField
          name="note"
          label={t('localgov.awards.field.note')}
          value={v('note')}
          problems={problems}
          multiline
          rows={3}
          maxLength={500}
        />
        <FormField
          name="source"
          label={t('localgov.field.source')}
          hint={t('localgov.awards.sourceHint')}
          value={v('source')}
          problems={problems}
          required
          maxLength={500}
        />
      </StaffForm>
      {id ? (
        <form method="post" action={href(`/admin/samorzady/nagrody/${id}/usun`)}>
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('localgov.awards.delete')}</Button>
        </form>
      ) : null}
    </>
  );
}
