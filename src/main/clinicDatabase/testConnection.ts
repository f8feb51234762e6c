import pg from 'pg';
import { migrations } from '../../../migrations';
import { pgConnectionConfig, type PostgresConnection } from '../db/postgres';
import type { ConnectionTestResult } from '../../shared/schemas/clinicDatabase';
import { classifyConnectionFailure } from './connectionFailure';

export interface TestConnectionOptions {
  /** How long to wait for the server to answer (default 8 s). */
  timeoutMs?: number;
}

/** One connection with the given values, as the app would open it (TLS verified against the CA). */
export function clientFor(connection: PostgresConnection, timeoutMs: number): pg.Client {
  return new pg.Client({
    ...pgConnectionConfig(connection),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
}

async function one<T>(client: pg.Client, text: string): Promise<T | undefined> {
  return (await client.query<T & pg.QueryResultRow>(text)).rows[0];
}

/**
 * Connects with the entered values and reports, as data, what failed (unreachable, TLS, password,
 * database missing, a schema newer than this app, permission) or what is there: the server's
 * version, its schema version, and whether it is empty or already holds a clinic. Writes nothing.
 */
export async function testServerConnection(connection: PostgresConnection, options: TestConnectionOptions = {}): Promise<ConnectionTestResult> {
  const client = clientFor(connection, options.timeoutMs ?? 8000);
  // A socket error after connecting must not become an unhandled 'error' event.
  client.on('error', () => {});
  try {
    await client.connect();
    const serverVersion = (await one<{ server_version: string }>(client, 'SHOW server_version'))?.server_version ?? '';
    const table = await one<{ found: string | null }>(client, "SELECT to_regclass('tms_schema_version')::text AS found");
    const schemaVersion = table?.found ? ((await one<{ version: number }>(client, 'SELECT version FROM tms_schema_version'))?.version ?? 0) : 0;
    const appSchemaVersion = migrations.length;
    if (schemaVersion > appSchemaVersion) {
      return { ok: false, reason: 'schema_newer', detail: `schema ${schemaVersion}; this app knows up to ${appSchemaVersion}` };
    }
    if (schemaVersion === 0) {
      // The first workstation creates the tables: it needs CREATE on the database's public schema.
      const may = await one<{ create: boolean }>(client, "SELECT has_schema_privilege(current_user, 'public', 'CREATE') AS \"create\"");
      if (!may?.create) return { ok: false, reason: 'permission', detail: `${connection.user} may not create tables in schema public` };
      return { ok: true, serverVersion, schemaVersion, appSchemaVersion, clinic: { state: 'empty' } };
    }
    const counts = await one<{ patients: string; staff: string }>(client, 'SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM staff) AS staff');
    const patients = Number(counts?.patients ?? 0);
    const staff = Number(counts?.staff ?? 0);
    const clinic = patients === 0 && staff === 0 ? { state: 'empty' as const } : { state: 'clinic' as const, patients, staff };
    return { ok: true, serverVersion, schemaVersion, appSchemaVersion, clinic };
  } catch (error) {
    return { ok: false, ...classifyConnectionFailure(error) };
  } finally {
    await client.end().catch(() => {});
  }
}
