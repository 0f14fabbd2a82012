import type { RuleProfile } from '../profile.js';
import {
  TV_2016_TAGS,
  VIDEO_NAMING_BASE,
  VIDEO_PROFILE_BASE,
  videoChecks,
  videoPackaging,
} from './tv-checks.js';

/** The 720p TV x264 Releasing Standards 2016 (TVx264); facts §2. */
export const tv720p2016: RuleProfile = {
  id: 'tv-720p-2016',
  name: 'TV 720p x264 2016',
  version: 1,
  ...VIDEO_PROFILE_BASE,
  ruleset: 'The.720p.TV.x264.Releasing.Standards.2016-TVx264',
  compliantFrom: '2016-04-10',
  naming: {
    ...VIDEO_NAMING_BASE,
    order: ['show', 'episode', 'episodeTitle', 'tags', 'language', 'resolution', 'format', 'codec'],
    resolutions: ['720p'],
    formats: ['HDTV', 'AHDTV', 'HR.PDTV'],
    formatsWithoutResolution: ['HR.PDTV'],
    codecs: ['x264'],
    codecsByFormat: {},
    tags: TV_2016_TAGS,
  },
  packaging: videoPackaging({ default: { fixed: [], multipleOf: 50e6 } }),
  checks: videoChecks('TVx264 2016', '§13', '§15/§16'),
};
