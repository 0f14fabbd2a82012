// Imports point one way: adapters (cli, server, queue) → app → engine/metadata/delivery/db.
// The engine imports none of the other layers.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const ALLOWED: Record<string, string[]> = {
  // The error base (RelpackError and the code registry) is below every layer.
  errors: ['errors'],
  engine: ['engine', 'errors'],
  metadata: ['errors', 'metadata', 'engine'],
  delivery: ['errors', 'delivery', 'engine'],
  db: ['errors', 'db', 'engine'],
  app: ['errors', 'app', 'engine', 'metadata', 'delivery', 'db', 'queue'],
  queue: ['errors', 'queue', 'app', 'engine'],
  server: ['errors', 'server', 'app', 'engine'],
  // The CLI is the composition root: `relpack serve` and `relpack worker` wire server, queue and app.
  cli: ['errors', 'cli', 'app', 'engine', 'server', 'queue'],
};

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('architecture', () => {
  it('has no wrong-way imports between layers', async () => {
    const violations: string[] = [];
    for (const file of await sourceFiles(src)) {
      const layer = relative(src, file).split('/')[0]!;
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(src, join(file, '..', match[1]!)).split('/')[0]!;
        const isTypeOnly = /import type/.test(text.slice(Math.max(0, match.index - 200), match.index));
        if (layer === 'app' && target === 'queue' && !isTypeOnly)
          violations.push(`${file}: app may import queue only as a type`);
        // config.ts is the one shared settings module; the engine must not read settings.
        const isConfig = target.startsWith('config.') && layer !== 'engine';
        if (ALLOWED[layer] && !ALLOWED[layer].includes(target) && !isConfig)
          violations.push(`${relative(src, file)} → ${match[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
