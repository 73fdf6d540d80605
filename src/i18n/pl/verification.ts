// Polish strings of the verification module: the page that says whether a numbered document
// (a licence, a certificate) is in force (merged into pl.ts).

export const verificationPl = {
  verification: {
    title: 'Weryfikacja dokumentu {{number}}',
    example: 'To dokument przykładowy (dane demonstracyjne), a nie rzeczywisty.',
    details: 'Dane dokumentu',
    number: 'Numer',
    state: {
      valid: 'Dokument jest ważny',
      expired: 'Dokument wygasł',
      withdrawn: 'Dokument został cofnięty',
      suspended: 'Dokument jest zawieszony',
      not_yet_valid: 'Dokument nie jest jeszcze ważny',
      undetermined: 'Nie wiadomo, czy dokument jest ważny',
    },
    explain: {
      valid: 'Według danych serwisu dokument jest dziś w mocy.',
      expired: 'Termin ważności dokumentu minął.',
      withdrawn: 'Wydający cofnął ten dokument; nie jest w mocy.',
      suspended: 'Wydający zawiesił ten dokument; do odwołania nie jest w mocy.',
      not_yet_valid: 'Dokument zacznie obowiązywać w dniu podanym niżej.',
      undetermined: 'Dokument istnieje, ale źródła nie podają jego dat, więc nie da się stwierdzić, czy jest w mocy.',
    },
  },
} as const;
