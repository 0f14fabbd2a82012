import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where relpack keeps its database, secrets, uploads and releases when RELPACK_DATA_DIR is unset:
 * the user's data directory, so that a command run in any folder never leaves a `./data/` there,
 * and the CLI and `relpack serve` of one user share their jobs.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'relpack');
  const xdg = env.XDG_DATA_HOME;
  // The XDG base directory spec: a relative XDG_DATA_HOME is invalid and is ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'relpack');
}

/** How the default is told in `relpack --help`: the rule, not one machine's path. */
export function dataDirHelp(platform: NodeJS.Platform = process.platform): string {
  const where =
    platform === 'win32' ? '%LOCALAPPDATA%\\relpack' : '$XDG_DATA_HOME/relpack (~/.local/share/relpack)';
  return `
Data (database, secrets, uploads, releases):
  $RELPACK_DATA_DIR, else ${where}`;
}

/**
 * A `./data/` that an earlier relpack made in the current folder (it used to be the default), when
 * it is not the folder in use: its jobs and secrets would otherwise seem lost without a word.
 */
export function strayLegacyDataDir(dataDir: string, cwd: string = process.cwd()): string | null {
  const legacy = resolve(cwd, 'data');
  if (legacy === dataDir) return null;
  const made = ['relpack.sqlite', 'secrets.json'].some((file) => existsSync(join(legacy, file)));
  return made ? legacy : null;
}
