import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { formatFindings } from '../findings-format.js';
import { loadApp } from '../load.js';
import { printJson, SERVER_OPTION } from '../output.js';
import { formatPreview, isJobTarget, refuseFolderOptions, runJobAction } from '../release-action.js';
import { parseByteSize } from '../size-option.js';
import { packTimeOption } from '../time-option.js';

interface RepackOptions {
  proper: boolean;
  reason?: string;
  group?: string;
  source?: string;
  out?: string;
  profile?: string;
  volumeSize?: string;
  time?: string;
  server?: string;
  preview: boolean;
  allowDupe: boolean;
  progress: boolean;
  wait: boolean;
  json: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('repack')
    .summary("pack a release again: your own as a REPACK, another group's as a PROPER")
    .description(
      "A REPACK is the same group's corrected release; a PROPER fixes another group's release that broke\n" +
        'the rules and says why in its NFO. Both are packed from the media (for TV by default the episode\n' +
        "the release's RAR set holds) under the original name with the tag, the NFO naming the original.",
    )
    .argument(
      '<release>',
      'the release to replace: its folder, or the id (or short id) of the completed job that packed it',
    )
    .option('--proper', "a PROPER of another group's release (needs --reason and -g)", false)
    .option('--reason <text>', 'why: required for a PROPER, written in the NFO')
    .option('-g, --group <GRP>', "the packing group (a REPACK: the original's, the default)")
    .option('--source <file>', "the media (default for TV: the episode in the release's RAR set)")
    .option('-o, --out <dir>', 'where the new release is written (default: beside the original)')
    .option('-p, --profile <id>', 'rule profile (default: guessed from the release, as validate does)')
    .option(
      '-v, --volume-size <bytes>',
      'RAR volume size (default: the smallest the profile allows that fits)',
    )
    .option('--time <ISO-8601>', 'pack time (default $SOURCE_DATE_EPOCH, else now)')
    .option('--preview', 'print the new name and NFO notes (and any warning) without packing', false)
    .option('--allow-dupe', 'job mode, admins only (audited): pack a name relpack has produced before', false)
    .option(...SERVER_OPTION)
    .option('--no-progress', 'job mode: do not report progress on stderr')
    .option('--no-wait', 'job mode: queue the repack job and return')
    .option('--json', 'print the result as one JSON document on stdout', false)
    .action(async (target: string, options: RepackOptions) => {
      const time = packTimeOption(options.time).time;
      if (await isJobTarget(target, options.server)) {
        refuseFolderOptions(options, ['source', 'out', 'profile', 'volumeSize']);
        const body = {
          ...(options.proper ? { proper: true } : {}),
          ...(options.reason === undefined ? {} : { reason: options.reason }),
          ...(options.group ? { group: options.group } : {}),
          ...(options.allowDupe ? { allowDupe: true } : {}),
          ...(time ? { time: time.toISOString() } : {}),
        };
        return runJobAction(deps, target, { action: 'repack', body }, options);
      }
      const input = {
        releaseDir: target,
        proper: options.proper,
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(options.group ? { group: options.group } : {}),
        ...(options.source ? { source: options.source } : {}),
        ...(options.out ? { outputDir: options.out } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.volumeSize ? { volumeSize: parseByteSize(options.volumeSize) } : {}),
        ...(time ? { time } : {}),
      };
      const { planRepack, repackPreviewOf, repackRelease } = await loadApp();
      if (options.preview) {
        const preview = repackPreviewOf(await planRepack(deps.context, input));
        for (const warning of preview.warnings) deps.stderr.write(`warning: ${warning}\n`);
        if (options.json) return printJson(deps, preview);
        deps.stdout.write(formatPreview(preview));
        return;
      }
      const result = await repackRelease(deps.context, input);
      for (const warning of result.warnings) deps.stderr.write(`warning: ${warning}\n`);
      if (options.json) return printJson(deps, result);
      deps.stdout.write(
        `${result.releaseName}\n  replaces ${result.replaces}\n  ${result.volumes.length} volume(s)\nwrote ${result.releaseDir}\n`,
      );
      if (result.findings.length > 0) deps.stderr.write(formatFindings(result.findings, deps.stderr));
    });
}
