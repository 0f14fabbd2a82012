import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { withLocalRuntime } from '../load.js';

export function register(program: Command, deps: CliDeps): void {
  const db = program.command('db').summary('database maintenance');
  db.command('migrate')
    .summary('apply pending migrations (DATABASE_URL, default SQLite under $RELPACK_DATA_DIR)')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      await withLocalRuntime(
        deps,
        async ({ services }) => {
          const applied = await services.migrate();
          if (options.json)
            deps.stdout.write(`${JSON.stringify({ dialect: services.dialect, applied }, null, 2)}\n`);
          else
            deps.stdout.write(
              applied.length
                ? `applied ${applied.join(', ')} (${services.dialect})\n`
                : `up to date (${services.dialect})\n`,
            );
        },
        { mode: 'tool' },
      );
    });
}
