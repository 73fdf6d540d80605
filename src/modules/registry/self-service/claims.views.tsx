// Views of "To mój podmiot": the public request form (multipart, works without JavaScript, with a
// hidden honeypot), its confirmation, and the staff pages for requests and for representatives'
// proposals (lists filtered by state, details with the decision form). A document deleted by the
// retention job is named as such, with its date, where the download link was.
import type { Problem } from '../../../core/errors/app-error.js';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FieldShell,
  FormField,
  Table,
  fieldDescription,
  PageHeader,
} from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { CheckboxField } from '../../../core/ui/fields.js';
import type { TKey } from '../../../i18n/index.js';
import type { ClaimFileHead, ClaimListItem, ClaimRow, ProposalListItem, ProposalRow } from './claims.repo.js';
import { CLAIM_DOCUMENT_RETENTION_DAYS, CLAIM_HONEYPOT } from './claims.service.js';
import type { ClaimStatus, ProposalStatus } from './claims.tables.js';
import type { ProposalLine } from './representative.service.js';
import { entityPath } from '../entity/registry.service.js';

export function ClaimFormView({
  entity,
  csrf,
  values,
  problems,
  fromAccount,
  represents = false,
}: {
  entity: { id: string; name: string };
  csrf: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  fromAccount: boolean;
  represents?: boolean;
}) {
  const { t, href } = usePage();
  const fileMine = problems.filter((p) => p.field === 'document');
  const documentHint = t('claims.form.documentHint', { count: CLAIM_DOCUMENT_RETENTION_DAYS });
  return (
    <>
      <PageHeader title={t('claims.form.title', { entity: entity.name })} />
      {represents ? (
        <Alert kind="info">
          <p>
            {t('claims.form.alreadyRepresent')} <a href={href(`/moje-podmioty/${entity.id}`)}>{t('claims.form.alreadyLink')}</a>
          </p>
        </Alert>
      ) : null}
      <p>{t('claims.form.intro')}</p>
      {fromAccount ? <p>{t('claims.form.fromAccount')}</p> : null}
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`/podmioty/${entity.id}/to-moj-podmiot`)} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="name"
          label={t('claims.form.name')}
          required
          maxLength={200}
          autocomplete="name"
          value={values.name ?? ''}
          problems={problems}
        />
        <FormField
          name="email"
          type="email"
          label={t('claims.form.email')}
          required
          maxLength={254}
          autocomplete="email"
          value={values.email ?? ''}
          problems={problems}
        />
        <FormField
          name="role"
          label={t('claims.form.role')}
          hint={t('claims.form.roleHint')}
          required
          maxLength={200}
          autocomplete="organization-title"
          value={values.role ?? ''}
          problems={problems}
        />
        <FormField
          name="justification"
          label={t('claims.form.justification')}
          hint={t('claims.form.justificationHint')}
          multiline
          rows={6}
          maxLength={5000}
          value={values.justification ?? ''}
          problems={problems}
        />
        <FieldShell id="f-document" label={t('claims.form.document')} hint={documentHint} mine={fileMine}>
          <input
            type="file"
            id="f-document"
            name="document"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-describedby={fieldDescription('f-document', documentHint, fileMine)}
            aria-invalid={fileMine.length ? 'true' : undefined}
          />
        </FieldShell>
        {/* the honeypot: hidden by CSS from people and assistive technology alike */}
        <div class="portal-hp">
          <label for={`f-${CLAIM_HONEYPOT}`}>{t('claims.form.honeypot')}</label>
          <input id={`f-${CLAIM_HONEYPOT}`} name={CLAIM_HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <CheckboxField
          name="consent"
          label={t('claims.form.consent')}
          hint={t('claims.form.consentHint')}
          checked={values.consent === '1'}
          problems={problems}
        />
        <Button>{t('claims.form.submit')}</Button>
      </form>
    </>
  );
}

export function ClaimSentView({ entity }: { entity: { id: string; name: string } }) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={t('claims.sent.title')} />
      <Alert kind="success">
        <p>{t('claims.sent.body')}</p>
      </Alert>
      <p>
        <a href={href(entityPath(entity))}>{t('claims.sent.back')}</a>
      </p>
    </>
  );
}

