/**
 * What an NFO prints for a Matroska codec id (Matroska codec specs): the names people read,
 * not the container's ids. An id not listed here is shown as it is, without its prefix.
 */
const NAMES: Readonly<Record<string, string>> = {
  'V_MPEG4/ISO/AVC': 'H.264',
  'V_MPEGH/ISO/HEVC': 'H.265',
  V_AV1: 'AV1',
  V_VP8: 'VP8',
  V_VP9: 'VP9',
  V_MPEG2: 'MPEG-2',
  'V_MPEG4/ISO/ASP': 'MPEG-4 ASP',
  A_AAC: 'AAC',
  'A_AAC/MPEG4/LC': 'AAC',
  'A_AAC/MPEG2/LC': 'AAC',
  A_AC3: 'AC-3',
  A_EAC3: 'E-AC-3',
  A_DTS: 'DTS',
  A_TRUEHD: 'TrueHD',
  A_FLAC: 'FLAC',
  A_OPUS: 'Opus',
  A_VORBIS: 'Vorbis',
  'A_MPEG/L3': 'MP3',
  'A_MPEG/L2': 'MP2',
  'A_PCM/INT/LIT': 'PCM',
};

export function codecName(codecId: string): string {
  return NAMES[codecId] ?? codecId.replace(/^[VAS]_/, '');
}

/** `1m 60s` never: the seconds are rounded before they are split into minutes. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}
