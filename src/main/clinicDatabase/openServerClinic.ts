import { type Kysely, sql } from 'kysely';
import { migrations } from '../../../migrations';
import { DatabaseOpenError } from '../db/errors';
import { MIGRATION_LOCK } from '../db/engines/postgres';
import { openPostgresDatabase, type PostgresConnection } from '../db/postgres';
import type { DB } from '../db/schema';
import type { RecoveryStatus } from '../../shared/schemas/recovery';
import { classifyConnectionFailure } from './connectionFailure';
import { clientFor, testServerConnection } from './testConnection';

export type ServerProblem = Extract<RecoveryStatus, { state: 'server' }>['problem'];

/** Whether another workstation holds the migration lock (it is updating the server's schema now). */
export async function migrationInProgress(connection: PostgresConnection, timeoutMs = 8000): Promise<boolean> {
  const client = clientFor(connection, timeoutMs);
  client.on('error', () => {});
  try {
    await client.connect();
    // An advisory lock on a key below 2^32 shows as classid 0, objid = key, objsubid 1.
    const held = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 AND objsubid = 1 AND pid <> pg_backend_pid()`,
      [MIGRATION_LOCK],
    );
    return Number(held.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Opens the workstation's clinic server for the app, or says why it cannot be used now: what Test
 * connection would say (unreachable, TLS, password, database missing, newer schema, permission),
 * or 'migrating' while another workstation updates its schema (this one waits instead of hanging).
 */
export async function openServerClinic(connection: PostgresConnection, options: { timeoutMs?: number } = {}): Promise<{ ok: true; db: Kysely<DB> } | { ok: false; problem: ServerProblem }> {
  const test = await testServerConnection(connection, options);
  if (!test.ok) return { ok: false, problem: { reason: test.reason, detail: test.detail } };
  if (test.schemaVersion < migrations.length && (await migrationInProgress(connection, options.timeoutMs))) {
    return { ok: false, problem: { reason: 'migrating', detail: `schema ${test.schemaVersion} → ${migrations.length}` } };
  }
  try {
    const db = await openPostgresDatabase(connection);
    await sql`SELECT 1`.execute(db);
    return { ok: true, db };
  } catch (error) {
    if (error instanceof DatabaseOpenError && error.reason === 'too_new') return { ok: false, problem: { reason: 'schema_newer', detail: error.message } };
    if (error instanceof DatabaseOpenError) return { ok: false, problem: { reason: 'other', detail: error.message } };
    return { ok: false, problem: classifyConnectionFailure(error) };
  }
}
