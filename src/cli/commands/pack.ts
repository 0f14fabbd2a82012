import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { PackJobRequest, PackReleaseRequest, PackReleaseResult } from '../../app/index.js';
import { RelpackError } from '../../errors/index.js';
import type { JobView } from '../backend/backend.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { exitCodeFor, knownCode } from '../exit-codes.js';
import { formatFindings } from '../findings-format.js';
import type { Followable } from '../follow-job.js';
import { loadApp, loadSettings, openLocalRuntime } from '../load.js';
import { collectList, collectMeta } from '../meta-option.js';
import { printJson } from '../output.js';
import { readTextInput } from '../read-input.js';
import { parseByteSize } from '../size-option.js';
import { packTimeOption } from '../time-option.js';
import { finishUploads, reportUploads, uploadSummary } from './upload.js';

interface PackOptions {
  group: string;
  out?: string;
  profile?: string;
  name?: string;
  meta?: Record<string, string>;
  volumeSize?: string;
  format?: 'rar4' | 'rar5';
  sample?: boolean;
  nfoTemplate?: string;
  dizTemplate?: string;
  allow?: string[];
  allowDupe: boolean;
  dryRun: boolean;
  verify: boolean;
  json: boolean;
  progress: boolean;
  job: boolean;
  server?: string;
  upload?: string[];
  time?: string;
}

const EBOOK_META =
  'author, title, year, language, source (RETAiL|SCAN|HYBRiD), edition, issue, type, tags, publisher, isbn, url, genre, pages, published, description, notes';
const TV_META =
  'show, season, episode (2 | 2,3 | 2-3), date (YYYY-MM-DD), part, title, tags, language, resolution, format (HDTV …), codec, country, year, airdate, audio, notes';

export function register(program: Command, deps: CliDeps): void {
  const pack = program.command('pack').summary('pack one release (eBook or TV) following a rule profile');
  const common = (cmd: Command, type: 'ebook' | 'tv') =>
    cmd
      .requiredOption('-g, --group <GRP>', 'group tag (letters and digits)')
      .option(
        '-o, --out <dir>',
        'parent directory of the release (default: $RELPACK_RELEASES_DIR, else releases/ in the data directory)',
      )
      .option(
        '-p, --profile <id>',
        `rule profile (default ${type === 'ebook' ? 'ebook-2022' : 'tv-720p-2016'}; see relpack rules list)`,
      )
      .option('-n, --name <name>', 'release name to use instead of building one (it is still checked)')
      .option(
        '-m, --meta <key=value>',
        `metadata, repeatable; keys: ${type === 'ebook' ? EBOOK_META : TV_META}`,
        collectMeta,
      )
      .option(
        '-v, --volume-size <bytes>',
        'RAR volume size (must be allowed by the profile; default: the smallest that fits)',
      )
      .option('--nfo-template <file>', 'Liquid template for the .nfo (UTF-8; written as CP437)')
      .option(
        '--allow <rule-ids>',
        'rule ids to override (reported, not blocking); comma separated',
        collectList,
      )
      .option(
        '--allow-dupe',
        'with --job or --server, admins only (audited): pack a name relpack has produced before',
        false,
      )
      .option('--dry-run', 'print the plan (name, volumes, NFO, DIZ) without writing anything', false)
      .option('--verify', 'read every written volume back before publishing, as a site does (slower)', false)
      .option('--job', 'record the pack as a job in the database (logs, artifacts; see relpack serve)', false)
      .option(
        '--server <url>',
        'pack on a relpack server (the source path is on the server; $RELPACK_SERVER)',
      )
      .option(
        '--upload <destination>',
        'then upload the release to this destination (name or id; repeatable; see relpack destinations)',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        '--time <ISO-8601>',
        'pack time for every date and time written (default $SOURCE_DATE_EPOCH, else now): same sources + same time = same bytes',
      )
      .option('--json', 'print the result as one JSON document on stdout', false)
      .option('--no-progress', 'do not report progress on stderr');
  common(
    pack.command('ebook').summary('eBook → RAR volumes in 8.3 ZIP disks with file_id.diz and .nfo'),
    'ebook',
  )
    .argument(
      '<source>',
      'EPUB, PDF, CBZ, MOBI, AZW/AZW3/KF8 or PRC file, or an http(s) URL with --job or --server',
    )
    .addOption(new Option('--format <format>', 'RAR format inside the disks').choices(['rar4', 'rar5']))
    .option('--diz-template <file>', 'Liquid template for file_id.diz')
    .action((source: string, options: PackOptions) => run(deps, 'ebook', source, options));
  common(
    pack.command('tv').summary('MKV episode → RAR4 .rar/.r00 volumes, .sfv, .nfo, optional Sample/'),
    'tv',
  )
    .argument('<source>', 'the .mkv episode, or an http(s) URL with --job or --server')
    .option('--sample', 'cut a 60 s sample into Sample/ with mkvmerge (no re-encoding)', false)
    .action((source: string, options: PackOptions) => run(deps, 'tv', source, options));
}

