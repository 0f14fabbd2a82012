import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/readers.js';
import { loadConfig } from '../../config.js';
import { loadSecrets } from './load-secrets.js';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips, with a fresh IV each time', () => {
    const a = box.seal('ftp-password-ü', 'row-1');
    const b = box.seal('ftp-password-ü', 'row-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('ftp-password');
    expect(box.open(a, 'row-1')).toBe('ftp-password-ü');
  });

  it('refuses another row, a tampered value and another key', () => {
    const sealed = box.seal('secret', 'row-1');
    expect(() => box.open(sealed, 'row-2')).toThrow(expect.objectContaining({ code: 'SECRET_UNREADABLE' }));
    const parts = sealed.split('.');
    parts[4] = Buffer.from('x').toString('base64url');
    expect(() => box.open(parts.join('.'), 'row-1')).toThrow(
      expect.objectContaining({ code: 'SECRET_UNREADABLE' }),
    );
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'row-1')).toThrow(
      expect.objectContaining({ code: 'SECRET_UNREADABLE' }),
    );
  });

  it('opens values sealed with a previous key, for rotation', () => {
    const old = randomBytes(32);
    const sealed = new SecretBox(old).seal('v', 'r');
    const rotated = new SecretBox(randomBytes(32), [old]);
    expect(rotated.open(sealed, 'r')).toBe('v');
    expect(rotated.seal('v', 'r').split('.')[1]).toBe(rotated.keyId);
  });
});

describe('loadSecrets', () => {
  it('generates secrets once into the data directory with mode 0600, then reuses them', async () => {
    const dataDir = await tempDir('secrets');
    const config = loadConfig({ RELPACK_DATA_DIR: dataDir });
    const first = await loadSecrets(config);
    const second = await loadSecrets(config);
    expect(first.generatedFile).toBe(`${dataDir}/secrets.json`);
    expect(((await stat(first.generatedFile!)).mode & 0o777).toString(8)).toBe('600');
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(first.secretKey.length).toBe(32);
  });

  it('stops a production start without secrets, naming the variables', async () => {
    const config = loadConfig({ NODE_ENV: 'production', RELPACK_DATA_DIR: await tempDir('secrets') });
    await expect(loadSecrets(config)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('RELPACK_SECRET_KEY and JWT_SECRET'),
    });
  });

  it('rejects a secret key that is not 32 bytes', () => {
    expect(() => loadConfig({ RELPACK_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /RELPACK_SECRET_KEY must be 32 bytes/,
    );
  });
});
