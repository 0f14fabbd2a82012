import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const SecretErrorCode = { SECRET_UNREADABLE: 'SECRET_UNREADABLE' } as const satisfies Record<
  string,
  ErrorCode
>;

/**
 * AES-256-GCM for secrets at rest (API keys, destination passwords). The row id is the AAD, so
 * a ciphertext copied to another row does not decrypt; the key id lets `secrets rotate` tell
 * which key sealed a value. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class SecretBox {
  readonly keyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    if (key.length !== 32) throw new TypeError('the secret key must be 32 bytes');
    this.keyId = keyIdOf(key);
    this.keys = new Map([key, ...previousKeys].map((k) => [keyIdOf(k), k]));
  }

  seal(plaintext: string, rowId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(rowId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      'v1',
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  /** Whether a value was sealed with an older key (so `secrets rotate` must re-seal it). */
  sealedWithOldKey(sealed: string): boolean {
    return sealed.split('.')[1] !== this.keyId;
  }

  open(sealed: string, rowId: string): string {
    const [version, keyId, iv, tag, body] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (version !== 'v1' || !key || !iv || !tag || body === undefined) {
      throw new RelpackError(
        SecretErrorCode.SECRET_UNREADABLE,
        'A stored secret was sealed with an unknown key or is damaged',
        {
          keyId: keyId ?? null,
        },
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(rowId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new RelpackError(
        SecretErrorCode.SECRET_UNREADABLE,
        'A stored secret does not decrypt (wrong key, wrong row or tampered)',
        {
          keyId,
        },
      );
    }
  }
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
