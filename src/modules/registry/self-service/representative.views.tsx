// Views of "Moje podmioty": the list of entities a person represents, the profile page with the
// direct-edit forms (description and contact, places of activity) and the proposals sent, and the
// proposal forms for changes that staff verify first (employment with the staff form's categories).
import { Fragment } from 'preact';
import type { Problem } from '../../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table, PageHeader } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { TKey } from '../../../i18n/index.js';
import type { PlaceRow, ProposalListItem } from './claims.repo.js';
import { PROPOSAL_KINDS, type ProposalKind } from './claims.tables.js';
import { CheckboxField, SelectField as Select } from '../../../core/ui/fields.js';
import { PS_TYPES } from '../entity/employment.js';
import { AtRiskCategoryFields } from '../entity/record.views.js';
import { KIND_SLUGS, PROPOSAL_FIELDS, placeText, PROFILE_LABELS } from './representative.service.js';
import { GminaDatalist, GminaField, type GminaChoice } from '../../territory/index.js';
import { activityLabel } from '../entity/activity-state.js';
import { entityPath } from '../entity/registry.service.js';
import { LEGAL_FORMS } from '../entity/registry.tables.js';

export function MyEntitiesView({
  rows,
}: {
  rows: { id: string; name: string; lifecycle: string; activity_verified_on: string | null; verified_at: string | null }[];
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('claims.mine.title')} />
      {rows.length === 0 ? (
        <>
          <p>{t('claims.mine.none')}</p>
          <p>
            <a href={href('/podmioty')}>{t('claims.mine.catalogue')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('claims.mine.intro')}</p>
          <Table
            caption={t('claims.mine.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t('claims.mine.name'), cell: (r) => <a href={href(`/moje-podmioty/${r.id}`)}>{r.name}</a> },
              { header: t('claims.mine.state'), cell: (r) => activityLabel(t, r) },
            ]}
          />
        </>
      )}
    </>
  );
}

export interface ProfilePageProps {
  entity: { id: string; name: string };
  csrf: string;
  profileValues: Record<string, string | undefined>;
  profileProblems: Problem[];
  places: PlaceRow[];
  gminy: readonly GminaChoice[];
  placeValues: Record<string, string | undefined> | null;
  placeProblems: Problem[];
  proposals: ProposalListItem[];
  notice: string | null;
}

function PlacesForm({
  entityId,
  csrf,
  places,
  gminy,
  values,
  problems,
}: {
  entityId: string;
  csrf: string;
  places: PlaceRow[];
  gminy: readonly GminaChoice[];
  values: Record<string, string | undefined> | null;
  problems: Problem[];
}) {
  const { t, href } = usePage();
  const v = (name: string, stored: string | null) => (values ? (values[name] ?? '') : (stored ?? ''));
  const listId = 'places-gminy';
  return (
    <form method="post" action={href(`/moje-podmioty/${entityId}/miejsca`)} novalidate>
      <CsrfField token={csrf} />
      <GminaDatalist id={listId} gminy={gminy} />
      {places.length === 0 ? <p>{t('claims.places.none')}</p> : null}
      {places.map((p) => (
        <fieldset key={p.id} class="place">
          <legend>
            {t('claims.places.legend', { place: placeText(p, gminy, (name) => t('claims.places.inGmina', { name })) || '—' })}
          </legend>
          <FormField
            name={`place_${p.id}_town`}
            label={t('claims.places.town')}
            required
            maxLength={200}
            value={v(`place_${p.id}_town`, p.town)}
            problems={problems}
          />
          <FormField
            name={`place_${p.id}_address`}
            label={t('claims.places.address')}
            maxLength={300}
            value={v(`place_${p.id}_address`, p.address)}
            problems={problems}
          />
          <GminaField
            name={`place_${p.id}_gmina`}
            label={t('claims.places.gmina')}
            hint={t('claims.places.gminaHint')}
            value={v(`place_${p.id}_gmina`, p.gmina_teryt)}
            problems={problems}
            gminy={gminy}
            listId={listId}
          />
          <CheckboxField
            name={`place_${p.id}_remove`}
            label={t('claims.places.remove')}
            checked={values?.[`place_${p.id}_remove`] === '1'}
            problems={problems}
          />
        </fieldset>
      ))}
      <fieldset class="place">
        <legend>{t('claims.places.newLegend')}</legend>
        <FormField name="new_town" label={t('claims.places.new_town')} maxLength={200} value={values?.new_town ?? ''} problems={problems} />
        <FormField
          name="new_address"
          label={t('claims.places.new_address')}
          maxLength={300}
          value={values?.new_address ?? ''}
          problems={problems}
        />
        <GminaField
          name="new_gmina"
          label={t('claims.places.new_gmina')}
          hint={t('claims.places.gminaHint')}
          value={values?.new_gmina ?? ''}
          problems={problems}
          gminy={gminy}
          listId={listId}
        />
      </fieldset>
      <Button>{t('claims.places.save')}</Button>
    </form>
  );
}

