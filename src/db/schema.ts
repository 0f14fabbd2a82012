import type { ColumnType, Generated } from 'kysely';

/**
 * Row types as the drivers hand them back. Times are `Date` (MySQL, PostgreSQL) or ISO text
 * (SQLite), JSON is text or parsed, booleans 0/1 or true/false: `dialect-values.ts` turns them
 * into one shape, so repositories never branch on the dialect.
 */
type Time = ColumnType<Date | string, Date | string, Date | string>;
type NullableTime = ColumnType<Date | string | null, Date | string | null, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;
type Bool = ColumnType<boolean | number, boolean | number, boolean | number>;

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'admin' | 'operator';
  active: Bool;
  created_at: Time;
  updated_at: Time;
  last_login_at: NullableTime;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: Time;
  expires_at: Time;
  revoked_at: NullableTime;
  replaced_by: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface JobsTable {
  id: string;
  type: string;
  profile: string | null;
  status: string;
  owner_id: string | null;
  parent_job_id: string | null;
  title: string | null;
  config: Json;
  progress: NullableJson;
  result: NullableJson;
  error_code: string | null;
  error_message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Time;
  updated_at: Time;
  started_at: NullableTime;
  finished_at: NullableTime;
  cancel_requested_at: ColumnType<
    Date | string | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  worker: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface JobLogsTable {
  id: Generated<number>;
  job_id: string;
  level: string;
  message: string;
  fields: NullableJson;
  created_at: Time;
}

export interface ArtifactsTable {
  id: string;
  job_id: string;
  kind: string;
  path: string;
  size: ColumnType<number | string, number, number>;
  crc32: string;
  created_at: Time;
}

export interface UserPreferencesTable {
  user_id: string;
  key: string;
  value: Json;
  updated_at: Time;
}

export interface GlobalPreferencesTable {
  key: string;
  value: Json;
  updated_at: Time;
  updated_by: string | null;
}

export interface NfoTemplatesTable {
  id: string;
  name: string;
  release_type: string;
  kind: string;
  content: string;
  description: ColumnType<string | null, string | null | undefined, string | null>;
  owner_id: string | null;
  is_default: Bool;
  created_at: Time;
  updated_at: Time;
}

export interface ApiConfigsTable {
  id: string;
  provider: string;
  api_key_encrypted: string | null;
  settings: NullableJson;
  enabled: Bool;
  created_at: Time;
  updated_at: Time;
}

export interface DestinationsTable {
  id: string;
  name: string;
  protocol: string;
  host: string;
  port: number;
  username: string;
  password_encrypted: string | null;
  private_key_encrypted: string | null;
  base_path: string;
  path_template: string;
  passive: Bool;
  tls: NullableJson;
  host_key_fingerprint: string | null;
  concurrency: number;
  enabled: Bool;
  settings: NullableJson;
  host_key_recorded_at: NullableTime;
  created_at: Time;
  updated_at: Time;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Time;
  user_id: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: NullableJson;
}

export interface ProviderCacheTable {
  key: string;
  provider: string;
  value: Json;
  expires_at: Time;
}

export interface ProviderQuotaTable {
  provider: string;
  day: string;
  count: number;
}

export interface ReleaseNamesTable {
  name_key: string;
  name: string;
  kind: string;
  job_id: string | null;
  user_id: string | null;
  created_at: Time;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  jobs: JobsTable;
  job_logs: JobLogsTable;
  artifacts: ArtifactsTable;
  user_preferences: UserPreferencesTable;
  global_preferences: GlobalPreferencesTable;
  nfo_templates: NfoTemplatesTable;
  api_configs: ApiConfigsTable;
  destinations: DestinationsTable;
  audit_log: AuditLogTable;
  provider_cache: ProviderCacheTable;
  provider_quota: ProviderQuotaTable;
  release_names: ReleaseNamesTable;
}
