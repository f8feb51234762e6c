import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/main/db/schema';
import { TEST_ENGINE } from './tempDatabase';

/** Makes every update of `column` in `table` fail with `message`, on either engine (a simulated failure). */
export async function failUpdatesOf(db: Kysely<DB>, table: string, column: string, message: string): Promise<void> {
  if (TEST_ENGINE === 'postgres') {
    await sql.raw(`CREATE FUNCTION test_fail_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`).execute(db);
    await sql.raw(`CREATE TRIGGER test_fail_update BEFORE UPDATE OF ${column} ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fail_update()`).execute(db);
  } else {
    await sql.raw(`CREATE TEMP TRIGGER test_fail_update BEFORE UPDATE OF ${column} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
  }
}

/**
 * Makes the database refuse every insert into `table` (or those whose row meets `when`, a condition
 * on NEW) as a constraint would (SQLite RAISE(ABORT); PostgreSQL class 23).
 */
export async function refuseInsertsInto(db: Kysely<DB>, table: string, message: string, when?: string): Promise<void> {
  if (TEST_ENGINE === 'postgres') {
    await sql.raw(`CREATE FUNCTION test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION USING MESSAGE = '${message}', ERRCODE = 'integrity_constraint_violation'; END $$`).execute(db);
    await sql.raw(`CREATE TRIGGER test_refuse_insert BEFORE INSERT ON ${table} FOR EACH ROW ${when ? `WHEN (${when}) ` : ''}EXECUTE FUNCTION test_refuse_insert()`).execute(db);
  } else {
    await sql.raw(`CREATE TRIGGER test_refuse_insert BEFORE INSERT ON ${table} ${when ? `WHEN ${when} ` : ''}BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
  }
}

/**
 * A mark that moves with any row inserted, updated or deleted in any of the app's tables ("wrote
 * nothing" checks). SQLite: total_changes() of the connection. PostgreSQL: per table, the row
 * count and the newest row version's transaction id (xmin), which an update or insert raises.
 */
export async function writeMark(db: Kysely<DB>): Promise<string> {
  if (TEST_ENGINE === 'sqlite') return String((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db)).rows[0]?.n);
  const tables = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(db)).rows;
  const parts = tables.map((t) => `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM ${t.name})`);
  return (await sql<{ mark: string }>`SELECT ${sql.raw(parts.join(` || ':' || `))} AS mark`.execute(db)).rows[0]?.mark ?? '';
}
