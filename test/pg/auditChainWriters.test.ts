import { describe, expect, inject, it } from 'vitest';
import { openPostgresDatabase } from '../../src/main/db/postgres';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { recordAccess, verifyAuditChain } from '../../src/main/services/audit';
import { patientInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T0 = at('2026-03-01T09:00:00.000Z');

/** The raw dispatch takes who acts from its context, not from the input. */
function withoutActor<T extends { actorId?: number }>(input: T): Omit<T, 'actorId'> {
  const copy: T = { ...input };
  delete copy.actorId;
  return copy;
}

describe('the audit hash chain on PostgreSQL, two workstations writing at once', () => {
  it('stays one unbroken chain: every write of both is kept, none refused', async () => {
    const { db, file, dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
    // A second workstation: its own pool of connections to the same database.
    const other = await openPostgresDatabase({ ...inject('postgres'), database: file.slice(file.lastIndexOf('/') + 1) }, { poolSize: 4 });
    try {
      const second = createDispatch(other, { appVersion: '1.2.3' });
      const perWriter = 40;
      const writes = [db, other].flatMap((conn, w) =>
        Array.from({ length: perWriter }, (_, i) => recordAccess(conn, T0, 1, 'patient', w * 1000 + i)),
      );
      const creates = Array.from({ length: 10 }, (_, i) =>
        second('patients:create', withoutActor(patientInput({ mrn: `MRN-B${i}`, firstName: `B${i}` })), { now: T0.now, staffId: 1 }),
      );
      const results = await Promise.allSettled([...writes, ...creates]);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      for (const r of results) if (r.status === 'fulfilled' && r.value) expect(r.value).toMatchObject({ ok: true });
      const status = await verifyAuditChain(db);
      // createFirst writes 1 entry; each view 1; each patient create 1.
      const rows = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      expect(status).toEqual({ ok: true, entries: rows.length });
      expect(rows.length).toBeGreaterThanOrEqual(1 + 2 * perWriter + 10);
    } finally {
      await other.destroy();
    }
  });
});
