// English strings of the verification module (merged into en.ts), typed against the Polish ones.
import type { verificationPl } from '../pl/verification.js';
import type { TranslationShape } from '../types.js';

export const verificationEn: TranslationShape<typeof verificationPl> = {
  verification: {
    title: 'Document verification',
    document: 'The document certifies',
    holder: 'Issued to',
    holderErased: 'personal data erased after the retention period',
    issuer: 'Issuer',
    issuedAt: 'Issued on',
    validUntil: 'Valid until',
    status: { valid: 'The document is valid', expired: 'The document has expired', withdrawn: 'The document has been withdrawn' },
    explain: {
      valid: 'The issuer confirms that a document with this number was issued and is valid.',
      expired: 'A document with this number was issued, but it is no longer valid.',
      withdrawn: 'A document with this number was issued, but the issuer has withdrawn it.',
    },
  },
};
