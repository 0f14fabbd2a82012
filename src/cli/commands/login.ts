import type { Command } from 'commander';
import { RelpackError } from '../../errors/index.js';
import { forgetLogin, readLogins, saveLogin } from '../backend/credentials.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson } from '../output.js';
import { readStdin } from '../read-input.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('login')
    .summary('log in to a relpack server; the refresh token is kept in your config directory (0600)')
    .option('--server <url>', 'server URL ($RELPACK_SERVER)')
    .requiredOption('-u, --username <name>', 'user name')
    .option('--password-stdin', 'read the password from standard input (else $RELPACK_PASSWORD)', false)
    .option('--json', 'print JSON', false)
    .action(async (o: { server?: string; username: string; passwordStdin: boolean; json: boolean }) => {
      const server = o.server ?? process.env.RELPACK_SERVER;
      if (!server)
        throw new RelpackError('INVALID_ARGUMENT', 'Give --server URL (or set RELPACK_SERVER)', {});
      const password = o.passwordStdin
        ? (await readStdin()).replace(/\r?\n$/, '')
        : process.env.RELPACK_PASSWORD;
      if (!password)
        throw new RelpackError(
          'INVALID_ARGUMENT',
          'Give the password with --password-stdin or RELPACK_PASSWORD',
          {},
        );
      const { callApi, normaliseServer } = await import('../backend/http-backend.js');
      const base = normaliseServer(server);
      const session = await callApi<{
        accessToken: string;
        accessTokenExpiresAt: string;
        refreshToken: string;
        user: { username: string; role: string };
      }>(base, 'POST', '/api/auth/login', undefined, {
        username: o.username,
        password,
      });
      await saveLogin({
        server: base,
        username: session.user.username,
        refreshToken: session.refreshToken,
        accessToken: session.accessToken,
        accessTokenExpiresAt: session.accessTokenExpiresAt,
      });
      if (o.json) return printJson(deps, { server: base, user: session.user });
      deps.stdout.write(`logged in to ${base} as ${session.user.username} (${session.user.role})\n`);
    });

  program
    .command('logout')
    .summary('end the stored session with a server')
    .option('--server <url>', 'server URL ($RELPACK_SERVER)')
    .option('--json', 'print JSON', false)
    .action(async (o: { server?: string; json: boolean }) => {
      const server = o.server ?? process.env.RELPACK_SERVER;
      if (!server)
        throw new RelpackError('INVALID_ARGUMENT', 'Give --server URL (or set RELPACK_SERVER)', {});
      const { callApi, normaliseServer } = await import('../backend/http-backend.js');
      const base = normaliseServer(server);
      const login = (await readLogins()).find((l) => l.server === base);
      if (login)
        await callApi(base, 'POST', '/api/auth/logout', undefined, {
          refreshToken: login.refreshToken,
        }).catch(() => undefined);
      await forgetLogin(base);
      if (o.json) return printJson(deps, { server: base, loggedOut: Boolean(login) });
      deps.stdout.write(login ? `logged out of ${base}\n` : `no stored login for ${base}\n`);
    });
}
