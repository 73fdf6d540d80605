// English strings of the mail module (merged into en.ts), typed against the Polish ones.
import type { mailPl } from '../pl/mail.js';
import type { TranslationShape } from '../types.js';

export const mailEn: TranslationShape<typeof mailPl> = {
  mail: {
    footer: 'Regional Social Policy Centre in Toruń — the Spójnia platform. This message was sent automatically; please do not reply to it.',
    password_reset: {
      subject: 'Spójnia: set a new password',
      body: 'Hello {{name}},\n\nwe received a request to set a new password for your Spójnia account. To set a new password, open this link:\n{{link}}\n\nThe link is valid for {{validFor}} and can be used only once.\n\nIf you did not make this request, ignore this message — your current password stays unchanged.',
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
    registry_proposal_rejected: {
      subject: 'Spójnia: proposed change to {{entity}}',
      body: 'Hello {{name}},\n\nwe did not accept the proposed change to the data of “{{entity}}” ({{change}}). The registry stays unchanged.\n\nReason: {{reason}}',
    },
    contact_message: {
      subject: 'Spójnia: message from the contact form — {{subject}}',
      body: 'Message sent through the contact form of Spójnia.\n\nFrom: {{name}}\nReply-to address: {{email}}\nSubject: {{subject}}\n\nMessage:\n{{message}}\n\nThe sender consented to the processing of their data for the purpose of a reply. To reply, write to the address above.',
    },
  },
  outbox: {
    title: 'Outgoing mail',
    intro: 'E-mails sent by the platform: invitations, password links and test messages. Opening a message is recorded in the event log because it contains personal data.',
    smtpOff: 'Sending is switched off (SMTP_URL is not set). Messages wait in the queue and will be sent once a mail server is configured.',
    status: 'Status',
    statusAll: 'all',
    filter: 'Show',
    caption: 'Messages, newest first, page {{page}} of {{pages}}',
    none: 'No messages.',
    created: 'Created',
    to: 'To',
    subject: 'Subject',
    template: 'Kind',
    lang: 'Language',
    attempts: 'Sending attempts',
    nextAttempt: 'Next attempt',
    sentAt: 'Sent',
    lastError: 'Last error',
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
      invitation: 'invitation',
      test: 'test',
      contact_message: 'contact form',
      registry_claim_approved: 'entity request accepted',
      registry_claim_rejected: 'entity request rejected',
      registry_proposal_rejected: 'proposed change rejected',
    },
  },
};