/** Links to the three states of a staff queue, the current one marked. */
function StatusLinks<S extends string>({
  base,
  current,
  states,
  label,
}: {
  base: string;
  current: S;
  states: readonly S[];
  label: (s: S) => string;
}) {
  const { t, href } = usePage();
  return (
    <nav aria-label={t('claims.admin.show')}>
      <ul class="portal-filter-inline">
        {states.map((s) => (
          <li key={s}>
            <a href={href(s === 'pending' ? base : `${base}?stan=${s}`)} aria-current={s === current ? 'page' : undefined}>
              {label(s)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ClaimsListView({ status, rows, notice }: { status: ClaimStatus; rows: ClaimListItem[]; notice: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('claims.admin.title')} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <p>{t('claims.admin.intro')}</p>
      <StatusLinks
        base="/admin/podmioty/zgloszenia"
        current={status}
        states={['pending', 'approved', 'rejected'] as const}
        label={(s) => t(`claims.status.${s}` as TKey)}
      />
      {rows.length === 0 ? (
        <p>{t('claims.admin.none')}</p>
      ) : (
        <Table
          caption={t('claims.admin.caption', { status: t(`claims.status.${status}` as TKey) })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('claims.admin.received'), cell: (r) => fmt.dateTime(r.created_at) },
            { header: t('claims.admin.entity'), cell: (r) => <a href={href(`/admin/podmioty/zgloszenia/${r.id}`)}>{r.entity_name}</a> },
            { header: t('claims.admin.requester'), cell: (r) => `${r.name} <${r.email}>` },
            { header: t('claims.admin.role'), cell: (r) => r.role_in_entity },
            {
              header: t('claims.admin.document'),
              cell: (r) =>
                r.document_erased_at ? t('claims.admin.documentErasedShort') : r.has_file ? t('claims.admin.yes') : t('claims.admin.no'),
            },
          ]}
        />
      )}
    </>
  );
}

function sizeText(bytes: number, locale: string): string {
  const nf = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${nf(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${nf(bytes / 1000, 0)} kB`;
  return `${nf(bytes / 1_000_000, 1)} MB`;
}

/** The decision form shared by requests and proposals: a reason and two buttons. */
function DecisionForm({
  action,
  csrf,
  problems,
  values,
  approveLabel,
  approveValue,
}: {
  action: string;
  csrf: string;
  problems: Problem[];
  values: Record<string, string | undefined>;
  approveLabel: string;
  approveValue: string;
}) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('claims.admin.decisionTitle')}</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="reason"
          label={t('claims.admin.reason')}
          hint={t('claims.admin.reasonHint')}
          multiline
          rows={4}
          maxLength={2000}
          value={values.reason ?? ''}
          problems={problems}
        />
        <p class="button-row">
          <Button name="decision" value={approveValue}>
            {approveLabel}
          </Button>{' '}
          <Button name="decision" value="reject" variant="secondary">
            {t('claims.admin.reject')}
          </Button>
        </p>
      </form>
    </section>
  );
}

function Decided({ status, at, reason, statusLabel }: { status: string; at: string | null; reason: string | null; statusLabel: string }) {
  const { t, fmt } = usePage();
  if (status === 'pending') return null;
  return (
    <Alert kind="info">
      <p>
        {statusLabel}. {at ? t('claims.admin.decided', { date: fmt.dateTime(at) }) : null}
      </p>
      {reason ? <p>{t('claims.admin.decidedReason', { reason })}</p> : null}
    </Alert>
  );
}

export function ClaimDetailView({
  claim,
  entity,
  file,
  csrf,
  problems,
  values,
  notice,
}: {
  claim: ClaimRow;
  entity: { id: string; name: string };
  file: ClaimFileHead | null;
  csrf: string;
  problems: Problem[];
  values: Record<string, string | undefined>;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('claims.admin.detailTitle', { entity: entity.name })} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <Decided
        status={claim.status}
        at={claim.decided_at}
        reason={claim.decision_reason}
        statusLabel={t(`claims.status.${claim.status}` as TKey)}
      />
      <h2>{t('claims.admin.facts')}</h2>
      <dl class="registry-facts">
        <dt>{t('claims.admin.entity')}</dt>
        <dd>
          <a href={href(entityPath(entity))}>{entity.name}</a>
        </dd>
        <dt>{t('claims.admin.received')}</dt>
        <dd>{fmt.dateTime(claim.created_at)}</dd>
        <dt>{t('claims.admin.requester')}</dt>
        <dd>{claim.name}</dd>
        <dt>{t('claims.admin.email')}</dt>
        <dd>{claim.email}</dd>
        <dt>{t('claims.admin.role')}</dt>
        <dd>{claim.role_in_entity}</dd>
        <dt>{t('claims.admin.justification')}</dt>
        <dd class="pre-line">{claim.justification ?? t('claims.admin.noJustification')}</dd>
        <dt>{t('claims.admin.document')}</dt>
        <dd>
          {claim.document_erased_at ? (
            t('claims.admin.documentErased', { date: fmt.date(claim.document_erased_at) })
          ) : file ? (
            <a href={href(`/admin/podmioty/zgloszenia/${claim.id}/dokument`)}>
              {t('claims.admin.download', { name: file.file_name, size: sizeText(file.byte_size, fmt.locale) })}
            </a>
          ) : (
            t('claims.admin.noDocument')
          )}
        </dd>
        <dt>{t('claims.admin.status')}</dt>
        <dd>{t(`claims.status.${claim.status}` as TKey)}</dd>
      </dl>
      {claim.status === 'pending' ? (
        <DecisionForm
          action={`/admin/podmioty/zgloszenia/${claim.id}`}
          csrf={csrf}
          problems={problems}
          values={values}
          approveLabel={t('claims.admin.approve')}
          approveValue="approve"
        />
      ) : null}
      <p>
        <a href={href('/admin/podmioty/zgloszenia')}>{t('claims.admin.back')}</a>
      </p>
    </>
  );
}

export function ProposalsListView({ status, rows, notice }: { status: ProposalStatus; rows: ProposalListItem[]; notice: string | null }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('claims.admin.proposalsTitle')} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <p>{t('claims.admin.proposalsIntro')}</p>
      <StatusLinks
        base="/admin/podmioty/propozycje"
        current={status}
        states={['pending', 'accepted', 'rejected'] as const}
        label={(s) => t(`claims.proposal.status.${s}` as TKey)}
      />
      {rows.length === 0 ? (
        <p>{t('claims.admin.proposalsNone')}</p>
      ) : (
        <Table
          caption={t('claims.admin.proposalsCaption', { status: t(`claims.proposal.status.${status}` as TKey) })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('claims.admin.received'), cell: (r) => fmt.dateTime(r.created_at) },
            { header: t('claims.admin.entity'), cell: (r) => r.entity_name },
            {
              header: t('claims.admin.kind'),
              cell: (r) => <a href={href(`/admin/podmioty/propozycje/${r.id}`)}>{t(`claims.kinds.${r.kind}` as TKey)}</a>,
            },
            { header: t('claims.admin.proposer'), cell: (r) => r.proposer_name },
          ]}
        />
      )}
    </>
  );
}

export function ProposalDetailView({
  proposal,
  entity,
  lines,
  csrf,
  problems,
  values,
  notice,
}: {
  proposal: ProposalRow;
  entity: { id: string; name: string };
  lines: ProposalLine[];
  csrf: string;
  problems: Problem[];
  values: Record<string, string | undefined>;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  const kind = t(`claims.kinds.${proposal.kind}` as TKey);
  return (
    <>
      <PageHeader title={t('claims.admin.proposalTitle', { kind, entity: entity.name })} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <Decided
        status={proposal.status}
        at={proposal.decided_at}
        reason={proposal.decision_reason}
        statusLabel={t(`claims.proposal.status.${proposal.status}` as TKey)}
      />
      <dl class="registry-facts">
        <dt>{t('claims.admin.entity')}</dt>
        <dd>
          <a href={href(`/admin/podmioty/${entity.id}`)}>{entity.name}</a>
        </dd>
        <dt>{t('claims.admin.proposer')}</dt>
        <dd>{`${proposal.proposer_name} <${proposal.proposer_email}>`}</dd>
        <dt>{t('claims.admin.received')}</dt>
        <dd>{fmt.dateTime(proposal.created_at)}</dd>
        <dt>{t('claims.admin.comment')}</dt>
        <dd class="pre-line">{proposal.comment ?? '—'}</dd>
      </dl>
      <Table
        caption={kind}
        rows={lines}
        rowKey={(r) => r.label}
        columns={[
          { header: t('claims.admin.field'), cell: (r) => t(r.label) },
          { header: t('claims.admin.before'), cell: (r) => r.before ?? '—' },
          { header: t('claims.admin.after'), cell: (r) => r.after ?? '—' },
        ]}
      />
      {proposal.status === 'pending' ? (
        <DecisionForm
          action={`/admin/podmioty/propozycje/${proposal.id}`}
          csrf={csrf}
          problems={problems}
          values={values}
          approveLabel={t('claims.admin.accept')}
          approveValue="accept"
        />
      ) : null}
      <p>
        <a href={href('/admin/podmioty/propozycje')}>{t('claims.admin.backProposals')}</a>
      </p>
    </>
  );
}
