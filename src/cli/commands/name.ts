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
  name
    .command('parse')
    .summary('print the fields a release name holds (title, year, tags, episode, group …)')
    .argument('<name>', 'the release name')
    .requiredOption(
      '-p, --profile <id>',
      'rule profile whose naming scheme reads it (see relpack rules list)',
    )
    .option('--json', 'print the fields as one JSON document on stdout', false)
    .action(async (value: string, options: { profile: string; json: boolean }) => {
      const { checkReleaseName, getProfile } = await loadApp();
      // Reading a name does not judge it: `name check` does; parse exits 0 whatever it holds.
      const { parsed } = checkReleaseName(getProfile(options.profile), value);
      if (options.json) {
        deps.stdout.write(
          `${JSON.stringify({ name: value, profile: options.profile, fields: parsed }, null, 2)}\n`,
        );
        return;
      }
      const shown = Object.entries(parsed).filter(
        ([key, v]) => key !== 'kind' && v !== null && !(Array.isArray(v) && v.length === 0),
      );
      const width = Math.max(...shown.map(([key]) => key.length));
      for (const [key, v] of shown) deps.stdout.write(`${key.padEnd(width)}  ${fieldText(v)}\n`);
    });
}

/** A parsed field as the name writes it: words joined, an episode as S01E02. */
function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  if (value && typeof value === 'object') {
    const marker = value as {
      kind?: string;
      season?: number;
      episodes?: number[];
      date?: string;
      part?: unknown;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    if (marker.kind === 'season' && marker.season !== undefined)
      return `S${two(marker.season)}${(marker.episodes ?? []).map((e) => `E${two(e)}`).join('')}`;
    if (marker.kind === 'date' && marker.date) return marker.date;
    return JSON.stringify(value);
  }
  return String(value);
}