async function run(deps: CliDeps, type: 'ebook' | 'tv', source: string, options: PackOptions): Promise<void> {
  const request: PackReleaseRequest = {
    type,
    source,
    group: options.group,
    outputDir: options.out ?? (await loadSettings()).releasesDir,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.name ? { name: options.name } : {}),
    meta: options.meta ?? {},
    ...(options.volumeSize ? { volumeSize: parseByteSize(options.volumeSize) } : {}),
    ...(options.format ? { rarFormat: options.format } : {}),
    ...(options.sample ? { sample: true } : {}),
    ...(options.nfoTemplate ? { nfoTemplate: await readTextInput(options.nfoTemplate) } : {}),
    ...(options.dizTemplate ? { dizTemplate: await readTextInput(options.dizTemplate) } : {}),
    ...(options.allow ? { overrides: options.allow } : {}),
    ...(options.verify ? { verify: true } : {}),
    ...packTimeOption(options.time),
    dryRun: options.dryRun,
  };
  if (options.upload?.length && options.dryRun)
    throw new RelpackError('INVALID_ARGUMENT', '--upload and --dry-run do not go together', {});
  const server = options.server ?? process.env.RELPACK_SERVER;
  if (server) {
    if (options.dryRun)
      throw new RelpackError(
        'INVALID_ARGUMENT',
        '--dry-run packs locally; on a server, use the wizard preview',
        {},
      );
    await runOnServer(deps, server, request, options);
    return;
  }
  if (isUrl(source) && !options.job) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      'A URL source is downloaded by a job: add --job (or --server to pack it on a server)',
      { source },
    );
  }
  if (options.job) {
    if (options.dryRun)
      throw new RelpackError('INVALID_ARGUMENT', '--job and --dry-run do not go together', {});
    await runAsJob(deps, request, options);
    return;
  }
  const [{ packRelease, groupThousands }, { createProgressReporter }] = await Promise.all([
    loadApp(),
    import('../progress-reporter.js'),
  ]);
  const reporter = createProgressReporter(deps.stderr, options.progress && !options.dryRun);
  const result = await packRelease(deps.context, request, {
    signal: deps.signal,
    onProgress: (p) => {
      if (p.phase === 'archive' && p.volumeIndex !== undefined) {
        reporter.update({
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          volumeIndex: p.volumeIndex,
          volumeCount: p.volumeCount ?? 0,
          volumeFileName: p.currentFile ?? '',
        });
      }
    },
  }).finally(() => reporter.stop());
  let uploads: JobView[] | null = null;
  if (options.upload?.length) {
    // The release is on this machine: upload jobs in the local database, run in this process.
    uploads = await withBackend(deps.context.version, undefined, async (b) => {
      const queued: JobView[] = [];
      for (const d of options.upload ?? []) queued.push(await b.uploadDirectory(result.releaseDir, d));
      return finishUploads(deps, b, queued, {
        json: options.json,
        progress: options.progress,
        wait: true,
        report: false,
      });
    });
  }
  if (options.json) {
    deps.stdout.write(
      `${JSON.stringify(uploads ? { ...result, uploads: uploadSummary(uploads) } : result, null, 2)}\n`,
    );
    if (uploads) reportUploadsExit(deps, uploads);
    return;
  }
  deps.stdout.write(printable(result, groupThousands));
  if (result.findings.length > 0) deps.stderr.write(formatFindings(result.findings, deps.stderr));
  if (uploads) reportUploads(deps, uploads, false);
}

function reportUploadsExit(deps: CliDeps, uploads: readonly JobView[]): void {
  const failed = uploads.find((j) => j.status !== 'completed');
  if (failed) deps.setExitCode(exitCodeFor(knownCode(failed.error?.code, 'ABORTED')));
}

/** The end of a pack run as a job (local or on a server): summary or JSON, and the exit code. */
function reportJob(
  deps: CliDeps,
  done: { id: string; status: string; error: { code: string; message: string } | null; result: unknown },
  artifacts: readonly { kind: string; path: string; size: number; crc32: string }[],
  json: boolean,
  uploads: readonly JobView[] | null = null,
): void {
  if (json)
    printJson(deps, {
      job: { id: done.id, status: done.status, error: done.error, result: done.result },
      artifacts,
      ...(uploads ? { uploads: uploadSummary(uploads) } : {}),
    });
  else {
    deps.stdout.write(
      `job ${done.id} ${done.status}${done.error ? `: ${done.error.code} ${done.error.message}` : ''}\n`,
    );
    for (const a of artifacts)
      deps.stdout.write(
        `  ${a.kind.padEnd(6)} ${a.path.padEnd(60)} ${String(a.size).padStart(12)}  ${a.crc32}\n`,
      );
  }
  if (uploads && !json) reportUploads(deps, uploads, false);
  else if (uploads) reportUploadsExit(deps, uploads);
  if (done.status !== 'completed') deps.setExitCode(exitCodeFor(knownCode(done.error?.code)));
}

