// What the CLI does with `--server` answers that are not a relpack server's: each is a coded
// SERVER_BAD_RESPONSE (exit 7-style remote failure), never a SyntaxError, a ZodError or a buffer
// that grows with whatever the peer sends.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../../src/cli/backend/event-stream.js';
import { callApi, followOverSse } from '../../src/cli/backend/http-backend.js';
import { RelpackError } from '../../src/errors/index.js';
import { type HostileServer, startHostileServer } from './hostile-http-server.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(behaviour: (socket: Socket) => void): Promise<string> {
  const server = await startHostileServer((socket) => behaviour(socket));
  servers.push(server);
  return server.url('').replace(/\/$/, '');
}

function eventStream(socket: Socket, body: string): void {
  socket.end(`HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n${body}`);
}

async function drain(base: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const event of followOverSse(base, 'job-1', 'token', {})) seen.push(event);
  return seen;
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RelpackError);
  return { code: (error as RelpackError).code, message: (error as Error).message };
}

const SNAPSHOT = {
  id: 'job-1',
  type: 'ebook',
  status: 'running',
  title: null,
  profile: null,
  ownerId: null,
  parentJobId: null,
  progress: null,
  result: null,
  error: null,
  attempts: 1,
  worker: null,
  cancelRequestedAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};

describe('the CLI against a peer that is not a relpack server', () => {
  it('reads a well-formed stream split at every byte, CRLF line ends included', async () => {
    const end = { ...SNAPSHOT, status: 'completed' };
    const body = `: hello\r\n\r\nevent: snapshot\r\ndata: ${JSON.stringify(SNAPSHOT)}\r\n\r\nevent: end\r\ndata: ${JSON.stringify(end)}\r\n\r\n`;
    const base = await serve((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n');
      // One byte per write: events arrive cut anywhere.
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i++) socket.write(bytes.subarray(i, i + 1));
      socket.end();
    });
    const events = (await drain(base)) as { type: string; job: { status: string } }[];
    expect(events.map((e) => [e.type, e.job.status])).toEqual([
      ['snapshot', 'running'],
      ['end', 'completed'],
    ]);
  });

  it('stops an endless event at 1 MiB instead of buffering it', async () => {
    let sent = 0;
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const base = await serve((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\nevent: log\r\ndata: "');
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk)) sent += chunk.length;
      };
      socket.on('drain', pump);
      socket.on('close', closed);
      pump();
    });
    const failure = await codeOf(drain(base));
    expect(failure.code).toBe('SERVER_BAD_RESPONSE');
    expect(failure.message).toMatch(/an event over 1048576 bytes/);
    await gone;
    // What the peer got to send before the CLI hung up: the cap plus what the sockets buffer.
    expect(sent).toBeLessThan(MAX_EVENT_BYTES + 16 * 1024 * 1024);
  });

  it('names an event whose data is not JSON', async () => {
    const base = await serve((socket) => eventStream(socket, 'event: snapshot\ndata: <html>\n\n'));
    const failure = await codeOf(drain(base));
    expect(failure).toEqual({
      code: 'SERVER_BAD_RESPONSE',
      message: expect.stringMatching(/an event whose data is not JSON \("<html>"\)/),
    });
  });

  it('names the field of an event that breaks its contract', async () => {
    const broken = { ...SNAPSHOT, status: 'exploded' };
    const base = await serve((socket) =>
      eventStream(socket, `event: snapshot\ndata: ${JSON.stringify(broken)}\n\n`),
    );
    const failure = await codeOf(drain(base));
    expect(failure.code).toBe('SERVER_BAD_RESPONSE');
    expect(failure.message).toMatch(/a "snapshot" event that breaks its contract \(status: /);
  });

  it('says the stream ended early when the connection closes before the end event', async () => {
    const base = await serve((socket) =>
      eventStream(socket, `event: snapshot\ndata: ${JSON.stringify(SNAPSHOT)}\n\n`),
    );
    const failure = await codeOf(drain(base));
    expect(failure.code).toBe('SERVER_UNREACHABLE');
    expect(failure.message).toMatch(/closed the event stream of job job-1 early/);
  });

  it('turns a proxy page (HTML, not JSON) into SERVER_BAD_RESPONSE with the status', async () => {
    const base = await serve((socket) =>
      socket.end(
        'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\nconnection: close\r\n\r\n<html>Bad gateway</html>',
      ),
    );
    const failure = await codeOf(callApi(base, 'GET', '/api/jobs'));
    expect(failure.code).toBe('SERVER_BAD_RESPONSE');
    expect(failure.message).toMatch(/HTTP 502 with a body that is not JSON \("<html>Bad gateway<\/html>"\)/);
  });
});
