import type { Readable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';

/**
 * Requests kept in flight at once. ssh2's own write stream waits for each WRITE to be
 * acknowledged (and splits a large buffer into requests sent one after another), which on a fast
 * link leaves most of the bandwidth unused: OpenSSH's `sftp` keeps 64 requests in flight.
 */
const IN_FLIGHT = 32;
/** A CLOSE on a session that is dying may never be answered. */
const CLOSE_WAIT_MS = 5000;

/** The largest READ/WRITE payload the server accepts (ssh2 reads OpenSSH's limits extension). */
function requestBytes(sftp: SFTPWrapper): number {
  const limit = (sftp as unknown as { _maxWriteLen?: number })._maxWriteLen;
  return Math.max(4096, Math.min(limit ?? 32_768, 256 * 1024));
}

/**
 * How far back from the remote size a resume must start. Requests in flight may complete out of
 * order on some servers, so after a dropped connection the file can have a hole somewhere in the
 * last window; everything below `size - window` is known to be written.
 */
export function sftpResumeWindow(sftp: SFTPWrapper | undefined): number {
  return sftp ? IN_FLIGHT * requestBytes(sftp) : IN_FLIGHT * 32_768;
}

const call = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

/** Closes a handle; on a session that died meanwhile no answer ever comes, so do not wait for one. */
function closeHandle(sftp: SFTPWrapper, handle: Buffer, sessionClosed: boolean): Promise<void> {
  if (sessionClosed) return Promise.resolve();
  const closing = call<void>((cb) => sftp.close(handle, (err) => cb(err, undefined))).catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_WAIT_MS);
  });
  return Promise.race([closing, giveUp]).finally(() => clearTimeout(timer));
}

/** A bounded set of callbacks in flight; `slot()` waits while it is full, and surfaces the first error. */
class Window {
  private inFlight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  start<T>(
    send: (done: (err: Error | null | undefined, value?: T) => void) => void,
    onDone?: (value: T) => void,
  ): void {
    this.inFlight++;
    send((err, value) => {
      this.inFlight--;
      if (err && !this.failure) this.failure = err;
      else if (!err) onDone?.(value as T);
      this.wake?.();
    });
  }

  /** The session went away: requests in flight will never be answered. */
  fail(error: Error): void {
    if (!this.failure) this.failure = error;
    this.wake?.();
  }

  async slot(limit = IN_FLIGHT - 1): Promise<void> {
    while (this.inFlight > limit && !this.failure) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
    if (this.failure) throw this.failure;
  }

  drain(): Promise<void> {
    return this.slot(0);
  }
}

/** Writes a stream to a remote file from `start`, keeping up to IN_FLIGHT WRITE requests outstanding. */
export async function sftpPipelinedWrite(
  sftp: SFTPWrapper,
  path: string,
  source: Readable,
  start: number,
  onBytes?: (n: number) => void,
): Promise<void> {
  const handle = await call<Buffer>((cb) => sftp.open(path, start > 0 ? 'r+' : 'w', cb));
  const size = requestBytes(sftp);
  const window = new Window();
  let sessionClosed = false;
  const closed = () => {
    sessionClosed = true;
    window.fail(new Error('SFTP session closed: connection lost'));
  };
  sftp.once('close', closed);
  let position = start;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i += size) {
        await window.slot();
        const piece = chunk.subarray(i, i + size);
        const at = position;
        position += piece.length;
        window.start(
          (done) => sftp.write(handle, piece, 0, piece.length, at, (err) => done(err)),
          () => onBytes?.(piece.length),
        );
      }
    }
    await window.drain();
  } finally {
    sftp.removeListener('close', closed);
    await closeHandle(sftp, handle, sessionClosed);
  }
}

/** Reads a remote file in order (for checksums), keeping up to IN_FLIGHT READ requests outstanding. */
export async function sftpPipelinedRead(
  sftp: SFTPWrapper,
  path: string,
  onData: (chunk: Buffer) => void,
): Promise<void> {
  const handle = await call<Buffer>((cb) => sftp.open(path, 'r', cb));
  let closed: (() => void) | null = null;
  let sessionClosed = false;
  try {
    const total = (await call<{ size: number }>((cb) => sftp.fstat(handle, cb))).size;
    const size = requestBytes(sftp);
    const window = new Window();
    closed = () => {
      sessionClosed = true;
      window.fail(new Error('SFTP session closed: connection lost'));
    };
    sftp.once('close', closed);
    const ready = new Map<number, Buffer>();
    let next = 0;
    const deliver = () => {
      for (let piece = ready.get(next); piece; piece = ready.get(next)) {
        ready.delete(next);
        next += piece.length;
        onData(piece);
      }
    };
    const request = (at: number, length: number): void => {
      const buffer = Buffer.allocUnsafe(length);
      window.start<number>(
        (done) => sftp.read(handle, buffer, 0, length, at, (err, bytesRead) => done(err, bytesRead)),
        (bytesRead) => {
          if (bytesRead > 0) ready.set(at, buffer.subarray(0, bytesRead));
          // A short read is allowed: ask for the rest of that piece again.
          if (bytesRead > 0 && bytesRead < length) request(at + bytesRead, length - bytesRead);
          else if (bytesRead === 0) ready.set(at, Buffer.alloc(0));
          deliver();
        },
      );
    };
    for (let at = 0; at < total; at += size) {
      await window.slot();
      request(at, Math.min(size, total - at));
    }
    await window.drain();
    deliver();
    if (next !== total) throw new Error(`${path} changed while it was read back (${next} of ${total} bytes)`);
  } finally {
    if (closed) sftp.removeListener('close', closed);
    await closeHandle(sftp, handle, sessionClosed);
  }
}
