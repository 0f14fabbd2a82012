import os from 'node:os';
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
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled ??= signal;
    controller.abort();
  };
  // A closed terminal (SIGHUP) cleans up like Ctrl-C and kill: no half-written set is left. A second
  // signal finds no handler and ends the process at once (the way out of a hung clean-up).
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // A reader that went away (`relpack jobs list | head -1`) is not an error: the command stops as
  // if interrupted, cleans up, and the process ends quietly.
  let pipeClosed = false;
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    pipeClosed = true;
    controller.abort();
  };
  // Left in place after the command: the error of a last write arrives after it returns.
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
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
    return pipeClosed ? ExitCode.OK : exitCode;
  } catch (error) {
    if (pipeClosed) return ExitCode.OK;
    // Interrupted: the command has cleaned up; the shell's convention is 128 + the signal's number.
    if (signalled) {
      process.stderr.write(`relpack: interrupted (${signalled})\n`);
      return 128 + os.constants.signals[signalled];
    }
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
