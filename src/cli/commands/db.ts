import type { Command } from 'commander';
import { createServices } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import type { CliDeps } from '../cli-deps.js';

export function register(program: Command, deps: CliDeps): void {
  const db = program.command('db').summary('database maintenance');
  db.command('migrate')
    .summary('apply pending migrations (DATABASE_URL, default SQLite under $RELPACK_DATA_DIR)')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      const services = await createServices(loadConfig(), { version: deps.context.version });
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
        await services.close();
      }
    });
}
