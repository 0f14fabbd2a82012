import { once } from 'node:events';
import { createServer } from 'node:net';

/** A TCP port free right now on 127.0.0.1, for servers the tests start as child processes. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}
