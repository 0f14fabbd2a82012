import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { ExitCode } from '../exit-codes.js';
import { formatFindings } from '../findings-format.js';
import { loadApp } from '../load.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('validate')
    .summary('check a release directory as an FTP site would on arrival')
    .description(
      'Checks the release name, the RAR volume sequence, sizes, headers and CRCs, the SFV, ZIP disks\n' +
        'and their DIZ counters, and the NFO. Exit 0 when no finding blocks, 1 otherwise.',
    )
    .argument('<release-dir>', 'the release directory')
    .option('-p, --profile <id>', 'rule profile (default: guessed from the release)')
    .option('--json', 'print the report as one JSON document on stdout', false)
    .action(async (dir: string, options: { profile?: string; json: boolean }) => {
      const { validateReleaseDir } = await loadApp();
      const report = await validateReleaseDir(dir, {
        signal: deps.signal,
        ...(options.profile ? { profile: options.profile } : {}),
      });
      if (!report.ok) deps.setExitCode(ExitCode.RULE_VIOLATION);
      if (options.json) {
        deps.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const blocks = report.findings.filter((f) => f.severity === 'block').length;
      // A site's summary first (42 OK, 1 BAD, 1 MISSING), then the findings, causes first.
      const v = report.volumes;
      const tally = v
        ? `${v.unit === 'disk' ? 'disks ' : ''}${v.ok} OK${v.bad ? `, ${v.bad} BAD` : ''}${v.missing ? `, ${v.missing} MISSING` : ''}; `
        : '';
      deps.stdout.write(
        `${report.ok ? 'OK' : 'FAILED'} ${report.releaseName} (${report.profile}): ${tally}${report.files.length} file(s), ` +
          `${blocks} blocking, ${report.findings.length - blocks} warning(s)\n`,
      );
      deps.stdout.write(formatFindings(report.findings, deps.stderr));
    });
}
