// English strings of the accounts module (merged into en.ts), typed against the Polish ones.
import type { accountsPl } from '../pl/accounts.js';
import type { TranslationShape } from '../types.js';

export const accountsEn: TranslationShape<typeof accountsPl> = {
  accounts: {
    role: 'Role',
  },
  setup: {
    title: 'First start: administrator account',
    intro: 'Create the account of the first administrator of the platform. This link works only once.',
    email: 'E-mail address',
    emailHint: 'Administrative notifications will be sent to this address.',
    displayName: 'Full name',
    password: 'Password',
    passwordHint: 'At least 12 characters. Do not use your e-mail address or a common password.',
    passwordRepeat: 'Repeat password',
    submit: 'Create the administrator account',
    done: 'The administrator account has been created. You can now log in.',
    doneTitle: 'Done',
  },
};
