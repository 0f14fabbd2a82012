// A loopback TCP proxy in front of a server: it can slow the upload direction down and cut every
// connection at once, which is how the tests drop a transfer in the middle of a file.
import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Bytes per second from client to server; 0 = unlimited. */
  rate: number;
  /** Bytes forwarded from clients so far. */
  readonly forwarded: number;
  /** Destroys every open connection (the server and client see a reset). */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, rate = 0): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let forwarded = 0;
  const proxy: TcpProxy = {
    port: 0,
    rate,
    get forwarded() {
      return forwarded;
    },
    cut() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    async close() {
      proxy.cut();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      forwarded += chunk.length;
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
      if (proxy.rate > 0) {
        client.pause();
        setTimeout(() => client.resume(), (chunk.length / proxy.rate) * 1000);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  (proxy as { port: number }).port = (server.address() as { port: number }).port;
  return proxy;
}
