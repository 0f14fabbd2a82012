#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/bundle by `npm run build` (run by
// `npm ci` through `prepare`; bin/bundle.js says why it is bundled).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('relpack: dist/bundle is missing; run `npm run build` (npm ci runs it for you)\n');
  process.exit(5);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
