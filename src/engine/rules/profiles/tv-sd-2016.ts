import type { RuleProfile } from '../profile.js';
import {
  TV_2016_TAGS,
  VIDEO_NAMING_BASE,
  VIDEO_PROFILE_BASE,
  videoChecks,
  videoPackaging,
} from './tv-checks.js';

/** The SD TV x264 Releasing Standards 2016 (SDTVx264); facts §2. SD names carry no resolution tag. */
export const tvSd2016: RuleProfile = {
  id: 'tv-sd-2016',
  name: 'TV SD x264 2016',
  version: 1,
  ...VIDEO_PROFILE_BASE,
  ruleset: 'The.SD.TV.x264.Releasing.Standards.2016-SDTVx264',
  compliantFrom: '2016-04-10',
  naming: {
    ...VIDEO_NAMING_BASE,
    order: ['show', 'episode', 'episodeTitle', 'tags', 'language', 'format', 'codec'],
    resolutions: [],
    formats: ['HDTV', 'AHDTV', 'PDTV', 'APDTV', 'DSR', 'ADSR'],
    formatsWithoutResolution: [],
    codecs: ['x264'],
    codecsByFormat: {},
    tags: TV_2016_TAGS,
  },
  packaging: videoPackaging({ default: { fixed: [15e6, 20e6], multipleOf: 50e6 } }),
  checks: videoChecks('SDTVx264 2016', '§13', '§15/§16'),
};