export function ProfileView(props: ProfilePageProps) {
  const { t, href, fmt } = usePage();
  const { entity, csrf, profileValues: values, profileProblems: problems } = props;
  const field = (
    name: keyof typeof PROFILE_LABELS,
    extra: {
      hint?: string;
      multiline?: boolean;
      type?: 'email' | 'tel' | 'url';
      maxLength?: number;
      rows?: number;
      autocomplete?: string;
    } = {},
  ) => <FormField name={name} label={t(PROFILE_LABELS[name])} value={values[name] ?? ''} problems={problems} {...extra} />;
  return (
    <>
      <PageHeader title={t('claims.profile.title', { name: entity.name })} />
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      <p>{t('claims.profile.intro')}</p>
      <p>
        <a href={href(entityPath(entity))}>{t('claims.profile.publicPage')}</a>
      </p>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('claims.profile.sectionProfile')}</h2>
        <ErrorSummary problems={problems} />
        <form method="post" action={href(`/moje-podmioty/${entity.id}`)} novalidate>
          <CsrfField token={csrf} />
          {field('description', { multiline: true, rows: 8, maxLength: 5000 })}
          {field('email', { type: 'email', maxLength: 254 })}
          {field('phone', { type: 'tel', maxLength: 50 })}
          {field('website', { type: 'url', maxLength: 500 })}
          {field('sectors', { multiline: true, rows: 4, hint: t('claims.profile.sectorsHint') })}
          <Button>{t('claims.profile.save')}</Button>
        </form>
      </section>
      <section aria-labelledby="places-title">
        <h2 id="places-title">{t('claims.profile.sectionPlaces')}</h2>
        <p>{t('claims.places.intro')}</p>
        {/* only one of the page's forms is sent at a time, so at most one summary shows */}
        <ErrorSummary problems={props.placeProblems} />
        <PlacesForm
          entityId={entity.id}
          csrf={csrf}
          places={props.places}
          gminy={props.gminy}
          values={props.placeValues}
          problems={props.placeProblems}
        />
      </section>
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t('claims.profile.sectionProposals')}</h2>
        <p>{t('claims.profile.proposalsIntro')}</p>
        <ul>
          {PROPOSAL_KINDS.map((k) => (
            <li key={k}>
              <a href={href(`/moje-podmioty/${entity.id}/propozycja/${KIND_SLUGS[k]}`)}>
                {t('claims.profile.propose', { kind: t(`claims.kinds.${k}` as TKey) })}
              </a>
            </li>
          ))}
        </ul>
        <h3>{t('claims.profile.myProposals')}</h3>
        {props.proposals.length === 0 ? (
          <p>{t('claims.profile.noProposals')}</p>
        ) : (
          <Table
            caption={t('claims.profile.proposalsCaption')}
            rows={props.proposals}
            rowKey={(r) => r.id}
            columns={[
              { header: t('claims.profile.sentAt'), cell: (r) => fmt.dateTime(r.created_at) },
              { header: t('claims.profile.kind'), cell: (r) => t(`claims.kinds.${r.kind}` as TKey) },
              { header: t('claims.profile.status'), cell: (r) => t(`claims.proposal.status.${r.status}` as TKey) },
              { header: t('claims.profile.reason'), cell: (r) => r.decision_reason ?? '—' },
            ]}
          />
        )}
      </section>
    </>
  );
}

