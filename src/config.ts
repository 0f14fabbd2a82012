import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from './data-dir.js';
import { RelpackError } from './engine/errors.js';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting relpack reads from the environment, with its default (README "Configuration").
 * One schema, validated once at start-up; a bad value stops the process naming the variable.
 */
const ConfigSchema = z.object({
  NODE_ENV: z.string().default('development'),
  RELPACK_DATA_DIR: z.string().min(1).optional(),
  RELPACK_RELEASES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  RELPACK_SECRET_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
    )
    .optional(),
  RELPACK_SECRET_KEY_PREVIOUS: z
    .string()
    .refine(
      (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
      'comma-separated keys of 32 bytes, base64-encoded',
    )
    .optional(),
  RELPACK_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 48)').optional(),
  RELPACK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: int(900),
  REFRESH_TOKEN_TTL_DAYS: int(30),
  RELPACK_LOGIN_LIMIT_PER_IP: int(20),
  RELPACK_LOGIN_LIMIT_PER_USER: int(10),
  RELPACK_LOGIN_LIMIT_WINDOW_SECONDS: int(60),
  RELPACK_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  RELPACK_TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'must be false, a hop count (1 for one nginx), or comma-separated proxy addresses/CIDRs',
    )
    .default('false'),
  RELPACK_BODY_LIMIT_BYTES: int(1_048_576),
  RELPACK_SOURCE_ROOTS: z.string().optional(),
  RELPACK_UPLOAD_LIMIT_BYTES: int(20 * 2 ** 30),
  RELPACK_UPLOAD_QUOTA_BYTES: int(50 * 2 ** 30),
  RELPACK_UPLOAD_RETENTION_DAYS: int(30),
  RELPACK_DOWNLOAD_RETENTION_DAYS: int(7),
  RELPACK_DOWNLOAD_LIMIT_BYTES: int(20 * 2 ** 30),
  RELPACK_DOWNLOAD_TIMEOUT_SECONDS: int(30),
  RELPACK_ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).default('false'),
  RELPACK_URL_ALLOWED_NETWORKS: z
    .string()
    .regex(
      /^\s*[0-9A-Fa-f.:]+(\/\d{1,3})?\s*(,\s*[0-9A-Fa-f.:]+(\/\d{1,3})?\s*)*$/,
      'must be comma-separated addresses or CIDR ranges, e.g. 192.168.1.10,10.2.0.0/16',
    )
    .optional(),
  RELPACK_QUEUE_CONCURRENCY: int(1),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  RELPACK_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+$/)
    .default('relpack'),
  RELPACK_WORKER_LOCK_MS: int(30_000),
});

export interface Config {
  readonly production: boolean;
  /** Database file, secrets, uploads, job outputs: RELPACK_DATA_DIR, else the user's data directory. */
  readonly dataDir: string;
  /** Where `relpack pack` puts releases without `--out`. */
  readonly releasesDir: string;
  readonly databaseUrl: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** `auto`: one human line per request on a terminal, JSON lines otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  readonly secretKey: string | undefined;
  /** Keys replaced by RELPACK_SECRET_KEY: still opened, until `relpack secrets rotate` re-seals everything. */
  readonly previousSecretKeys: readonly string[];
  /** Bearer token Prometheus sends to `/metrics` (an admin's access token works too). */
  readonly metricsToken: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly adminPassword: string | undefined;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly loginLimit: { readonly perIp: number; readonly perUser: number; readonly windowSeconds: number };
  readonly cookieSecure: boolean;
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses and CIDR ranges. */
  readonly trustProxy: boolean | number | string;
  readonly bodyLimitBytes: number;
  /** Directories local sources must be inside (API and wizard; the CLI is trusted). */
  readonly sourceRoots: readonly string[];
  /** Uploads land here; it is always one of the source roots. */
  readonly uploadsDir: string;
  /** URL sources are downloaded here, one folder per job, kept across retries for Range resume. */
  readonly downloadsDir: string;
  readonly uploadLimitBytes: number;
  readonly downloadLimitBytes: number;
  readonly downloadTimeoutSeconds: number;
  /** Off by default: URL sources resolving to loopback, private, link-local or metadata addresses are refused. */
  readonly allowPrivateUrls: boolean;
  /** What one user's uploads may take in all, in bytes. */
  readonly uploadQuotaBytes: number;
  /** Uploads untouched this long are removed; 0 keeps them. */
  readonly uploadRetentionDays: number;
  /** Partial downloads of jobs failed or cancelled this long ago are removed; 0 keeps them. */
  readonly downloadRetentionDays: number;
  /** Private ranges URL sources may reach all the same (RELPACK_URL_ALLOWED_NETWORKS). */
  readonly urlAllowedNetworks: readonly string[];
  /** Jobs run at once per process (in-process queue or each worker). */
  readonly queueConcurrency: number;
  /** Set: jobs go through BullMQ on Redis and `relpack worker` runs them. */
  readonly redisUrl: string | undefined;
  readonly queuePrefix: string;
  /** How long a worker's claim on a job lasts without renewal; a dead worker's job moves on after it. */
  readonly workerLockMs: number;
}

