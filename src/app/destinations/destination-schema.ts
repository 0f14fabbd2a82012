import { z } from 'zod';

const fingerprintCert = z
  .string()
  .regex(/^([0-9A-Fa-f]{2}:?){32}$/, 'a SHA-256 certificate fingerprint: 64 hex digits, colons optional');
const fingerprintSsh = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'an OpenSSH fingerprint as `ssh-keygen -lf` prints it: SHA256:…');

/** What an admin may set on a destination (secrets in clear here; they are sealed before storage). */
export const DestinationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    protocol: z.enum(['ftp', 'ftps', 'sftp']),
    host: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535).optional(),
    username: z.string().min(1).max(255),
    /** null removes it; absent keeps it. */
    password: z.string().min(1).max(1024).nullable().optional(),
    privateKey: z
      .string()
      .max(32_768)
      .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM or OpenSSH private key')
      .nullable()
      .optional(),
    basePath: z
      .string()
      .max(1024)
      .regex(/^\//, 'an absolute path starting with /')
      .refine((p) => !p.split('/').includes('..'), 'no .. segments')
      .default('/'),
    pathTemplate: z.string().min(1).max(1024).default('{{ release }}'),
    passive: z
      .literal(true, { error: 'only passive FTP is supported (active mode fails behind NAT)' })
      .default(true),
    tls: z
      .object({
        verify: z.boolean().default(true),
        fingerprint: fingerprintCert.nullable().optional(),
        acceptSelfSigned: z.boolean().default(false),
      })
      .strict()
      .default({ verify: true, acceptSelfSigned: false }),
    hostKey: z
      .object({
        fingerprint: fingerprintSsh.nullable().optional(),
        trustOnFirstUse: z.boolean().default(false),
      })
      .strict()
      .default({ trustOnFirstUse: false }),
    concurrency: z.number().int().min(1).max(8).default(1),
    /** Upload as `name.relpack-part`, then rename; default on for SFTP, off for FTP sites. */
    tempRename: z.boolean().optional(),
    verify: z.enum(['size', 'auto', 'read-back']).default('auto'),
    retries: z.number().int().min(0).max(20).default(5),
    timeoutSeconds: z.number().int().min(1).max(600).default(30),
    enabled: z.boolean().default(true),
  })
  .strict();

export type DestinationInput = z.infer<typeof DestinationInputSchema>;

/** Settings kept in the `settings` JSON column. */
export const DestinationSettingsSchema = z.object({
  tempRename: z.boolean(),
  verify: z.enum(['size', 'auto', 'read-back']),
  retries: z.number().int(),
  timeoutSeconds: z.number().int(),
  trustOnFirstUse: z.boolean(),
});
export type DestinationSettings = z.infer<typeof DestinationSettingsSchema>;

/** What the API shows: everything but the secrets, which appear only as "is one set". */
export interface DestinationView {
  readonly id: string;
  readonly name: string;
  readonly protocol: 'ftp' | 'ftps' | 'sftp';
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly hasPassword: boolean;
  readonly hasPrivateKey: boolean;
  readonly basePath: string;
  readonly pathTemplate: string;
  readonly passive: boolean;
  readonly tls: { verify: boolean; fingerprint: string | null; acceptSelfSigned: boolean };
  readonly hostKey: {
    fingerprint: string | null;
    trustOnFirstUse: boolean;
    /** `pinned` by an admin, `first-use` when recorded on the first connection, null when unknown. */
    source: 'pinned' | 'first-use' | null;
    recordedAt: string | null;
  };
  readonly concurrency: number;
  readonly tempRename: boolean;
  readonly verify: 'size' | 'auto' | 'read-back';
  readonly retries: number;
  readonly timeoutSeconds: number;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}
