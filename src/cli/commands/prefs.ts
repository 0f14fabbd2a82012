import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { RelpackError } from '../../errors/index.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, SERVER_OPTION, table } from '../output.js';
import { readTextInput } from '../read-input.js';

interface Common {
  server?: string;
  json: boolean;
  global: boolean;
}

/** `true`, `42`, `null`, `["a"]` are JSON; anything else is a plain string. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function register(program: Command, deps: CliDeps): void {
  const prefs = program.command('prefs').summary('preferences (yours, or --global as admin)');
  const v = deps.context.version;
  const common = (c: Command) =>
    c
      .option('--global', 'the global values (admin)', false)
      .option(...SERVER_OPTION)
      .option('--json', 'print JSON', false);

  common(
    prefs
      .command('get')
      .summary('show preferences and where each value comes from')
      .argument('[key]', 'one key'),
  ).action((key: string | undefined, o: Common) =>
    withBackend(v, o.server, async (b) => {
      const all = await b.preferences();
      const shown = key ? all.filter((p) => p.key === key) : all;
      if (key && shown.length === 0)
        throw new RelpackError('UNKNOWN_PREFERENCE', `Unknown preference "${key}"`, { key });
      if (o.json) return printJson(deps, key ? shown[0] : { items: shown });
      deps.stdout.write(
        table([['KEY', 'VALUE', 'FROM'], ...shown.map((p) => [p.key, JSON.stringify(p.value), p.source])]),
      );
    }),
  );
  common(
    prefs
      .command('set')
      .summary('set a preference (values are JSON when they parse)')
      .argument('<key>')
      .argument('<value>'),
  ).action((key: string, value: string, o: Common) =>
    withBackend(v, o.server, async (b) => {
      await b.setPreferences({ [key]: parseValue(value) }, o.global);
      if (o.json) return printJson(deps, { key, value: parseValue(value), global: o.global });
      deps.stdout.write(`${o.global ? 'global ' : ''}${key} = ${JSON.stringify(parseValue(value))}\n`);
    }),
  );
  common(
    prefs.command('unset').summary('remove a value (fall back to global, then default)').argument('<key>'),
  ).action((key: string, o: Common) =>
    withBackend(v, o.server, async (b) => {
      await b.unsetPreference(key, o.global);
      if (o.json) return printJson(deps, { key, unset: true, global: o.global });
      deps.stdout.write(`${o.global ? 'global ' : ''}${key} unset\n`);
    }),
  );
  common(
    prefs.command('export').summary('write the preferences as JSON (to stdout or a file)').argument('[file]'),
  ).action((file: string | undefined, o: Common) =>
    withBackend(v, o.server, async (b) => {
      const doc = await b.exportPreferences(o.global);
      if (file) {
        await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
        if (o.json) printJson(deps, { file });
        else deps.stdout.write(`wrote ${file}\n`);
      } else printJson(deps, doc);
    }),
  );
  common(
    prefs
      .command('import')
      .summary('import an export file; every entry is validated first')
      .argument('<file>')
      .option('--dry-run', 'list what would change, change nothing', false),
  ).action((file: string, o: Common & { dryRun: boolean }) =>
    withBackend(v, o.server, async (b) => {
      const text = await readTextInput(file);
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new RelpackError('INVALID_ARGUMENT', `${file} is not JSON: ${(error as Error).message}`, {
          file,
        });
      }
      const changes = await b.importPreferences(doc, o.global, o.dryRun);
      if (o.json) return printJson(deps, { dryRun: o.dryRun, changes });
      if (changes.length === 0) deps.stdout.write('nothing to change\n');
      for (const c of changes)
        deps.stdout.write(
          `${o.dryRun ? 'would set' : 'set'} ${c.key}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}\n`,
        );
    }),
  );
}
