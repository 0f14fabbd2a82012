import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const isCI = process.env.CI === 'true';

/** System python: python3-rarfile is a Debian package and a pyenv shim may shadow `python3`. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const cache = new Map<string, boolean>();

const LIBARCHIVE_SCRIPT = fileURLToPath(new URL('./libarchive_digest.py', import.meta.url));

/** Whether an external checker is installed (`rarfile` means the Python module, `libarchive` the library). */
export function hasTool(name: string): boolean {
  if (!cache.has(name)) {
    const ok =
      name === 'rarfile'
        ? existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import rarfile']).status === 0
        : name === 'libarchive'
          ? existsSync(SYSTEM_PYTHON) &&
            spawnSync(SYSTEM_PYTHON, [LIBARCHIVE_SCRIPT, '--version']).status === 0
          : spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
    cache.set(name, ok);
  }
  return cache.get(name)!;
}

/**
 * Run a suite when its tool exists. Locally an absent tool skips the suite with a message;
 * under CI=true the suite always runs, so a missing tool fails loudly instead of skipping.
 */
export function shouldRunWith(...tools: string[]): boolean {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0 || isCI) return true;
  console.warn(
    `skipping: ${missing.join(', ')} not installed (apt-get install unar python3-rarfile cksfv unzip mkvtoolnix libarchive13)`,
  );
  return false;
}
