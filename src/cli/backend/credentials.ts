import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface StoredLogin {
  readonly server: string;
  readonly username: string;
  readonly refreshToken: string;
}

/** `$RELPACK_CONFIG_DIR` or `$XDG_CONFIG_HOME/relpack` or `~/.config/relpack`. */
export function credentialsPath(): string {
  const base =
    process.env.RELPACK_CONFIG_DIR ??
    join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'relpack');
  return join(base, 'credentials.json');
}

/** Logins per server URL; the file is mode 0600, and only refresh tokens are kept. */
export async function readLogins(): Promise<StoredLogin[]> {
  try {
    return JSON.parse(await readFile(credentialsPath(), 'utf8')) as StoredLogin[];
  } catch {
    return [];
  }
}

export async function saveLogin(login: StoredLogin): Promise<void> {
  const path = credentialsPath();
  const others = (await readLogins()).filter((l) => l.server !== login.server);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify([...others, login], null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

export async function forgetLogin(server: string): Promise<void> {
  const rest = (await readLogins()).filter((l) => l.server !== server);
  if (rest.length === 0) await rm(credentialsPath(), { force: true });
  else await writeFile(credentialsPath(), `${JSON.stringify(rest, null, 2)}\n`, { mode: 0o600 });
}
