import { hash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { quote, refuse, refuseWhen, run } from './sql';

/**
 * PostgreSQL variant of 0009_audit_hash_chain: the same chain (prev_hash, hash; the hash as in
 * src/main/services/auditHash.ts and the SQLite migration). PostgreSQL adds the columns in place
 * instead of rebuilding the table: rows already there are sealed in id order, then the columns
 * become NOT NULL and the triggers come back, plus the one refusing a row not linked to the head.
 */
const GENESIS_HASH = '0'.repeat(64);
const BATCH = 500;

function chainHash(row: any, prevHash: string): string {
  return hash('sha256', JSON.stringify([row.id, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.reason, prevHash]), 'hex');
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `DROP TRIGGER audit_log_no_update ON audit_log`);
  await run(db, `ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text`);
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  for (;;) {
    const { rows } = await sql<any>`
      SELECT id, at, staff_id, action, entity, entity_id, before_json, after_json, reason FROM audit_log
      WHERE id > ${afterId} ORDER BY id LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      const rowHash = chainHash(row, prevHash);
      await sql`UPDATE audit_log SET prev_hash = ${prevHash}, hash = ${rowHash} WHERE id = ${row.id}`.execute(db);
      prevHash = rowHash;
    }
    afterId = rows[rows.length - 1].id;
  }
  const hex64 = (column: string) => `CHECK (length(${column}) = 64 AND ${column} !~ '[^0-9a-f]')`;
  await run(db, `
    ALTER TABLE audit_log
      ALTER COLUMN prev_hash SET NOT NULL, ADD CONSTRAINT audit_log_prev_hash_check ${hex64('prev_hash')},
      ALTER COLUMN hash SET NOT NULL, ADD CONSTRAINT audit_log_hash_check ${hex64('hash')}`);
  await refuse(db, 'audit_log_no_update', 'BEFORE UPDATE', 'audit_log', 'audit_log is append-only');
  await refuseWhen(db, 'audit_log_links_to_head', 'BEFORE INSERT', 'audit_log', 'audit_log: a new entry must follow the head of the hash chain', `
      NEW.id IS DISTINCT FROM (SELECT coalesce(max(id), 0) + 1 FROM audit_log)
      OR NEW.prev_hash IS DISTINCT FROM coalesce((SELECT a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1), ${quote(GENESIS_HASH)})`);
}
