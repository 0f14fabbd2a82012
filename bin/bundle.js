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
import { build, transform } from 'esbuild';

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

// esbuild keeps comments, and a comment with one character beyond Latin-1 ("—", "→") makes V8
// hold that whole file's source as a two-byte string: 5 MB of heap instead of 2.7 for this bundle,
// about 4 MiB of a `pack tv`'s peak on Node 24. Strings and identifiers are escaped to ASCII
// already (charset: 'ascii'); what is left is in comments and in regular expressions, where a
// \uXXXX escape means the same character. It does not in a tagged template's raw text, so that is
// checked, not assumed: compiled without comments and with templates lowered to strings, the
// escaped file must equal the original with only its regular expressions' characters escaped.
const escapeBeyondLatin1 = (text) =>
  text.replace(/[^\0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const compiled = async (code) =>
  (
    await transform(code, {
      minifyWhitespace: true,
      legalComments: 'none',
      format: 'esm',
      supported: { 'template-literal': false },
    })
  ).code;
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  if (/^[\0-\xff]*$/.test(source)) continue;
  const ascii = escapeBeyondLatin1(source);
  if (escapeBeyondLatin1(await compiled(source)) !== (await compiled(ascii)))
    throw new Error(
      `${file}: a character beyond Latin-1 in a tagged template; escaping it would change the code`,
    );
  writeFileSync(path, ascii);
}
