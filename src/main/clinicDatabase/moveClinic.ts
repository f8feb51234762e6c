import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { recordAudit, verifyAuditChain } from '../services/audit';
import type { ActorContext } from '../services/context';
import { ServiceError } from '../services/errors';
import type { ClinicMoveResult } from '../../shared/schemas/clinicDatabase';
import { clinicTableOrder, type SourceTable } from './sourceTables';

/** Rows read from the file and written to the server per statement. */
const BATCH_ROWS = 500;
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

type Row = Record<string, unknown>;

const ident = (name: string) => sql.id(name);

async function serverCount(trx: Transaction<DB>, table: string): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*) AS n FROM ${ident(table)}`.execute(trx)).rows[0]?.n ?? 0;
}

async function serverColumns(trx: Transaction<DB>, table: string): Promise<string[]> {
  const rows = (await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`.execute(trx)).rows;
  return rows.map((r) => r.name);
}

const keyOf = (row: Row, key: readonly string[]) => JSON.stringify(key.map((k) => row[k]));

/** Rows the migrations (seeded protocols) or triggers (course progress) already put on the server, by key. */
async function existingRows(trx: Transaction<DB>, table: SourceTable): Promise<Map<string, Row>> {
  if ((await serverCount(trx, table.name)) === 0) return new Map();
  const rows = (await sql<Row>`SELECT * FROM ${ident(table.name)}`.execute(trx)).rows;
  return new Map(rows.map((row) => [keyOf(row, table.key), row]));
}

async function insertRows(trx: Transaction<DB>, table: SourceTable, rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / table.columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows.slice(start, start + perStatement).map((row) => sql`(${sql.join(table.columns.map((c) => row[c] ?? null))})`);
    await sql`INSERT INTO ${ident(table.name)} (${sql.join(table.columns.map(ident))}) VALUES ${sql.join(values)}`.execute(trx);
  }
}

/** A row the server already had: set the columns that differ to the file's values (a trigger may refuse). */
async function alignRow(trx: Transaction<DB>, table: SourceTable, row: Row, existing: Row): Promise<void> {
  const differing = table.columns.filter((c) => !table.key.includes(c) && existing[c] !== row[c]);
  if (differing.length === 0) return;
  const sets = differing.map((c) => sql`${ident(c)} = ${row[c] ?? null}`);
  const where = table.key.map((k) => sql`${ident(k)} = ${row[k] ?? null}`);
  await sql`UPDATE ${ident(table.name)} SET ${sql.join(sets)} WHERE ${sql.join(where, sql` AND `)}`.execute(trx);
}

async function copyTable(source: Kysely<DB>, trx: Transaction<DB>, table: SourceTable): Promise<void> {
  const onServer = await serverColumns(trx, table.name);
  const missing = table.columns.filter((c) => !onServer.includes(c));
  const extra = onServer.filter((c) => !table.columns.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    throw new ServiceError('conflict', `The server's table ${table.name} does not match this computer's (columns ${[...missing, ...extra].join(', ')}); nothing was copied.`);
  }
  const existing = await existingRows(trx, table);
  const write = async (rows: Row[]) => {
    const fresh: Row[] = [];
    for (const row of rows) {
      const had = existing.get(keyOf(row, table.key));
      if (had) await alignRow(trx, table, row, had);
      else fresh.push(row);
    }
    await insertRows(trx, table, fresh);
  };
  if (table.withoutRowid) {
    await write((await sql<Row>`SELECT * FROM ${ident(table.name)} ORDER BY ${sql.join(table.key.map(ident))}`.execute(source)).rows);
    return;
  }
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    // Keyset pages in rowid order: for the audit log that is the hash chain's order.
    const rows = (await sql<Row & { _rowid: number }>`
      SELECT rowid AS _rowid, * FROM ${ident(table.name)} WHERE rowid > ${after} ORDER BY rowid LIMIT ${BATCH_ROWS}`.execute(source)).rows;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?._rowid ?? after;
    await write(rows);
    if (rows.length < BATCH_ROWS) break;
  }
}

