// What each command loads (the built CLI, traced by an ES module loader hook, each chunk of the
// bundle read as the sources esbuild put in it): help and version
// load commander and the command definitions only; `relpack rar` adds the RAR writer and nothing
// of the database, the server, zod or the template engine. A module that creeps into these paths
// fails here, before it costs every invocation its load time (the seconds are in bench/).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeMkv } from './helpers/make-mkv.js';
import { tempDir } from './helpers/readers.js';
import { shouldRunWith } from './helpers/tools.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/relpack.js');
const hook = join(root, 'test/helpers/module-trace.mjs');

/** The modules `relpack args…` loaded, as paths under the project (dist/…, node_modules/<pkg>). */
async function loaded(
  args: string[],
): Promise<{ ours: string[]; packages: string[]; status: number | null }> {
  const trace = join(await tempDir('trace'), 'modules.txt');
  await writeFile(trace, '');
  const run = spawnSync(process.execPath, ['--import', hook, bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RELPACK_TRACE_FILE: trace },
  });
  const urls = (await readFile(trace, 'utf8')).split('\n').filter(Boolean);
  const paths = [...new Set(urls.map((u) => fileURLToPath(u).slice(root.length)).flatMap(sourcesOf))];
  const packages = [
    ...new Set(
      paths
        .filter((p) => p.startsWith('node_modules/'))
        .map((p) =>
          p
            .split('/')
            .slice(1, p.split('/')[1]!.startsWith('@') ? 3 : 2)
            .join('/'),
        ),
    ),
  ].sort();
  const ours = paths.filter((p) => p.startsWith('dist/'));
  return { ours, packages, status: run.status };
}

/** Which output of bin/bundle.js holds which compiled sources (esbuild's metafile). */
const bundleMeta = JSON.parse(readFileSync(join(root, 'dist/bundle/meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};

/** A loaded file as the sources it holds: a chunk of the bundle stands for what went into it. */
const sourcesOf = (path: string): string[] =>
  path.startsWith('dist/bundle/') ? Object.keys(bundleMeta.outputs[path]?.inputs ?? {}) : [path];

/** A package and everything it depends on (npm hoists them to the top node_modules). */
function withDependencies(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  for (const name of names) visit(name);
  return [...seen].sort();
}

/** The top two levels of our modules (dist/cli, dist/app/facts …), for readable expectations. */
const areas = (paths: readonly string[]) =>
  [...new Set(paths.map((p) => p.split('/').slice(1, 3).join('/').replace(/\.js$/, '')))].sort();

describe('what a command loads', () => {
  for (const args of [
    ['--version'],
    ['--help'],
    ['jobs', '--help'],
    ['pack', 'tv', '--help'],
    ['rar', '--help'],
  ]) {
    it(`relpack ${args.join(' ')}: commander and the command definitions only`, async () => {
      const { ours, packages, status } = await loaded(args);
      expect(status).toBe(0);
      expect(packages).toEqual(['commander']);
      // data-dir: the help tells where local data is kept (node:path and node:os only).
      expect(areas(ours).filter((a) => !a.startsWith('cli/') && !a.startsWith('errors/'))).toEqual([
        'app/facts',
        'data-dir',
      ]);
    });
  }

  it('relpack rar: the RAR writer, checksums and files, none of the database, server or zod', async () => {
    const dir = await tempDir('startup-rar');
    await writeFile(join(dir, 'a.bin'), randomBytes(30_000));
    const { ours, packages, status } = await loaded([
      'rar',
      join(dir, 'a.bin'),
      '-o',
      join(dir, 'out', 'a'),
      '-v',
      '10000B',
      '--sfv',
      '--no-progress',
    ]);
    expect(status).toBe(0);
    // The progress bar (and what it needs to measure text), nothing else from node_modules.
    expect(packages.filter((p) => !withDependencies(['cli-progress', 'commander']).includes(p))).toEqual([]);
    expect(packages).toContain('cli-progress');
    expect(areas(ours).filter((a) => !a.startsWith('cli/') && !a.startsWith('errors/'))).toEqual([
      'app/facts',
      'app/pack',
      'app/rar-set',
      'data-dir',
      'engine/checksum',
      'engine/errors',
      'engine/fs',
      'engine/rar',
    ]);
    // From app/pack, only the source walker (not the pack use-case and what it loads).
    expect(ours.filter((p) => p.startsWith('dist/app/pack/'))).toEqual(['dist/app/pack/resolve-sources.js']);
  });

  it.runIf(shouldRunWith('mkvmerge'))(
    'relpack pack tv loads no PDF reader, no FTP or SFTP client and no HTTP server',
    async () => {
      const dir = await tempDir('startup-pack');
      const mkv = join(dir, 'ep.mkv');
      makeMkv(mkv, { width: 1280, height: 720, seconds: 4 });
      const before = process.env.RELPACK_DATA_DIR;
      process.env.RELPACK_DATA_DIR = join(dir, 'data');
      try {
        const meta = ['-m', 'show=Show', '-m', 'season=1', '-m', 'episode=1', '-m', 'format=HDTV'];
        const { packages, status } = await loaded(['pack', 'tv', mkv, '-g', 'GRP', ...meta, '--dry-run']);
        expect(status).toBe(0);
        for (const heavy of ['pdf-lib', 'ssh2', 'ssh2-sftp-client', 'basic-ftp', 'fastify', 'bullmq'])
          expect(packages, `${heavy} is loaded`).not.toContain(heavy);
      } finally {
        if (before === undefined) delete process.env.RELPACK_DATA_DIR;
        else process.env.RELPACK_DATA_DIR = before;
      }
    },
  );

  it('relpack db migrate loads the database but not the HTTP server', async () => {
    const dataDir = await tempDir('startup-jobs');
    const before = process.env.RELPACK_DATA_DIR;
    process.env.RELPACK_DATA_DIR = dataDir;
    try {
      const { ours, packages, status } = await loaded(['db', 'migrate', '--json']);
      expect(status).toBe(0);
      // SQLite's driver, not the other dialects' nor Redis's nor the HTTP server's.
      expect(packages).toContain('better-sqlite3');
      for (const other of ['pg', 'mysql2', 'bullmq', 'fastify'])
        expect(packages, `${other} is loaded`).not.toContain(other);
      expect(areas(ours)).toContain('db/index');
      expect(areas(ours).filter((a) => a.startsWith('server/'))).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.RELPACK_DATA_DIR;
      else process.env.RELPACK_DATA_DIR = before;
    }
  });
});
