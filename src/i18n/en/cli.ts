// English strings of the `spojnia` command line (what it prints), typed against the Polish source
// (pl/cli.ts).
import type { cliPl } from '../pl/cli.js';
import type { TranslationShape } from '../types.js';

export const cliEn: TranslationShape<typeof cliPl> = {
  cli: {
    version: 'spojnia {{version}} (Node.js {{node}})',
    migrationsApplied_one: '{{count}} migration applied.',
    migrationsApplied_other: '{{count}} migrations applied.',
    migrationStatus: 'Migrations: {{applied}}, {{pending}}.',
    statusApplied_one: '{{count}} applied',
    statusApplied_other: '{{count}} applied',
    statusPending_one: '{{count}} pending',
    statusPending_other: '{{count}} pending',
    tables_one: '{{count}} table',
    tables_other: '{{count}} tables',
    rows_one: '{{count}} row',
    rows_other: '{{count}} rows',
    backup: {
      progress: 'backup',
      written: 'Backup written to {{file}} ({{size}}; {{tables}}, {{rows}}) in {{time}}.',
      manifest: 'Manifest: {{file}}',
      keepSecretFile:
        'Keep {{file}} together with this copy: the key that encrypts the two-factor (TOTP) secrets in the database is derived from the session secret it holds. Restored without it, the copy makes every user with two-step verification sign in with a recovery code and enrol again.',
      keepSecretEnv:
        'Keep the value of SESSION_SECRET together with this copy: the key that encrypts the two-factor (TOTP) secrets in the database is derived from it. Restored without it, the copy makes every user with two-step verification sign in with a recovery code and enrol again.',
      verified:
        "Verified: integrity check ok; {{tables}}, {{rows}}, every count and content hash equal to the source at the backup's moment.",
    },
  },
};
