import { hash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * A tamper-evident audit log: each row stores `prev_hash` (the previous row's `hash`, 64 zeros
 * for the first) and `hash` = SHA-256 (hex) of
 *   JSON.stringify([id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash]).
 * The same function lives in src/main/services/auditHash.ts (migrations may not import app code);
 * a test checks that rows sealed here verify there. Keep the two identical.
 *
 * The table is rebuilt (SQLite cannot add a NOT NULL column without a default): rows written
 * before this version are copied in id order and sealed into the chain, then the append-only
 * triggers are recreated, plus one that refuses a row not linked to the head of the chain.
 * Runs inside the migration runner's transaction; frozen once released.
 */
const GENESIS_HASH = '0'.repeat(64);
const BATCH = 500;

function chainHash(row: any, prevHash: string): string {
  return hash('sha256', JSON.stringify([row.id, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.reason, prevHash]), 'hex');
}

export async function up(db: Kysely<any>): Promise<void> {
  const hex64 = (column: string) => sql.raw(`CHECK (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`);
  await sql`
    CREATE TABLE audit_log_chained (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      staff_id INTEGER NOT NULL REFERENCES staff (id),
      action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      entity TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
      entity_id INTEGER NOT NULL,
      before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
      after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
      reason TEXT,
      prev_hash TEXT NOT NULL ${hex64('prev_hash')},
      hash TEXT NOT NULL ${hex64('hash')}
    ) STRICT
  `.execute(db);

  let prevHash = GENESIS_HASH;
  let afterId = 0;
  for (;;) {
    const { rows } = await sql<any>`
      SELECT id, at, staff_id, action, entity, entity_id, before_json, after_json, reason FROM audit_log
      WHERE id > ${afterId} ORDER BY id LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const values = rows.map((row: any) => {
      const rowHash = chainHash(row, prevHash);
      const value = sql`(${row.id}, ${row.at}, ${row.staff_id}, ${row.action}, ${row.entity}, ${row.entity_id}, ${row.before_json}, ${row.after_json}, ${row.reason}, ${prevHash}, ${rowHash})`;
      prevHash = rowHash;
      return value;
    });
    await sql`
      INSERT INTO audit_log_chained (id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash)
      VALUES ${sql.join(values)}`.execute(db);
    afterId = rows[rows.length - 1].id;
  }

  await sql`DROP TABLE audit_log`.execute(db);
  await sql`ALTER TABLE audit_log_chained RENAME TO audit_log`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
  `.execute(db);
  // The next row takes the next id and names the current head's hash: the chain cannot fork or
  // get gaps through the app. (Someone with the file can drop this; verifyAuditChain still sees it.)
  await sql`
    CREATE TRIGGER audit_log_links_to_head BEFORE INSERT ON audit_log
    WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log)
      OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ${sql.lit(GENESIS_HASH)})
    BEGIN SELECT RAISE(ABORT, 'audit_log: a new entry must follow the head of the hash chain'); END
  `.execute(db);
}
