import { type Command, Option } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { parseByteSize } from '../size-option.js';

interface RarOptions {
  output: string;
  volumeSize?: string;
  format: 'rar4' | 'rar5';
  naming?: 'old' | 'part';
  sfv: boolean;
  host: 'windows' | 'unix';
  dryRun: boolean;
  json: boolean;
  progress: boolean;
  cleanPartial: boolean;
  time?: string;
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('rar')
    .summary('store files in RAR volumes (like rar a -m0 -v<size>b)')
    .description(
      'Store files in store-mode RAR volumes of an exact byte size, with an optional SFV.\n' +
        'Folders are stored recursively under their own name; files under their base name.',
    )
    .argument('<files...>', 'files or folders to store')
    .requiredOption(
      '-o, --output <dir/basename>',
      'output directory and base name of the volumes (directory must be empty or new)',
    )
    .option(
      '-v, --volume-size <bytes>',
      'bytes per volume, headers included: 50000000, 50MB, 15MiB (default: one archive)',
    )
    .addOption(new Option('--format <format>', 'archive format').choices(['rar4', 'rar5']).default('rar4'))
    .addOption(
      new Option(
        '--naming <style>',
        'volume names: old (.rar .r00 …) or part (.part1.rar …); default old for rar4, part for rar5',
      ).choices(['old', 'part']),
    )
    .addOption(
      new Option('--host <os>', 'host OS recorded in headers')
        .choices(['windows', 'unix'])
        .default('windows'),
    )
    .option('--sfv', 'also write <basename>.sfv with the CRC32 of every volume', false)
    .option('--dry-run', 'print the volume plan without writing anything', false)
    .option(
      '--clean-partial',
      'remove the .tmp-* leftovers of an interrupted run when they are all the output folder holds',
      false,
    )
    .option(
      '--time <ISO-8601>',
      "the SFV's time (default $SOURCE_DATE_EPOCH, else now); file times stay the sources'",
    )
    .option('--json', 'print the result as one JSON document on stdout', false)
    .option('--no-progress', 'do not report progress on stderr')
    .action(async (files: string[], options: RarOptions) => {
      // The RAR writer alone: no database, no zod, no template engine (the 1 GiB bench counts it).
      const [{ createRarSet }, { createProgressReporter }, { packTimeOption }] = await Promise.all([
        import('../../app/rar-set/index.js'),
        import('../progress-reporter.js'),
        import('../time-option.js'),
      ]);
      const reporter = createProgressReporter(deps.stderr, options.progress && !options.dryRun);
      const result = await createRarSet(
        deps.context,
        {
          sources: files,
          output: options.output,
          ...(options.volumeSize === undefined ? {} : { volumeSize: parseByteSize(options.volumeSize) }),
          format: options.format,
          naming: options.naming ?? (options.format === 'rar5' ? 'part' : 'old'),
          sfv: options.sfv,
          hostOs: options.host,
          dryRun: options.dryRun,
          cleanPartial: options.cleanPartial,
          ...packTimeOption(options.time),
        },
        { signal: deps.signal, onProgress: (p) => reporter.update(p) },
      ).finally(() => reporter.stop());
      if (options.json) {
        deps.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const width = Math.max(...result.volumes.map((v) => v.name.length));
      for (const volume of result.volumes) {
        deps.stdout.write(
          `${volume.name.padEnd(width)}  ${String(volume.size).padStart(14)}  ${volume.crc32 ?? ''}\n`,
        );
      }
      if (result.sfv) deps.stdout.write(`${result.sfv.name}\n`);
      const verb = result.dryRun ? 'would write' : 'wrote';
      deps.stdout.write(
        `${verb} ${result.volumes.length} volume(s), ${result.totalSize} bytes, in ${result.outputDir}\n`,
      );
    });
}
