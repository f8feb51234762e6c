import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { DB } from '../../src/main/db/schema';
import { TEST_ENGINE } from './tempDatabase';

/**
 * The plan this engine chooses for a query, one line per step (SQLite's EXPLAIN QUERY PLAN,
 * PostgreSQL's EXPLAIN). Test tables are nearly empty, and reading an empty table whole is
 * cheapest: on PostgreSQL the planner is asked to prefer indexes, as it would on a clinic's data.
 */
export async function planOf(db: Kysely<DB>, query: CompiledQuery): Promise<string> {
  return db.connection().execute(async (c) => {
    if (TEST_ENGINE === 'postgres') await sql`SET enable_seqscan = off`.execute(c);
    try {
      const rows = (await c.executeQuery<Record<string, string>>({ ...query, sql: `EXPLAIN ${TEST_ENGINE === 'postgres' ? '' : 'QUERY PLAN '}${query.sql}` })).rows;
      return rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
    } finally {
      if (TEST_ENGINE === 'postgres') await sql`RESET enable_seqscan`.execute(c);
    }
  });
}
