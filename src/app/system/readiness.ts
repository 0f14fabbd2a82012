import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/index.js';
import { pendingMigrations } from '../../db/index.js';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly database: {
    readonly dialect: string;
    readonly reachable: boolean;
    readonly pendingMigrations: readonly string[];
  };
}

/** `/api/ready`: the database answers and its schema is current. */
export async function checkReadiness(handle: DatabaseHandle): Promise<ReadinessReport> {
  try {
    await sql`select 1`.execute(handle.db);
    const pending = await pendingMigrations(handle.db, handle.dialect);
    return {
      ready: pending.length === 0,
      database: { dialect: handle.dialect, reachable: true, pendingMigrations: pending },
    };
  } catch {
    return { ready: false, database: { dialect: handle.dialect, reachable: false, pendingMigrations: [] } };
  }
}
