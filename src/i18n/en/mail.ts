// English strings of the mail module (merged into en.ts), typed against the Polish ones.
import type { mailPl } from '../pl/mail.js';
import type { TranslationShape } from '../types.js';

export const mailEn: TranslationShape<typeof mailPl> = {
  mail: {
    // lines for operators (the command line, job results and seed summaries in the log)
    cli: {
      purged_one: '{{count}} old message deleted from the outbox',
      purged_other: '{{count}} old messages deleted from the outbox',
    },
    footer:
      'Regional Social Policy Centre in Toruń — the Spójnia platform. This message was sent automatically; please do not reply to it.',
    password_reset: {
      subject: 'Spójnia: set a new password',
      body: 'Hello {{name}},\n\nwe received a request to set a new password for your Spójnia account. To set a new password, open this link:\n{{link}}\n\nThe link is valid for {{validFor}} and can be used only once.\n\nIf you did not make this request, ignore this message — your current password stays unchanged.',
    },
    login_failures: {
      subject: 'Spójnia: failed logins to your account',
      body: 'Hello {{name}},\n\nin the last 15 minutes someone tried to log in to your Spójnia account with a wrong password or code (failed attempts: {{count}}). Your account has not been blocked: you can still log in with your password and code, while the addresses whose attempts fail must wait longer and longer.\n\nIf it was not you, set a new, stronger password and turn on two-step verification (after logging in, on “My account”). You can set a new password here:\n{{link}}\n\nIf it was you and you have forgotten your password, use the same link.',
    },
    invitation: {
      subject: 'Spójnia: invitation to the platform',
      body: 'Hello {{name}},\n\n{{inviter}} invites you to work on Spójnia, the social economy platform of the Regional Social Policy Centre in Toruń.\n\nRoles granted: {{roles}}.\n\nTo accept the invitation and set your password, open this link:\n{{link}}\n\nThe link is valid for {{validFor}} and can be used only once. If you did not expect this invitation, ignore this message.',
    },
    test: {
      subject: 'Spójnia: test message',
      body: 'This is a test message from Spójnia.\n\nIf you are reading it, sending e-mail works. Polish characters: zażółć gęślą jaźń.',
    },
    registry_claim_approved: {
      subject: 'Spójnia: you can now manage the profile of {{entity}}',
      body: 'Hello {{name}},\n\nwe have accepted your request: you can now manage the profile of “{{entity}}” in the Spójnia catalogue (description, contact details, places of activity, sectors) and propose changes to its registration data.\n\nEdit the profile here (after logging in):\n{{link}}\n\nIf you do not have an account yet, a separate message will bring you an invitation with a link to set your password.',
    },
    registry_claim_rejected: {
      subject: 'Spójnia: your request about {{entity}}',
      body: 'Hello {{name}},\n\nwe cannot accept your request to manage the profile of “{{entity}}”.\n\nReason: {{reason}}\n\nIf you want to complete the request, send it again from the entity page in the catalogue or contact the Regional Social Policy Centre in Toruń.',
    },
    round_opened: {
      subject: 'Spójnia: monitoring round “{{round}}” has started',
      body: 'Hello {{name}},\n\nthe monitoring round “{{round}}” of the programme “{{programme}}” has started. Please report the values of the indicators your institution is responsible for by {{deadline}}.\n\nThe form (after logging in):\n{{link}}\n\nYou can save drafts and submit the values when they are complete.',
    },
    round_reminder: {
      subject: 'Spójnia: reminder — round “{{round}}” ends on {{deadline}}',
      body: 'Hello {{name}},\n\ndays left in the monitoring round “{{round}}” of the programme “{{programme}}”: {{days}} (deadline: {{deadline}}). Values not submitted yet: {{missing}}.\n\nThe form (after logging in):\n{{link}}',
    },
    value_returned: {
      subject: 'Spójnia: the value of indicator {{indicator}} needs correcting',
      body: 'Hello {{name}},\n\nthe programme coordinator returned the value of the indicator “{{indicator}}” for {{period}} (area: {{territory}}) for correction.\n\nReason: {{reason}}\n\nCorrect the value and submit it again (after logging in):\n{{link}}',
    },
    localgov_survey_returned: {
      subject: 'Spójnia: the survey of {{unit}} for {{year}} needs correction',
      body: 'Hello {{name}},\n\nthe programme coordinator returned the descriptive answers of the survey of “{{unit}}” for {{year}} for correction.\n\nMessage: {{message}}\n\nCorrect the answers and send them again (after logging in):\n{{link}}',
    },
    registry_proposal_rejected: {
      subject: 'Spójnia: proposed change to {{entity}}',
      body: 'Hello {{name}},\n\nwe did not accept the proposed change to the data of “{{entity}}” ({{change}}). The registry stays unchanged.\n\nReason: {{reason}}',
    },
    consultation_confirm: {
      subject: 'Spójnia: confirm your comment in the consultation “{{consultation}}”',
      body: 'Hello,\n\nwe have received a comment submitted in the consultation “{{consultation}}”. It will only be taken into account once it is confirmed. To confirm it (or withdraw it), open the link:\n{{link}}\n\nThe link is valid for {{validFor}}. After that an unconfirmed comment is removed. The link shows the comment itself.\n\nIf you did not submit this comment, please ignore this message.',
    },
    event_confirm: {
      subject: 'Spójnia: confirm your registration for “{{event}}”',
      body: 'Hello,\n\nwe received a registration for the event “{{event}}”. The place is held for {{validFor}} until you confirm. To confirm the registration, open the link:\n{{link}}\n\nIf you did not register, ignore this message: an unconfirmed registration expires.',
    },
    event_confirmed: {
      subject: 'Spójnia: registration for “{{event}}” confirmed',
      body: 'Hello,\n\nyour registration for the event “{{event}}” is confirmed.\n\nSessions:\n{{sessions}}\n\nCalendar file (iCalendar):\n{{calendar}}\n\nTo check or cancel the registration, open the link:\n{{link}}',
    },
    event_message: {
      subject: 'Spójnia: {{subject}} — “{{event}}”',
      body: 'Hello,\n\nthe organisers of the event “{{event}}” send a message to the participants of the session “{{session}}”:\n\n{{message}}\n\nThe event page:\n{{link}}\n\nYou receive this message because you registered for this event.',
    },
    event_offer: {
      subject: 'Spójnia: a place is free — “{{event}}”',
      body: 'Hello,\n\na place you are waiting for has become free in the session “{{session}}” of the event “{{event}}”. You may take it {{until}} (Polish time). After that we offer it to the next person in line.\n\nTo take the place or give it up, open the link:\n{{link}}',
    },
    consultation_report: {
      subject: 'Spójnia: report of the consultation “{{consultation}}”',
      body: 'Hello,\n\nthank you for taking part in the consultation “{{consultation}}”. We have published its report: every comment received a response with a justification.\n\nThe report is available here:\n{{link}}',
    },
    body_meeting_invitation: {
      subject: 'Spójnia: invitation to a meeting — {{body}}, {{when}}',
      body: 'Hello,\n\nyou are invited to the meeting of “{{body}}” on {{when}} (Polish time), place: {{place}}.\n\nAgenda:\n{{message}}\n\nPlease answer (attending / not attending / sending a substitute) here:\n{{link}}\n\nThe calendar invitation is included.',
    },
    body_meeting_changed: {
      subject: 'Spójnia: meeting changed — {{body}}, {{when}}',
      body: 'Hello,\n\nthe meeting of “{{body}}” has changed. Now: {{when}} (Polish time), place: {{place}}.\n\nAgenda:\n{{message}}\n\nYou can give or change your answer here (earlier links no longer work):\n{{link}}\n\nThe updated calendar invitation is included.',
    },
    body_meeting_cancelled: {
      subject: 'Spójnia: meeting cancelled — {{body}}, {{when}}',
      body: 'Hello,\n\nthe meeting of “{{body}}” planned for {{when}} (Polish time) has been cancelled. The message includes the cancellation for your calendar.',
    },
    body_procedure_opened: {
      subject: 'Spójnia: written procedure vote — {{body}}: {{title}}',
      body: 'Hello,\n\nthe body “{{body}}” is voting by written procedure on the draft resolution “{{title}}”. You may vote once (for / against / abstain) until {{deadline}} (Polish time) at this link:\n{{link}}\n\nThe draft is also in the body’s member space. The link is meant for you only — please do not pass it on.',
    },
    body_term_ending: {
      subject: 'Spójnia: term {{term}} of {{body}} ends in {{days}} days',
      body: 'Hello,\n\nterm {{term}} of “{{body}}” ends on {{endsOn}} (in {{days}} days). The nominating institutions need to be asked for candidates for the next term. Seats by category:\n{{message}}\n\nComposition of the term:\n{{link}}',
    },
    contact_message: {
      subject: 'Spójnia: message from the contact form — {{subject}}',
      body: 'Message sent through the contact form of Spójnia.\n\nFrom: {{name}}\nReply-to address: {{email}}\nSubject: {{subject}}\n\nMessage:\n{{message}}\n\nThe sender consented to the processing of their data for the purpose of a reply. To reply, write to the address above.',
    },
    offer_enquiry: {
      subject: 'Spójnia: enquiry about an offer — {{offer}}',
      body: 'An enquiry sent through Spójnia to {{entity}} about the offer "{{offer}}":\n{{link}}\n\nFrom: {{name}}\nInstitution: {{institution}}\nReply-to address: {{email}}\nPhone: {{phone}}\n\nMessage:\n{{message}}\n\nThe sender agreed that their data be passed on for a reply. To reply, write to the address above.',
    },
    need_notice: {
      subject: 'Spójnia: purchasing need — {{need}}',
      body: 'Hello,\n\n{{institution}} is looking for a supplier: "{{need}}". The offer of {{entity}} on Spójnia matches this need (category and area).\n\nDeadline: {{deadline}}\nDetails and the buyer\'s contact:\n{{link}}\n\nAnswer with one click (interested / as part of a consortium / not interested):\n{{answer}}\n\nThis is the one notification about this need; one reminder may follow before the deadline.',
    },
    need_outcome: {
      subject: 'Spójnia: how did the purchasing need end — {{need}}',
      body: 'Hello,\n\n30 days have passed since the deadline of the purchasing need "{{need}}" ({{institution}}). Was a contract signed, and for how much? Answering takes a moment:\n{{link}}\n\nThe answers help the programme count how many contracts go to social economy entities. We will send no further messages about this need.',
    },
    need_reminder: {
      subject: 'Spójnia: reminder — {{need}} (deadline {{deadline}})',
      body: 'Hello,\n\na reminder of the purchasing need "{{need}}" ({{institution}}) matching the offer of {{entity}}. The deadline is {{deadline}}.\n\nDetails:\n{{link}}\n\nAnswer (this link replaces the one in the previous message):\n{{answer}}\n\nThis is the last message about this need.',
    },
    offer_enquiry_copy: {
      subject: 'Spójnia: your enquiry was sent — {{offer}}',
      body: 'Hello,\n\nwe have passed your enquiry about the offer "{{offer}}" on to {{entity}}. The entity will reply directly to your e-mail address.\n\nThe offer:\n{{link}}\n\nWe keep the text of the enquiry for 6 months, then delete it. If you did not send this enquiry, please ignore this message.',
    },
    support_accreditation_reminder: {
      subject: 'Spójnia: the accreditation of “{{centre}}” ends on {{validTo}}',
      body: 'Hello,\n\nthe accreditation of the social economy support centre “{{centre}}” ends on {{validTo}} (in {{days}}). If the centre has received a new decision, add it on the platform:\n{{link}}',
    },
    support_lead: {
      subject: 'Spójnia: I want to set up a social economy entity (gmina {{gmina}})',
      body: 'Message from the “I want to set up a social economy entity” form of Spójnia, passed to “{{centre}}”, which serves the gmina of {{gmina}}.\n\nFrom: {{name}}\nReply-to address: {{email}}\n\nMessage:\n{{message}}\n\nThe sender agreed that the message is passed to the centre for a reply.',
    },
    support_lead_copy: {
      subject: 'Spójnia: a copy of your message to “{{centre}}”',
      body: 'Hello,\n\nwe passed your message to the social economy support centre “{{centre}}”, which serves the gmina of {{gmina}}. The centre will reply to your e-mail address.\n\nYour message:\n{{message}}',
    },
    licence_application_granted: {
      subject: 'Spójnia: “Zakup Prospołeczny” mark granted — {{entity}}',
      body: 'Hello,\n\nat its meeting of {{meeting}} the Kapituła granted the “Zakup Prospołeczny” mark for: {{offers}} (entity: {{entity}}). The licence lasts one year from the day of the meeting; a licence of an offer still valid that day is renewed from its expiry.\n\nLicences:\n{{licences}}\n\nThe application:\n{{link}}',
    },
    licence_application_refused: {
      subject: 'Spójnia: “Zakup Prospołeczny” application refused ({{entity}})',
      body: 'Hello,\n\nat its meeting of {{meeting}} the Kapituła refused the “Zakup Prospołeczny” mark for: {{offers}} (entity: {{entity}}).\n\nJustification:\n{{justification}}\n\nThe application:\n{{link}}',
    },
    licence_application_returned: {
      subject: 'Spójnia: “Zakup Prospołeczny” application needs completion — {{entity}}',
      body: 'Hello,\n\nthe application of {{entity}} for the “Zakup Prospołeczny” mark needs completion. The ROPS staff’s message:\n\n{{message}}\n\nComplete the application and submit it again:\n{{link}}',
    },
    licence_expiry_reminder: {
      subject: 'Spójnia: “Zakup Prospołeczny” licence {{number}} expires on {{expires}}',
      body: 'Hello,\n\nthe “Zakup Prospołeczny” licence no. {{number}} of {{entity}} (product or service: {{product}}) is valid until {{expires}} ({{days}} days left). The licence can be renewed every year on application; a renewal filed before expiry starts on the day the current licence expires.\n\nThe licence:\n{{link}}',
    },
  },
  outbox: {
    title: 'Outgoing mail',
    intro:
      'E-mails sent by the platform: invitations, password links and test messages. Opening a message is recorded in the event log because it contains personal data.',
    smtpOff: 'Sending is switched off (SMTP_URL is not set). Messages wait in the queue and will be sent once a mail server is configured.',
    status: 'Status',
    statusAll: 'all',
    filter: 'Show',
    caption: 'Messages, newest first, page {{page}} of {{pages}}',
    none: 'No messages.',
    erased: "Recipient's data erased",
    erasedNote:
      "The address, subject and text of this message were erased on {{date}} with the recipient's personal data; only the record that it was sent remains.",
    created: 'Created',
    to: 'To',
    replyTo: 'Reply to (Reply-To)',
    subject: 'Subject',
    template: 'Kind',
    lang: 'Language',
    attempts: 'Sending attempts',
    nextAttempt: 'Next attempt',
    sentAt: 'Sent',
    lastError: 'Last error',
    messageId: 'Message identifier (Message-ID)',
    attemptLog: 'Delivery attempts',
    attemptLogCaption: 'Every attempt to deliver this message, oldest first',
    noAttempts: 'No attempt has been made to send this message yet.',
    attemptNo: 'Attempt',
    attemptStarted: 'Started',
    attemptFinished: 'Finished',
    attemptOutcome: 'Outcome',
    attemptWorker: 'Process',
    attemptError: 'Error',
    outcomes: {
      sending: 'in progress or cut short',
      sent: 'accepted by the mail server',
      failed: 'failed',
    },
    textBody: 'Text',
    linksMasked: 'One-time links (password and invitation links) are hidden here so that nobody but the recipient can use them.',
    htmlVersion: 'HTML version of the message',
    back: 'Back to the list of messages',
    retry: 'Send again',
    retried: 'The message is back in the queue and will be sent again.',
    testTitle: 'Test message',
    testIntro: 'Check the mail set-up: the platform queues a short test message to the address you give.',
    testTo: 'E-mail address',
    testLang: 'Language of the message',
    testSubmit: 'Queue a test message',
    testQueued: 'The test message is waiting in the queue.',
    statuses: {
      pending: 'pending',
      sent: 'sent',
      failed: 'not sent',
    },
    templates: {
      password_reset: 'new password',
      login_failures: 'failed logins',
      invitation: 'invitation',
      test: 'test',
      contact_message: 'contact form',
      registry_claim_approved: 'entity request accepted',
      registry_claim_rejected: 'entity request rejected',
      round_opened: 'monitoring round opened',
      round_reminder: 'monitoring round reminder',
      value_returned: 'indicator value returned',
      localgov_survey_returned: 'local government survey returned',
      registry_proposal_rejected: 'proposed change rejected',
      consultation_confirm: 'consultation comment confirmation',
      consultation_report: 'consultation report',
      offer_enquiry: 'enquiry about an offer',
      offer_enquiry_copy: 'enquiry about an offer — confirmation',
      support_accreditation_reminder: 'centre accreditation — reminder',
      support_lead: 'set up an entity — request',
      support_lead_copy: 'set up an entity — copy',
      body_procedure_opened: 'written procedure vote',
      body_term_ending: 'end of a body’s term',
      body_meeting_invitation: 'meeting invitation',
      body_meeting_changed: 'meeting changed',
      body_meeting_cancelled: 'meeting cancelled',
      licence_expiry_reminder: '“Zakup Prospołeczny” licence — expiry reminder',
      licence_application_granted: '“Zakup Prospołeczny” application — granted',
      licence_application_refused: '“Zakup Prospołeczny” application — refused',
      licence_application_returned: '“Zakup Prospołeczny” application — needs completion',
      need_notice: 'purchasing need — notification',
      need_reminder: 'purchasing need — reminder',
      need_outcome: 'purchasing need — outcome question',
      event_confirm: 'event registration confirmation',
      event_confirmed: 'event registration confirmed',
      event_message: 'organisers’ message to an event’s participants',
      event_offer: 'place from the waiting list',
    },
  },
};
