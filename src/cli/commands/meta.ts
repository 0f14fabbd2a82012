import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AppServices, FileMetadata } from '../../app/index.js';
import { RelpackError } from '../../errors/index.js';
import type { CliDeps } from '../cli-deps.js';
import { loadApp, withLocalRuntime } from '../load.js';
import { printJson, table } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('meta')
    .summary('print the metadata a file carries (EPUB, PDF, CBZ, MOBI/AZW/KF8, MKV)')
    .argument('<file>', 'the source file')
    .option(
      '--lookup',
      'also ask the metadata providers (eBooks: ISBN, else title and author; MKV: show, season and episode from the file name)',
      false,
    )
    .option('--provider <id>', 'with --lookup: ask only this provider')
    .option(
      '--id <id>',
      'with --lookup and --provider: fetch this record instead of searching (an ISBN, an OL…M edition, a Google volume, an IMDb tt… id, a TMDb or TVDB number)',
    )
    .option('--show <title>', 'with --lookup on an MKV: the show (instead of the file name)')
    .option('--season <n>', 'with --lookup on an MKV: the season')
    .option('--episode <n>', 'with --lookup on an MKV: the episode')
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: MetaOptions) => {
      const { extractMetadata } = await loadApp();
      const meta = await extractMetadata(resolve(file));
      if (o.lookup && meta.kind === 'mkv') {
        const found = await lookupVideo(deps, file, o);
        if (o.json) {
          return printJson(deps, {
            type: meta.type,
            fields: meta.extracted.fields,
            missing: meta.extracted.missing,
            lookup: found,
          });
        }
        deps.stdout.write(
          table([
            ['SCORE', 'PROVIDER', 'ID', 'TITLE', 'YEAR', 'EPISODE', 'AIRED'],
            ...found.candidates.map((c) => [
              c.score.toFixed(2),
              c.provider,
              c.id,
              c.title,
              String(c.year ?? ''),
              c.episodeTitle
                ? `S${String(c.season).padStart(2, '0')}E${String(c.episode).padStart(2, '0')} ${c.episodeTitle}`
                : '',
              c.airDate ?? '',
            ]),
          ]),
        );
        deps.stdout.write(
          `tried: ${found.tried.map((t) => `${t.provider} ${t.outcome}${t.error ? ` (${t.error})` : ''}`).join(', ')}\n`,
        );
        return;
      }
      const lookup = o.lookup ? await lookupFor(deps, meta, o) : null;
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

interface MetaOptions {
  json: boolean;
  lookup: boolean;
  provider?: string;
  id?: string;
  show?: string;
  season?: string;
  episode?: string;
}

/** Show, season and episode from the options, else from a scene-style file name (Show.Name.S01E02…). */
async function lookupVideo(deps: CliDeps, file: string, o: MetaOptions) {
  const { getProfile, parseEpisodeName } = await loadApp();
  const parsed = parseEpisodeName(getProfile('tv-720p-2016'), basename(file).replace(/\.mkv$/i, ''));
  const marker = parsed.episode?.kind === 'season' ? parsed.episode : null;
  const show = o.show ?? (parsed.showWords.length > 0 ? parsed.showWords.join(' ') : undefined);
  const season = o.season !== undefined ? Number(o.season) : marker?.season;
  const episode = o.episode !== undefined ? Number(o.episode) : marker?.episodes[0];
  if (!show && !o.id) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      'The file name does not say which show this is: add --show "Title" (and --season, --episode)',
      { file },
    );
  }
  if (o.id) {
    const id = o.id;
    const provider = pinnedProvider(o);
    return withServices(deps, (services) =>
      services.metadata.getVideo(provider, {
        id,
        kind: season !== undefined && episode !== undefined ? 'episode' : 'series',
        ...(season !== undefined && Number.isInteger(season) ? { season } : {}),
        ...(episode !== undefined && Number.isInteger(episode) ? { episode } : {}),
      }),
    );
  }
  return withServices(deps, (services) =>
    services.metadata.lookupVideo(
      {
        kind: 'episode',
        title: show,
        ...(season !== undefined && Number.isInteger(season) ? { season } : {}),
        ...(episode !== undefined && Number.isInteger(episode) ? { episode } : {}),
        ...(parsed.showYear ? { year: parsed.showYear } : {}),
      },
      o.provider ? { provider: o.provider } : {},
    ),
  );
}

function withServices<T>(deps: CliDeps, run: (services: AppServices) => Promise<T>): Promise<T> {
  return withLocalRuntime(deps, ({ services }) => run(services));
}

/** --id names a record at one provider, so it needs --provider. */
function pinnedProvider(o: MetaOptions): string {
  if (!o.provider) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `--id ${o.id} belongs to a provider: add --provider (openlibrary, googlebooks, tmdb, tvdb, omdb)`,
      {},
    );
  }
  return o.provider;
}

async function lookupFor(deps: CliDeps, meta: FileMetadata, o: MetaOptions) {
  const provider = o.provider;
  if (o.id) {
    const id = o.id;
    const pinned = pinnedProvider(o);
    return withServices(deps, (services) => services.metadata.getBook(pinned, id));
  }
  const { bookFields } = await loadApp();
  const found = bookFields(meta);
  if (!found.isbn && !found.title) {
    throw new RelpackError('INVALID_ARGUMENT', 'The file names neither an ISBN nor a title to look up', {});
  }
  return withServices(deps, (services) =>
    services.metadata.lookupBook(
      {
        ...(found.isbn ? { isbn: found.isbn } : {}),
        ...(found.title ? { title: found.title } : {}),
        ...(found.author ? { author: found.author } : {}),
        ...(found.year ? { year: found.year } : {}),
      },
      provider ? { provider } : {},
    ),
  );
}
