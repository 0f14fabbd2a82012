import type { AppContext } from '../app/index.js';

/** What commands get from the entry point: the app context and the process's streams. */
export interface CliDeps {
  readonly context: AppContext;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly signal: AbortSignal;
  /** For commands that finish normally but must report failure (validation found blocking rules). */
  setExitCode(code: number): void;
}
