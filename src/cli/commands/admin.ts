import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { withLocalRuntime } from '../load.js';
import { readStdin } from '../read-input.js';

export function register(program: Command, deps: CliDeps): void {
  const admin = program.command('admin').summary('user administration for scripts');
  admin
    .command('create')
    .summary('create a user (prints a generated password unless --password-stdin)')
    .requiredOption('-u, --username <name>', 'user name')
    .addOption(new Option('-r, --role <role>', 'role').choices(['admin', 'operator']).default('operator'))
    .option('--password-stdin', 'read the password from standard input', false)
    .option('--json', 'print JSON', false)
    .action(
      async (options: {
        username: string;
        role: 'admin' | 'operator';
        passwordStdin: boolean;
        json: boolean;
      }) => {
        const password = options.passwordStdin
          ? (await readStdin()).replace(/\r?\n$/, '')
          : randomBytes(12).toString('base64url');
        await withLocalRuntime(deps, async ({ services }) => {
          const user = await services.users.create(null, {
            username: options.username,
            password,
            role: options.role,
          });
          const shown = options.passwordStdin ? undefined : password;
          if (options.json)
            deps.stdout.write(
              `${JSON.stringify({ id: user.id, username: user.username, role: user.role, password: shown }, null, 2)}\n`,
            );
          else
            deps.stdout.write(
              `created ${user.role} "${user.username}"${shown ? ` with password ${shown}` : ''}\n`,
            );
        });
      },
    );
}
