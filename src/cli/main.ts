import { CommanderError } from 'commander';
import type { Finding } from '../app/index.js';
import { isRelpackError } from '../errors/index.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { formatFindings } from './findings-format.js';
import { buildProgram } from './program.js';
import { readPackageVersion } from './version.js';

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // A closed terminal (SIGHUP) cleans up like Ctrl-C and kill: no half-written set is left.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  const json = argv.includes('--json');
  let exitCode: number = ExitCode.OK;
  const program = buildProgram({
    setExitCode: (code) => {
      exitCode = code;
    },
    context: { version: readPackageVersion(), clock: () => new Date() },
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (isRelpackError(error)) {
      if (json) process.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
      process.stderr.write(`relpack: error ${error.code}: ${error.message}\n`);
      const findings = (error.details as { findings?: Finding[] }).findings;
      if (findings && !json) process.stderr.write(formatFindings(findings));
      return exitCodeFor(error.code);
    }
    process.stderr.write(`relpack: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.INTERNAL;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
