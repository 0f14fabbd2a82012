import type { Readable } from 'node:stream';
import type { ServerIdentity } from './remote-target.js';

/** The few file operations an upload needs, the same over FTP, FTPS and SFTP. Paths are absolute. */
export interface RemoteClient {
  readonly identity: ServerIdentity;
  /** Creates the directory and its parents (mkdir -p). */
  ensureDir(path: string): Promise<void>;
  /** Size in bytes, or null when there is no such file. */
  size(path: string): Promise<number | null>;
  /**
   * Where to continue a partial file of `remoteSize` bytes: the size itself where the protocol
   * writes strictly in order, a little before it where writes may land out of order.
   */
  resumeFrom(remoteSize: number): number;
  /**
   * Writes `source` to the file; with `offset` > 0 continues a partial file from that byte.
   * `onBytes` hears how many bytes went out since its last call.
   */
  upload(source: Readable, path: string, offset: number, onBytes?: (n: number) => void): Promise<void>;
  /** CRC-32 computed by the server (FTP HASH / XCRC), or null when it cannot. */
  serverCrc32(path: string): Promise<number | null>;
  /** Reads the remote file back, chunk by chunk (read-back verification). */
  readBack(path: string, onData: (chunk: Buffer) => void): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  close(): Promise<void>;
}
