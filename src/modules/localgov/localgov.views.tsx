// Views of the localgov module: the public table of a year (with its CSV), the cooperation card on
// a territorial profile, and the staff list and form. Unknown values read "brak danych", never "nie".
import type { Problem } from '../../core/errors/app-error.js';
import { Button, FormField, PageHeader, Table } from '../../core/ui/components.js';
import { CheckboxField, RadioGroup } from '../../core/ui/fields.js';
import { usePage } from '../../core/ui/context.js';
import { profilePath, UnitNameField } from '../territory/index.js';
import { StaffForm } from './localgov.staff.views.js';
import type { CooperationRow } from './localgov.repo.js';
import type { FoundedEntity } from './localgov.entities.js';
import { CLAUSE_KINDS, type TableRow, type UnitOption } from './localgov.service.js';

function useValue() {
  const { t, fmt } = usePage();
  return {
    yesNo: (v: 'yes' | 'no' | null) => (v === null ? t('localgov.unknown') : t(`localgov.${v}`)),
    num: (v: number | null) => (v === null ? t('localgov.unknown') : fmt.number(v)),
    money: (v: number | null) => (v === null ? t('localgov.unknown') : fmt.money(v)),
    kinds: (v: string | null) =>
      v === null
        ? t('localgov.unknown')
        : fmt.list(v.split(',').map((k) => t(`localgov.clauseKinds.${k as (typeof CLAUSE_KINDS)[number]}`))),
  };
}

export function YearTableView({ year, years, rows }: { year: number; years: number[]; rows: TableRow[] }) {
  const { t, href } = usePage();
  const v = useValue();
  return (
    <>
      <PageHeader title={t('localgov.titleYear', { year })} lead={t('localgov.intro')} />
      <form method="get" action={href('/samorzady')} class="inline-filter">
        <label for="f-rok">{t('localgov.year')}</label>{' '}
        <select id="f-rok" name="rok">
          {years.map((y) => (
            <option key={y} value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>{' '}
        <Button variant="secondary">{t('localgov.show')}</Button>
      </form>
      <ul class="inline-links">
        <li>
          <a href={href(`/samorzady/mapa?rok=${year}`)}>{t('localgov.links.map')}</a>
        </li>
        <li>
          <a href={href(`/samorzady/ranking?rok=${year}`)}>{t('localgov.links.ranking')}</a>
        </li>
        <li>
          <a href={href('/samorzady/nagrody')}>{t('localgov.links.awards')}</a>
        </li>
        <li>
          <a href={href('/samorzady/dobre-praktyki')}>{t('localgov.practices.title')}</a>
        </li>
      </ul>
      {rows.length === 0 ? (
        <p>{t('localgov.noneYear', { year })}</p>
      ) : (
        <>
          <p>
            <a href={href(`/samorzady.csv?rok=${year}`)}>{t('localgov.csv', { year })}</a>
          </p>
          <Table
            caption={t('localgov.caption', { year })}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t('localgov.col.unit'), cell: (r) => <a href={href(profilePath(r.unit_teryt))}>{r.unitLabel}</a> },
              { header: t('localgov.col.programme'), cell: (r) => v.yesNo(r.programme) },
              { header: t('localgov.col.coordinator'), cell: (r) => v.yesNo(r.coordinator) },
              { header: t('localgov.col.clauses'), cell: (r) => v.num(r.clauses_count), numeric: true },
              { header: t('localgov.col.tasks'), cell: (r) => v.num(r.tasks_count), numeric: true },
              { header: t('localgov.col.tasksValue'), cell: (r) => v.money(r.tasks_value_pln), numeric: true },
              { header: t('localgov.col.source'), cell: (r) => r.source },
            ]}
          />
        </>
      )}
    </>
  );
}

