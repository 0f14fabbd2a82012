import { createHash } from 'node:crypto';

/** OpenSSH's form: `SHA256:` and unpadded base64 of the SHA-256 of the public key blob. */
export function sshKeyFingerprint(publicKey: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKey).digest('base64').replace(/=+$/, '')}`;
}

/** Compares fingerprints the way people paste them: case, colons and padding do not matter. */
export function sameFingerprint(a: string, b: string): boolean {
  if (a.startsWith('SHA256:') || b.startsWith('SHA256:')) {
    return a.replace(/=+$/, '').trim() === b.replace(/=+$/, '').trim();
  }
  const norm = (s: string) => s.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return norm(a) === norm(b) && norm(a).length > 0;
}