/** Identities continue past the copied ids, so the next row the server numbers does not clash. */
async function resetIdentities(trx: Transaction<DB>, tables: readonly SourceTable[]): Promise<void> {
  for (const table of tables) {
    if (!table.columns.includes('id')) continue;
    await sql`SELECT setval(pg_get_serial_sequence(${table.name}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${ident(table.name)}), false)
      WHERE pg_get_serial_sequence(${table.name}, 'id') IS NOT NULL`.execute(trx);
  }
}

export interface MoveTarget {
  /** The server's database, migrated to this app's schema (openPostgresDatabase). */
  server: Kysely<DB>;
  /** `postgres://user@host:port/database`, for the audit entry. */
  description: string;
}

/**
 * Copies this computer's clinic (its SQLite database, at the current schema) into an empty
 * database on a clinic server: every table in dependency order with its ids, the identities reset
 * past them, in one transaction on the server. The counts are compared table by table and the
 * audit hash chain is verified on the server before it commits; any difference rolls it all back.
 * The move itself is audited on the server, under the administrator who made it. Refuses a
 * server that already holds a clinic. The file is read inside a write transaction, so nothing
 * changes on this computer while it is copied; the file itself is left as it was.
 */
export async function moveClinicToServer(source: Kysely<DB>, target: MoveTarget, ctx: ActorContext, sourceFile: string): Promise<Omit<ClinicMoveResult, 'restarting'>> {
  return source.transaction().execute(async (src) => {
    const tables = await clinicTableOrder(src);
    return target.server.transaction().execute(async (trx) => {
      const already = (await sql<{ patients: number; staff: number; audit: number }>`
        SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM staff) AS staff, (SELECT count(*) FROM audit_log) AS audit`.execute(trx)).rows[0];
      if (!already || already.patients > 0 || already.staff > 0 || already.audit > 0) {
        throw new ServiceError('conflict', `${target.description} already holds a clinic (${already?.patients ?? 0} patients, ${already?.staff ?? 0} staff); nothing was copied.`);
      }
      for (const table of tables) await copyTable(src, trx, table);
      await resetIdentities(trx, tables);
      const counted: ClinicMoveResult['tables'] = [];
      for (const table of tables) {
        const expected = (await sql<{ n: number }>`SELECT count(*) AS n FROM ${ident(table.name)}`.execute(src)).rows[0]?.n ?? 0;
        const copied = await serverCount(trx, table.name);
        if (copied !== expected) {
          throw new ServiceError('conflict', `Copying ${table.name} gave ${copied} rows on the server for ${expected} on this computer; nothing was copied.`);
        }
        counted.push({ table: table.name, rows: copied });
      }
      const patients = counted.find((t) => t.table === 'patients')?.rows ?? 0;
      await recordAudit(trx, ctx, {
        staffId: ctx.actor.id,
        action: 'move_to_server',
        entity: 'database',
        entityId: 1,
        before: { engine: 'sqlite', file: sourceFile },
        after: { engine: 'postgres', server: target.description, patients, tables: counted.length },
        reason: null,
      });
      const chain = await verifyAuditChain(trx);
      const auditRows = (counted.find((t) => t.table === 'audit_log')?.rows ?? 0) + 1;
      if (!chain.ok || chain.entries !== auditRows) {
        throw new ServiceError('conflict', `The audit log's hash chain did not verify on the server after the copy (${chain.ok ? `${chain.entries} of ${auditRows} entries` : `broken at entry ${chain.firstBrokenId}`}); nothing was copied.`);
      }
      await resetIdentities(trx, tables.filter((t) => t.name === 'audit_log'));
      return { tables: counted, patients, auditEntries: chain.entries, server: target.description };
    });
  });
}
