import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { detectSourceType, RelpackError, SOURCE_KINDS } from '../../engine/index.js';
import { SourceErrorCode } from './confine-path.js';
import type { SourceRoots } from './source-roots.js';
import { uploadedBytes } from './sweep-storage.js';

export const UploadedSourceSchema = z
  .object({
    path: z.string().meta({ description: 'Where the file now is; pass it as a job or wizard source' }),
    name: z.string(),
    size: z.number(),
    type: z.enum(SOURCE_KINDS),
  })
  .meta({ id: 'UploadedSource' });
export type UploadedSource = z.infer<typeof UploadedSourceSchema>;

export interface UploadLimits {
  /** The largest one file may be. */
  readonly fileBytes: number;
  /** What all of one user's uploads may take together. */
  readonly quotaBytes: number;
}

/** A file as the adapter receives it: a stream that stops at `limitBytes` and says if it did. */
export interface IncomingFile {
  readonly filename: string;
  readonly stream: Readable;
  readonly truncated: () => boolean;
}

/**
 * Source uploads: each is streamed to its own folder under the uploader's uploads, written as a
 * hidden `.part` file and renamed only once it is whole and checked by content, so nothing half
 * written ever looks like a source.
 */
export class SourceUploads {
  constructor(
    private readonly roots: SourceRoots,
    private readonly limits: UploadLimits,
  ) {}

  /** How many bytes this upload may take: the file limit, or what is left of the quota. */
  async room(userId: string): Promise<number> {
    const left = this.limits.quotaBytes - (await uploadedBytes(this.roots.uploadDirOf(userId)));
    if (left <= 0) throw this.quotaExceeded();
    return Math.min(this.limits.fileBytes, left);
  }

  async store(userId: string, limitBytes: number, file: IncomingFile): Promise<UploadedSource> {
    const name =
      file.filename
        .replace(/[^A-Za-z0-9._ -]+/g, '_')
        .replace(/^\.+/, '')
        .slice(0, 200) || 'upload';
    const dir = join(this.roots.uploadDirOf(userId), randomUUID());
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const part = join(dir, `.${name}.part`);
    const final = join(dir, name);
    try {
      await pipeline(file.stream, createWriteStream(part, { flags: 'wx', mode: 0o600 }));
      if (file.truncated() && limitBytes < this.limits.fileBytes) throw this.quotaExceeded();
      if (file.truncated()) {
        throw new RelpackError(
          'DOWNLOAD_TOO_LARGE',
          `The upload is over the limit of ${this.limits.fileBytes} bytes`,
          { limit: this.limits.fileBytes },
        );
      }
      await rename(part, final);
      const type = await detectSourceType(final, SOURCE_KINDS);
      return { path: final, name, size: (await stat(final)).size, type };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private quotaExceeded(): RelpackError {
    return new RelpackError(
      SourceErrorCode.UPLOAD_QUOTA_EXCEEDED,
      `Your uploads would take more than your quota of ${this.limits.quotaBytes} bytes; delete uploads you packed, or ask an admin to raise RELPACK_UPLOAD_QUOTA_BYTES`,
      { quota: this.limits.quotaBytes },
    );
  }
}
