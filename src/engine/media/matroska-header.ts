import { type FileHandle, open } from 'node:fs/promises';
import type { ErrorCode } from '../../errors/index.js';
import { RelpackError, sourceErrorFromFs } from '../errors.js';

export const MediaErrorCode = { METADATA_UNREADABLE: 'METADATA_UNREADABLE' } as const satisfies Record<
  string,
  ErrorCode
>;

/** What a reader found, and which of the fields it looks for were absent. */
export interface Extracted<T> {
  readonly fields: T;
  readonly missing: readonly (keyof T & string)[];
}

export interface MatroskaTrack {
  readonly type: 'video' | 'audio' | 'subtitle' | 'other';
  readonly codecId: string;
  readonly language: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

export interface MatroskaFields {
  readonly docType: string;
  readonly durationSeconds: number | null;
  readonly title: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly videoCodecId: string | null;
  readonly tracks: readonly MatroskaTrack[];
}

const ID = {
  EBML: 0x1a45dfa3,
  DOC_TYPE: 0x4282,
  SEGMENT: 0x18538067,
  INFO: 0x1549a966,
  TIMESTAMP_SCALE: 0x2ad7b1,
  DURATION: 0x4489,
  TITLE: 0x7ba9,
  TRACKS: 0x1654ae6b,
  TRACK_ENTRY: 0xae,
  TRACK_TYPE: 0x83,
  CODEC_ID: 0x86,
  LANGUAGE: 0x22b59c,
  LANGUAGE_BCP47: 0x22b59d,
  VIDEO: 0xe0,
  PIXEL_WIDTH: 0xb0,
  PIXEL_HEIGHT: 0xba,
  CLUSTER: 0x1f43b675,
} as const;

const MAX_HEADER_ELEMENT = 16 << 20;

interface Element {
  readonly id: number;
  readonly dataStart: number;
  /** null: unknown size (live streams); only allowed for the Segment here. */
  readonly size: number | null;
}

/**
 * Reads the Matroska EBML header, segment Info and Tracks through a file handle, skipping
 * clusters by their size, so even a 50 GB episode costs a few small reads.
 */
export async function readMatroskaHeader(path: string): Promise<Extracted<MatroskaFields>> {
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  try {
    const fileSize = (await handle.stat()).size;
    const ebml = await readElementHeader(handle, 0, path);
    if (ebml.id !== ID.EBML || ebml.size === null) fail(path, 'no EBML header: this is not a Matroska file');
    const header = await readBytes(handle, ebml.dataStart, ebml.size, path);
    const docType = children(header).find((c) => c.id === ID.DOC_TYPE);
    const docTypeText = docType ? text(docType.data) : '';
    if (docTypeText !== 'matroska' && docTypeText !== 'webm')
      fail(path, `EBML document type is "${docTypeText}", not matroska`);
    const segment = await readElementHeader(handle, ebml.dataStart + ebml.size, path);
    if (segment.id !== ID.SEGMENT) fail(path, 'no Segment after the EBML header');
    const segmentEnd =
      segment.size === null ? fileSize : Math.min(fileSize, segment.dataStart + segment.size);
    let info: Buffer | null = null;
    let tracks: Buffer | null = null;
    for (let position = segment.dataStart; position < segmentEnd && !(info && tracks); ) {
      const element = await readElementHeader(handle, position, path);
      if (element.size === null) break; // an unknown-size cluster cannot be skipped; Info/Tracks come before it
      if (element.id === ID.INFO || element.id === ID.TRACKS) {
        if (element.size > MAX_HEADER_ELEMENT) fail(path, 'the Info or Tracks element is implausibly large');
        const data = await readBytes(handle, element.dataStart, element.size, path);
        if (element.id === ID.INFO) info = data;
        else tracks = data;
      }
      position = element.dataStart + element.size;
    }
    return describe(info, tracks, docTypeText);
  } finally {
    await handle.close();
  }
}

function describe(
  info: Buffer | null,
  tracksData: Buffer | null,
  docType: string,
): Extracted<MatroskaFields> {
  let scale = 1_000_000;
  let duration: number | null = null;
  let title: string | null = null;
  for (const c of info ? children(info) : []) {
    if (c.id === ID.TIMESTAMP_SCALE) scale = uint(c.data);
    if (c.id === ID.DURATION) duration = c.data.length === 4 ? c.data.readFloatBE(0) : c.data.readDoubleBE(0);
    if (c.id === ID.TITLE) title = text(c.data);
  }
  const tracks = (tracksData ? children(tracksData) : []).filter((c) => c.id === ID.TRACK_ENTRY).map(track);
  const video = tracks.find((t) => t.type === 'video') ?? null;
  const fields: MatroskaFields = {
    docType,
    durationSeconds: duration === null ? null : (duration * scale) / 1e9,
    title,
    width: video?.width ?? null,
    height: video?.height ?? null,
    videoCodecId: video?.codecId ?? null,
    tracks,
  };
  const missing = (['durationSeconds', 'title', 'width', 'height', 'videoCodecId'] as const).filter(
    (k) => fields[k] === null,
  );
  return { fields, missing };
}

function track(entry: { data: Buffer }): MatroskaTrack {
  let type: MatroskaTrack['type'] = 'other';
  let codecId = '';
  let language: string | null = 'eng'; // the Matroska default when the element is absent
  let bcp47: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  for (const c of children(entry.data)) {
    if (c.id === ID.TRACK_TYPE)
      type = ({ 1: 'video', 2: 'audio', 17: 'subtitle' } as const)[uint(c.data)] ?? 'other';
    if (c.id === ID.CODEC_ID) codecId = text(c.data);
    if (c.id === ID.LANGUAGE) language = text(c.data);
    if (c.id === ID.LANGUAGE_BCP47) bcp47 = text(c.data);
    if (c.id === ID.VIDEO) {
      for (const v of children(c.data)) {
        if (v.id === ID.PIXEL_WIDTH) width = uint(v.data);
        if (v.id === ID.PIXEL_HEIGHT) height = uint(v.data);
      }
    }
  }
  return { type, codecId, language: bcp47 ?? language, width, height };
}

/** Resolution tag by frame size; widths matter for scope (2.39:1) frames that are short but wide. */
export function resolutionTag(width: number, height: number): 'SD' | '720p' | '1080p' | '2160p' {
  if (height >= 1600 || width >= 3200) return '2160p';
  if (height >= 900 || width >= 1800) return '1080p';
  if (height >= 600 || width >= 1200) return '720p';
  return 'SD';
}

/** Codec tag for the name: broadcast captures are re-encoded (x264), WEB-DLs keep the stream (H264). */
export function codecTag(codecId: string, encoded: boolean): string | null {
  if (codecId === 'V_MPEG4/ISO/AVC') return encoded ? 'x264' : 'H264';
  if (codecId === 'V_MPEGH/ISO/HEVC') return encoded ? 'x265' : 'H265';
  return null;
}

function fail(path: string, reason: string): never {
  throw new RelpackError(
    MediaErrorCode.METADATA_UNREADABLE,
    `Cannot read the Matroska header of ${path}: ${reason}`,
    {
      path,
      reason,
    },
  );
}

/** The EBML header, segment Info and Tracks are a few KB; a larger one is a lying size field. */
const MAX_HEADER_ELEMENT_BYTES = 16 * 2 ** 20;

async function readBytes(
  handle: FileHandle,
  position: number,
  length: number,
  path: string,
): Promise<Buffer> {
  // The size comes from the file: bound it before allocating (found by fuzzing, issue #18).
  if (length > MAX_HEADER_ELEMENT_BYTES) {
    fail(
      path,
      `a header element at byte ${position} declares ${length} bytes; at most ${MAX_HEADER_ELEMENT_BYTES}`,
    );
  }
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) fail(path, 'the file ends inside a header element');
  return buffer;
}

