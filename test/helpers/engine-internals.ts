// Test-only access to engine internals that are not part of the public surface.
export { planRarVolumes, type RarFormat, type VolumeNaming, verifyRarSet } from '../../src/engine/index.js';

import { volumeOverhead } from '../../src/engine/rar/volume-plan.js';

export function volumeOverheadForTests(format: 'rar4' | 'rar5', index: number): number {
  return volumeOverhead(format, index, true);
}
