import type { Backend } from './backend.js';

/**
 * `--server URL` or `RELPACK_SERVER` picks server mode; otherwise this machine's database. Each
 * backend is loaded only when chosen: server mode never loads the database drivers, and neither
 * is loaded by a command that only prints its help.
 */
export async function openBackend(version: string, server: string | undefined): Promise<Backend> {
  const target = server ?? process.env.RELPACK_SERVER;
  if (target) return (await import('./http-backend.js')).openHttpBackend(target);
  return (await import('./local-backend.js')).openLocalBackend(version);
}

export async function withBackend<T>(
  version: string,
  server: string | undefined,
  run: (backend: Backend) => Promise<T>,
): Promise<T> {
  const backend = await openBackend(version, server);
  try {
    return await run(backend);
  } finally {
    await backend.close();
  }
}