async function readElementHeader(handle: FileHandle, position: number, path: string): Promise<Element> {
  const buffer = Buffer.alloc(12);
  const { bytesRead } = await handle.read(buffer, 0, 12, position);
  const parsed = parseHeader(buffer.subarray(0, bytesRead), 0);
  if (!parsed) fail(path, `invalid element header at byte ${position}`);
  return { id: parsed.id, dataStart: position + parsed.headerLength, size: parsed.size };
}

function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) if (first & (0x80 >> (length - 1))) return length;
  return 0;
}

function parseHeader(
  buffer: Buffer,
  offset: number,
): { id: number; size: number | null; headerLength: number } | null {
  const idLength = vintLength(buffer[offset] ?? 0);
  if (idLength === 0 || idLength > 4 || offset + idLength >= buffer.length) return null;
  const id = buffer.readUIntBE(offset, idLength);
  const sizeLength = vintLength(buffer[offset + idLength] ?? 0);
  if (sizeLength === 0 || offset + idLength + sizeLength > buffer.length) return null;
  let size = (buffer[offset + idLength]! & (0xff >> sizeLength)) as number;
  let allOnes = size === 0xff >> sizeLength;
  for (let k = 1; k < sizeLength; k++) {
    const byte = buffer[offset + idLength + k]!;
    size = size * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { id, size: allOnes ? null : size, headerLength: idLength + sizeLength };
}

function children(data: Buffer): { id: number; data: Buffer }[] {
  const out: { id: number; data: Buffer }[] = [];
  for (let offset = 0; offset < data.length; ) {
    const header = parseHeader(data, offset);
    if (!header || header.size === null) break;
    const start = offset + header.headerLength;
    out.push({ id: header.id, data: data.subarray(start, start + header.size) });
    offset = start + header.size;
  }
  return out;
}

function uint(data: Buffer): number {
  return data.length === 0 ? 0 : data.readUIntBE(0, Math.min(6, data.length));
}

function text(data: Buffer): string {
  return data.toString('utf8').replace(/\0+$/, '');
}
