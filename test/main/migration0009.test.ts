import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { recordAccess, verifyAuditChain } from '../../src/main/services/audit';
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash';
import { at, tempDir } from '../support/tempDatabase';

describe('migration 0009_audit_hash_chain', () => {
  it('seals entries written before it into a chain the service verifies, and the app continues it', async () => {
    const file = join(tempDir(), 'v7.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 7));
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    `);
    const insert = raw.prepare(`INSERT INTO audit_log (at, staff_id, action, entity, entity_id, before_json, after_json, reason) VALUES (?, 1, ?, 'patient', 1, ?, ?, ?)`);
    // More than one of the migration's batches, with quotes, unicode and nulls in the content.
    raw.transaction(() => {
      for (let i = 0; i < 1234; i++) {
        insert.run(`2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, i === 0 ? 'create' : 'update', i === 0 ? null : JSON.stringify({ notes: `“${i}” \\ "x"` }), JSON.stringify({ notes: `naïve ${i}\n` }), i % 3 ? null : `reason ${i} 💬`);
      }
    })();
    const before = raw.prepare('SELECT id, at, staff_id, action, entity, entity_id, before_json, after_json, reason FROM audit_log ORDER BY id').all();
    await old.destroy();

    const db = await openDatabase(file);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map(({ prev_hash: _p, hash: _h, ...content }) => content)).toEqual(before);
    expect(rows.every((r) => r.hash === auditHash(r))).toBe(true);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 1234 });

    await recordAccess(db, at('2026-02-01T09:00:00.000Z'), 1, 'patient', 1);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 1235 });
    const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name`.execute(db);
    expect(triggers.rows.map((t) => t.name)).toEqual(['audit_log_links_to_head', 'audit_log_no_delete', 'audit_log_no_update']);
    await expect(sql`UPDATE audit_log SET reason = 'x' WHERE id = 1`.execute(db)).rejects.toThrow(/append-only/);
    await db.destroy();
  });
});

