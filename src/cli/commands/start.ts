import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';

/** `npm start`: until the server lands, introduce the CLI instead of failing. */
export function register(program: Command, deps: CliDeps): void {
  program
    .command('start', { hidden: true })
    .description('start relpack with embedded defaults')
    .action(() => {
      deps.stdout.write(
        'relpack: the web server is not part of this build yet; the packing engine is available from the CLI.\n' +
          'Try: relpack rar <files...> -o out/name --volume-size 50MB --sfv\n\n',
      );
      program.outputHelp();
    });
}
