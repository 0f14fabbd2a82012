import type { Command } from 'commander';
import { RelpackError } from '../../errors/index.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, SERVER_OPTION } from '../output.js';
import { readStdin } from '../read-input.js';

/** The current and the new password: asked on a terminal, else two lines of stdin. */
async function passwords(deps: CliDeps, fromStdin: boolean): Promise<{ current: string; next: string }> {
  if (fromStdin) {
    const [current, next] = (await readStdin()).split(/\r?\n/);
    if (!current || !next)
      throw new RelpackError(
        'INVALID_ARGUMENT',
        'Give two lines on stdin: the current password, then the new one',
        {},
      );
    return { current, next };
  }
  if (!process.stdin.isTTY)
    throw new RelpackError(
      'INVALID_ARGUMENT',
      'No terminal to ask for the passwords on: pipe them with --password-stdin (current, then new)',
      {},
    );
  const { promptSecrets } = await import('../read-secret.js');
  const [current, next, again] = await promptSecrets(
    ['Current password: ', 'New password: ', 'New password again: '],
    deps.signal,
  );
  if (!current || !next)
    throw new RelpackError('INVALID_ARGUMENT', 'An empty password: nothing was changed', {});
  if (again !== next)
    throw new RelpackError('INVALID_ARGUMENT', 'The new passwords differ: nothing was changed', {});
  return { current, next };
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('passwd')
    .summary('change your own password (locally: the RELPACK_USER account; with --server: your login)')
    .description(
      'Changes the password of the account the CLI acts as. Your other sessions end; the stored login ' +
        'of this CLI stays. On a terminal the passwords are asked for and not shown.',
    )
    .option('--password-stdin', 'read the current and the new password as two lines of stdin', false)
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((o: { passwordStdin: boolean; server?: string; json: boolean }) =>
      withBackend(deps.context.version, o.server, async (b) => {
        const { current, next } = await passwords(deps, o.passwordStdin);
        await b.changePassword(current, next);
        if (o.json) return printJson(deps, { username: b.username, changed: true });
        deps.stdout.write(`password changed for ${b.username ?? 'you'}\n`);
      }),
    );
}
