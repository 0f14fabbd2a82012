// The written policy (docs/architecture.md), checked on every import of src/:
// - the adapters (server, queue, cli) import only the use-cases (app) and the error base (errors);
// - the use-cases import the engine and the libraries below them, the queue only as a type;
// - the engine imports nothing of the other layers;
// - runtime/ is the composition root, the one place that wires app, queue and server together;
// - an import into another top-level folder goes through that folder's index.ts, or through the
//   index.ts of one of its capability folders (engine/rar, app/rar-set, app/facts): the lean entries
//   of the commands that must start fast. Dynamic import() counts as an import.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** The settings modules at the root of src/: anyone above the engine may read them. */
const isSettings = (target: string) => target === 'config.js' || target === 'data-dir.js';

/** Folders each top-level folder may import from (besides itself and the settings). */
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  engine: ['errors'],
  metadata: ['engine', 'errors'],
  delivery: ['engine', 'errors'],
  db: ['engine', 'errors'],
  app: ['engine', 'metadata', 'delivery', 'db', 'errors', 'queue'],
  queue: ['app', 'errors'],
  server: ['app', 'errors'],
  cli: ['app', 'errors', 'runtime'],
  runtime: ['app', 'queue', 'server', 'errors'],
};
/** The composition root: the only folder that may build services, queues and servers. */
const COMPOSITION_ROOT = 'runtime';

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

interface Import {
  readonly file: string;
  readonly layer: string;
  readonly target: string;
  readonly targetPath: string;
  readonly typeOnly: boolean;
}

async function imports(): Promise<Import[]> {
  const all: Import[] = [];
  for (const file of await sourceFiles(src)) {
    const from = relative(src, file);
    const layer = from.includes('/') ? from.split('/')[0]! : '(root)';
    const text = await readFile(file, 'utf8');
    const statics = [...text.matchAll(/^(import|export)(\s+type)?[^;]*?from '(\.[^']+)'/gms)].map((m) => ({
      path: m[3]!,
      typeOnly: Boolean(m[2]),
    }));
    const dynamics = [...text.matchAll(/\bimport\('(\.[^']+)'\)/g)].map((m) => ({
      path: m[1]!,
      typeOnly: false,
    }));
    for (const match of [...statics, ...dynamics]) {
      const targetPath = relative(src, join(file, '..', match.path));
      all.push({
        file: from,
        layer,
        target: targetPath.includes('/') ? targetPath.split('/')[0]! : targetPath,
        targetPath,
        typeOnly: match.typeOnly,
      });
    }
  }
  return all;
}

describe('architecture', () => {
  it('imports only in the allowed directions', async () => {
    const violations: string[] = [];
    for (const i of await imports()) {
      if (['engine', 'errors'].includes(i.layer) && isSettings(i.target))
        violations.push(`${i.file}: the engine reads no settings`);
      if (i.target === i.layer || isSettings(i.target)) continue;
      if (i.layer === 'app' && i.target === 'queue' && !i.typeOnly)
        violations.push(`${i.file} → ${i.targetPath}: app may import the queue only as a type`);
      const allowed = ALLOWED[i.layer];
      if (allowed && !allowed.includes(i.target)) violations.push(`${i.file} → ${i.targetPath}`);
    }
    expect(violations).toEqual([]);
  });

  it('crosses into another folder only through its index.ts', async () => {
    const deep = (await imports())
      .filter((i) => i.target !== i.layer && !isSettings(i.target) && i.layer !== '(root)')
      .filter((i) => i.targetPath !== `${i.target}/index.js`)
      .filter((i) => !new RegExp(`^${i.target}/[a-z-]+/index\\.js$`).test(i.targetPath))
      .map((i) => `${i.file} → ${i.targetPath}`);
    expect(deep).toEqual([]);
  });

  it('builds services, queues and servers only in the composition root', async () => {
    const builders =
      /\b(createServices|new InProcessQueue|new (redis\.)?RedisQueue|new (redis\.)?RedisWorker|buildServer|startServer)\(/;
    const outside: string[] = [];
    for (const file of await sourceFiles(src)) {
      const from = relative(src, file);
      const layer = from.split('/')[0]!;
      // The definitions themselves live in their own folders.
      if ([COMPOSITION_ROOT, 'queue', 'server'].includes(layer) || from === 'app/services.ts') continue;
      if (builders.test(await readFile(file, 'utf8'))) outside.push(from);
    }
    expect(outside).toEqual([]);
  });
});
