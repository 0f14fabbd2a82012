import type { Command } from 'commander';
import type { SrrSummary } from '../../app/srr/index.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, table } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  const srr = program
    .command('srr')
    .summary('ReScene .srr files: archive a release, list one, rebuild its volumes')
    .description(
      'An .srr keeps every RAR header of a release (not the media) plus its NFO and SFV, as srrDB,\n' +
        'pyReScene and ReScene .NET write them. With the original media file the exact volumes can be\n' +
        'rebuilt byte for byte (store-mode sets). See docs/srr.md.',
    );

  srr
    .command('create')
    .summary('write the .srr of a release folder')
    .argument('<release-dir>', 'the release folder (RAR volumes, NFO, SFV)')
    .option('-o, --output <file.srr>', 'where to write it (default: <release-dir>.srr beside the folder)')
    .option('--json', 'print the result as JSON', false)
    .action(async (dir: string, options: { output?: string; json: boolean }) => {
      const { createReleaseSrr } = await import('../../app/srr/index.js');
      const result = await createReleaseSrr(deps.context, {
        releaseDir: dir,
        ...(options.output ? { output: options.output } : {}),
      });
      if (options.json) return printJson(deps, result);
      deps.stdout.write(
        `wrote ${result.path} (${result.size} bytes): ${result.summary.volumes.length} volume(s), ` +
          `${result.summary.storedFiles.length} stored file(s)\n`,
      );
    });

  srr
    .command('show')
    .summary('list what an .srr holds')
    .argument('<file.srr>')
    .option('--json', 'print the contents as JSON', false)
    .action(async (file: string, options: { json: boolean }) => {
      const [{ showSrr }, { formatBytes }] = await Promise.all([
        import('../../app/srr/index.js'),
        import('../byte-progress.js'),
      ]);
      const summary = await showSrr(file);
      if (options.json) return printJson(deps, summary);
      deps.stdout.write(formatSummary(summary, formatBytes));
    });

  srr
    .command('rebuild')
    .summary('rebuild the volumes of an .srr from the media')
    .argument('<file.srr>')
    .argument('<source>', 'the media file, or a folder holding the archived files')
    .requiredOption('-o, --output <dir>', 'folder to write the volumes and stored files to')
    .option('--json', 'print the result as JSON', false)
    .option('--no-progress', 'do not report progress on stderr')
    .action(
      async (file: string, source: string, options: { output: string; json: boolean; progress: boolean }) => {
        const [{ rebuildSrr }, { createByteProgress }] = await Promise.all([
          import('../../app/srr/index.js'),
          import('../byte-progress.js'),
        ]);
        const progress = createByteProgress(deps.stderr, { verb: 'rebuilding', enabled: options.progress });
        const result = await rebuildSrr(
          { srr: file, source, outputDir: options.output },
          {
            signal: deps.signal,
            onProgress: (p) =>
              progress.update({ bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, label: p.volume }),
          },
        ).finally(() => progress.stop());
        if (options.json) return printJson(deps, result);
        const listed = result.volumes.filter((v) => v.sfvListed).length;
        deps.stdout.write(
          `rebuilt ${result.volumes.length} volume(s) in ${options.output}; ` +
            (listed === result.volumes.length
              ? 'every CRC matches the stored SFV'
              : `${listed} checked against the stored SFV, the rest by their headers' CRCs`) +
            `; wrote ${result.storedFiles.length} stored file(s)\n`,
        );
      },
    );
}

function formatSummary(s: SrrSummary, formatBytes: (bytes: number) => string): string {
  const lines = [`Application: ${s.application ?? '(none)'}`, ''];
  lines.push('Stored files:');
  if (s.storedFiles.length === 0) lines.push('  (none)');
  lines.push(...indent(table(s.storedFiles.map((f) => [String(f.size).padStart(10), f.name]))));
  lines.push('', `RAR volumes (${s.format ?? 'none'}):`);
  lines.push(
    ...indent(table(s.volumes.map((v) => [v.name, v.crc32 ?? '--------', String(v.size).padStart(10)]))),
  );
  const total = s.volumes.reduce((sum, v) => sum + v.size, 0);
  lines.push(`  ${s.volumes.length} volume(s), ${formatBytes(total)}`);
  lines.push('', 'Archived files:');
  lines.push(
    ...indent(
      table(
        s.files.map((f) => [
          f.name,
          f.crc32 ?? '--------',
          String(f.size).padStart(12),
          f.stored ? '' : 'compressed',
        ]),
      ),
    ),
  );
  if (s.osoHashes.length > 0) {
    lines.push('', 'OSO hashes:');
    lines.push(...indent(table(s.osoHashes.map((h) => [h.name, h.hash, String(h.size)]))));
  }
  lines.push(
    '',
    s.notRebuildable ? `Cannot be rebuilt: ${s.notRebuildable}` : 'Rebuildable from the media (store mode)',
  );
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `  ${l.trimEnd()}`);
}
