// `node --import ./module-trace.mjs …`: every module the process loads is appended to
// $RELPACK_TRACE_FILE as a file URL, so a test can say what a command may load. ES modules are
// seen by a loader hook; CommonJS files (packages require()d, lazily or not) by Module's resolver.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./module-trace-hooks.mjs', import.meta.url);

const file = process.env.RELPACK_TRACE_FILE;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function traced(...args) {
  const resolved = resolveFilename.apply(this, args);
  if (file && resolved.startsWith('/')) appendFileSync(file, `${pathToFileURL(resolved).href}\n`);
  return resolved;
};
