import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
} from 'kysely';
import { RelpackError } from '../engine/index.js';
import type { SqlDialect } from './dialect.js';
import { initialMigration } from './migrations/0001-initial.js';
import { jobControlMigration } from './migrations/0002-job-control.js';
import { templateDescriptionMigration } from './migrations/0003-template-description.js';
import { providerCacheMigration } from './migrations/0004-provider-cache.js';
import { destinationSettingsMigration } from './migrations/0005-destination-settings.js';
import { usernameCaseMigration } from './migrations/0006-username-case.js';
import { releaseNamesMigration } from './migrations/0007-release-names.js';
import type { Database } from './schema.js';

/** One ordered list for every dialect; a migration gets the dialect to pick column types. */
const MIGRATIONS: readonly [name: string, make: (dialect: SqlDialect) => Migration][] = [
  ['0001-initial', initialMigration],
  ['0002-job-control', jobControlMigration],
  ['0003-template-description', templateDescriptionMigration],
  ['0004-provider-cache', providerCacheMigration],
  ['0005-destination-settings', destinationSettingsMigration],
  ['0006-username-case', usernameCaseMigration],
  ['0007-release-names', releaseNamesMigration],
];

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: SqlDialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(MIGRATIONS.map(([name, make]) => [name, make(this.dialect)]));
  }
}

export class MigrationError extends RelpackError {
  constructor(message: string, options: { cause: unknown }) {
    super('MIGRATION_FAILED', message, {}, options);
    this.name = 'MigrationError';
  }
}

export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialect): Promise<string[]> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider: new StaticProvider(dialect) });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<Database>, dialect: SqlDialect): Promise<string[]> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider: new StaticProvider(dialect) });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
