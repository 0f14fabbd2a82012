export { connectRemote } from './connect-remote.js';
export {
  classifyDeliveryError,
  DeliveryError,
  DeliveryErrorCode,
  type DeliveryErrorCodeValue,
  deliveryError,
  isTransientDeliveryError,
} from './delivery-error.js';
export { sameFingerprint, sshKeyFingerprint } from './fingerprints.js';
export { type ProbeResult, probeDestination } from './probe-destination.js';
export { listReleaseFiles, orderForUpload, type ReleaseFile } from './release-files.js';
export type { RemoteClient } from './remote-client.js';
export { type RemotePathData, resolveRemoteDir } from './remote-path.js';
export type { RemoteTarget, ServerIdentity } from './remote-target.js';
export {
  type UploadedFile,
  type UploadProgress,
  type UploadReleaseOptions,
  type UploadReleaseResult,
  uploadRelease,
  type VerifyMode,
} from './upload-release.js';
