import { z } from 'zod';

const fingerprintCert = z
  .string()
  .regex(/^([0-9A-Fa-f]{2}:?){32}$/, 'a SHA-256 certificate fingerprint: 64 hex digits, colons optional');
const fingerprintSsh = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'an OpenSSH fingerprint as `ssh-keygen -lf` prints it: SHA256:…');

const protocol = z.enum(['ftp', 'ftps', 'sftp']);
const verify = z.enum(['size', 'auto', 'read-back']);

/** Each field once, without defaults: the create schema adds them, the update schema leaves them out. */
const fields = {
  name: z.string().trim().min(1).max(128),
  protocol,
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  username: z.string().min(1).max(255),
  /** null removes it; absent keeps it. */
  password: z.string().min(1).max(1024).nullable(),
  privateKey: z
    .string()
    .max(32_768)
    .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM or OpenSSH private key')
    .nullable(),
  basePath: z
    .string()
    .max(1024)
    .regex(/^\//, 'an absolute path starting with /')
    .refine((p) => !p.split('/').includes('..'), 'no .. segments'),
  pathTemplate: z.string().min(1).max(1024),
  passive: z.literal(true, { error: 'only passive FTP is supported (active mode fails behind NAT)' }),
  tls: z
    .object({
      verify: z.boolean().default(true),
      fingerprint: fingerprintCert.nullable().optional(),
      acceptSelfSigned: z.boolean().default(false),
    })
    .strict(),
  hostKey: z
    .object({
      fingerprint: fingerprintSsh.nullable().optional(),
      trustOnFirstUse: z.boolean().default(false),
    })
    .strict(),
  concurrency: z.number().int().min(1).max(8),
  /** Upload as `name.relpack-part`, then rename; default on for SFTP, off for FTP sites. */
  tempRename: z.boolean(),
  verify,
  retries: z.number().int().min(0).max(20),
  timeoutSeconds: z.number().int().min(1).max(600),
  enabled: z.boolean(),
};

/** What an admin may set on a new destination (secrets in clear here; they are sealed before storage). */
export const DestinationInputSchema = z
  .object({
    ...fields,
    port: fields.port.optional(),
    password: fields.password.optional(),
    privateKey: fields.privateKey.optional(),
    basePath: fields.basePath.default('/'),
    pathTemplate: fields.pathTemplate.default('{{ release }}'),
    passive: fields.passive.default(true),
    tls: fields.tls.default({ verify: true, acceptSelfSigned: false }),
    hostKey: fields.hostKey.default({ trustOnFirstUse: false }),
    concurrency: fields.concurrency.default(1),
    tempRename: fields.tempRename.optional(),
    verify: verify.default('auto'),
    retries: fields.retries.default(5),
    timeoutSeconds: fields.timeoutSeconds.default(30),
    enabled: fields.enabled.default(true),
  })
  .strict()
  .meta({ id: 'NewDestination' });

/** A change: fields left out keep their value, `password: null` removes the password. */
export const DestinationUpdateSchema = z
  .object(
    Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    },
  )
  .strict()
  .meta({ id: 'DestinationChange' });
export type DestinationUpdate = z.input<typeof DestinationUpdateSchema>;

export type DestinationInput = z.infer<typeof DestinationInputSchema>;
/** What a caller sends to create one (defaults not yet applied). */
export type DestinationCreate = z.input<typeof DestinationInputSchema>;

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
export const DestinationViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    protocol,
    host: z.string(),
    port: z.number(),
    username: z.string(),
    hasPassword: z.boolean(),
    hasPrivateKey: z.boolean(),
    basePath: z.string(),
    pathTemplate: z.string(),
    passive: z.boolean(),
    tls: z.object({ verify: z.boolean(), fingerprint: z.string().nullable(), acceptSelfSigned: z.boolean() }),
    hostKey: z.object({
      fingerprint: z.string().nullable(),
      trustOnFirstUse: z.boolean(),
      /** `pinned` by an admin, `first-use` when recorded on the first connection, null when unknown. */
      source: z.enum(['pinned', 'first-use']).nullable(),
      recordedAt: z.string().nullable(),
    }),
    concurrency: z.number(),
    tempRename: z.boolean(),
    verify,
    retries: z.number(),
    timeoutSeconds: z.number(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Destination' });
export type DestinationView = z.infer<typeof DestinationViewSchema>;
