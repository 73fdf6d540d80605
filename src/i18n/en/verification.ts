// English strings of the verification module, typed against the Polish source (pl/verification.ts).
import type { verificationPl } from '../pl/verification.js';
import type { TranslationShape } from '../types.js';

export const verificationEn: TranslationShape<typeof verificationPl> = {
  verification: {
    title: 'Verification of document {{number}}',
    example: 'This is an example document (demonstration data), not a real one.',
    details: 'Document details',
    number: 'Number',
    state: {
      valid: 'The document is valid',
      expired: 'The document has expired',
      withdrawn: 'The document has been withdrawn',
      suspended: 'The document is suspended',
      not_yet_valid: 'The document is not valid yet',
      undetermined: 'Whether the document is valid is not known',
    },
    explain: {
      valid: 'According to the platform’s data the document is in force today.',
      expired: 'The document’s validity period has ended.',
      withdrawn: 'The issuer has withdrawn this document; it is not in force.',
      suspended: 'The issuer has suspended this document; it is not in force until further notice.',
      not_yet_valid: 'The document comes into force on the day given below.',
      undetermined: 'The document exists, but its sources give no dates, so whether it is in force cannot be said.',
    },
  },
};
