// Every error code the platform can answer with, its HTTP status and whether it belongs to the
// user (4xx: shown in full) or to us (5xx: a reference id only). Messages live in i18n under
// `errors.<code>.title` / `.detail`.

export const ERROR_CATALOGUE = {
  'http.bad_request': { status: 400 },
  'http.validation': { status: 400 },
  'http.unauthenticated': { status: 401 },
  'http.forbidden': { status: 403 },
  'http.csrf': { status: 403 },
  'http.not_found': { status: 404 },
  'http.method_not_allowed': { status: 405 },
  'http.payload_too_large': { status: 413 },
  'http.unsupported_media_type': { status: 415 },
  'http.rate_limited': { status: 429 },
  'http.internal': { status: 500 },
  'http.unavailable': { status: 503 },
  'setup.token_required': { status: 403 },
  'setup.already_done': { status: 403 },
  'cli.usage': { status: 400 },
  'cli.backup_postgres': { status: 400 },
  'user.email_taken': { status: 409 },
  'accounts.invalid_credentials': { status: 400 },
  'accounts.locked_out': { status: 429 },
  'accounts.code_invalid': { status: 400 },
  'accounts.token_invalid': { status: 400 },
  'accounts.password_wrong': { status: 400 },
  'accounts.two_factor_active': { status: 400 },
  'accounts.two_factor_required': { status: 400 },
  'accounts.cannot_deactivate_self': { status: 400 },
  // portal
  'portal.page_has_children': { status: 409 },
  'portal.file_too_large': { status: 413 },
  'portal.file_type': { status: 415 },
  'portal.last_file': { status: 409 },
  'portal.contact_unavailable': { status: 503 },
  // registry self-service
  'registry.claim_decided': { status: 409 },
  'registry.proposal_decided': { status: 409 },
  // programme life cycle and objective tree
  'programme.illegal_transition': { status: 409 },
  'programme.element_has_children': { status: 409 },
  'programme.element_measured': { status: 409 },
  // programme indicators
  'indicators.value_locked': { status: 409 },
  'indicators.value_state': { status: 409 },
  'indicators.computed_only': { status: 409 },
  // monitoring rounds and the reporting API
  'monitoring.round_closed': { status: 409 },
  'monitoring.no_open_round': { status: 409 },
  'monitoring.out_of_scope': { status: 403 },
  // consultations
  'consultations.closed': { status: 409 },
  'consultations.too_many': { status: 429 },
  'consultations.token_invalid': { status: 400 },
  'consultations.already_confirmed': { status: 409 },
  'consultations.not_closed': { status: 409 },
  'consultations.report_published': { status: 409 },
  'consultations.responses_missing': { status: 409 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
