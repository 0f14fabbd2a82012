import type { Backend } from './backend.js';
import { openHttpBackend } from './http-backend.js';
import { openLocalBackend } from './local-backend.js';

/** `--server URL` or `RELPACK_SERVER` picks server mode; otherwise this machine's database. */
export function openBackend(version: string, server: string | undefined): Promise<Backend> {
  const target = server ?? process.env.RELPACK_SERVER;
  return target ? openHttpBackend(target) : openLocalBackend(version);
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
