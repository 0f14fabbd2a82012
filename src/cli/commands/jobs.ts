import { type Command, InvalidArgumentError, Option } from 'commander';
import { JOB_STATUSES, JOB_TYPES, LOG_LEVELS } from '../../app/facts/index.js';
import type { JobType, LogLevel, LogLineView } from '../../app/index.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { exitCodeFor, knownCode } from '../exit-codes.js';
import { printJson, SERVER_OPTION, table } from '../output.js';

/** `--status failed,cancelled`: each must be a job status (the web's "queued" is `pending`). */
function statusList(value: string): string {
  const unknown = value.split(',').filter((s) => !(JOB_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown status ${unknown.join(', ')}: use ${JOB_STATUSES.join(', ')}`);
  return value;
}

const JOB_ID_HELP = 'job id, or its first characters (4 or more, like the 8 the web shows)';

interface Common {
  server?: string;
  json: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  const jobs = program.command('jobs').summary('list, inspect and control pack jobs');
  const v = deps.context.version;

  // `relpack list-jobs` and `relpack logs` are the first release's names: the same commands.
  for (const list of [jobs.command('list'), program.command('list-jobs')])
    list
      .summary(list.parent === jobs ? 'list jobs, newest first' : 'alias of relpack jobs list')
      .option('--status <s>', `${JOB_STATUSES.join(', ')} (comma-separated)`, statusList)
      .addOption(new Option('--type <t>', 'the kind of job').choices(JOB_TYPES))
      .option('-q, --search <text>', 'text in the release name')
      .option('--limit <n>', 'how many', '20')
      .option(...SERVER_OPTION)
      .option('--json', 'print JSON', false)
      .action((o: Common & { status?: string; type?: JobType; search?: string; limit: string }) =>
        withBackend(v, o.server, async (b) => {
          const page = await b.listJobs({
            limit: Number(o.limit),
            ...(o.status ? { status: o.status } : {}),
            ...(o.type ? { type: o.type } : {}),
            ...(o.search ? { q: o.search } : {}),
          });
          if (o.json) return printJson(deps, page);
          deps.stdout.write(
            table([
              ['ID', 'STATUS', 'TYPE', 'CREATED', 'TITLE'],
              ...page.items.map((j) => [
                j.id,
                j.status,
                j.type,
                j.createdAt.slice(0, 19).replace('T', ' '),
                j.title ?? '',
              ]),
            ]),
          );
          deps.stdout.write(`${page.items.length} of ${page.total} job(s)\n`);
        }),
      );

  jobs
    .command('history')
    .summary("a release's history: the pack job, then its fixes and repacks")
    .argument('<id>', 'any job of the release (id or short id)')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((id: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        const history = await b.releaseHistory(id);
        if (o.json) return printJson(deps, history);
        deps.stdout.write(
          table([
            ['ID', 'RELATION', 'STATUS', 'CREATED', 'RELEASE'],
            ...history.items.map((e) => [
              e.job.id,
              e.tag ? `${e.relation} (${e.tag})` : e.relation,
              e.job.status,
              e.job.createdAt.slice(0, 19).replace('T', ' '),
              e.job.result?.releaseName ?? e.job.title ?? '',
            ]),
          ]),
        );
      }),
    );

  jobs
    .command('show')
    .summary('one job: status, progress, result, artifacts')
    .argument('<id>', JOB_ID_HELP)
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((id: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        const job = await b.getJob(id);
        const artifacts = await b.artifacts(id);
        if (o.json) return printJson(deps, { ...job, artifacts });
        const lines = [
          `job ${job.id} (${job.type}, ${job.profile ?? 'no profile'})`,
          `  status    ${job.status}${job.error ? ` — ${job.error.code}: ${job.error.message}` : ''}`,
          `  created   ${job.createdAt}`,
          `  started   ${job.startedAt ?? '-'}`,
          `  finished  ${job.finishedAt ?? '-'}`,
          `  attempts  ${job.attempts}`,
        ];
        const result = job.result as { releaseName?: string } | null;
        if (result?.releaseName) lines.push(`  release   ${result.releaseName}`);
        deps.stdout.write(`${lines.join('\n')}\n`);
        if (artifacts.length > 0) {
          deps.stdout.write(
            table([
              ['KIND', 'SIZE', 'CRC32', 'PATH'],
              ...artifacts.map((a) => [a.kind, String(a.size), a.crc32, a.path]),
            ]),
          );
        }
      }),
    );

  for (const logs of [jobs.command('logs'), program.command('logs')])
    logs
      .summary(
        logs.parent === jobs
          ? 'log lines of a job; --follow waits for new ones until the job ends'
          : 'alias of relpack jobs logs',
      )
      .argument('<id>', JOB_ID_HELP)
      .addOption(new Option('--level <level>', 'lowest level shown').choices(LOG_LEVELS))
      .option('-f, --follow', 'keep printing new lines until the job ends', false)
      .option(...SERVER_OPTION)
      .option('--json', 'JSON (one document; JSON lines with --follow)', false)
      .action((id: string, o: Common & { level?: LogLevel; follow: boolean }) =>
        withBackend(v, o.server, async (b) => {
          const print = (line: LogLineView) =>
            deps.stdout.write(
              o.json
                ? `${JSON.stringify(line)}\n`
                : `${line.at} ${line.level.toUpperCase().padEnd(5)} ${line.message}\n`,
            );
          if (o.follow) {
            const lowest = LOG_LEVELS.indexOf(o.level ?? 'debug');
            for await (const event of b.followJob(id, { signal: deps.signal })) {
              if (event.type === 'log' && LOG_LEVELS.indexOf(event.line.level) >= lowest) print(event.line);
              // A job that did not complete makes the command fail too, with the job's own code.
              if (event.type === 'end' && event.job.status !== 'completed')
                deps.setExitCode(exitCodeFor(knownCode(event.job.error?.code, 'ABORTED')));
            }
            return;
          }
          const all: LogLineView[] = [];
          for (let after: number | undefined; ; ) {
            const lines = await b.logs(id, {
              limit: 1000,
              ...(after === undefined ? {} : { after }),
              ...(o.level ? { level: o.level } : {}),
            });
            all.push(...lines);
            if (lines.length < 1000) break;
            after = lines.at(-1)!.id;
          }
          if (o.json) printJson(deps, { items: all });
          else for (const line of all) print(line);
        }),
      );

  for (const action of ['cancel', 'retry'] as const) {
    jobs
      .command(action)
      .summary(
        action === 'cancel' ? 'cancel a pending or running job' : 'run a failed or cancelled job again',
      )
      .argument('<id>', JOB_ID_HELP)
      .option(...SERVER_OPTION)
      .option('--json', 'print JSON', false)
      .action((id: string, o: Common) =>
        withBackend(v, o.server, async (b) => {
          const job = await b.jobAction(id, action);
          if (o.json) return printJson(deps, job);
          deps.stdout.write(
            `job ${job.id} ${job.status}${action === 'cancel' && job.status === 'running' ? ' (stopping)' : ''}\n`,
          );
        }),
      );
  }

  jobs
    .command('delete')
    .summary('delete a job with its logs, artifacts and files')
    .argument('<id>', JOB_ID_HELP)
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((id: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        // A short id is resolved first, so the job deleted is the one that is then named.
        const { id: fullId } = await b.getJob(id);
        await b.deleteJob(fullId);
        if (o.json) return printJson(deps, { id: fullId, deleted: true });
        deps.stdout.write(`job ${fullId} deleted\n`);
      }),
    );
}
