import type { RuleCheck } from '../profile.js';

/** The NFO encoding rule, the same for every release type: CP437 is the convention (facts §3.2). */
export const NFO_ENCODING_CHECK: RuleCheck = {
  id: 'release.nfo-encoding',
  severity: 'warn',
  message:
    'An NFO is CP437 text: no UTF-16, no UTF-8 byte-order mark or UTF-8 text, no NUL or stray control bytes',
  ref: 'facts §3.2 (convention)',
  confidence: 'P',
};
