// Polish strings of the verification module: the page answering whether a document is genuine (merged into pl.ts).

export const verificationPl = {
  verification: {
    title: 'Weryfikacja dokumentu',
    document: 'Dokument potwierdza',
    holder: 'Dla',
    holderErased: 'dane osobowe usunięte po okresie przechowywania',
    issuer: 'Wystawca',
    issuedAt: 'Data wystawienia',
    validUntil: 'Ważny do',
    status: { valid: 'Dokument jest ważny', expired: 'Dokument wygasł', withdrawn: 'Dokument został unieważniony' },
    explain: {
      valid: 'Wystawca potwierdza, że dokument o tym numerze został wydany i jest ważny.',
      expired: 'Dokument o tym numerze został wydany, ale jego ważność minęła.',
      withdrawn: 'Dokument o tym numerze został wydany, ale wystawca go unieważnił.',
    },
  },
} as const;
