import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import type { DB } from '../../src/main/db/schema';
import { generateClinic } from '../../src/main/demo/generateClinic';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { listAccess, recordAccess, recordAudit, verifyAuditChain } from '../../src/main/services/audit';
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash';
import { accessEntry, auditChainStatus } from '../../src/shared/schemas/audit';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, tempDir, TEST_ENGINE, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

const T0 = at('2026-03-01T09:00:00.000Z');
const day = (d: string) => at(`${d}T12:00:00.000Z`);

/** A clinic with a few days of ordinary work, every write through dispatch. */
async function clinicWithHistory(): Promise<{ db: Kysely<DB>; dispatch: Dispatch; courseId: number }> {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
  ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, T0));
  ok(await dispatch('patients:create', patientInput(), T0));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 1, protocolId: 1, startDate: '2026-03-02' }), T0));
  await readyToStart(dispatch, course.id, T0);
  ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: course.id, measuredOn: '2026-03-01', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, T0));
  for (const d of ['2026-03-02', '2026-03-03', '2026-03-04']) {
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, day(d)));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId: 2 }, day(d)));
  }
  ok(await dispatch('phq9:create', { actorId: 2, patientId: 1, assessedOn: '2026-03-04', answers: [2, 2, 2, 1, 1, 1, 1, 1, 0], difficulty: 'somewhat', notes: '' }, day('2026-03-04')));
  return { db: env.db, dispatch, courseId: course.id };
}

async function auditRows(db: Kysely<DB>) {
  return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

/** What someone with the file and a SQLite shell (or the server's owner account) can do: drop the guards and rewrite rows. */
async function dropGuards(db: Kysely<DB>) {
  const on = TEST_ENGINE === 'postgres' ? ' ON audit_log' : '';
  for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_links_to_head']) await sql.raw(`DROP TRIGGER ${name}${on}`).execute(db);
}

describe('audit hash chain', () => {
  it('chains every entry written through dispatch, from the genesis hash', async () => {
    const { db } = await clinicWithHistory();
    const rows = await auditRows(db);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    rows.forEach((row, i) => {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.hash).toBe(auditHash(row));
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
    });
    const status = await verifyAuditChain(db);
    expect(status).toEqual({ ok: true, entries: rows.length });
    expect(auditChainStatus.parse(status)).toEqual(status);
  });

  it('verifies an empty log', async () => {
    const { db } = await tempDatabase();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 0 });
  });

  it('finds an edited entry', async () => {
    const { db } = await clinicWithHistory();
    await dropGuards(db);
    await sql`UPDATE audit_log SET reason = 'nothing to see' WHERE id = 4`.execute(db);
    const status = await verifyAuditChain(db);
    expect(status).toEqual({ ok: false, firstBrokenId: 4, entries: 4 });
    expect(auditChainStatus.parse(status)).toEqual(status);
  });

  it('finds an edited entry whose own hash was recomputed: the next entry no longer links to it', async () => {
    const { db } = await clinicWithHistory();
    await dropGuards(db);
    const row = (await auditRows(db))[3];
    if (!row) throw new Error('missing row');
    const forged = { ...row, staff_id: row.staff_id === 1 ? 2 : 1 };
    await sql`UPDATE audit_log SET staff_id = ${forged.staff_id}, hash = ${auditHash(forged)} WHERE id = 4`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, firstBrokenId: 5, entries: 5 });
  });

  it('finds a deleted entry (at the entry after the gap)', async () => {
    const { db } = await clinicWithHistory();
    await dropGuards(db);
    await sql`DELETE FROM audit_log WHERE id = 3`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, firstBrokenId: 4, entries: 3 });
  });

  it('finds an inserted entry, even one hashed correctly into its place', async () => {
    const { db } = await clinicWithHistory();
    await dropGuards(db);
    const rows = await auditRows(db);
    const before = rows[1];
    if (!before) throw new Error('missing row');
    // Make room after entry 2 and slip in an entry that links to it properly.
    await sql`UPDATE audit_log SET id = -id WHERE id > 2`.execute(db);
    await sql`UPDATE audit_log SET id = 1 - id WHERE id < 0`.execute(db);
    const forged = { id: 3, at: '2026-03-01T09:00:00.000Z', staff_id: 2, action: 'view', entity: 'patient', entity_id: 1, before_json: null, after_json: null, reason: null, prev_hash: before.hash };
    await sql`INSERT INTO audit_log (id, at, staff_id, action, entity, entity_id, prev_hash, hash)
      VALUES (3, ${forged.at}, 2, 'view', 'patient', 1, ${forged.prev_hash}, ${auditHash(forged)})`.execute(db);
    // The forged entry itself verifies; the renumbered one after it does not.
    expect(await verifyAuditChain(db)).toEqual({ ok: false, firstBrokenId: 4, entries: 4 });
  });

  it('finds two entries swapped', async () => {
    const { db } = await clinicWithHistory();
    await dropGuards(db);
    await sql`UPDATE audit_log SET id = -1 WHERE id = 5`.execute(db);
    await sql`UPDATE audit_log SET id = 5 WHERE id = 6`.execute(db);
    await sql`UPDATE audit_log SET id = 6 WHERE id = -1`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, firstBrokenId: 5, entries: 5 });
  });

  it('refuses, in the database, entries without a hash or not linked to the head, and any change', async () => {
    const { db } = await clinicWithHistory();
    const rows = await auditRows(db);
    const head = rows[rows.length - 1];
    if (!head) throw new Error('missing row');
    const insert = (id: number, prevHash: string | null, hash: string | null) =>
      sql`INSERT INTO audit_log (id, at, staff_id, action, entity, entity_id, prev_hash, hash)
        VALUES (${id}, '2026-03-05T09:00:00.000Z', 1, 'view', 'patient', 1, ${prevHash}, ${hash})`.execute(db);
    const row = (id: number, prevHash: string) => ({ id, at: '2026-03-05T09:00:00.000Z', staff_id: 1, action: 'view', entity: 'patient', entity_id: 1, before_json: null, after_json: null, reason: null, prev_hash: prevHash });
    await expect(insert(head.id + 1, head.hash, null)).rejects.toThrow(/NOT[ -]NULL/i); // SQLite: NOT NULL constraint failed; PostgreSQL: violates not-null constraint
    await expect(insert(head.id + 1, head.hash, 'not a hash')).rejects.toThrow(/CHECK/i);
    await expect(insert(head.id + 1, GENESIS_HASH, auditHash(row(head.id + 1, GENESIS_HASH)))).rejects.toThrow(/head of the hash chain/);
    await expect(insert(head.id + 2, head.hash, auditHash(row(head.id + 2, head.hash)))).rejects.toThrow(/head of the hash chain/);
    await expect(sql`INSERT INTO audit_log (at, staff_id, action, entity, entity_id, prev_hash, hash) VALUES ('2026-03-05T09:00:00.000Z', 1, 'view', 'patient', 1, ${head.hash}, ${head.hash})`.execute(db)).rejects.toThrow(/head of the hash chain/);
    await expect(sql`UPDATE audit_log SET reason = 'x' WHERE id = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${head.id}`.execute(db)).rejects.toThrow(/append-only/);
    await insert(head.id + 1, head.hash, auditHash(row(head.id + 1, head.hash)));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: rows.length + 1 });
  });

  it('rolls the audit entry back with the change when the transaction fails', async () => {
    const { db } = await clinicWithHistory();
    const count = (await auditRows(db)).length;
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, at('2026-03-05T09:00:00.000Z'), { staffId: 1, action: 'update', entity: 'patient', entityId: 1, before: {}, after: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: count });
  });
});

