import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';
import { onServer, startPostgresServer } from '../../test/support/postgresServer';
import { copyRows } from './copyFrom';

export interface LoadedClinic {
  connection: PostgresConnection;
  /** Rows copied per table. */
  rows: Record<string, number>;
  seconds: number;
  stop(): Promise<void>;
}

/** The SQLite file's ordinary tables (not SQLite's own, not the FTS5 search index and its shadow tables). */
function sqliteTables(source: Database.Database): string[] {
  return (source.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
}

/**
 * Copies a generated clinic from its SQLite file into a migrated PostgreSQL database, table by
 * table, ids preserved, each table one COPY … FROM STDIN (copyFrom.ts). All in one transaction that first empties
 * the tables (rows the migrations seeded are in the file too) and drops the indexes that back no
 * constraint, which are built again at the end: faster than keeping them row by row, and on a
 * server with wal_level = minimal the tables emptied in the transaction are written without WAL.
 * Triggers and foreign-key checks are off while copying (session_replication_role = replica: the
 * rows are a consistent copy, and tables kept by triggers, such as course_progress, are copied as
 * they are); CHECK constraints still apply. Identity sequences then continue after the highest id,
 * row counts are compared, and VACUUM ANALYZE gives the planner its statistics.
 */
export async function copyClinic(sqliteFile: string, connection: PostgresConnection, log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const source = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ host: connection.host, port: connection.port, user: connection.user, password: connection.password, database: connection.database });
  await client.connect();
  try {
    const columnsOf = async (table: string) =>
      (await client.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
      )).rows.map((r) => r.column_name);
    const tables: Array<{ name: string; columns: string[] }> = [];
    for (const name of sqliteTables(source)) {
      const target = await columnsOf(name);
      if (target.length === 0) throw new Error(`Table ${name} is in the SQLite file but not on the server`);
      const present = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>).map((r) => r.name));
      const missing = target.filter((c) => !present.has(c));
      if (missing.length) throw new Error(`Table ${name}: the server has columns the SQLite file lacks (${missing.join(', ')})`);
      tables.push({ name, columns: target });
    }
    await client.query('SET session_replication_role = replica');
    await client.query('SET synchronous_commit = off');
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query('BEGIN');
    const indexes = (await client.query<{ name: string; definition: string }>(`
      SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    [tables.map((t) => t.name)])).rows;
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    await client.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')}`);
    const rows: Record<string, number> = {};
    for (const { name, columns } of tables) {
      const started = performance.now();
      const list = columns.map((c) => `"${c}"`).join(', ');
      const count = await copyRows(client, name, columns, source.prepare(`SELECT ${list} FROM "${name}"`).iterate() as IterableIterator<Record<string, unknown>>);
      rows[name] = count;
      if (columns.includes('id')) {
        // The id's identity continues after the copied rows (a table without one returns NULL here).
        await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 0) + 1, false) FROM "${name}" HAVING pg_get_serial_sequence($1, 'id') IS NOT NULL`, [name]);
      }
      if (count > 50_000) log(`${name}: ${count} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const started = performance.now();
    for (const { definition } of indexes) await client.query(definition);
    log(`${indexes.length} indexes built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await client.query('COMMIT');
    await client.query('SET session_replication_role = DEFAULT');
    for (const { name } of tables) {
      const expected = (source.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      const found = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]?.n);
      if (found !== expected) throw new Error(`Table ${name}: ${found} rows on the server, ${expected} in the file`);
    }
    const vacuumed = performance.now();
    await client.query('VACUUM (ANALYZE)');
    log(`VACUUM ANALYZE in ${((performance.now() - vacuumed) / 1000).toFixed(1)} s`);
    return rows;
  } finally {
    await client.end();
    source.close();
  }
}

/**
 * A throwaway PostgreSQL server on loopback (durable settings: commits are flushed as on a
 * clinic's server; wal_level = minimal, as nothing replicates from it, for the copy;
 * random_page_cost = 1.1 for its SSD, as the README tells a clinic's IT to set) with the clinic of
 * `sqliteFile` copied into database `tms_bench`, migrated by the app's own opener first.
 */
export async function loadClinicIntoPostgres(sqliteFile: string, log: (line: string) => void = () => {}): Promise<LoadedClinic> {
  const started = performance.now();
  const server = await startPostgresServer({ durable: true, flags: ['max_wal_size=4GB', 'shared_buffers=512MB', 'wal_level=minimal', 'max_wal_senders=0', 'random_page_cost=1.1'] });
  try {
    const connection = { ...server.connection, database: 'tms_bench' };
    await onServer(server.connection, ['CREATE DATABASE tms_bench']);
    const db = await openPostgresDatabase(connection);
    await db.destroy();
    const rows = await copyClinic(sqliteFile, connection, log);
    return { connection, rows, seconds: Math.round((performance.now() - started) / 100) / 10, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
