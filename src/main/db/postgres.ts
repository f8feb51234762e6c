import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrations } from '../../../migrations';
import { postgresEngine, postgresSchemaVersion } from './engines/postgres';
import { DatabaseOpenError } from './errors';
import { runPostgresMigrations } from './migrate';
import { namedStatementPool } from './postgresStatements';
import type { DB } from './schema';

/** A clinic's PostgreSQL server, as a workstation connects to it. */
export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /**
   * TLS. `{ ca }` (PEM) checks the server's certificate against the clinic's CA; `false` only for a
   * server on this machine (loopback), as the tests use. Default: required, checked against the
   * system's CAs.
   */
  tls?: { ca?: string } | false;
}

export interface OpenPostgresOptions {
  /** Connections kept open (default 4: a workstation's window, dashboard and background checks). */
  poolSize?: number;
  /**
   * An idle connection was closed by the server (a restart, a failover, an administrator). The pool
   * drops it and opens a new one on the next query; without a listener the error would end the app.
   */
  onConnectionLost?: (error: Error) => void;
}

/** An idle connection is closed after this long (pg's default, 10 s, reconnects between most clicks). */
const IDLE_CONNECTION_MS = 5 * 60_000;

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Numbers as SQLite gives them: `count(*)` and `sum()` of integers are bigint on PostgreSQL, which
 * `pg` returns as strings; the counts of a clinic stay far below 2^53. Set per pool, not globally.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function describe(connection: PostgresConnection): string {
  return `postgres://${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
}

/** What `pg` needs to reach the server as the app does: TLS verified against the clinic's CA unless turned off for loopback. */
export function pgConnectionConfig(connection: PostgresConnection): pg.ClientConfig {
  const tls = connection.tls ?? {};
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: tls === false ? false : { rejectUnauthorized: true, ...(tls.ca ? { ca: tls.ca } : {}) },
  };
}

/** A Kysely over a pool of connections to the server, without touching its schema. */
export function connectPostgres(connection: PostgresConnection, options: OpenPostgresOptions = {}): Kysely<DB> {
  const pool = new pg.Pool({
    ...pgConnectionConfig(connection),
    max: options.poolSize ?? 4,
    // A workstation's clicks come seconds apart: a connection (TLS, password, prepared statements) is kept between them.
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    types,
  });
  pool.on('error', (error) => options.onConnectionLost?.(error));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
}

/**
 * Opens the clinic's database on a PostgreSQL server and brings its schema up to date (each
 * migration once, under an advisory lock: other workstations starting meanwhile wait, then find
 * it done). A server whose schema is newer than this app is refused before anything is written.
 */
export async function openPostgresDatabase(connection: PostgresConnection, options: OpenPostgresOptions = {}): Promise<Kysely<DB>> {
  const db = connectPostgres(connection, options);
  try {
    await sql`SELECT 1`.execute(db);
    const current = await postgresSchemaVersion(db);
    if (current > migrations.length) {
      throw new DatabaseOpenError(
        'too_new',
        `The clinic database ${describe(connection)} was written by a newer version of TMS Course Tracker (schema ${current}; ` +
          `this version knows up to ${migrations.length}). Install the newer version to use it. Nothing was changed on the server.`,
      );
    }
    await runPostgresMigrations(db, migrations);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export { postgresEngine };
