import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openRuntime } from '../../runtime/index.js';
import type { CliDeps } from '../cli-deps.js';

export function register(program: Command, deps: CliDeps): void {
  const db = program.command('db').summary('database maintenance');
  db.command('migrate')
    .summary('apply pending migrations (DATABASE_URL, default SQLite under $RELPACK_DATA_DIR)')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      const runtime = await openRuntime(loadConfig(), { mode: 'tool', version: deps.context.version });
      const { services } = runtime;
      try {
        const applied = await services.migrate();
        if (options.json)
          deps.stdout.write(`${JSON.stringify({ dialect: services.dialect, applied }, null, 2)}\n`);
        else
          deps.stdout.write(
            applied.length
              ? `applied ${applied.join(', ')} (${services.dialect})\n`
              : `up to date (${services.dialect})\n`,
          );
      } finally {
        await runtime.close();
      }
    });
}
