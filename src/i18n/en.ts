// English translation, typed against the Polish source: a missing or extra key fails `tsc`.
// Polish-only plural forms (`_few`, `_many`) are kept so the shapes match; English uses `_one`/`_other`.
import type { TranslationShape } from './types.js';
import type { pl } from './pl.js';

import { accountsEn } from './en/accounts.js';
import { auditEn } from './en/audit.js';
import { mailEn } from './en/mail.js';
import { portalEn } from './en/portal.js';
import { territoryEn } from './en/territory.js';
import { registryEn } from './en/registry.js';
import { entityRecordEn } from './en/entity-record.js';
import { claimsEn } from './en/claims.js';
import { registryCatalogueEn } from './en/registry-catalogue.js';
import { registryQualityEn } from './en/registry-quality.js';
import { registryLocationEn } from './en/registry-location.js';
import { programmeEn } from './en/programme.js';
import { indicatorsEn } from './en/indicators.js';
import { monitoringEn } from './en/monitoring.js';
import { consultationsEn } from './en/consultations.js';
import { evaluationEn, evaluationErrorsEn, evaluationMailEn } from './en/evaluation.js';
import { textEn } from './en/text.js';
import { exportEn } from './en/export.js';
import { opendataEn } from './en/opendata.js';
import { offersEn } from './en/offers.js';
import { supportEn } from './en/support.js';
import { localgovEn } from './en/localgov.js';
import { bodiesEn } from './en/bodies.js';
import { licencesEn } from './en/licences.js';
import { verificationEn } from './en/verification.js';
import { needsEn } from './en/needs.js';
import { purchasesEn } from './en/purchases.js';
import { eventsEn } from './en/events.js';
import { cliEn } from './en/cli.js';

