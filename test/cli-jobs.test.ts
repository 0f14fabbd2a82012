// The built CLI for jobs, prefs, templates, batch, login and completion, in local mode (this
// machine's database) and in server mode (a real server started by the test).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './helpers/job-fixtures.js';
import { makeEpub } from './helpers/make-epub.js';
import { tempDir } from './helpers/readers.js';
import { spawnServe } from './helpers/serve-process.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));

describe('relpack jobs, prefs, templates, batch, login (built CLI)', () => {
  let dataDir: string;
  let configDir: string;
  let epub: string;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess;
  let url: string;
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...env, ...extra },
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    });
  const json = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const r = run([...args, '--json'], extra);
    if (r.status !== 0) throw new Error(`relpack ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  beforeAll(async () => {
    dataDir = await tempDir('cli-jobs-data');
    configDir = await tempDir('cli-jobs-config');
    const sources = await tempDir('cli-jobs-src');
    epub = join(sources, 'book.epub');
    await makeEpub(epub, { title: 'Cli Book', author: 'Cee Ell', date: '2017-07-07', padding: 2_000_000 });
    env = {
      ...process.env,
      RELPACK_DATA_DIR: dataDir,
      RELPACK_CONFIG_DIR: configDir,
      RELPACK_SOURCE_ROOTS: sources,
      RELPACK_ADMIN_PASSWORD: 'velvet-quarry-moth-27',
      LOG_LEVEL: 'warn',
    };
    ({ child: server, url } = await spawnServe(env));
  });
  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server) await once(server, 'exit');
  });

  it('issue #25: refuses a status that does not exist, naming the ones that do', () => {
    for (const mode of [{}, { RELPACK_SERVER: url }]) {
      const r = run(['jobs', 'list', '--status', 'completed,queued'], mode);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('unknown status queued: use pending, running, completed, failed, cancelled');
    }
  });

  it('records a pack as a job, then lists, shows and reads its logs locally', () => {
    const packed = json(['pack', 'ebook', epub, '-g', 'GRP', '-m', 'source=RETAiL', '--job']);
    expect(packed.job.status).toBe('completed');
    expect(packed.artifacts.map((a: { kind: string }) => a.kind).sort()).toEqual(['nfo', 'zip']);
    const list = json(['jobs', 'list']);
    expect(list.items.map((j: { id: string }) => j.id)).toContain(packed.job.id);
    const shown = json(['jobs', 'show', packed.job.id]);
    expect(shown).toMatchObject({
      id: packed.job.id,
      status: 'completed',
      result: { releaseName: 'Cee.Ell.Cli.Book.2017.RETAiL.ePUB.eBOOK-GRP' },
    });
    for (const a of shown.artifacts)
      expect(Object.keys(a).sort()).toEqual(['crc32', 'createdAt', 'id', 'kind', 'path', 'size']);
    const logs = json(['jobs', 'logs', packed.job.id]);
    expect(logs.items.some((l: { message: string }) => l.message.startsWith('completed'))).toBe(true);
    const human = run(['jobs', 'logs', packed.job.id, '--level', 'warn']);
    expect(human.status).toBe(0);
    expect(run(['jobs', 'show', '00000000-0000-4000-8000-000000000000']).status).toBe(3);
    // issue #25: the 8 characters the web shows name the job too.
    expect(json(['jobs', 'show', packed.job.id.slice(0, 8)]).id).toBe(packed.job.id);
    expect(json(['jobs', 'logs', packed.job.id.slice(0, 8)]).items.length).toBe(logs.items.length);
  });

  it('issue #25: in a fresh data directory, pack --job then jobs list/show/logs work from the first command', async () => {
    const fresh = { RELPACK_DATA_DIR: await tempDir('cli-jobs-fresh'), RELPACK_ADMIN_PASSWORD: '' };
    const packed = run(['pack', 'ebook', epub, '-g', 'GRP', '-m', 'source=RETAiL', '--job', '--json'], fresh);
    expect(packed.status, packed.stderr).toBe(0);
    const id = JSON.parse(packed.stdout).job.id as string;
    const first = run(['jobs', 'list'], fresh);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(id);
    // The local admin was made once, its one-time password told once.
    expect(first.stderr).toMatch(/created user "admin" with password \S+/);
    const again = run(['jobs', 'show', id], fresh);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('created user');
    expect(run(['jobs', 'logs', id], fresh).status).toBe(0);
  });

  it('works the same against the server after relpack login', async () => {
    const bad = run(['login', '--server', url, '-u', 'admin', '--password-stdin'], {}, 'wrong-password\n');
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain('INVALID_CREDENTIALS');
    const login = run(
      ['login', '--server', url, '-u', 'admin', '--password-stdin', '--json'],
      {},
      'velvet-quarry-moth-27\n',
    );
    expect(login.status, login.stderr).toBe(0);
    expect(((await stat(join(configDir, 'credentials.json'))).mode & 0o777).toString(8)).toBe('600');
    const remote = { RELPACK_SERVER: url };
    const created = json(['jobs', 'list'], remote);
    expect(created.total).toBeGreaterThanOrEqual(1);
    const id = created.items[0].id;
    expect(json(['jobs', 'show', id], remote).id).toBe(id);
    expect(json(['jobs', 'show', id.slice(0, 8)], remote).id).toBe(id);
    const followed = run(['jobs', 'logs', id, '--follow', '--json'], remote);
    expect(followed.status).toBe(0);
    const lines = followed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(2);
    const again = run(['jobs', 'retry', id], remote);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('JOB_INVALID_STATE');
    // a job that fails (a name breaking the rules) can be retried through the server
    expect(run(['pack', 'ebook', epub, '-g', 'GRP', '--name', 'Bad Name', '--job']).status).toBe(1);
    const failed = json(['jobs', 'list', '--status', 'failed'], remote).items[0];
    expect(failed.error.code).toBe('RULE_VIOLATION');
    expect(['pending', 'running', 'failed']).toContain(json(['jobs', 'retry', failed.id], remote).status);
    const retried = await until(
      async () => json(['jobs', 'show', failed.id], remote),
      (j) => j.status === 'failed' && j.attempts === 1,
      30_000,
    );
    expect(retried.error.code).toBe('RULE_VIOLATION');
    // Following a job that failed fails too, with the job's code (RULE_VIOLATION: 1), in both modes.
    for (const mode of [remote, {}]) {
      const id = json(['jobs', 'list', '--status', 'failed'], mode).items[0].id as string;
      const followed = run(['jobs', 'logs', id, '--follow'], mode);
      expect(followed.status, followed.stderr).toBe(1);
    }
    expect(json(['jobs', 'delete', id], remote)).toEqual({ id, deleted: true });
    expect(run(['jobs', 'show', id, '--server', url]).status).toBe(3);
    // preferences and templates through the server
    json(['prefs', 'set', 'ui.theme', 'dark'], remote);
    expect(json(['prefs', 'get', 'ui.theme'], remote)).toMatchObject({ value: 'dark', source: 'user' });
    json(['prefs', 'set', 'pack.group', 'GLOBALGRP', '--global'], remote);
    const exported = join(configDir, 'prefs.json');
    json(['prefs', 'export', exported], remote);
    json(['prefs', 'set', 'ui.theme', 'light'], remote);
    const dry = json(['prefs', 'import', exported, '--dry-run'], remote);
    expect(dry.changes).toEqual([{ key: 'ui.theme', from: 'light', to: 'dark' }]);
    expect(json(['prefs', 'get', 'ui.theme'], remote).value).toBe('light');
    json(['prefs', 'import', exported], remote);
    expect(json(['prefs', 'get', 'ui.theme'], remote).value).toBe('dark');
    expect(run(['prefs', 'set', 'ui.theme', 'purple'], remote).status).toBe(2);
    const body = join(configDir, 'mine.liquid');
    await (await import('node:fs/promises')).writeFile(
      body,
      'Release {{ release.name }}\nDisks {{ release.disks.count }}\n',
    );
    json(['templates', 'set', 'Mine', '--file', body], remote);
    const rendered = run(['templates', 'render', 'Mine'], remote);
    expect(rendered.stdout).toContain('Release Author.Title.2021.RETAiL.ePUB.eBOOK-GRP');
    expect(json(['templates', 'list'], remote).items.map((t: { name: string }) => t.name)).toContain('Mine');
    // pack through the server: the job runs there, the CLI follows it
    const remotePack = json(
      ['pack', 'ebook', epub, '-g', 'SRV', '-m', 'source=RETAiL', '--no-progress'],
      remote,
    );
    expect(remotePack.job).toMatchObject({
      status: 'completed',
      result: { releaseName: 'Cee.Ell.Cli.Book.2017.RETAiL.ePUB.eBOOK-SRV' },
    });
    expect(remotePack.artifacts.length).toBe(2);
    const outside = run(['pack', 'ebook', '/etc/hostname', '-g', 'SRV'], remote);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('PATH_OUTSIDE_ROOT');
    // a batch through the server: one item runs, one is refused (outside the roots)
    const batchFile = join(configDir, 'remote-batch.json');
    await (await import('node:fs/promises')).writeFile(
      batchFile,
      JSON.stringify([
        { type: 'ebook', source: epub, group: 'BAT', meta: { source: 'SCAN' } },
        { type: 'ebook', source: '/etc/hostname', group: 'BAT' },
      ]),
    );
    const remoteBatch = run(['batch', batchFile, '--json'], remote);
    expect(remoteBatch.status).toBe(6);
    expect(JSON.parse(remoteBatch.stdout)).toMatchObject({ total: 2, completed: 1, failed: 1 });
    // issue #25: the same per-item table as a local batch, in the file's order (another group:
    // the same release again would be a dupe).
    await (await import('node:fs/promises')).writeFile(
      batchFile,
      JSON.stringify([
        { type: 'ebook', source: epub, group: 'TAB', meta: { source: 'SCAN' } },
        { type: 'ebook', source: '/etc/hostname', group: 'TAB' },
      ]),
    );
    const table = run(['batch', batchFile], remote);
    expect(table.status).toBe(6);
    const rows = table.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^#\s+STATUS\s+NAME\s+SIZE\s+VOLUMES\s+FINDINGS\s+UPLOADS\s+TIME$/);
    expect(rows[1]).toMatch(
      /^1\s+completed\s+Cee\.Ell\.Cli\.Book\.2017\.SCAN\.ePUB\.eBOOK-TAB\s+[\d.]+ MB\s+\d+\s+\d+\s+[\d.]+ s$/,
    );
    expect(rows[2]).toMatch(/^2\s+failed\s+PATH_OUTSIDE_ROOT\s+0\s+[\d.]+ s$/);
    expect(rows[3]).toBe('1 completed, 1 failed, 0 skipped');
    const logout = run(['logout', '--server', url]);
    expect(logout.status).toBe(0);
    expect(run(['jobs', 'list'], remote).status).toBe(4);
  }, 180_000);

  it('issue #18: parallel commands against the server keep the login', async () => {
    const login = run(
      ['login', '--server', url, '-u', 'admin', '--password-stdin'],
      {},
      'velvet-quarry-moth-27\n',
    );
    expect(login.status, login.stderr).toBe(0);
    const credentials = join(configDir, 'credentials.json');
    const runAsync = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], { env: { ...env, RELPACK_SERVER: url } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    for (const round of ['with the stored access token', 'all needing a refresh']) {
      if (round === 'all needing a refresh') {
        // Drop the stored access token: every command must refresh, and they race for it.
        const stored = JSON.parse(await readFile(credentials, 'utf8'));
        await writeFile(
          credentials,
          JSON.stringify(stored.map(({ accessToken: _a, ...rest }: Record<string, unknown>) => rest)),
          { mode: 0o600 },
        );
      }
      const results = await Promise.all([1, 2, 3, 4].map(() => runAsync(['jobs', 'list', '--json'])));
      for (const r of results) expect(r.code, `${round}: ${r.stderr}`).toBe(0);
    }
    // The login survived: a later command still works, and the file is still private.
    expect(run(['jobs', 'list', '--json'], { RELPACK_SERVER: url }).status).toBe(0);
    expect(((await stat(credentials)).mode & 0o777).toString(8)).toBe('600');
  });
  it('packs a batch of 5 with one broken item, reports it, and --resume skips the 4 that exist', async () => {
    const out = await tempDir('cli-batch-out');
    const items = [
      { type: 'ebook', source: epub, group: 'GRP', meta: { source: 'RETAiL' } },
      { type: 'ebook', source: epub, group: 'GRP', meta: { source: 'SCAN' } },
      { type: 'ebook', source: join(out, 'does-not-exist.epub'), group: 'GRP', meta: { source: 'RETAiL' } },
      { type: 'ebook', source: epub, group: 'GRP', meta: { source: 'HYBRiD' } },
      { type: 'ebook', source: epub, group: 'OTHER', meta: { source: 'RETAiL' } },
    ];
    const file = join(out, 'batch.json');
    await (await import('node:fs/promises')).writeFile(file, JSON.stringify(items, null, 2));
    const first = run(['batch', file, '--continue-on-error', '--concurrency', '2', '-o', out, '--json']);
    expect(first.status).toBe(6);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ total: 5, completed: 4, failed: 1, skipped: 0 });
    expect(summary.items[2]).toMatchObject({
      index: 3,
      status: 'failed',
      error: { code: 'SOURCE_NOT_FOUND' },
    });
    const again = run(['batch', file, '--continue-on-error', '--resume', '-o', out, '--json']);
    expect(again.status).toBe(6);
    expect(JSON.parse(again.stdout)).toMatchObject({ completed: 0, failed: 1, skipped: 4 });
    const stopAtFirst = run(['batch', file, '-o', await tempDir('cli-batch-stop'), '--json']);
    expect(JSON.parse(stopAtFirst.stdout)).toMatchObject({ completed: 2, failed: 1, skipped: 2 });
    const broken = join(out, 'broken.json');
    await (await import('node:fs/promises')).writeFile(
      broken,
      '[\n  { "type": "ebook", "source": "x", "group": "G" },\n  { "type": "video", "group": 7 }\n]',
    );
    const invalid = run(['batch', broken]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/item 2 \(line 3\): type/);
  }, 180_000);

  it('prints shell completion scripts', () => {
    const bash = run(['completion', 'bash']);
    expect(bash.status).toBe(0);
    expect(bash.stdout).toContain('complete -F _relpack_complete relpack');
    expect(bash.stdout).toMatch(/"jobs"\) words="[^"]*list[^"]*logs/);
    expect(run(['completion', 'zsh']).stdout).toContain('bashcompinit');
  });
});
