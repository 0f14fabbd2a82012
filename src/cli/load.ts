// The heavy parts of relpack, imported when a command runs rather than when the CLI starts:
// `relpack --help` and `--version` load commander and the command definitions only, and each
// command loads what it uses (test/cli-startup.test.ts lists what each one may load).
import type { Config } from '../config.js';
import type { Runtime, RuntimeMode } from '../runtime/index.js';
import type { CliDeps } from './cli-deps.js';

let app: Promise<typeof import('../app/index.js')> | null = null;

/**
 * Every use-case (the app's full index), set up for a one-shot command: the template sandbox keeps
 * no idle render thread, which would otherwise hold ~20 MB through the copy after the NFO.
 */
export function loadApp(): Promise<typeof import('../app/index.js')> {
  app ??= import('../app/index.js').then(async (loaded) => {
    await loaded.configureSharedTemplateSandbox({ idleMs: 0 });
    return loaded;
  });
  return app;
}

/** Settings from the environment, as `relpack serve` reads them. */
export async function loadSettings(env?: NodeJS.ProcessEnv): Promise<Config> {
  return (await import('../config.js')).loadConfig(env);
}

export interface LocalRuntimeOptions {
  readonly mode?: RuntimeMode;
  /** Where the runtime's notices go (recovered jobs, waiting for the database); default stderr. */
  readonly print?: (line: string) => void;
}

/** This machine's services (database, queue) for a local command. */
export async function openLocalRuntime(deps: CliDeps, options: LocalRuntimeOptions = {}): Promise<Runtime> {
  const [{ openRuntime }, config] = await Promise.all([import('../runtime/index.js'), loadSettings()]);
  return openRuntime(config, {
    mode: options.mode ?? 'cli',
    version: deps.context.version,
    print: options.print ?? ((line) => deps.stderr.write(`${line}\n`)),
  });
}

/** The same, closed when `run` ends however it ends. */
export async function withLocalRuntime<T>(
  deps: CliDeps,
  run: (runtime: Runtime) => Promise<T>,
  options: LocalRuntimeOptions = {},
): Promise<T> {
  const runtime = await openLocalRuntime(deps, options);
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}
