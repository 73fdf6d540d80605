// Views of the local governments' survey for staff: the state of the survey's indicators in the
// current programme (with the button that creates the missing ones and the way to the programme's
// monitoring rounds), the units' text answers (given as a section), the partner accounts of gminy and
// powiaty, and the form that adds one.
import type { VNode } from 'preact';
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, LanguageSelect, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { UnitOption } from '../localgov.units.js';
import { UnitField } from '../localgov.views.js';
import type { SurveyPartner, SurveyState } from './survey.service.js';

export function SurveyAdminView({
  csrf,
  state,
  roundsPath,
  partners,
  units,
  values,
  problems = [],
  notice,
  answers,
}: {
  answers?: VNode;
  csrf: string;
  state: SurveyState;
  roundsPath: string | null;
  partners: SurveyPartner[];
  units: UnitOption[];
  values: Record<string, string>;
  problems?: Problem[];
  notice: 'created' | 'invited' | 'granted' | null;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('localgov.survey.title')} lead={t('localgov.survey.intro')} />
      {notice ? (
        <Alert kind="success">
          <p>{t(`localgov.survey.notice.${notice}`)}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="survey-indicators">
        <h2 id="survey-indicators">{t('localgov.survey.indicatorsTitle')}</h2>
        {state.programme === null ? (
          <p>{t('localgov.survey.noProgramme')}</p>
        ) : (
          <>
            <p>
              {t('localgov.survey.indicatorsState', {
                programme: state.programme.title,
                present: state.present.length,
                total: state.present.length + state.missing.length,
              })}
            </p>
            {state.missing.length > 0 ? (
              <form method="post" action={href('/admin/samorzady/ankieta/wskazniki')}>
                <CsrfField token={csrf} />
                <Button variant="secondary">{t('localgov.survey.createIndicators', { count: state.missing.length })}</Button>
              </form>
            ) : null}
            {roundsPath ? (
              <p>
                <a href={href(roundsPath)}>{t('localgov.survey.roundsLink')}</a>
              </p>
            ) : null}
          </>
        )}
      </section>
      {answers ?? null}
      <section aria-labelledby="survey-partners">
        <h2 id="survey-partners">{t('localgov.survey.partnersTitle')}</h2>
        {partners.length === 0 ? (
          <p>{t('localgov.survey.noPartners')}</p>
        ) : (
          <Table
            caption={t('localgov.survey.partnersCaption')}
            rows={partners}
            rowKey={(p) => p.userId}
            columns={[
              { header: t('localgov.survey.field.name'), cell: (p) => p.name },
              { header: t('localgov.survey.field.email'), cell: (p) => p.email },
              { header: t('localgov.col.unit'), cell: (p) => p.units.join('; ') },
              { header: t('localgov.survey.col.account'), cell: (p) => t(p.active ? 'localgov.survey.active' : 'localgov.survey.invited') },
            ]}
          />
        )}
        <h3>{t('localgov.survey.addPartner')}</h3>
        <ErrorSummary problems={problems} />
        <form method="post" action={href('/admin/samorzady/ankieta/partnerzy')} novalidate>
          <CsrfField token={csrf} />
          <UnitField value={values.unit ?? ''} units={units} problems={problems} />
          <FormField
            name="name"
            label={t('localgov.survey.field.name')}
            value={values.name ?? ''}
            problems={problems}
            required
            maxLength={120}
          />
          <FormField
            name="email"
            type="email"
            label={t('localgov.survey.field.email')}
            value={values.email ?? ''}
            problems={problems}
            required
            autocomplete="off"
          />
          <LanguageSelect label={t('localgov.survey.field.lang')} value={values.lang} />
          <Button>{t('localgov.survey.grant')}</Button>
        </form>
      </section>
    </>
  );
}