/** The cooperation card on a gmina or powiat profile: its latest record, with the entities it founded. */
export function CooperationCard({ row, founded = [] }: { row: CooperationRow | null; founded?: FoundedEntity[] }) {
  const { t, href, fmt } = usePage();
  const v = useValue();
  if (!row) return <p>{t('localgov.card.none')}</p>;
  return (
    <>
      <p>{t('localgov.card.year', { year: row.year })}</p>
      <dl class="localgov-card">
        <div>
          <dt>{t('localgov.field.programme')}</dt>
          <dd>
            {v.yesNo(row.programme)}
            {row.programme_title ? (
              <>
                {': '}
                {row.programme_url ? <a href={row.programme_url}>{row.programme_title}</a> : row.programme_title}
                {row.programme_date ? ` (${fmt.date(row.programme_date)})` : ''}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('localgov.field.coordinator')}</dt>
          <dd>{v.yesNo(row.coordinator)}</dd>
        </div>
        <div>
          <dt>{t('localgov.field.clausesCount')}</dt>
          <dd>
            {v.num(row.clauses_count)}
            {row.clauses_value_pln !== null ? `, ${v.money(row.clauses_value_pln)}` : ''}
            {row.clause_kinds ? ` (${v.kinds(row.clause_kinds)})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('localgov.field.tasksCount')}</dt>
          <dd>
            {v.num(row.tasks_count)}
            {row.tasks_value_pln !== null ? `, ${v.money(row.tasks_value_pln)}` : ''}
          </dd>
        </div>
        {row.other_forms ? (
          <div>
            <dt>{t('localgov.field.otherForms')}</dt>
            <dd>{row.other_forms}</dd>
          </div>
        ) : null}
        {founded.length > 0 ? (
          <div>
            <dt>{t('localgov.field.foundedEntities')}</dt>
            <dd>
              <ul>
                {founded.map((e) => (
                  <li key={e.id}>
                    <a href={href(e.path)}>{e.name}</a>
                    {e.isExample ? ` (${t('localgov.exampleData')})` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('localgov.field.source')}</dt>
          <dd>{row.source}</dd>
        </div>
      </dl>
      <p>
        <a href={href(`/samorzady?rok=${row.year}`)}>{t('localgov.card.all', { year: row.year })}</a>
      </p>
    </>
  );
}

export function AdminListView({ year, years, rows }: { year: number; years: number[]; rows: TableRow[] }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('localgov.admin.title')} lead={t('localgov.admin.intro')} />
      <p>
        <a class="button button--secondary" href={href('/admin/samorzady/nowy')}>
          {t('localgov.admin.add')}
        </a>{' '}
        <a class="button button--secondary" href={href('/admin/samorzady/ankieta')}>
          {t('localgov.survey.title')}
        </a>{' '}
        <a class="button button--secondary" href={href('/admin/samorzady/nagrody')}>
          {t('localgov.awards.adminTitle')}
        </a>{' '}
        <a class="button button--secondary" href={href('/admin/samorzady/dobre-praktyki')}>
          {t('localgov.practices.title')}
        </a>
      </p>
      <p>
        {years.map((y, i) => (
          <span key={y}>
            {i > 0 ? ' · ' : ''}
            {y === year ? <strong aria-current="true">{y}</strong> : <a href={href(`/admin/samorzady?rok=${y}`)}>{y}</a>}
          </span>
        ))}
      </p>
      {rows.length === 0 ? (
        <p>{t('localgov.noneYear', { year })}</p>
      ) : (
        <Table
          caption={t('localgov.caption', { year })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('localgov.col.unit'), cell: (r) => <a href={href(`/admin/samorzady/${r.id}`)}>{r.unitLabel}</a> },
            { header: t('localgov.col.source'), cell: (r) => r.source },
          ]}
        />
      )}
    </>
  );
}

export function CooperationFormView({
  csrf,
  action,
  values,
  problems = [],
  units,
  saved,
  title,
}: {
  csrf: string;
  action: string;
  values: Record<string, string | string[]>;
  problems?: Problem[];
  units: UnitOption[];
  saved?: boolean;
  title: string;
}) {
  const { t } = usePage();
  const str = (n: string) => {
    const x = values[n];
    return Array.isArray(x) ? x.join(',') : (x ?? '');
  };
  const field = (name: string, label: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={label} value={str(name)} problems={problems} {...extra} />
  );
  const triOptions = [
    { value: '', label: t('localgov.unknown') },
    { value: 'yes', label: t('localgov.yes') },
    { value: 'no', label: t('localgov.no') },
  ];
  const kinds = str('clause_kinds').split(',');
  return (
    <StaffForm title={title} saved={saved} problems={problems} csrf={csrf} action={action}>
      <UnitField value={str('unit')} units={units} problems={problems} />
      {field('year', t('localgov.field.year'), { inputMode: 'numeric', maxLength: 4, required: true })}
      <RadioGroup
        name="programme"
        legend={t('localgov.field.programme')}
        options={triOptions}
        value={str('programme')}
        problems={problems}
      />
      {field('programme_title', t('localgov.field.programmeTitle'), { maxLength: 300 })}
      {field('programme_date', t('localgov.field.programmeDate'), { hint: t('localgov.field.dateHint'), maxLength: 10 })}
      {field('programme_url', t('localgov.field.programmeUrl'), { type: 'url' })}
      <RadioGroup
        name="coordinator"
        legend={t('localgov.field.coordinator')}
        options={triOptions}
        value={str('coordinator')}
        problems={problems}
      />
      <p class="hint">{t('localgov.field.numbersHint')}</p>
      {field('clauses_count', t('localgov.field.clausesCount'), { inputMode: 'numeric' })}
      {field('clauses_value_pln', t('localgov.field.clausesValue'), { inputMode: 'numeric' })}
      <ClauseKindsFieldset kinds={kinds} />
      {field('tasks_count', t('localgov.field.tasksCount'), { inputMode: 'numeric' })}
      {field('tasks_value_pln', t('localgov.field.tasksValue'), { inputMode: 'numeric' })}
      {field('other_forms', t('localgov.field.otherForms'), { multiline: true, rows: 4, maxLength: 2000 })}
      {field('founded_entities', t('localgov.field.foundedEntities'), {
        multiline: true,
        rows: 3,
        hint: t('localgov.field.foundedEntitiesHint'),
      })}
      {field('source', t('localgov.field.source'), { hint: t('localgov.field.sourceHint'), required: true, maxLength: 500 })}
    </StaffForm>
  );
}

/** A gmina or powiat typed by name, with every unit's unique label offered as a suggestion (territory's one field). */
export function UnitField({ value, units, problems }: { value: string; units: UnitOption[]; problems: Problem[] }) {
  const { t } = usePage();
  return (
    <UnitNameField
      name="unit"
      label={t('localgov.field.unit')}
      hint={t('localgov.field.unitHint')}
      value={value}
      problems={problems}
      required
      suggestions={units}
    />
  );
}

/** The kinds of social clauses as checkboxes (the staff record form and the survey's text answers). */
export function ClauseKindsFieldset({ kinds }: { kinds: readonly string[] }) {
  const { t } = usePage();
  return (
    <fieldset>
      <legend>{t('localgov.field.clauseKinds')}</legend>
      {CLAUSE_KINDS.map((k) => (
        <CheckboxField
          key={k}
          name="clause_kinds"
          value={k}
          idSuffix={k}
          label={t(`localgov.clauseKinds.${k}`)}
          checked={kinds.includes(k)}
        />
      ))}
    </fieldset>
  );
}
