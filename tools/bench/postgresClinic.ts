import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';
import { onServer, startPostgresServer } from '../../test/support/postgresServer';

const BATCH = 5000;

export interface LoadedClinic {
  connection: PostgresConnection;
  /** Rows copied per table. */
  rows: Record<string, number>;
  seconds: number;
  stop(): Promise<void>;
}

/** Table names of the SQLite file that are ordinary tables (not SQLite's own, not a virtual table's shadow tables). */
function sqliteTables(source: Database.Database): string[] {
  const rows = source.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  const virtual = rows.filter((r) => /CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  return rows.filter((r) => !/CREATE VIRTUAL TABLE/i.test(r.sql) && !virtual.some((v) => r.name.startsWith(`${v}_`))).map((r) => r.name);
}

/**
 * Copies a generated clinic from its SQLite file into a migrated PostgreSQL database, table by
 * table in batches, ids preserved: each batch is one `INSERT … SELECT … FROM
 * json_populate_recordset` (the server maps the JSON to the table's column types). Triggers and
 * foreign-key checks are off while copying (session_replication_role = replica: the rows are a
 * consistent copy, and tables kept by triggers, such as course_progress, are copied as they are);
 * CHECK constraints still apply. Identity sequences then continue after the highest id, row
 * counts are compared, and VACUUM ANALYZE gives the planner its statistics.
 */
export async function copyClinic(sqliteFile: string, connection: PostgresConnection): Promise<Record<string, number>> {
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
    // Rows the migrations seeded (protocols, settings …) are in the SQLite file too.
    await client.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')}`);
    const rows: Record<string, number> = {};
    for (const { name, columns } of tables) {
      const list = columns.map((c) => `"${c}"`).join(', ');
      const insert = `INSERT INTO "${name}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${name}", $1::json)`;
      let batch: unknown[] = [];
      let count = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await client.query(insert, [JSON.stringify(batch)]);
        count += batch.length;
        batch = [];
      };
      await client.query('BEGIN');
      for (const row of source.prepare(`SELECT ${list} FROM "${name}" ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
        for (const value of Object.values(row)) if (Buffer.isBuffer(value)) throw new Error(`Table ${name} holds a BLOB, which this copy does not carry`);
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      await client.query('COMMIT');
      rows[name] = count;
      if (columns.includes('id')) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 0) + 1, false) FROM "${name}"`, [name]).catch((error: unknown) => {
          // A table whose id is not an identity (none today) keeps no sequence to move.
          if (!(error instanceof Error && /sequence|does not exist/.test(error.message))) throw error;
        });
      }
    }
    await client.query('SET session_replication_role = DEFAULT');
    for (const { name } of tables) {
      const expected = (source.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      const found = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]?.n);
      if (found !== expected) throw new Error(`Table ${name}: ${found} rows on the server, ${expected} in the file`);
    }
    await client.query('VACUUM (ANALYZE)');
    return rows;
  } finally {
    await client.end();
    source.close();
  }
}

/**
 * A throwaway PostgreSQL server on loopback (durable settings: commits are flushed as on a
 * clinic's server) with the clinic of `sqliteFile` copied into database `tms_bench`, migrated by
 * the app's own opener first.
 */
export async function loadClinicIntoPostgres(sqliteFile: string): Promise<LoadedClinic> {
  const started = performance.now();
  const server = await startPostgresServer({ durable: true, flags: ['max_wal_size=4GB', 'shared_buffers=512MB'] });
  try {
    const connection = { ...server.connection, database: 'tms_bench' };
    await onServer(server.connection, ['CREATE DATABASE tms_bench']);
    const db = await openPostgresDatabase(connection);
    await db.destroy();
    const rows = await copyClinic(sqliteFile, connection);
    return { connection, rows, seconds: Math.round((performance.now() - started) / 100) / 10, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
