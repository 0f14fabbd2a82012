import type { Command } from 'commander';
import type { FixPackResult } from '../../app/index.js';
import type { CliDeps } from '../cli-deps.js';
import { formatFindings } from '../findings-format.js';
import { loadApp } from '../load.js';
import { printJson, SERVER_OPTION } from '../output.js';
import { readTextInput } from '../read-input.js';
import { formatPreview, isJobTarget, refuseFolderOptions, runJobAction } from '../release-action.js';
import { packTimeOption } from '../time-option.js';

interface FixOptions {
  nfo?: string;
  source?: string;
  name?: string;
  out?: string;
  profile?: string;
  time?: string;
  server?: string;
  preview: boolean;
  allowDupe: boolean;
  progress: boolean;
  wait: boolean;
  json: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  const fix = program
    .command('fix')
    .summary('NFOFIX, DIRFIX and SAMPLEFIX releases for a release that went up wrong')
    .description(
      'The rules allow only these fixes: a release holding one NFO that names the release it fixes (and,\n' +
        'for a SAMPLEFIX, the new sample), named by the profile (NFOFIX/DIRFIX/SAMPLEFIX for TV, NFOFiX/DiRFiX\n' +
        'for eBOOK).',
    );
  const common = (cmd: Command) =>
    cmd
      .option('-o, --out <dir>', 'where the fix release is written (default: beside the release)')
      .option('-p, --profile <id>', 'rule profile (default: guessed from the release, as validate does)')
      .option('--time <ISO-8601>', 'the NFO date (default $SOURCE_DATE_EPOCH, else now)')
      .option('--preview', 'print the fix release (name, NFO) without writing it', false)
      .option(
        '--allow-dupe',
        'job mode, admins only (audited): write a name relpack has produced before',
        false,
      )
      .option(...SERVER_OPTION)
      .option('--no-progress', 'job mode: do not report progress on stderr')
      .option('--no-wait', 'job mode: queue the fix job and return')
      .option('--json', 'print the result as one JSON document on stdout', false);
  common(
    fix
      .command('nfo')
      .summary('write the NFOFIX release: a new NFO naming the release it fixes')
      .argument('<release>', RELEASE_ARGUMENT('whose NFO was wrong'))
      .requiredOption(
        '--nfo <file>',
        'the new NFO (Liquid: {{ release.fixes }} is the release it fixes; - for stdin)',
      ),
  ).action((dir: string, options: FixOptions) => run(deps, 'nfo', dir, options));
  common(
    fix
      .command('dir')
      .summary('write the DIRFIX release under the correct name')
      .argument('<release>', RELEASE_ARGUMENT('that went up under a wrong dirname'))
      .requiredOption('--name <name>', 'the correct dirname (checked against the rules)')
      .option('--nfo <file>', 'the NFO (default: a short one naming the wrong dirname)'),
  ).action((dir: string, options: FixOptions) => run(deps, 'dir', dir, options));
  common(
    fix
      .command('sample')
      .summary('write the SAMPLEFIX release: a new sample cut from the episode (TV)')
      .argument('<release>', RELEASE_ARGUMENT('whose sample was wrong or missing'))
      .option('--source <mkv>', "the episode to cut from (default: the one in the release's RAR set)")
      .option('--nfo <file>', 'the NFO (default: a short one naming the release it fixes)'),
  ).action((dir: string, options: FixOptions) => run(deps, 'sample', dir, options));
}

const RELEASE_ARGUMENT = (what: string) =>
  `the release ${what}: its folder, or the id (or short id) of the completed job that packed it`;

async function run(
  deps: CliDeps,
  kind: 'nfo' | 'dir' | 'sample',
  target: string,
  options: FixOptions,
): Promise<void> {
  const nfoTemplate = options.nfo ? await readTextInput(options.nfo) : undefined;
  const time = packTimeOption(options.time).time;
  if (await isJobTarget(target, options.server)) {
    refuseFolderOptions(options, ['out', 'source', 'profile']);
    const body = {
      kind,
      ...(nfoTemplate ? { nfo: { body: nfoTemplate } } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.allowDupe ? { allowDupe: true } : {}),
      ...(time ? { time: time.toISOString() } : {}),
    };
    return runJobAction(deps, target, { action: 'fix', body }, options);
  }
  const input = {
    kind,
    releaseDir: target,
    ...(nfoTemplate ? { nfoTemplate } : {}),
    ...(options.name ? { correctName: options.name } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.out ? { outputDir: options.out } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(time ? { time } : {}),
  };
  const { fixRelease, fixPreviewOf, previewFix } = await loadApp();
  if (options.preview) {
    const preview = fixPreviewOf(await previewFix(deps.context, input));
    if (options.json) return printJson(deps, preview);
    deps.stdout.write(formatPreview(preview));
    return;
  }
  const result = await fixRelease(deps.context, input);
  if (options.json) return printJson(deps, result);
  deps.stdout.write(printable(result));
  if (result.findings.length > 0) deps.stderr.write(formatFindings(result.findings, deps.stderr));
}

function printable(result: FixPackResult): string {
  return `${result.releaseName}\n  fixes ${result.fixes}\n  ${result.nfo.name}\nwrote ${result.releaseDir}\n`;
}
