// A real Matroska file made by mkvmerge (Debian mkvtoolnix) from an IVF stream the test writes:
// VP8 frame headers with random payload (mkvmerge only reads the headers, it does not decode).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';

export interface MkvSpec {
  readonly width: number;
  readonly height: number;
  readonly seconds: number;
  readonly fps?: number;
  /** Bytes per frame, to control the file size. */
  readonly frameBytes?: number;
}

export function makeMkv(path: string, spec: MkvSpec): void {
  const fps = spec.fps ?? 25;
  const frameBytes = spec.frameBytes ?? 2000;
  const frames = Math.round(fps * spec.seconds);
  const head = Buffer.alloc(32);
  head.write('DKIF', 0);
  head.writeUInt16LE(32, 6);
  head.write('VP80', 8);
  head.writeUInt16LE(spec.width, 12);
  head.writeUInt16LE(spec.height, 14);
  head.writeUInt32LE(fps, 16);
  head.writeUInt32LE(1, 20);
  head.writeUInt32LE(frames, 24);
  const parts: Buffer[] = [head];
  for (let i = 0; i < frames; i++) {
    const key = i % fps === 0;
    const payload = randomBytes(frameBytes);
    const tag = (key ? 0 : 1) | (1 << 4) | ((frameBytes - 10) << 5);
    payload[0] = tag & 0xff;
    payload[1] = (tag >> 8) & 0xff;
    payload[2] = (tag >> 16) & 0xff;
    if (key) {
      payload.set([0x9d, 0x01, 0x2a], 3);
      payload.writeUInt16LE(spec.width, 6);
      payload.writeUInt16LE(spec.height, 8);
    }
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(payload.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(i), 4);
    parts.push(frameHeader, payload);
  }
  const ivf = `${path}.ivf`;
  writeFileSync(ivf, Buffer.concat(parts));
  try {
    execFileSync('mkvmerge', ['--quiet', '-o', path, ivf]);
  } finally {
    rmSync(ivf, { force: true });
  }
}
