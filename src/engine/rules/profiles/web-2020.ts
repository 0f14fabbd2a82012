import type { RuleProfile } from '../profile.js';
import {
  TV_2016_TAGS,
  VIDEO_NAMING_BASE,
  VIDEO_PROFILE_BASE,
  videoChecks,
  videoPackaging,
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
  ...VIDEO_PROFILE_BASE,
  ruleset: 'THE.2020.WEB.AND.WEBRIP.SD.HD.X264.UHD.X265.RULESET.v2.0-WDX',
  compliantFrom: '2020-05-20',
  naming: {
    ...VIDEO_NAMING_BASE,
    order: ['show', 'episode', 'episodeTitle', 'tags', 'language', 'resolution', 'format', 'codec'],
    resolutions: ['540p', '576p', '720p', '1080p', '2160p'],
    formats: ['WEB', 'WEBRip'],
    formatsWithoutResolution: [],
    codecs: ['H264', 'H265', 'x264', 'x265'],
    codecsByFormat: { WEB: ['H264', 'H265'], WEBRip: ['x264', 'x265'] },
    tags: WEB_TAGS,
  },
  packaging: videoPackaging({
    default: { fixed: [], multipleOf: 50e6 },
    // SD (no resolution or below 720p) may also use 15/20 MB volumes.
    SD: { fixed: [15e6, 20e6], multipleOf: 50e6 },
  }),
  checks: videoChecks('WEB 2020 v2.0', '§14', '§18/§19'),
};