export function ProposalFormView({
  entity,
  kind,
  csrf,
  values,
  problems,
  current,
}: {
  entity: { id: string; name: string };
  kind: ProposalKind;
  csrf: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  current: { label: TKey; value: string | null }[];
}) {
  const { t, href } = usePage();
  const labels = PROPOSAL_FIELDS[kind];
  const text = (
    name: string,
    extra: { hint?: string; type?: 'text' | 'date'; inputMode?: 'numeric' | 'decimal'; maxLength?: number; multiline?: boolean } = {},
  ) => <FormField name={name} label={t(labels[name]!)} value={values[name] ?? ''} problems={problems} {...extra} />;
  const kindLabel = t(`claims.kinds.${kind}` as TKey);
  return (
    <>
      <PageHeader title={t('claims.proposal.title', { kind: kindLabel })} />
      <p>{t('claims.proposal.intro')}</p>
      {current.length ? (
        <>
          <h2>{t('claims.proposal.current')}</h2>
          <dl class="registry-facts">
            {current.map((c) => (
              <Fragment key={c.label}>
                <dt>{t(c.label)}</dt>
                <dd>{c.value ?? '—'}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/moje-podmioty/${entity.id}/propozycja/${KIND_SLUGS[kind]}`)} novalidate>
        <CsrfField token={csrf} />
        {kind === 'identifiers' ? (
          <>
            {text('nip', { hint: t('registry.field.identHint'), inputMode: 'numeric', maxLength: 20 })}
            {text('regon', { hint: t('registry.field.identHint'), inputMode: 'numeric', maxLength: 20 })}
            {text('krs', { hint: t('registry.field.identHint'), inputMode: 'numeric', maxLength: 20 })}
          </>
        ) : null}
        {kind === 'legal_form' ? (
          <>
            <Select
              name="legal_form"
              label={t(labels.legal_form!)}
              value={values.legal_form ?? ''}
              problems={problems}
              options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`registry.legalForm.${f}` as TKey) }))}
            />
            {text('creating_body', { hint: t('claims.proposal.creatingBodyHint'), maxLength: 300 })}
          </>
        ) : null}
        {kind === 'ps_status' ? (
          <>
            <Select
              name="kind"
              label={t(labels.kind!)}
              value={values.kind ?? 'granted'}
              problems={problems}
              options={(['granted', 'lost'] as const).map((k) => ({ value: k, label: t(`claims.proposal.psKinds.${k}` as TKey) }))}
            />
            <Select
              name="ps_type"
              label={t(labels.ps_type!)}
              value={values.ps_type ?? ''}
              problems={problems}
              options={PS_TYPES.map((k) => ({ value: k, label: t(`claims.proposal.psTypes.${k}` as TKey) }))}
            />
            {text('decision_number', { maxLength: 100 })}
            {text('decision_date', { hint: t('claims.proposal.dateHint'), maxLength: 10 })}
            {text('loss_reason', { multiline: true, maxLength: 1000 })}
          </>
        ) : null}
        {kind === 'employment' ? (
          <>
            {text('year', { inputMode: 'numeric', maxLength: 4 })}
            {text('headcount', { inputMode: 'numeric', maxLength: 6 })}
            {text('employees', { inputMode: 'numeric', maxLength: 6 })}
            {text('fte', { hint: t('claims.proposal.fteHint'), inputMode: 'decimal', maxLength: 9 })}
            {text('employees_half_time', { inputMode: 'numeric', maxLength: 6 })}
            {text('at_risk', { inputMode: 'numeric', maxLength: 6 })}
            {text('at_risk_half_time', { inputMode: 'numeric', maxLength: 6 })}
            <AtRiskCategoryFields state={{ values, problems }} />
          </>
        ) : null}
        <FormField
          name="comment"
          label={t('claims.proposal.comment')}
          hint={t('claims.proposal.commentHint')}
          multiline
          rows={3}
          maxLength={2000}
          value={values.comment ?? ''}
          problems={problems}
        />
        <Button>{t('claims.proposal.submit')}</Button>
      </form>
      <p>
        <a href={href(`/moje-podmioty/${entity.id}`)}>{t('claims.profile.title', { name: entity.name })}</a>
      </p>
    </>
  );
}
