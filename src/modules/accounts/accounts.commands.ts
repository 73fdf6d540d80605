// The accounts module's command of the `spojnia` command line (listed on accountsModule):
// `user create`, how an operator makes the first accounts without the web setup page.
import { randomBytes } from 'node:crypto';
import type { ModuleCommand } from '../../core/commands.js';
import { AppError, validationProblems } from '../../core/errors/app-error.js';
import { createUser } from './users.service.js';
import { isRole, ROLES } from './roles.js';

const GENERATED_PASSWORD_BYTES = 18; // 24 base64url characters

function usageError(message: string): AppError {
  return new AppError('cli.usage', { message });
}

function generatePassword(): string {
  return randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
}

const userCreateCommand: ModuleCommand = {
  words: 'user create',
  summary: 'Create a user account (--email, --role; password from stdin or generated)',
  usage: [
    'spojnia user create --email E --role R [--role R2 …] [--name "Full Name"]',
    '',
    'The password is the first line of stdin when stdin is not a terminal, e.g.',
    '  printf "%s\\n" "$PASSWORD" | spojnia user create --email a@example.pl --role administrator',
    'Otherwise (or when stdin is empty) a random 24-character password is generated and printed once.',
    '',
    `Roles: ${ROLES.join(', ')}`,
  ].join('\n'),
  options: { email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' } },
  async run(r) {
    const email = typeof r.values.email === 'string' ? r.values.email : '';
    const roles = [...new Set((Array.isArray(r.values.role) ? r.values.role : []).filter((x): x is string => typeof x === 'string'))];
    const { name: nameFlag } = r.values;
    const name = typeof nameFlag === 'string' && nameFlag.trim() !== '' ? nameFlag.trim() : undefined;
    if (email.trim() === '') throw usageError('--email is required.');
    if (roles.length === 0) throw usageError(`at least one --role is required (one of: ${ROLES.join(', ')}).`);
    const unknown = roles.filter((x) => !isRole(x));
    if (unknown.length > 0) throw usageError(`unknown role ${unknown.map((x) => `"${x}"`).join(', ')}; valid roles: ${ROLES.join(', ')}.`);

    const given = await r.stdinLine();
    const ctx = await r.context();
    let password = given ?? generatePassword();
    let id: string;
    for (let attempt = 1; ; attempt += 1) {
      try {
        id = await createUser(ctx, { email, roles, password, ...(name ? { displayName: name } : {}) });
        break;
      } catch (err) {
        // a generated password can, very rarely, contain the address's local part; draw again
        const onlyPassword = validationProblems(err)?.every((p) => p.field === 'password') ?? false;
        if (given !== null || !onlyPassword || attempt >= 5) throw err;
        password = generatePassword();
      }
    }
    r.out(r.t('accounts.cliCreated', { count: roles.length, email: email.trim(), id, roles: roles.join(', ') }));
    if (given === null) r.out(`Password (shown only this once, store it now): ${password}`);
    return 0;
  },
};

export const accountsCommands: ModuleCommand[] = [userCreateCommand];
