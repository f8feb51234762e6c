import { describe, expect, it } from 'vitest';
import { patientInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T0 = at('2026-03-02T09:00:00');

describe('data revision', () => {
  it('moves with every audited change, not with reads, exports or sign-ins', async () => {
    const { dispatch, db } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
    const first = ok(await dispatch('audit:revision', {}, T0)).revision;
    const patient = ok(await dispatch('patients:create', patientInput(), T0));
    const afterCreate = ok(await dispatch('audit:revision', {}, T0)).revision;
    expect(afterCreate).toBeGreaterThan(first);
    ok(await dispatch('patients:get', { id: patient.id }, T0));
    ok(await dispatch('auth:signIn', { username: 'maya.patel', password: TEST_PASSWORD }, T0));
    expect(ok(await dispatch('audit:revision', {}, T0)).revision).toBe(afterCreate);
    const logged = await db.selectFrom('audit_log').select('action').where('id', '>', afterCreate).execute();
    expect(logged.map((r) => r.action).sort()).toEqual(['sign_in', 'view']);
    const { id, version, archivedAt: _a, archiveReason: _r, createdAt: _c, updatedAt: _u, ...fields } = patient;
    ok(await dispatch('patients:update', { ...fields, id, version, notes: 'Prefers mornings' }, T0));
    expect(ok(await dispatch('audit:revision', {}, T0)).revision).toBeGreaterThan(afterCreate);
  });
});
