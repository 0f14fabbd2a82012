import { resolve } from 'node:path';
import type { Command } from 'commander';
import { pino } from 'pino';
import { bookFields, createServices, extractMetadata, type FileMetadata } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { CommonErrorCode, RelpackError } from '../../engine/index.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, table } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('meta')
    .summary('print the metadata a file carries (EPUB, PDF, CBZ, MOBI/AZW/KF8, MKV)')
    .argument('<file>', 'the source file')
    .option('--lookup', 'also ask the metadata providers (eBooks: by ISBN, else title and author)', false)
    .option('--provider <id>', 'with --lookup: ask only this provider')
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { json: boolean; lookup: boolean; provider?: string }) => {
      const meta = await extractMetadata(resolve(file));
      const lookup = o.lookup ? await lookupFor(deps, meta, o.provider) : null;
      if (o.json) {
        return printJson(deps, {
          type: meta.type,
          fields: meta.extracted.fields,
          missing: meta.extracted.missing,
          ...(lookup ? { lookup } : {}),
        });
      }
      if (lookup) {
        deps.stdout.write(
          table([
            ['SCORE', 'PROVIDER', 'ID', 'TITLE', 'AUTHORS', 'YEAR'],
            ...lookup.candidates.map((c) => [
              c.score.toFixed(2),
              c.provider,
              c.id,
              c.title,
              c.authors.join(', '),
              String(c.year ?? ''),
            ]),
          ]),
        );
      }
      const rows = Object.entries(meta.extracted.fields as unknown as Record<string, unknown>).map(
        ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)],
      );
      deps.stdout.write(`${meta.type} ${file}\n`);
      deps.stdout.write(table([['FIELD', 'VALUE'], ...rows]));
      if (meta.extracted.missing.length > 0)
        deps.stdout.write(`not in the file: ${meta.extracted.missing.join(', ')}\n`);
    });
}

async function lookupFor(deps: CliDeps, meta: FileMetadata, provider?: string) {
  if (meta.kind === 'mkv') {
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      'Lookups are for eBooks for now; video providers are not built yet',
      {},
    );
  }
  const found = bookFields(meta);
  if (!found.isbn && !found.title) {
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      'The file names neither an ISBN nor a title to look up',
      {},
    );
  }
  const services = await createServices(loadConfig(), {
    version: deps.context.version,
    logger: pino({ level: 'silent' }),
  });
  try {
    await services.migrate();
    return await services.metadata.lookupBook(
      {
        ...(found.isbn ? { isbn: found.isbn } : {}),
        ...(found.title ? { title: found.title } : {}),
        ...(found.author ? { author: found.author } : {}),
        ...(found.year ? { year: found.year } : {}),
      },
      provider ? { provider } : {},
    );
  } finally {
    await services.close();
  }
}
