import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import type { Engine, Queryable } from './engine';

/** Key of the transaction-scoped advisory lock that serializes appends to the audit hash chain. */
export const AUDIT_CHAIN_LOCK = 7_061_001;
/** Key of the session-scoped advisory lock held while a workstation migrates the server's schema. */
export const MIGRATION_LOCK = 7_061_002;

/**
 * PostgreSQL (Kysely's PostgresDialect over `pg`): the audit chain is serialized by an advisory
 * lock, case folding by lower()/ILIKE, JSON by json_build_object, change detection by the audit
 * log's head (every write is audited in its own transaction, whichever workstation made it).
 */
export const postgresEngine: Engine = {
  name: 'postgres',
  async lockAuditChain(trx) {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(trx);
  },
  async lockRow(trx, table, id) {
    await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(trx);
  },
  equalsIgnoringCase: (column, value) => sql<boolean>`lower(${column}) = lower(${value})`,
  likeIgnoringCase: (column, pattern) => sql<boolean>`${column} ILIKE ${pattern} ESCAPE '\\'`,
  ignoringCase: (column) => sql<string>`lower(${column})`,
  async nextId(trx, table) {
    const row = (await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::integer AS id`.execute(trx)).rows[0];
    if (!row) throw new Error(`No id sequence for ${table}`);
    return row.id;
  },
  jsonObject: (entries) => sql<string>`json_build_object(${sql.join(entries.map(([key, value]) => sql`${sql.lit(key)}::text, ${value}`))})::text`,
  async changeToken(db: Kysely<DB>) {
    const row = (await sql<{ head: number }>`SELECT coalesce(max(id), 0) AS head FROM audit_log`.execute(db)).rows[0];
    return String(row?.head ?? 0);
  },
  async schemaVersion(db: Kysely<DB>) {
    return postgresSchemaVersion(db);
  },
  async location(db: Kysely<DB>) {
    const row = (await sql<{ user: string; database: string; host: string | null; port: number | null }>`
      SELECT current_user AS "user", current_database() AS database, host(inet_server_addr()) AS host, inet_server_port() AS port`.execute(db)).rows[0];
    return row ? `postgres://${row.user}@${row.host ?? 'localhost'}:${row.port ?? 5432}/${row.database}` : '';
  },
};

/** 0 for an empty database; the version recorded by the last migration otherwise. */
export async function postgresSchemaVersion(db: Queryable): Promise<number> {
  const exists = (await sql<{ found: string | null }>`SELECT to_regclass('tms_schema_version')::text AS found`.execute(db)).rows[0];
  if (!exists?.found) return 0;
  return (await sql<{ version: number }>`SELECT version FROM tms_schema_version`.execute(db)).rows[0]?.version ?? 0;
}
