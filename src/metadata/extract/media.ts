import { open } from 'node:fs/promises';
import mediaInfoFactory, { type MediaInfo, type MediaInfoResult } from 'mediainfo.js';
import { codecTag, resolutionTag } from '../../engine/index.js';
import { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';

export interface MediaFields {
  readonly container: string | null;
  readonly durationSeconds: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly frameRate: number | null;
  readonly videoFormat: string | null;
  readonly videoCodecId: string | null;
  readonly audio: readonly { codec: string; language: string | null; channels: number | null }[];
  readonly subtitles: readonly { format: string; language: string | null }[];
  /** SD, 720p, 1080p or 2160p, from the frame size. */
  readonly resolutionTag: string | null;
  /** x264/x265 (or H264/H265 with `encoded: false`), for names. */
  readonly codecTag: string | null;
}

let instance: Promise<MediaInfo<'object'>> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * MediaInfo (the WASM build, no binary) reading the file through a handle in the chunks it asks
 * for, so a 50 GB episode never sits in memory. Calls are serialised: one analyzer, one file at a time.
 */
export function readMediaInfo(path: string): Promise<Extracted<MediaFields>> {
  const run = queue.then(() => analyze(path));
  queue = run.catch(() => undefined);
  return run;
}

async function analyze(path: string): Promise<Extracted<MediaFields>> {
  instance ??= mediaInfoFactory({ format: 'object' });
  const mi = await instance;
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ExtractError(ExtractErrorCode.METADATA_UNREADABLE, `Cannot open ${path}: ${error.code}`, {
      path,
    });
  });
  let result: MediaInfoResult;
  try {
    const size = (await handle.stat()).size;
    result = await mi.analyzeData(size, async (chunkSize, offset) => {
      const buffer = new Uint8Array(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, offset);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await handle.close();
  }
  const tracks = (result.media?.track ?? []) as unknown as Record<string, unknown>[];
  const general = tracks.find((t) => t['@type'] === 'General');
  const video = tracks.find((t) => t['@type'] === 'Video');
  if (!general?.Format) {
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `${path} is not a media file MediaInfo recognises`,
      { path },
    );
  }
  if (!video) {
    // An episode always has a video track; none means the file is cut short or damaged.
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `${path} has no readable video track (truncated or damaged?)`,
      { path },
    );
  }
  const num = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number(v));
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));
  const width = num(video?.Width);
  const height = num(video?.Height);
  const videoCodecId = str(video?.CodecID);
  const fields: MediaFields = {
    container: str(general.Format),
    durationSeconds: num(general.Duration),
    width,
    height,
    frameRate: num(video?.FrameRate ?? general.FrameRate),
    videoFormat: str(video?.Format),
    videoCodecId,
    audio: tracks
      .filter((t) => t['@type'] === 'Audio')
      .map((t) => ({
        codec: str(t.Format) ?? 'unknown',
        language: str(t.Language),
        channels: num(t.Channels),
      })),
    subtitles: tracks
      .filter((t) => t['@type'] === 'Text')
      .map((t) => ({ format: str(t.Format) ?? 'unknown', language: str(t.Language) })),
    resolutionTag: width && height ? resolutionTag(width, height) : null,
    codecTag: videoCodecId ? codecTag(videoCodecId, true) : null,
  };
  const missing = (
    ['durationSeconds', 'width', 'height', 'frameRate', 'videoCodecId', 'codecTag'] as const
  ).filter((k) => fields[k] === null);
  return { fields, missing };
}
