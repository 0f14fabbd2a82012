import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { ExitCode } from '../exit-codes.js';
import { formatFindings } from '../findings-format.js';
import { loadApp } from '../load.js';

export function register(program: Command, deps: CliDeps): void {
  const name = program.command('name').summary('check or parse release names');
  name
    .command('check')
    .summary('check a release name against every naming rule of a profile')
    .argument('<name>', 'the release name')
    .requiredOption('-p, --profile <id>', 'rule profile (see relpack rules list)')
    .option('--ext <extension>', 'extension of the packed file (eBOOK: decides the format tag)')
    .option('--json', 'print the result as one JSON document on stdout', false)
    .action(async (value: string, options: { profile: string; ext?: string; json: boolean }) => {
      const { checkReleaseName, getProfile } = await loadApp();
      const result = checkReleaseName(
        getProfile(options.profile),
        value,
        options.ext ? { fileExtension: options.ext } : {},
      );
      const blocking = result.findings.some((f) => f.severity === 'block');
      if (blocking) deps.setExitCode(ExitCode.RULE_VIOLATION);
      if (options.json) {
        deps.stdout.write(`${JSON.stringify({ ...result, ok: !blocking }, null, 2)}\n`);
        return;
      }
      deps.stdout.write(`${blocking ? 'FAILED' : 'OK'} ${value} (${options.profile})\n`);
      deps.stdout.write(formatFindings(result.findings, deps.stderr));
    });
}