/** A pack request as a job request: templates go as their text, the output is the job's own. */
function jobRequest(request: PackReleaseRequest, options: PackOptions): PackJobRequest {
  const {
    outputDir: _out,
    dryRun: _dry,
    source,
    nfoTemplate,
    dizTemplate,
    meta,
    overrides,
    time,
    ...rest
  } = request;
  return {
    ...rest,
    ...(time ? { time: time.toISOString() } : {}),
    ...(isUrl(source) ? { sourceUrl: source } : { source: resolve(source) }),
    ...(meta ? { meta: { ...meta } } : {}),
    ...(overrides ? { overrides: [...overrides] } : {}),
    ...(nfoTemplate ? { nfoTemplate: { body: nfoTemplate } } : {}),
    ...(dizTemplate ? { dizTemplate: { body: dizTemplate } } : {}),
    ...(options.upload?.length ? { destinations: options.upload } : {}),
    ...(options.allowDupe ? { allowDupe: true } : {}),
  };
}

/** Server mode: the pack becomes a job on the server; progress is followed until it ends. */
async function runOnServer(
  deps: CliDeps,
  server: string,
  request: PackReleaseRequest,
  options: PackOptions,
): Promise<void> {
  const [{ openHttpBackend }, { followJob, uploadJobsOf }] = await Promise.all([
    import('../backend/http-backend.js'),
    import('../follow-job.js'),
  ]);
  const backend = await openHttpBackend(server);
  const job = await backend.createJob({
    ...jobRequest(request, options),
    ...(isUrl(request.source) ? {} : { source: request.source }),
  });
  deps.stderr.write(`job ${job.id} on ${server}\n`);
  const done = await followJob(deps, backend, job.id, { progress: options.progress });
  let uploads: JobView[] | null = null;
  if (done.status === 'completed' && options.upload?.length) {
    const queued = await uploadJobsOf(backend, job.id);
    uploads = await finishUploads(deps, backend, queued, {
      json: options.json,
      progress: options.progress,
      wait: true,
      report: false,
    });
  }
  reportJob(deps, done, await backend.artifacts(job.id), options.json, uploads);
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The local CLI acting for no user: jobs it records belong to nobody, and it sees them all. */
const SYSTEM = { userId: '', role: 'admin' } as const;

/** `--job`: the same pack through the job system, so it has a row, logs and artifacts. */
async function runAsJob(deps: CliDeps, request: PackReleaseRequest, options: PackOptions): Promise<void> {
  const { followJob } = await import('../follow-job.js');
  const runtime = await openLocalRuntime(deps, { print: (line) => deps.stderr.write(`${line}\n`) });
  const { jobs } = runtime.services;
  const local: Followable = {
    followJob: (id, o) => jobs.follow(SYSTEM, id, o),
    jobAction: (id, action) => (action === 'cancel' ? jobs.cancel(SYSTEM, id) : jobs.retry(SYSTEM, id)),
  };
  try {
    // --upload starts once the pack is done, from here (the job itself names no destination).
    const { destinations: _later, ...pack } = jobRequest(request, options);
    const job = await jobs.create({ userId: null, role: 'admin', trustedPaths: true }, pack);
    deps.stderr.write(`job ${job.id}\n`);
    const done = await followJob(deps, local, job.id, { progress: options.progress });
    let uploads: JobView[] | null = null;
    if (done.status === 'completed' && options.upload?.length) {
      uploads = [];
      for (const u of await jobs.createUploadsAfterPack(job.id, options.upload))
        uploads.push(await followJob(deps, local, u.id, { progress: options.progress }));
    }
    reportJob(deps, done, await jobs.artifacts(SYSTEM, job.id), options.json, uploads);
  } finally {
    await runtime.close();
  }
}

/** `group` is the app's thousands grouping, passed in so that this module never loads the app. */
function printable(result: PackReleaseResult, group: (n: number) => string): string {
  const lines = [
    `${result.dryRun ? 'plan for' : 'packed'} ${result.releaseName}  (${result.profile})`,
    `  directory ${result.releaseDir}`,
  ];
  for (const note of result.notes) lines.push(`  note: ${note}`);
  lines.push(`  ${result.volumes.length} RAR volume(s) of ${group(result.volumeSize)} bytes`);
  if (result.dryRun) {
    if (result.disks)
      for (const d of result.disks) lines.push(`  ${d.zip}  ← ${d.volume}, file_id.diz, ${result.nfo.name}`);
    else for (const v of result.volumes) lines.push(`  ${v.name.padEnd(48)} ${String(v.size).padStart(12)}`);
    if (result.sfv) lines.push(`  ${result.sfv}`);
    lines.push(`  ${result.nfo.name}`);
    if (result.sample)
      lines.push(`  ${result.sample.path} (${result.sample.startSeconds}–${result.sample.endSeconds} s)`);
    lines.push('', result.nfo.text.replace(/\r\n/g, '\n'));
  } else {
    for (const f of result.files)
      lines.push(`  ${f.path.padEnd(52)} ${String(f.size).padStart(12)}  ${f.crc32}`);
  }
  return `${lines.join('\n')}\n`;
}
