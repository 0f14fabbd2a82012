// Loaded on first use: a native module that commands which check no password (pack, jobs) skip.
const argon2 = () => import('@node-rs/argon2');

/** `Algorithm.Argon2id`; the enum is a const enum, which isolated modules cannot import. */
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, t=2), the OWASP minimum. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the user does not exist, so both cases take as long. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('relpack-decoy-password');
  return decoy;
}
