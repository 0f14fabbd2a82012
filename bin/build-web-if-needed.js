#!/usr/bin/env node
// `npm start` runs this first: it builds the web UI when dist/web is missing or older than the
// sources under web/, so a fresh checkout (or an edited page) is served as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'web', 'index.html');
const sources = join(root, 'web');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'e2e' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (!existsSync(sources)) process.exit(0); // an installed package: dist/web ships built
const stale = !existsSync(built) || statSync(built).mtimeMs < newest(sources);
if (!stale) process.exit(0);
if (!existsSync(join(root, 'node_modules', 'vite'))) {
  console.error(
    existsSync(built)
      ? 'relpack: the web UI sources changed but vite is not installed (npm ci installs it); serving the old build'
      : 'relpack: the web UI is not built and vite is not installed: run `npm ci`, then `npm start`',
  );
  process.exit(0);
}
console.error('relpack: building the web UI…');
const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
