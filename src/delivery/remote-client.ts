import type { Readable } from 'node:stream';
import type { ServerIdentity } from './remote-target.js';

/** The few file operations an upload needs, the same over FTP, FTPS and SFTP. Paths are absolute. */
export interface RemoteClient {
  readonly identity: ServerIdentity;
  /** Creates the directory and its parents (mkdir -p). */
  ensureDir(path: string): Promise<void>;
  /** Size in bytes, or null when there is no such file. */
  size(path: string): Promise<number | null>;
  /** Writes `source` to the file; with `offset` > 0 continues a partial file from that byte. */
  upload(source: Readable, path: string, offset: number): Promise<void>;
  /** CRC-32 computed by the server (FTP HASH / XCRC), or null when it cannot. */
  serverCrc32(path: string): Promise<number | null>;
  /** Reads the remote file back, chunk by chunk (read-back verification). */
  readBack(path: string, onData: (chunk: Buffer) => void): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  close(): Promise<void>;
}
