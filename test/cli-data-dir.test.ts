// Where local mode keeps its data: the user's data directory, never the folder a command runs in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../src/data-dir.js';
import { tempDir } from './helpers/readers.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));

/** The built CLI in `cwd`, with a home of its own and none of the data settings of this run. */
function relpack(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const { RELPACK_DATA_DIR: _d, XDG_DATA_HOME: _x, ...rest } = process.env;
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...rest, RELPACK_ADMIN_PASSWORD: 'velvet-quarry-moth-27', ...env },
  });
}

describe('the data directory (issue #25)', () => {
  it('run in any folder, jobs list keeps its data in ~/.local/share/relpack and says so once', async () => {
    const home = await tempDir('data-home');
    const folder = await tempDir('data-cwd');
    const first = relpack(['jobs', 'list'], folder, { HOME: home });
    expect(first.status, first.stderr).toBe(0);
    expect(await readdir(folder)).toEqual([]);
    const dataDir = join(home, '.local', 'share', 'relpack');
    expect(first.stderr).toContain(`keeping data in ${dataDir}`);
    expect(existsSync(join(dataDir, 'relpack.sqlite'))).toBe(true);
    expect((await stat(join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o077).toBe(0);
    const again = relpack(['jobs', 'list'], folder, { HOME: home });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('keeping data in');
  });

  it('follows XDG_DATA_HOME when it is absolute, and RELPACK_DATA_DIR above all', async () => {
    const home = await tempDir('data-home-xdg');
    const xdg = await tempDir('data-xdg');
    const folder = await tempDir('data-cwd-xdg');
    expect(relpack(['db', 'migrate'], folder, { HOME: home, XDG_DATA_HOME: xdg }).status).toBe(0);
    expect(existsSync(join(xdg, 'relpack', 'relpack.sqlite'))).toBe(true);
    const explicit = join(folder, 'mine');
    expect(relpack(['db', 'migrate'], folder, { HOME: home, RELPACK_DATA_DIR: 'mine' }).status).toBe(0);
    expect(existsSync(join(explicit, 'relpack.sqlite'))).toBe(true);
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative/dir' }, 'linux', '/home/u')).toBe(
      '/home/u/.local/share/relpack',
    );
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toMatch(
      /AppData.Local.relpack$/,
    );
  });

  it('names a ./data left by an earlier relpack instead of silently starting empty', async () => {
    const home = await tempDir('data-home-legacy');
    const folder = await tempDir('data-cwd-legacy');
    await mkdir(join(folder, 'data'));
    await writeFile(join(folder, 'data', 'relpack.sqlite'), '');
    const run = relpack(['jobs', 'list'], folder, { HOME: home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${join(folder, 'data')} holds data of an earlier relpack and is not used`);
    expect(run.stderr).toContain(`RELPACK_DATA_DIR=${join(folder, 'data')}`);
  });

  it('is told in relpack --help', () => {
    const help = relpack(['--help'], process.cwd(), {});
    expect(help.stdout).toContain('$RELPACK_DATA_DIR, else $XDG_DATA_HOME/relpack (~/.local/share/relpack)');
  });
});
