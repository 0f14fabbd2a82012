import type { Command } from 'commander';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, SERVER_OPTION, table } from '../output.js';

interface Common {
  server?: string;
  json: boolean;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export function register(program: Command, deps: CliDeps): void {
  const jobs = program.command('jobs').summary('list, inspect and control pack jobs');
  const v = deps.context.version;

  jobs
    .command('list')
    .summary('list jobs, newest first')
    .option('--status <s>', 'pending, running, completed, failed, cancelled (comma-separated)')
    .option('--type <t>', 'ebook, tv or upload')
    .option('-q, --search <text>', 'text in the release name')
    .option('--limit <n>', 'how many', '20')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((o: Common & { status?: string; type?: string; search?: string; limit: string }) =>
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
    .command('show')
    .summary('one job: status, progress, result, artifacts')
    .argument('<id>', 'job id')
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

  jobs
    .command('logs')
    .summary('log lines of a job; --follow waits for new ones until the job ends')
    .argument('<id>', 'job id')
    .option('--level <level>', 'lowest level shown: debug, info, warn, error')
    .option('-f, --follow', 'keep printing new lines until the job ends', false)
    .option(...SERVER_OPTION)
    .option('--json', 'JSON (one document; JSON lines with --follow)', false)
    .action((id: string, o: Common & { level?: string; follow: boolean }) =>
      withBackend(v, o.server, async (b) => {
        let after: number | undefined;
        const all: unknown[] = [];
        for (;;) {
          const lines = await b.logs(id, {
            limit: 1000,
            ...(after === undefined ? {} : { after }),
            ...(o.level ? { level: o.level } : {}),
          });
          for (const line of lines) {
            after = line.id;
            if (o.json && o.follow) deps.stdout.write(`${JSON.stringify(line)}\n`);
            else if (o.json) all.push(line);
            else deps.stdout.write(`${line.at} ${line.level.toUpperCase().padEnd(5)} ${line.message}\n`);
          }
          if (!o.follow) break;
          if (lines.length > 0) continue;
          if (TERMINAL.has((await b.getJob(id)).status)) {
            const rest = await b.logs(id, { limit: 1000, ...(after === undefined ? {} : { after }) });
            for (const line of rest)
              deps.stdout.write(
                o.json
                  ? `${JSON.stringify(line)}\n`
                  : `${line.at} ${line.level.toUpperCase().padEnd(5)} ${line.message}\n`,
              );
            break;
          }
          if (deps.signal.aborted) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        if (o.json && !o.follow) printJson(deps, { items: all });
      }),
    );

  for (const action of ['cancel', 'retry'] as const) {
    jobs
      .command(action)
      .summary(
        action === 'cancel' ? 'cancel a pending or running job' : 'run a failed or cancelled job again',
      )
      .argument('<id>', 'job id')
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
    .argument('<id>', 'job id')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((id: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        await b.deleteJob(id);
        if (o.json) return printJson(deps, { id, deleted: true });
        deps.stdout.write(`job ${id} deleted\n`);
      }),
    );
}
