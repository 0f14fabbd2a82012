import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { loadApp } from '../load.js';

export function register(program: Command, deps: CliDeps): void {
  const rules = program.command('rules').summary('list and show the rule profiles');
  rules
    .command('list')
    .summary('list the rule profiles')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      const { listProfiles } = await loadApp();
      const rows = listProfiles().map((p) => ({
        id: p.id,
        name: p.name,
        version: p.version,
        type: p.releaseType,
        ruleset: p.ruleset,
        checks: p.checks.length,
      }));
      if (options.json) {
        deps.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        deps.stdout.write(
          `${r.id.padEnd(14)} ${r.type.padEnd(6)} v${r.version}  ${String(r.checks).padStart(2)} checks  ${r.ruleset}\n`,
        );
      }
    });
  rules
    .command('show')
    .summary('show one profile: values and every check with its severity and source')
    .argument('<profile>', 'profile id')
    .option('--json', 'print the whole profile as JSON', false)
    .action(async (id: string, options: { json: boolean }) => {
      const { describeVolumeSizes, getProfile } = await loadApp();
      const p = getProfile(id);
      if (options.json) {
        deps.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
        return;
      }
      const a = p.packaging.archive;
      const out = [
        `${p.name} (${p.id}, version ${p.version})`,
        `  ruleset      ${p.ruleset}, compliant from ${p.compliantFrom}`,
        `  sources      ${p.sourceExtensions.join(', ')}`,
        `  naming       ${p.naming.order.join(' . ')} -GROUP`,
        `  characters   ${p.charset.description}; dirname ≤ ${p.limits.dirnameMax}`,
        `  archive      ${a.formats.join('/').toUpperCase()}, ${a.naming} naming, ≤ ${a.maxVolumes} volumes`,
        ...Object.entries(a.volumeSizes).map(
          ([k, rule]) => `  sizes (${k})${' '.repeat(Math.max(1, 6 - k.length))}${describeVolumeSizes(rule)}`,
        ),
        `  container    ${p.packaging.container}`,
        '',
        '  checks:',
        ...p.checks.map(
          (c) =>
            `    ${c.severity.padEnd(5)} ${c.id.padEnd(32)} ${c.message}\n          ${' '.repeat(32)}${c.ref} [${c.confidence}]`,
        ),
      ];
      deps.stdout.write(`${out.join('\n')}\n`);
    });
}
