import type { Repositories } from '../../db/index.js';
import type { SecretBox } from './secret-box.js';

export interface RotationReport {
  /** Values re-sealed with the current key. */
  readonly resealed: number;
  /** Values already sealed with it. */
  readonly current: number;
}

/**
 * Re-seals every stored secret (API keys, destination passwords and private keys) with the current
 * RELPACK_SECRET_KEY. Run it after moving the old key to RELPACK_SECRET_KEY_PREVIOUS; once it
 * reports nothing left under an old key, the previous key can be dropped.
 */
export async function rotateSecrets(repos: Repositories, box: SecretBox, now: Date): Promise<RotationReport> {
  let resealed = 0;
  let current = 0;
  const reseal = (sealed: string | null, rowId: string): string | null => {
    if (sealed === null) return null;
    if (!box.sealedWithOldKey(sealed)) {
      current++;
      return sealed;
    }
    resealed++;
    return box.seal(box.open(sealed, rowId), rowId);
  };
  for (const row of await repos.apiConfigs.list()) {
    const before = resealed;
    const apiKeyEncrypted = reseal(row.apiKeyEncrypted, row.id);
    if (resealed !== before) await repos.apiConfigs.update(row.provider, { apiKeyEncrypted }, now);
  }
  for (const row of await repos.destinations.list()) {
    const before = resealed;
    const passwordEncrypted = reseal(row.passwordEncrypted, row.id);
    const privateKeyEncrypted = reseal(row.privateKeyEncrypted, row.id);
    if (resealed !== before)
      await repos.destinations.updateSecrets(row.id, { passwordEncrypted, privateKeyEncrypted });
  }
  await repos.audit.record({ action: 'secrets.rotate', userId: null, details: { resealed, current } }, now);
  return { resealed, current };
}
