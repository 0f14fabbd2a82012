import { type ColumnDefinitionBuilder, type CreateTableBuilder, sql } from 'kysely';
import type { SqlDialect } from '../dialect.js';

/** Column types per dialect: the only dialect branches in the migrations. */
export function columnTypes(dialect: SqlDialect) {
  return {
    time: dialect === 'sqlite' ? sql`text` : dialect === 'mysql' ? sql`datetime(3)` : sql`timestamptz(3)`,
    json: dialect === 'sqlite' ? sql`text` : dialect === 'mysql' ? sql`longtext` : sql`jsonb`,
    bool: dialect === 'postgres' ? sql`boolean` : sql`smallint`,
    text: dialect === 'mysql' ? sql`mediumtext` : sql`text`,
    bigint: dialect === 'sqlite' ? sql`integer` : sql`bigint`,
    /** Auto-increment primary key for append-only tables (logs, audit). */
    serial(table: CreateTableBuilder<string, never>, name: string) {
      if (dialect === 'postgres') return table.addColumn(name, 'bigserial', (c) => c.primaryKey());
      if (dialect === 'mysql') return table.addColumn(name, 'bigint', (c) => c.primaryKey().autoIncrement());
      return table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
    },
  };
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
