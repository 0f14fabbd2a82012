// issue #25: `relpack passwd` changes the caller's own password, locally and on a server, from
// a pipe or at a terminal prompt that does not echo.
import { type ChildProcess, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/readers.js';
import { spawnServe } from './helpers/serve-process.js';
import { inTerminal, plain } from './helpers/terminal.js';
import { shouldRunWith } from './helpers/tools.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const FIRST = 'velvet-quarry-moth-27';
const SECOND = 'amber-lantern-fjord-41';
const THIRD = 'cobalt-meadow-prism-93';

async function freshEnv(): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    RELPACK_DATA_DIR: await tempDir('passwd-data'),
    RELPACK_CONFIG_DIR: await tempDir('passwd-config'),
    RELPACK_ADMIN_PASSWORD: FIRST,
    RELPACK_USER: '',
  };
}
const run = (args: string[], env: NodeJS.ProcessEnv, input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', ...(input ? { input } : {}) });

describe('relpack passwd', () => {
  const servers: ChildProcess[] = [];
  afterAll(() => {
    for (const s of servers) s.kill('SIGTERM');
  });

  it('locally: takes the current and new password on stdin, and refuses a wrong or weak one', async () => {
    const env = await freshEnv();
    const changed = run(['passwd', '--password-stdin'], env, `${FIRST}\n${SECOND}\n`);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).toBe('password changed for admin\n');
    // The old one is no longer the current one.
    const stale = run(['passwd', '--password-stdin'], env, `${FIRST}\n${THIRD}\n`);
    expect(stale.status).toBe(4);
    expect(stale.stderr).toContain('WRONG_PASSWORD');
    const weak = run(['passwd', '--password-stdin', '--json'], env, `${SECOND}\nadmin\n`);
    expect(weak.status).toBe(2);
    expect(JSON.parse(weak.stdout).error.code).toBe('PASSWORD_TOO_WEAK');
    const oneLine = run(['passwd', '--password-stdin'], env, `${SECOND}\n`);
    expect(oneLine.status).toBe(2);
    expect(oneLine.stderr).toContain('two lines on stdin');
    // A file piped by mistake is refused without being held in memory.
    const huge = run(['passwd', '--password-stdin'], env, 'x'.repeat(200_000));
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain('Standard input holds more than 65536 bytes; it should hold a password');
    // Without a terminal and without --password-stdin it says how, instead of waiting.
    const noTty = spawnSync(process.execPath, [bin, 'passwd'], { env, encoding: 'utf8', stdio: 'pipe' });
    expect(noTty.status).toBe(2);
    expect(noTty.stderr).toContain('--password-stdin');
  });

  it.runIf(shouldRunWith('script'))(
    'at a terminal: asks three times without echoing, Ctrl-C exits 130',
    async () => {
      const env = await freshEnv();
      const session = inTerminal([process.execPath, bin, 'passwd'], env);
      await session.waitFor(/Current password: $/);
      session.type(`${FIRST}\r`);
      await session.waitFor(/New password: $/);
      session.type(`${SECOND}\r`);
      await session.waitFor(/New password again: $/);
      session.type(`${SECOND}\r`);
      expect(await session.exited).toBe(0);
      const seen = plain(session.output());
      expect(seen).toContain('password changed for admin');
      expect(seen).not.toContain(FIRST);
      expect(seen).not.toContain(SECOND);

      const typo = inTerminal([process.execPath, bin, 'passwd'], env);
      await typo.waitFor(/Current password: $/);
      typo.type(`${SECOND}\r`);
      await typo.waitFor(/New password: $/);
      typo.type(`${THIRD}\r`);
      await typo.waitFor(/again: $/);
      typo.type(`${THIRD}x\r`);
      expect(await typo.exited).toBe(2);
      expect(plain(typo.output())).toContain('The new passwords differ: nothing was changed');

      // A fast typist's answers, typed before their questions, are neither shown nor lost.
      const ahead = inTerminal([process.execPath, bin, 'passwd'], env);
      await ahead.waitFor(/Current password: $/);
      ahead.type(`${SECOND}\r${THIRD}\r${THIRD}\r`);
      expect(await ahead.exited).toBe(0);
      expect(plain(ahead.output())).not.toContain(THIRD);
      expect(run(['passwd', '--password-stdin'], env, `${THIRD}\n${SECOND}\n`).status).toBe(0);

      const stopped = inTerminal([process.execPath, bin, 'passwd'], env);
      await stopped.waitFor(/Current password: $/);
      stopped.type('\x03');
      expect(await stopped.exited).toBe(130);
      expect(plain(stopped.output())).toContain('relpack: interrupted (SIGINT)');
      // SECOND is still the password: neither run changed it.
      expect(run(['passwd', '--password-stdin'], env, `${SECOND}\n${THIRD}\n`).status).toBe(0);
    },
  );

  it('with --server: changes the logged-in account; the old password no longer logs in', async () => {
    const env = await freshEnv();
    const { child, url } = await spawnServe({ ...env, LOG_LEVEL: 'warn' });
    servers.push(child);
    const login = run(['login', '--server', url, '-u', 'admin', '--password-stdin'], env, `${FIRST}\n`);
    expect(login.status, login.stderr).toBe(0);
    const changed = run(
      ['passwd', '--server', url, '--password-stdin', '--json'],
      env,
      `${FIRST}\n${SECOND}\n`,
    );
    expect(changed.status, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({ username: 'admin', changed: true });
    // This CLI's stored login goes on working.
    expect(run(['jobs', 'list', '--server', url], env).status).toBe(0);
    const old = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: FIRST }),
    });
    expect(old.status).toBe(401);
    const fresh = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: SECOND }),
    });
    expect(fresh.status).toBe(200);
  });
});
