import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting relpack reads from the environment, with its default. One schema, validated
 * once at start-up; a bad value stops the process with a message naming the variable.
 */
const ConfigSchema = z.object({
  RELPACK_DATA_DIR: z.string().min(1).default('./data'),
  RELPACK_RELEASES_DIR: z.string().min(1).optional(),
});

export interface Config {
  /** Database file, uploads, job outputs. */
  readonly dataDir: string;
  /** Where `relpack pack` puts releases without `--out`. */
  readonly releasesDir: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const dataDir = resolve(cwd, parsed.data.RELPACK_DATA_DIR);
  return {
    dataDir,
    releasesDir: resolve(cwd, parsed.data.RELPACK_RELEASES_DIR ?? `${dataDir}/releases`),
  };
}
