import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { RelpackError } from '../../errors/index.js';

export interface StoredLogin {
  readonly server: string;
  readonly username: string;
  readonly refreshToken: string;
  /** The last access token and when it expires: reused by the next command while still valid. */
  readonly accessToken?: string;
  readonly accessTokenExpiresAt?: string;
}

/** `$RELPACK_CONFIG_DIR` or `$XDG_CONFIG_HOME/relpack` or `~/.config/relpack`. */
export function credentialsPath(): string {
  const base =
    process.env.RELPACK_CONFIG_DIR ??
    join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'relpack');
  return join(base, 'credentials.json');
}

/** Logins per server URL; the file is mode 0600 in a 0700 folder. */
export async function readLogins(): Promise<StoredLogin[]> {
  try {
    return JSON.parse(await readFile(credentialsPath(), 'utf8')) as StoredLogin[];
  } catch {
    return [];
  }
}

export async function saveLogin(login: StoredLogin): Promise<void> {
  const others = (await readLogins()).filter((l) => l.server !== login.server);
  await writeLogins([...others, login]);
}

export async function forgetLogin(server: string): Promise<void> {
  const rest = (await readLogins()).filter((l) => l.server !== server);
  if (rest.length === 0) await rm(credentialsPath(), { force: true });
  else await writeLogins(rest);
}

/** Written to a temporary name and renamed, so a command reading at the same time sees a whole file. */
async function writeLogins(logins: readonly StoredLogin[]): Promise<void> {
  const path = credentialsPath();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/** A lock older than this belongs to a command that died holding it. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 60_000;

/**
 * Runs `work` while holding the credentials lock (an exclusive-create lock file beside them), so
 * that parallel commands refresh one at a time: the server revokes a whole login when one refresh
 * token is presented twice, and two commands refreshing at once would do exactly that.
 */
export async function withCredentialsLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = `${credentialsPath()}.lock`;
  await mkdir(dirname(lock), { recursive: true, mode: 0o700 });
  const started = Date.now();
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    const handle = await open(lock, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      return null;
    });
    if (handle) {
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    }
    const held = await stat(lock).catch(() => null);
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new RelpackError(
        'UNAUTHENTICATED',
        `Another relpack command has held ${lock} for a minute; if none is running, delete that file`,
        { lock },
      );
    }
    await delay(wait);
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
