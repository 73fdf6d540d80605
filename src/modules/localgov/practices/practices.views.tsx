// Views of the local governments' good practices: the searchable public list, an article, the part
// of a unit's profile card, and the staff list and form.
import { Button, FormField, PageHeader } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { RadioGroup } from '../../../core/ui/fields.js';
import { PRACTICE_MEASURES } from '../localgov.tables.js';
import { StaffForm, StaffListHeader, type StaffFormProps } from '../localgov.staff.views.js';
import { UnitField } from '../localgov.views.js';
import type { PracticeView } from './practices.service.js';

function PracticeList({ practices, edit }: { practices: PracticeView[]; edit?: boolean }) {
  const { t, href } = usePage();
  return (
    <ul class="plain">
      {practices.map((p) => (
        <li key={p.id}>
          <h2>
            <a href={href(edit ? `/admin/samorzady/dobre-praktyki/${p.id}` : p.path)}>{p.title}</a>
          </h2>
          <p>{t('localgov.practices.meta', { unit: p.unitLabel, measure: p.measure })}</p>
        </li>
      ))}
    </ul>
  );
}

export function PracticesView({ practices, q }: { practices: PracticeView[]; q: string }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('localgov.practices.title')} lead={t('localgov.practices.intro')} />
      <form method="get" action={href('/samorzady/dobre-praktyki')} class="inline-filter" role="search">
        <label for="f-q">{t('localgov.practices.search')}</label> <input id="f-q" name="q" type="search" value={q} maxLength={200} />{' '}
        <Button variant="secondary">{t('localgov.show')}</Button>
      </form>
      <p>{t('localgov.practices.count', { count: practices.length })}</p>
      <PracticeList practices={practices} />
    </>
  );
}

export function PracticeArticle({ p }: { p: PracticeView }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={p.title} />
      <p>
        <a href={href(p.unitPath)}>{p.unitLabel}</a> · {p.measure}
      </p>
      {p.body.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      {p.entities.length ? (
        <>
          <h2>{t('localgov.practices.entities')}</h2>
          <ul>
            {p.entities.map((e) => (
              <li key={e.path}>
                <a href={href(e.path)}>{e.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {t('localgov.field.source')}: {p.source}
      </p>
    </>
  );
}

export function UnitPractices({ practices }: { practices: PracticeView[] }) {
  const { t, href } = usePage();
  return (
    <>
      <h3>{t('localgov.practices.cardTitle')}</h3>
      {practices.length === 0 ? (
        <p>{t('localgov.practices.unitNone')}</p>
      ) : (
        <ul>
          {practices.map((p) => (
            <li key={p.id}>
              <a href={href(p.path)}>{p.title}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PracticesAdminView({ practices }: { practices: PracticeView[] }) {
  const { t } = usePage();
  return (
    <>
      <StaffListHeader
        title={t('localgov.practices.title')}
        addPath="/admin/samorzady/dobre-praktyki/nowa"
        addLabel={t('localgov.practices.add')}
      />
      <PracticeList practices={practices} edit />
    </>
  );
}

export function PracticeFormView(props: StaffFormProps) {
  const { t } = usePage();
  const { values, problems } = props;
  const v = (n: string) => values[n] ?? '';
  return (
    <StaffForm
      title={props.title}
      saved={props.saved}
      problems={problems}
      csrf={props.csrf}
      action={props.id ? `/admin/samorzady/dobre-praktyki/${props.id}` : '/admin/samorzady/dobre-praktyki/nowa'}
    >
      <FormField name="title" label={t('localgov.practices.field.title')} value={v('title')} problems={problems} required maxLength={200} />
      <FormField
        name="body"
        label={t('localgov.practices.field.body')}
        value={v('body')}
        problems={problems}
        required
        multiline
        rows={8}
        maxLength={4000}
      />
      <UnitField value={v('unit')} units={props.units} problems={problems} />
      <RadioGroup
        name="measure"
        legend={t('localgov.practices.field.measure')}
        options={PRACTICE_MEASURES.map((m) => ({ value: m, label: t(`localgov.practices.measure.${m}`) }))}
        value={v('measure')}
        problems={problems}
      />
      <FormField
        name="entities"
        label={t('localgov.practices.field.entities')}
        hint={t('localgov.practices.entitiesHint')}
        value={v('entities')}
        problems={problems}
        multiline
        rows={3}
      />
      <FormField name="source" label={t('localgov.field.source')} value={v('source')} problems={problems} required maxLength={500} />
    </StaffForm>
  );
}
