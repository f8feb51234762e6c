import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { patientInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T0 = at('2026-03-01T09:00:00.000Z');

/**
 * Another workstation's change, still in its transaction: its own connection, as a second app would
 * hold one. Resolves once `waiter` (our dispatch) is waiting for a lock that change holds.
 */
async function otherWorkstation(database: string) {
  const client = new pg.Client({ ...inject('postgres'), database });
  await client.connect();
  await client.query('BEGIN');
  return {
    query: (text: string) => client.query(text),
    /** Until some other connection of this database waits for a lock. */
    async someoneWaits(): Promise<void> {
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if ((rows[0]?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async commit(): Promise<void> {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

describe('edits from two workstations on one server', () => {
  it('an edit made against a version another workstation is changing waits, then is refused as stale (no lost update)', async () => {
    const { dispatch, file } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
    const p = ok(await dispatch('patients:create', patientInput(), T0));
    const { id, version, archivedAt: _a, archiveReason: _r, createdAt: _c, updatedAt: _u, ...fields } = p;

    const other = await otherWorkstation(new URL(file).pathname.slice(1));
    await other.query(`UPDATE patients SET notes = 'From the office', version = version + 1, updated_at = '2026-03-01T10:00:00.000Z' WHERE id = ${String(id)}`);
    // Ours was opened at the same version; it must not be written over the office's change.
    const ours = dispatch('patients:update', { ...fields, actorId: 1, id, version, referringPsychiatrist: 'Dr. Ines Ferreira' }, at('2026-03-01T10:00:01.000Z'));
    await other.someoneWaits();
    await other.commit();

    expect(await ours).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Ada Lovelace's record was changed at .*after you opened it/) } });
    expect(ok(await dispatch('patients:get', { id }))).toMatchObject({ version: 1, notes: 'From the office', referringPsychiatrist: p.referringPsychiatrist });
  });
});