describe('generated clinic', () => {
  // The generated clinic is written as a SQLite file (generateClinic); the chain itself is engine-neutral.
  it.skipIf(TEST_ENGINE === 'postgres')('writes a valid chain, checked across several verification batches', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    const counts = await generateClinic(file, { patients: 100, seed: 2, today: '2026-11-25' });
    expect(counts.auditEntries).toBeGreaterThan(5000);
    const db = await openDatabase(file);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: counts.auditEntries });
    const sessions = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'session').where('action', '=', 'create').executeTakeFirstOrThrow();
    expect(sessions.n).toBe(counts.sessions);
    await dropGuards(db);
    await sql`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 5100`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, firstBrokenId: 5100, entries: 5100 });
    await db.destroy();
  });
});

describe('access log', () => {
  it('records who opened a patient or their courses, and lists it newest first with names', async () => {
    const { db, dispatch, courseId } = await clinicWithHistory();
    ok(await dispatch('patients:create', patientInput({ mrn: 'MRN-0002', lastName: 'Other' }), T0));
    const count = (await auditRows(db)).length;
    await recordAccess(db, at('2026-03-05T09:00:00.000Z'), 2, 'patient', 1);
    await recordAccess(db, at('2026-03-05T09:01:00.000Z'), 1, 'course', courseId);
    await recordAccess(db, at('2026-03-05T09:02:00.000Z'), 1, 'patient', 2);
    await db.transaction().execute((trx) =>
      recordAudit(trx, at('2026-03-05T09:03:00.000Z'), { staffId: 2, action: 'export', entity: 'course', entityId: courseId, before: null, after: { kind: 'pdf' } }),
    );
    await recordAccess(db, at('2026-03-05T09:04:00.000Z'), 2, 'patient', 1);

    const views = await listAccess(db, 1);
    expect(views).toEqual([
      { id: count + 5, at: '2026-03-05T09:04:00.000Z', staffId: 2, staffName: 'Sam Okafor', action: 'view', entity: 'patient', entityId: 1 },
      { id: count + 4, at: '2026-03-05T09:03:00.000Z', staffId: 2, staffName: 'Sam Okafor', action: 'export', entity: 'course', entityId: courseId },
      { id: count + 2, at: '2026-03-05T09:01:00.000Z', staffId: 1, staffName: 'Dr. Maya Patel', action: 'view', entity: 'course', entityId: courseId },
      { id: count + 1, at: '2026-03-05T09:00:00.000Z', staffId: 2, staffName: 'Sam Okafor', action: 'view', entity: 'patient', entityId: 1 },
    ]);
    views.forEach((v) => expect(accessEntry.parse(v)).toEqual(v));
    expect((await listAccess(db, 2)).map((v) => v.id)).toEqual([count + 3]);
    expect(await listAccess(db, 99)).toEqual([]);
    const row = (await auditRows(db)).find((r) => r.id === count + 1);
    expect(row).toMatchObject({ action: 'view', before_json: null, after_json: null, reason: null });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: count + 5 });
  });
});
