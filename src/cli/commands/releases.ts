import type { Command } from 'commander';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, SERVER_OPTION, table } from '../output.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('releases')
    .summary('the release names relpack has produced: the dupe list a new name is checked against')
    .description(
      'Every release a job wrote (pack, fix, repack, proper) is recorded by name, and a job whose\n' +
        'name was produced before (in any case) is refused as a dupe, as a site refuses it; an admin\n' +
        'may allow one with --allow-dupe (audited). A pack without --job writes no record.',
    )
    .option('-q, --search <text>', 'only names containing this text (any case)')
    .option('--limit <n>', 'how many', '50')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((o: { search?: string; limit: string; server?: string; json: boolean }) =>
      withBackend(deps.context.version, o.server, async (b) => {
        const page = await b.releaseNames({
          limit: Number(o.limit),
          offset: 0,
          ...(o.search ? { q: o.search } : {}),
        });
        if (o.json) return printJson(deps, page);
        deps.stdout.write(
          table([
            ['NAME', 'KIND', 'CREATED', 'JOB'],
            ...page.items.map((r) => [
              r.name,
              r.kind,
              r.createdAt.slice(0, 19).replace('T', ' '),
              r.jobId ?? '',
            ]),
          ]),
        );
        deps.stdout.write(`${page.items.length} of ${page.total} release name(s)\n`);
      }),
    );
}
