import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';

export interface Secrets {
  readonly secretKey: Buffer;
  readonly jwtSecret: Uint8Array;
  /** Where generated secrets were stored, when they were. */
  readonly generatedFile: string | null;
}

/**
 * `RELPACK_SECRET_KEY` and `JWT_SECRET` from the environment. On embedded defaults (not
 * production) missing ones are generated once into `<data>/secrets.json` (mode 0600) and reused;
 * in production a missing secret stops the start, because a generated one would be lost with
 * the container and every stored secret with it.
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  if (config.secretKey && config.jwtSecret) {
    return {
      secretKey: Buffer.from(config.secretKey, 'base64'),
      jwtSecret: new TextEncoder().encode(config.jwtSecret),
      generatedFile: null,
    };
  }
  if (config.production) {
    const missing = [
      config.secretKey ? null : 'RELPACK_SECRET_KEY',
      config.jwtSecret ? null : 'JWT_SECRET',
    ].filter(Boolean);
    throw new ConfigError(
      `${missing.join(' and ')} must be set in production (generate with: openssl rand -base64 32); see .env.example`,
    );
  }
  const file = join(config.dataDir, 'secrets.json');
  let stored: { secretKey?: string; jwtSecret?: string } = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ConfigError(`${file} is unreadable: ${(error as Error).message}`);
  }
  if (!stored.secretKey || !stored.jwtSecret) {
    stored = {
      secretKey: stored.secretKey ?? randomBytes(32).toString('base64'),
      jwtSecret: stored.jwtSecret ?? randomBytes(48).toString('base64'),
    };
    await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return {
    secretKey: Buffer.from(config.secretKey ?? stored.secretKey!, 'base64'),
    jwtSecret: new TextEncoder().encode(config.jwtSecret ?? stored.jwtSecret!),
    generatedFile: file,
  };
}
