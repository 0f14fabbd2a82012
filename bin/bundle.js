#!/usr/bin/env node
// `npm run build`, after tsc: bundles the compiled CLI (and the template worker it starts) into
// dist/bundle/, one file per lazily loaded part. Node's ES module loader costs about half a
// millisecond and tens of kilobytes per file, and `relpack pack tv` loaded 824 of them (kysely
// alone is 263): bundled, that command starts in half the time and 40 MiB less.
//
// Packages that read their own files at run time (native bindings, WASM, static assets, Lua
// scripts) stay outside and are imported from node_modules as before, and so does everything
// they depend on: a package is never in the bundle and outside it at once, where two copies
// would disagree on `instanceof` and on shared state.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Loaded from node_modules, with everything they depend on. */
const OUTSIDE = [
  '@node-rs/argon2', // native binding
  'better-sqlite3', // native binding
  'ssh2', // native binding (optional cpu-features)
  'ssh2-sftp-client', // built on ssh2
  'mediainfo.js', // loads its WASM from its own folder
  // The HTTP server runs long, so its start-up matters less than meeting its plugins as their
  // authors test them; @fastify/swagger-ui also serves files from its own folder.
  'fastify',
  '@fastify/cookie',
  '@fastify/multipart',
  '@fastify/rate-limit',
  '@fastify/static',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'bullmq', // reads its Lua scripts from its own folder
  'ioredis',
  'mysql2', // drivers are required by name when their dialect is configured
  'pg',
  'pino-pretty', // loaded on a terminal only, by name
];

const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function manifest(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

/** The packages `names` need at run time (dependencies, peers and optional ones), themselves included. */
function closure(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    let pkg;
    try {
      pkg = manifest(name);
    } catch {
      return; // an optional dependency not installed on this platform
    }
    seen.add(name);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'])
      for (const dep of Object.keys(pkg[field] ?? {})) visit(dep);
  };
  for (const name of names) visit(name);
  return seen;
}

const outside = closure(OUTSIDE);

const keepOutside = {
  name: 'keep-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      return outside.has(packageOf(args.path)) ? { external: true } : undefined;
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: join(root, 'dist/cli/main.js'),
    // template-sandbox starts it as ./template-worker.js beside itself.
    'template-worker': join(root, 'dist/engine/text/template-worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A package with both builds and no "exports" map: its ES module one, whose named exports
  // esbuild sees (Node's loader guesses them from the CommonJS one, a bundler cannot).
  mainFields: ['module', 'main'],
  plugins: [keepOutside],
  // CommonJS packages in an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __relpackRequire } from 'node:module'; const require = __relpackRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// test/cli-startup.test.ts reads which sources each output file holds.
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
