import { spawn } from 'node:child_process';
import { PackError, PackErrorCode } from './pack-error.js';

export interface SampleCut {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

/**
 * Where to cut a sample of `target` seconds from a video of `duration` seconds: from 40 % in
 * (the WEB rules forbid the opening and closing), moved back if it would run past the end.
 */
export function sampleWindow(duration: number, target = 60, min = 50): SampleCut {
  if (duration < min + 2) {
    throw new PackError(
      PackErrorCode.SOURCE_TOO_SHORT_FOR_SAMPLE,
      `The video is ${duration.toFixed(1)} s long; a sample needs at least ${min} s`,
      { duration, min },
    );
  }
  const length = Math.min(target, duration - 2);
  const start = Math.max(0, Math.min(duration * 0.4, duration - length - 1));
  return { startSeconds: Math.floor(start), endSeconds: Math.floor(start) + Math.floor(length) };
}

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/**
 * Cuts the window out of the MKV with mkvmerge, without re-encoding (it splits at key frames,
 * so the sample may run a little longer; the validator checks the result).
 */
export async function cutSample(
  source: string,
  target: string,
  cut: SampleCut,
  options: { mkvmerge?: string; signal?: AbortSignal; seed?: number } = {},
): Promise<void> {
  const bin = options.mkvmerge ?? 'mkvmerge';
  const args = [
    '--quiet',
    // Byte-identical output for the same source, cut and seed: mkvmerge otherwise writes random
    // segment UIDs and the wall-clock date.
    ...(options.seed === undefined ? [] : ['--deterministic', String(options.seed)]),
    '-o',
    target,
    '--split',
    `parts:${clock(cut.startSeconds)}-${clock(cut.endSeconds)}`,
    source,
  ];
  const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new PackError(
            PackErrorCode.SAMPLE_TOOL_MISSING,
            `${bin} is not installed; install mkvtoolnix (apt-get install mkvtoolnix) or pack without --sample`,
            {
              tool: bin,
            },
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
  // mkvmerge exits 1 for warnings with a usable file, 2 for errors.
  if (result.code !== 0 && result.code !== 1) {
    throw new PackError(
      PackErrorCode.SAMPLE_FAILED,
      `mkvmerge could not cut the sample: ${result.output.trim().slice(-500)}`,
      {
        code: result.code,
      },
    );
  }
}
