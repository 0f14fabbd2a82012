import { resolve } from 'node:path';
import type { Command } from 'commander';
import { extractMetadata } from '../../app/index.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, table } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('meta')
    .summary('print the metadata a file carries (EPUB, PDF, CBZ, MOBI/AZW/KF8, MKV)')
    .argument('<file>', 'the source file')
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { json: boolean }) => {
      const meta = await extractMetadata(resolve(file));
      if (o.json)
        return printJson(deps, {
          type: meta.type,
          fields: meta.extracted.fields,
          missing: meta.extracted.missing,
        });
      const rows = Object.entries(meta.extracted.fields as unknown as Record<string, unknown>).map(
        ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)],
      );
      deps.stdout.write(`${meta.type} ${file}\n`);
      deps.stdout.write(table([['FIELD', 'VALUE'], ...rows]));
      if (meta.extracted.missing.length > 0)
        deps.stdout.write(`not in the file: ${meta.extracted.missing.join(', ')}\n`);
    });
}
