import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { withLocalRuntime } from '../load.js';
import { printJson } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  const secrets = program.command('secrets').summary('stored secrets (API keys, destination passwords)');
  secrets
    .command('rotate')
    .summary('re-seal every stored secret with RELPACK_SECRET_KEY')
    .description(
      'Put the new key in RELPACK_SECRET_KEY and the old one in RELPACK_SECRET_KEY_PREVIOUS, run this once,\n' +
        'then remove RELPACK_SECRET_KEY_PREVIOUS from every process. Values already under the new key are left alone.',
    )
    .option('--json', 'print JSON', false)
    .action(async (o: { json: boolean }) => {
      await withLocalRuntime(deps, async ({ services }) => {
        const report = await services.rotateSecrets();
        if (o.json) return printJson(deps, report);
        deps.stdout.write(
          `re-sealed ${report.resealed} secret(s) with the current key; ${report.current} already used it\n` +
            'RELPACK_SECRET_KEY_PREVIOUS can now be removed\n',
        );
      });
    });
}
