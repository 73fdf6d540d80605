// Polish strings of the `spojnia` command line (src/cli.ts), merged into pl.ts: what an operator reads
// after a command — counts through plural forms, the note on the session secret after a backup. The
// command line itself prints the English ones (en/cli.ts); these keep the two languages in step.

export const cliPl = {
  cli: {
    version: 'spojnia {{version}} (Node.js {{node}})',
    migrationsApplied_one: 'Zastosowano {{count}} migrację.',
    migrationsApplied_few: 'Zastosowano {{count}} migracje.',
    migrationsApplied_many: 'Zastosowano {{count}} migracji.',
    migrationsApplied_other: 'Zastosowano {{count}} migracji.',
    migrationStatus: 'Migracje: {{applied}}, {{pending}}.',
    statusApplied_one: '{{count}} zastosowana',
    statusApplied_few: '{{count}} zastosowane',
    statusApplied_many: '{{count}} zastosowanych',
    statusApplied_other: '{{count}} zastosowanej',
    statusPending_one: '{{count}} oczekująca',
    statusPending_few: '{{count}} oczekujące',
    statusPending_many: '{{count}} oczekujących',
    statusPending_other: '{{count}} oczekującej',
    tables_one: '{{count}} tabela',
    tables_few: '{{count}} tabele',
    tables_many: '{{count}} tabel',
    tables_other: '{{count}} tabeli',
    rows_one: '{{count}} wiersz',
    rows_few: '{{count}} wiersze',
    rows_many: '{{count}} wierszy',
    rows_other: '{{count}} wiersza',
    backup: {
      progress: 'kopia',
      written: 'Kopię zapisano w {{file}} ({{size}}; {{tables}}, {{rows}}) w {{time}}.',
      manifest: 'Manifest: {{file}}',
      keepSecretFile:
        'Przechowuj razem z tą kopią plik {{file}}: z zapisanego w nim sekretu sesji pochodzi klucz, którym zaszyfrowano w bazie sekrety logowania dwuetapowego (TOTP). Po odtworzeniu kopii bez niego każdy użytkownik z weryfikacją dwuetapową musi zalogować się kodem zapasowym i skonfigurować ją od nowa.',
      keepSecretEnv:
        'Przechowuj razem z tą kopią wartość zmiennej SESSION_SECRET: z niej pochodzi klucz, którym zaszyfrowano w bazie sekrety logowania dwuetapowego (TOTP). Po odtworzeniu kopii bez niej każdy użytkownik z weryfikacją dwuetapową musi zalogować się kodem zapasowym i skonfigurować ją od nowa.',
      verified:
        'Sprawdzono: integralność bez zastrzeżeń; {{tables}}, {{rows}}, każda liczba wierszy i skrót treści równe źródłu z chwili wykonania kopii.',
    },
  },
} as const;
