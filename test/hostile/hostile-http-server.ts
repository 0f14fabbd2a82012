// Raw TCP servers that answer HTTP the way hostile or broken peers do: the whole answer and FIN
// in one write, bodies past their length, endless bodies, silence, compressed bombs.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

export type Behaviour = (socket: Socket, request: string) => void;

export interface HostileServer {
  readonly url: (path?: string) => string;
  /** Requests received, in order (the raw head). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startHostileServer(behaviour: Behaviour): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      requests.push(head);
      behaviour(socket, head);
    };
    socket.on('data', onData);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: (path = '/file.epub') => `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Head, body and FIN in one write: the burst that crashed undici's parser (undici#5360). */
export function burst(head: string, body: Buffer): Behaviour {
  return (socket) => socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}

export function chunked(body: Buffer, pieces = 7): Buffer {
  const out: Buffer[] = [];
  const size = Math.ceil(body.length / pieces);
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    out.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  out.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(out);
}

/** Writes `chunk` forever (until the client goes away), honouring backpressure. */
export function endless(head: string, chunk: Buffer): Behaviour {
  return (socket) => {
    socket.write(head);
    const pump = () => {
      while (!socket.destroyed && socket.write(chunk)) {}
    };
    socket.on('drain', pump);
    pump();
  };
}

/** Accepts the request and never answers. */
export const silent: Behaviour = () => {};