export class ConfigError extends RelpackError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, {});
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable (`JWT_SECRET=` in an .env file) means unset, not an empty value.
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = e.RELPACK_DATA_DIR ? resolve(cwd, e.RELPACK_DATA_DIR) : defaultDataDir(env);
  const production = e.NODE_ENV === 'production';
  return {
    production,
    dataDir,
    releasesDir: resolve(cwd, e.RELPACK_RELEASES_DIR ?? `${dataDir}/releases`),
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    secretKey: e.RELPACK_SECRET_KEY,
    previousSecretKeys: (e.RELPACK_SECRET_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    metricsToken: e.RELPACK_METRICS_TOKEN,
    jwtSecret: e.JWT_SECRET,
    adminPassword: e.RELPACK_ADMIN_PASSWORD,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    loginLimit: {
      perIp: e.RELPACK_LOGIN_LIMIT_PER_IP,
      perUser: e.RELPACK_LOGIN_LIMIT_PER_USER,
      windowSeconds: e.RELPACK_LOGIN_LIMIT_WINDOW_SECONDS,
    },
    cookieSecure: e.RELPACK_COOKIE_SECURE ? e.RELPACK_COOKIE_SECURE === 'true' : production,
    trustProxy: parseTrustProxy(e.RELPACK_TRUST_PROXY),
    bodyLimitBytes: e.RELPACK_BODY_LIMIT_BYTES,
    sourceRoots: [
      ...(e.RELPACK_SOURCE_ROOTS ?? `${dataDir}/sources`)
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)
        .map((r) => resolve(cwd, r)),
    ],
    uploadsDir: resolve(dataDir, 'uploads'),
    downloadsDir: resolve(dataDir, 'downloads'),
    uploadLimitBytes: e.RELPACK_UPLOAD_LIMIT_BYTES,
    downloadLimitBytes: e.RELPACK_DOWNLOAD_LIMIT_BYTES,
    downloadTimeoutSeconds: e.RELPACK_DOWNLOAD_TIMEOUT_SECONDS,
    allowPrivateUrls: e.RELPACK_ALLOW_PRIVATE_URLS === 'true',
    uploadQuotaBytes: e.RELPACK_UPLOAD_QUOTA_BYTES,
    uploadRetentionDays: e.RELPACK_UPLOAD_RETENTION_DAYS,
    downloadRetentionDays: e.RELPACK_DOWNLOAD_RETENTION_DAYS,
    urlAllowedNetworks: (e.RELPACK_URL_ALLOWED_NETWORKS ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    queueConcurrency: e.RELPACK_QUEUE_CONCURRENCY,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.RELPACK_QUEUE_PREFIX,
    workerLockMs: e.RELPACK_WORKER_LOCK_MS,
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Every environment variable relpack reads (checked against .env.example and the README). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape);
