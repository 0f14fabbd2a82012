export { FindingCollector } from './findings.js';
export {
  type Confidence,
  type Finding,
  hasBlockingFinding,
  type PackagingRules,
  type ReleaseType,
  type RuleCheck,
  type RuleProfile,
  type Severity,
  type VolumeSizeRule,
} from './profile.js';
export { defaultProfileFor, getProfile, listProfiles, RuleErrorCode } from './registry.js';
export { allowedVolumeSizeRule, describeVolumeSizes, isAllowedVolumeSize } from './volume-sizes.js';