export const en: TranslationShape<typeof pl> = {
  ...accountsEn,
  ...auditEn,
  ...mailEn,
  ...portalEn,
  ...territoryEn,
  ...registryEn,
  ...entityRecordEn,
  ...claimsEn,
  ...registryCatalogueEn,
  ...registryQualityEn,
  ...registryLocationEn,
  ...programmeEn,
  ...indicatorsEn,
  ...monitoringEn,
  ...consultationsEn,
  ...evaluationEn,
  // the mail module's templates and those of modules that send mail
  mail: { ...mailEn.mail, ...evaluationMailEn },
  ...textEn,
  ...exportEn,
  ...opendataEn,
  ...offersEn,
  ...supportEn,
  ...localgovEn,
  ...bodiesEn,
  ...licencesEn,
  ...verificationEn,
  ...needsEn,
  ...purchasesEn,
  ...eventsEn,
  ...cliEn,
  meta: {
    lang: 'en',
    htmlLang: 'en',
    languageName: 'English',
    otherLanguage: 'Polski',
    otherLanguageShort: 'PL',
    switchLanguage: 'Przełącz na język polski',
  },
  site: {
    name: 'Spójnia',
    tagline: 'Social economy in the Kuyavian-Pomeranian Voivodeship',
    skipLink: 'Skip to content',
    mainNav: 'Main menu',
    menu: 'Menu',
    searchLabel: 'Search the site',
    searchSubmit: 'Search',
    accountMenu: 'My account and roles',
    breadcrumbs: 'You are here',
    home: 'Home',
    footer: 'Footer',
    address: 'Address',
    closed: 'closed',
    officeHours: 'Office hours',
    contact: 'Contact',
    display: 'Display',
    contrast: 'High contrast',
    contrastOn: 'Turn high contrast on',
    contrastOff: 'Turn high contrast off',
    largerText: 'Larger text',
    largerTextOn: 'Turn larger text on',
    largerTextOff: 'Turn larger text off',
    apiDocs: 'API (OpenAPI)',
    poweredBy: 'Spójnia platform — open-source software',
  },
  weekdays: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  home: {
    title: 'Social economy in the region',
    lead: 'Spójnia brings together {{sections}}.',
    leadNone: 'Spójnia is a platform about the social economy in the Kuyavian-Pomeranian Voivodeship.',
  },
  errors: {
    pageTitle: 'Error',
    reference: 'Reference number: {{id}}',
    referenceHint: 'Quote this number when you contact the administrator.',
    backHome: 'Back to the home page',
    summaryTitle: 'Please correct the following:',
    'http.bad_request': { title: 'Bad request', detail: 'The request contains invalid data.' },
    'http.validation': { title: 'Invalid data', detail: 'Some fields contain errors. Nothing has been changed.' },
    'http.unauthenticated': { title: 'Login required', detail: 'Log in to see this page.' },
    'http.forbidden': { title: 'Access denied', detail: 'You do not have permission to see this page.' },
    'http.csrf': {
      title: 'The form has expired',
      detail: 'For security reasons the form was not accepted. Go back, reload the page and send it again. Nothing has been changed.',
    },
    'http.not_found': { title: 'Page not found', detail: 'The page you are looking for does not exist or has moved.' },
    'http.method_not_allowed': { title: 'Method not allowed', detail: 'This page does not accept this kind of request.' },
    'http.payload_too_large': { title: 'Too much data', detail: 'The data sent is too large.' },
    'http.unsupported_media_type': { title: 'Unsupported format', detail: 'The data sent has an unsupported format.' },
    'http.rate_limited': { title: 'Too many attempts', detail: 'Too many requests were sent. Please try again in a moment.' },
    'http.internal': { title: 'Server error', detail: 'An unexpected error occurred. We are working on it.' },
    'http.unavailable': { title: 'Service unavailable', detail: 'The service is temporarily unavailable.' },
    'setup.token_required': {
      title: 'One-time link required',
      detail:
        'The first administrator account can only be created through the one-time link printed in the server console on first start (/setup?token=…). Restart the server to see the link.',
    },
    'setup.already_done': {
      title: 'Set-up complete',
      detail: 'An administrator account already exists. Further users are invited by an administrator.',
    },
    'cli.usage': { title: 'Invalid usage', detail: '{{message}}' },
    'cli.backup_postgres': {
      title: 'PostgreSQL backup',
      detail:
        "{{program}} was not found: install the PostgreSQL client programs of the server's version or newer (Debian: apt-get install postgresql-client).",
    },
    'user.email_taken': { title: 'Address taken', detail: 'An account with this e-mail address already exists.' },
    'accounts.invalid_credentials': { title: 'Login failed', detail: 'Wrong e-mail address or password.' },
    'accounts.locked_out': {
      title: 'Login temporarily blocked',
      detail_one:
        'Too many failed login attempts from this address. Try again in {{count}} minute, or set a new password through “Forgotten your password?”.',
      detail_other:
        'Too many failed login attempts from this address. Try again in {{count}} minutes, or set a new password through “Forgotten your password?”.',
    },
    'accounts.code_invalid': {
      title: 'Invalid code',
      detail: 'The code is wrong, expired or already used. Enter the current code from your app.',
    },
    'accounts.token_invalid': {
      title: 'The link is not valid',
      detail: 'The link has expired, was already used or is incomplete. Ask for a new one.',
    },
    'accounts.password_wrong': { title: 'Wrong password', detail: 'The password is wrong. Nothing has been changed.' },
    'accounts.two_factor_active': { title: 'Already on', detail: 'Two-step verification is already on for this account.' },
    'accounts.two_factor_required': { title: 'Verification required', detail: 'Staff accounts must use two-step verification.' },
    'accounts.cannot_deactivate_self': { title: 'Not allowed', detail: 'You cannot deactivate or anonymise your own account.' },
    // portal
    'portal.page_has_children': {
      title: 'The page has sub-pages',
      detail: 'A page with sub-pages cannot be deleted. Delete the sub-pages or move them under another page first. Nothing was changed.',
    },
    'portal.file_too_large': { title: 'The file is too large', detail: 'The uploaded file exceeds the allowed size. Nothing was saved.' },
    'portal.file_type': {
      title: 'Unsupported kind of file',
      detail: 'The content of the uploaded file matches none of the allowed formats. Nothing was saved.',
    },
    'portal.last_file': {
      title: 'Last file version',
      detail: 'A document must keep at least one file version. To remove the last one, delete the whole document. Nothing was changed.',
    },
    'portal.contact_unavailable': {
      title: 'Form unavailable',
      detail: 'The contact form is temporarily unavailable. Please contact us by phone or post.',
    },
    // registry self-service
    'registry.claim_decided': {
      title: 'Request already decided',
      detail: 'This request has already been accepted or rejected. Nothing was changed.',
    },
    'registry.proposal_decided': {
      title: 'Proposal already decided',
      detail: 'This proposed change has already been accepted or rejected. Nothing was changed.',
    },
    // programme life cycle and objective tree
    'programme.illegal_transition': {
      title: 'Status change not allowed',
      detail: 'A programme in this status cannot be moved to the chosen status. Nothing was changed.',
    },
    'programme.element_has_children': {
      title: 'The element has sub-elements',
      detail: 'An element with other elements under it cannot be deleted. Delete the sub-elements first. Nothing was changed.',
    },
    'programme.element_measured': {
      title: 'The element is measured by indicators',
      detail: 'An element that indicators are linked to cannot be deleted. Unlink the indicators first. Nothing was changed.',
    },
    // programme indicators
    'indicators.value_locked': {
      title: 'The value is locked',
      detail: 'This value has already been submitted or approved and cannot be changed now. Nothing was changed.',
    },
    'indicators.value_state': {
      title: 'Status change not allowed',
      detail: 'A value in this status cannot be approved or returned. Nothing was changed.',
    },
    'indicators.computed_only': {
      title: 'Computed indicator',
      detail: 'The values of this indicator are computed from the platform’s data and are not entered by hand. Nothing was changed.',
    },
    'monitoring.round_closed': {
      title: 'The round is closed',
      detail: 'This monitoring round has been closed; its values can no longer be changed. Nothing was changed.',
    },
    'monitoring.no_open_round': {
      title: 'No open round',
      detail: 'There is no open monitoring round in which a value of this indicator for this year can be reported. Nothing was changed.',
    },
    'monitoring.out_of_scope': {
      title: 'Outside your reporting scope',
      detail: 'Your account may not report values of this indicator for this area. Nothing was changed.',
    },
    // events
    'events.registration_closed': {
      title: 'Registration closed',
      detail: 'Registration for this event is not open now. Nothing was saved.',
    },
    'events.already_registered': {
      title: 'Already registered',
      detail:
        'There is already a registration for this event with this e-mail address. Check your mailbox: the link in the message lets you confirm or cancel it.',
    },
    'events.token_invalid': {
      title: 'The link is not valid',
      detail: 'The link is incomplete, has already been used, or the registration was cancelled.',
    },
    'events.hold_expired': {
      title: 'The hold expired',
      detail: 'The registration was not confirmed within 30 minutes, so the place was released. Please register again.',
    },
    'events.offer_expired': {
      title: 'The offer expired',
      detail: 'The offer of a place from the waiting list has expired or was already used. Nothing was changed.',
    },
    'events.too_many': {
      title: 'Too many registrations',
      detail: 'Too many registrations were sent from this e-mail address in the last hour. Try again in an hour. Nothing was saved.',
    },
    'events.mailing_limit': {
      title: 'Message limit reached',
      detail: 'As many messages as allowed have been sent to this event’s participants in the last day. Try again later. Nothing was sent.',
    },
    'events.session_in_use': {
      title: 'The session has registrations',
      detail: 'A session somebody registered for cannot be removed. Nothing was changed.',
    },
    // consultations
    'consultations.closed': {
      title: 'Comments no longer accepted',
      detail:
        'Comments can only be submitted while the consultation is open. This consultation no longer accepts comments — your comment has not been saved.',
    },
    'consultations.too_many': {
      title: 'Too many comments',
      detail: 'Too many comments were sent from this e-mail address in the last hour. Please try again in an hour. Nothing has been saved.',
    },
    'consultations.token_invalid': {
      title: 'The link is not valid',
      detail:
        'The link has expired (it is valid for 72 hours), the comment was withdrawn or the link is incomplete. Unconfirmed comments are removed when the link expires.',
    },
    'consultations.already_confirmed': {
      title: 'Comment already confirmed',
      detail: 'A confirmed comment cannot be withdrawn. You can ask for your personal data to be erased.',
    },
    'consultations.not_closed': {
      title: 'The consultation is still open',
      detail: 'This can only be done after the consultation has ended. Nothing has been changed.',
    },
    'consultations.report_published': {
      title: 'Report already published',
      detail:
        'The report of this consultation has already been published; comments and responses can no longer be changed. Nothing has been changed.',
    },
    'consultations.responses_missing': {
      title: 'Responses missing',
      detail:
        'Every comment needs a response before the report is published. Complete the responses (the “without a response” filter). Nothing has been changed.',
    },
    'consultations.documents_changed': {
      title: 'The documents were changed at the same moment',
      detail:
        'Someone was changing the documents of this consultation at the same moment. Open the documents page again and retry. Nothing has been changed.',
    },
    // offers
    'offers.not_found': {
      title: 'No such offer',
      detail: 'The offer does not exist, was removed or is not published.',
    },
    'offers.no_recipient': {
      title: 'The enquiry cannot be sent',
      detail: 'This entity has neither an e-mail address nor representatives on the platform. Nothing was sent.',
    },
    'offers.too_many': {
      title: 'Too many enquiries',
      detail: 'Too many enquiries were sent from this e-mail address in the last hour. Please try again in an hour. Nothing was sent.',
    },
    'offers.too_many_photos': {
      title: 'Too many photos',
      detail: 'The offer already has as many photos as allowed (limit: {{limit}}). Remove one before adding another. Nothing was saved.',
    },
    // evaluation
    ...evaluationErrorsEn,
    // localgov
    'localgov.duplicate': {
      title: 'Data for this year exist',
      detail: 'This local government already has data for this year. Open them from the list and correct them. Nothing was changed.',
    },
    'localgov.no_programme': {
      title: 'No current programme',
      detail:
        'The local governments’ survey uses the indicators of the current regional programme, and no programme is marked as current. Mark a programme as current and try again. Nothing was changed.',
    },
    'localgov.survey_closed': {
      title: 'No survey for this year is open',
      detail: 'No local-government survey round for this year is open, so the answers cannot be saved. Nothing was saved.',
    },
    'localgov.answer_state': {
      title: 'The answers were already sent or decided',
      detail:
        'These answers were already sent, approved or returned (perhaps in another window). Reload the page to see their state. Nothing was changed.',
    },
    // support
    'support.no_centre': {
      title: 'No centre for this gmina',
      detail: 'The platform knows no support centre serving the chosen gmina today, so it cannot pass on the message. Nothing was sent.',
    },
    'support.no_leads_address': {
      title: 'The centre does not take requests yet',
      detail:
        'The centre serving the chosen gmina has no address for requests on the platform yet. Nothing was sent — please contact it directly.',
    },
    'bodies.meeting_not_started': {
      title: 'The meeting has not started',
      detail: 'Attendance is recorded for a meeting that has started and was not cancelled. Nothing has been changed.',
    },
    'bodies.meeting_not_held': {
      title: 'The meeting has not been held',
      detail: 'A vote is recorded for a meeting that has been held (record the attendance first). Nothing has been changed.',
    },
    'bodies.minutes_incomplete': {
      title: 'The minutes are incomplete',
      detail: 'Every agenda item needs its minutes before the minutes are approved. Nothing has been changed.',
    },
    'bodies.comments_closed': {
      title: 'Comments on the draft minutes are closed',
      detail: 'The period for comments on the draft minutes has ended or the draft has not been shared. Nothing has been saved.',
    },
    'bodies.comments_open': {
      title: 'Comments are still open',
      detail: 'The minutes can be approved once the members’ comment period has ended. Nothing has been changed.',
    },
    'bodies.agenda_locked': {
      title: 'The agenda is closed',
      detail:
        'The minutes of this meeting were approved or the meeting was cancelled; its items can no longer change. Nothing was changed.',
    },
    'bodies.no_term': {
      title: 'No term',
      detail: 'This body has no term to hold the meeting in. Add a term first. Nothing has been changed.',
    },
    'bodies.meeting_not_planned': {
      title: 'The meeting is no longer planned',
      detail:
        'This meeting has been held, has started or was cancelled; it can no longer be changed or answered. Nothing has been changed.',
    },
    'bodies.invitation_invalid': {
      title: 'The link is out of date',
      detail:
        'This invitation link is not valid or has been replaced by a newer one — use the link from the latest message about the meeting.',
    },
    'bodies.procedure_not_draft': {
      title: 'The vote is already open',
      detail: 'A draft resolution can be changed or opened only before its vote opens. Nothing was changed.',
    },
    'bodies.procedure_deadline_passed': {
      title: 'The deadline has passed',
      detail: 'A vote whose deadline has passed cannot be opened — set a later deadline first. Nothing was changed.',
    },
    'bodies.procedure_closed': {
      title: 'The vote is closed',
      detail: 'The deadline of this written procedure vote has passed or the vote is not open. No vote was recorded.',
    },
    'bodies.already_voted': {
      title: 'Vote already cast',
      detail:
        'Your vote in this procedure has already been cast — each member votes once and a vote cannot be changed. Nothing was changed.',
    },
    'bodies.ballot_invalid': {
      title: 'The voting link is not valid',
      detail: 'This link does not belong to a member of the body entitled to vote (or the membership has ended). No vote was recorded.',
    },
    'bodies.already_ended': {
      title: 'Membership already ended',
      detail: 'This membership has already ended. Nothing has been changed.',
    },
    // licences
    'licences.not_found': { title: 'No such licence', detail: 'There is no licence with this number on the platform.' },
    'licences.invalid': { title: 'Invalid data', detail: 'Fill in the field “{{field}}”. Nothing was saved.' },
    'licences.already_renewed': { title: 'Licence already renewed', detail: 'This licence already has a renewal. Nothing was saved.' },
    'licences.withdrawn': { title: 'Licence withdrawn', detail: 'A withdrawn licence cannot be renewed. Nothing was saved.' },
    'licences.application_not_found': { title: 'No such application', detail: 'There is no application with this identifier.' },
    'licences.application_state': {
      title: 'The application is in another state',
      detail: 'This cannot be done at this stage of the application. Nothing was saved.',
    },
    'licences.no_edition': {
      title: 'No rules edition in force',
      detail: 'No edition of the mark’s rules is in force yet. Nothing was saved.',
    },
    'licences.conflict': {
      title: 'Conflict of interest',
      detail: 'You declared a conflict of interest regarding this application, so you do not assess it. Nothing was saved.',
    },
    'licences.decision_conflict': {
      title: 'Conflict of interest',
      detail:
        'You declared a conflict of interest regarding this application, so you do not record the Kapituła’s decision on it. Nothing was saved.',
    },
    'offers.need_not_found': {
      title: 'No such need',
      detail: 'The purchasing need does not exist or is not published.',
    },
    'offers.buyer_not_found': {
      title: 'No such buyer',
      detail: 'The buyer institution is not in the purchase share list.',
    },
    'offers.need_state': {
      title: 'Not possible in this state',
      detail: 'The purchasing need is now in a different state than this action requires. Reload the page. Nothing was changed.',
    },
  },
  validation: {
    required: 'The field “{{field}}” is required.',
    docxTooLarge:
      'The Word file in “{{field}}” would be too large once unpacked (at most {{size}} of text and {{parts}} parts) — usually a sign of a damaged or crafted file. Save the document again in Word, or split it into smaller files.',
    docxTooSlow:
      'The Word file in “{{field}}” could not be read within {{seconds}} s: it is too complex. Save the document again in Word (without needless formatting), or split it into smaller files.',
    email: 'The field “{{field}}” must contain a valid e-mail address, e.g. jan.kowalski@example.pl.',
    tooShort_one: 'The field “{{field}}” must have at least {{count}} character.',
    tooShort_other: 'The field “{{field}}” must have at least {{count}} characters.',
    tooLong_one: 'The field “{{field}}” may have at most {{count}} character.',
    tooLong_other: 'The field “{{field}}” may have at most {{count}} characters.',
    mismatch: 'The password in “{{field}}” does not match the one above. Please type it again.',
    passwordContainsEmail: 'The password must not contain the e-mail address.',
    passwordCommon: 'This password is too common. Choose another one.',
    invalid: 'The field “{{field}}” has an invalid value.',
    passwordWrong: 'The password in “{{field}}” is wrong.',
    emailTaken: 'An account with the address in “{{field}}” already exists.',
    scopeRequired: 'The role “{{field}}” needs a scope.',
    cannotDropOwnAdmin: 'You cannot remove your own administrator role.',
    invalidParam: 'The parameter “{{field}}” has an invalid value.',
  },
  dataTable: {
    show_one: 'Show the data table ({{count}} row)',
    show_other: 'Show the data table ({{count}} rows)',
  },
  filters: {
    summary: 'Filters',
    summaryChosen_one: 'Filters ({{count}} chosen)',
    summaryChosen_other: 'Filters ({{count}} chosen)',
    toResults: 'Skip to the results',
    toResultsCount_one: 'Skip to the results ({{count}} result)',
    toResultsCount_other: 'Skip to the results ({{count}} results)',
    showAll_one: 'show all ({{count}})',
    showAll_other: 'show all ({{count}})',
    apply: 'Apply filters',
    liveNote: 'The results update as soon as you choose a filter, without reloading the page. The search button still works.',
    updated_one: 'Results updated: {{count}} result.',
    updated_other: 'Results updated: {{count}} results.',
    updatedNoCount: 'Results updated.',
  },
  pagination: {
    label: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{page}}',
    current: 'Page {{page}}, current',
  },
  count: {
    results_one: '{{count}} result',
    results_other: '{{count}} results',
  },
};
