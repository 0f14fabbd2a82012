import type { RuleProfile } from '../profile.js';
import {
  TV_2016_TAGS,
  VIDEO_EXCLUSIVE_TAGS,
  VIDEO_FORBIDDEN_VARIANTS,
  VIDEO_LANGUAGES,
  videoChecks,
} from './tv-checks.js';

const WEB_TAGS = [
  ...TV_2016_TAGS.filter((t) => t !== 'FINAL' && t !== 'PPV' && t !== 'WEST.FEED'),
  'BW',
  'CHRONO',
  'DV',
  'EXTRAS',
  'FS',
  'HDR',
  'HDR10Plus',
  'HR',
  'LINE',
  'PROOFFIX',
  'PURE',
  'RATED',
  'RESTORED',
  'THEATRICAL',
];

/** WEB and WEBRip SD/HD x264 UHD x265 Releasing Standards v2.0 (2020, WDX); facts §2. */
export const web2020: RuleProfile = {
  id: 'web-2020',
  name: 'WEB 2020 v2.0',
  version: 1,
  releaseType: 'tv',
  ruleset: 'THE.2020.WEB.AND.WEBRIP.SD.HD.X264.UHD.X265.RULESET.v2.0-WDX',
  compliantFrom: '2020-05-20',
  sourceExtensions: ['mkv'],
  naming: {
    kind: 'episode',
    order: ['show', 'episode', 'episodeTitle', 'tags', 'language', 'resolution', 'format', 'codec'],
    resolutions: ['540p', '576p', '720p', '1080p', '2160p'],
    formats: ['WEB', 'WEBRip'],
    formatsWithoutResolution: [],
    codecs: ['H264', 'H265', 'x264', 'x265'],
    codecsByFormat: { WEB: ['H264', 'H265'], WEBRip: ['x264', 'x265'] },
    tags: WEB_TAGS,
    repeatableTags: ['REAL'],
    exclusiveTags: VIDEO_EXCLUSIVE_TAGS,
    forbiddenVariants: VIDEO_FORBIDDEN_VARIANTS,
    allowCountryAndYear: true,
  },
  charset: { pattern: '^[A-Za-z0-9._-]+$', description: 'A-Z a-z 0-9 . _ -' },
  limits: { dirnameMax: 243, innerFileNameMax: null },
  languages: VIDEO_LANGUAGES,
  packaging: {
    archive: {
      formats: ['rar4'],
      naming: 'old',
      maxVolumes: 101,
      // SD (no resolution or below 720p) may also use 15/20 MB volumes.
      volumeSizes: {
        default: { fixed: [], multipleOf: 50e6 },
        SD: { fixed: [15e6, 20e6], multipleOf: 50e6 },
      },
      stepUpMinVolumes: 10,
      contentExtensions: ['mkv'],
      maxContentFiles: 1,
    },
    container: 'none',
    diz: null,
    nfo: { maxWidth: 80, insideDisks: false },
    sfv: 'required',
    lowercaseFileNames: true,
    groupTagInFileNames: true,
    sample: { dir: 'Sample', minSeconds: 50, maxSeconds: 70 },
  },
  checks: videoChecks('WEB 2020 v2.0', '§14', '§18/§19'),
};
