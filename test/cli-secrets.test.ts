// `relpack secrets rotate`: after a key change, stored secrets sealed with the old key are re-sealed
// with the new one, so the old key can be dropped.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers/net.js';
import { tempDir } from './helpers/readers.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const OLD = Buffer.alloc(32, 1).toString('base64');
const NEW = Buffer.alloc(32, 2).toString('base64');

describe('relpack secrets rotate (built CLI)', () => {
  it('re-seals destination passwords with the new key; afterwards the old key is not needed', async () => {
    const base = {
      ...process.env,
      RELPACK_DATA_DIR: await tempDir('secrets-data'),
      JWT_SECRET: 'secrets-test-jwt-secret-long-enough-12345',
      LOG_LEVEL: 'warn',
      FTP_PASSWORD: 'the-ftp-password',
    };
    const run = (key: string, args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
      spawnSync(process.execPath, [bin, ...args], {
        env: { ...base, RELPACK_SECRET_KEY: key, ...extra },
        encoding: 'utf8',
        ...(input === undefined ? {} : { input }),
      });
    const closedPort = await freePort();
    expect(
      run(
        OLD,
        ['admin', 'create', '-u', 'admin', '-r', 'admin', '--password-stdin'],
        {},
        'saffron-bridge-echo-9\n',
      ).status,
    ).toBe(0);
    const added = run(OLD, [
      'destinations',
      'add',
      'site',
      '--protocol',
      'ftp',
      '--host',
      '127.0.0.1',
      '--port',
      String(closedPort),
      '--user',
      'u',
      '--password-env',
      'FTP_PASSWORD',
      '--base-path',
      '/in',
      '--json',
    ]);
    expect(added.status, added.stderr).toBe(0);
    // With the old key: the password opens, the connection is refused (nothing listens there).
    expect(run(OLD, ['destinations', 'test', 'site']).stderr).toContain('DELIVERY_REFUSED');
    // The new key alone cannot open it.
    expect(run(NEW, ['destinations', 'test', 'site']).stderr).toContain('SECRET_UNREADABLE');
    const rotated = run(NEW, ['secrets', 'rotate', '--json'], { RELPACK_SECRET_KEY_PREVIOUS: OLD });
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout)).toEqual({ resealed: 1, current: 0 });
    const again = run(NEW, ['secrets', 'rotate', '--json'], { RELPACK_SECRET_KEY_PREVIOUS: OLD });
    expect(JSON.parse(again.stdout)).toEqual({ resealed: 0, current: 1 });
    expect(run(NEW, ['destinations', 'test', 'site']).stderr).toContain('DELIVERY_REFUSED');
    expect(run(OLD, ['destinations', 'test', 'site']).stderr).toContain('SECRET_UNREADABLE');
  });
});
