import { describe, expect, it } from 'vitest';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T = at('2026-03-02T08:00:00.000Z');

async function clinic() {
  const env = await tempDatabase();
  const first = ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T)).staff;
  return { ...env, first };
}

describe('staff', () => {
  it('creates the first staff member once, with a password, audited as their own act', async () => {
    const { dispatch, db, first } = await clinic();
    expect(first).toEqual({
      id: 1, name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', trainedRater: false, active: true, canSignIn: true, lockedUntil: null,
      createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z',
    });
    const again = await dispatch('staff:createFirst', { name: 'Someone Else', username: 'someone', role: 'admin', password: TEST_PASSWORD }, { now: new Date(), staffId: null });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const audit = ok(await dispatch('audit:list', { entity: 'staff', entityId: 1 }));
    expect(audit.map((a) => a.action)).toEqual(['sign_in', 'create']);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
    const [row] = await db.selectFrom('staff').select('password_hash').execute();
    expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row?.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('lets a manager add staff with a one-time password; names and usernames are unique', async () => {
    const { rawDispatch, first } = await clinic();
    const as = (staffId: number) => ({ now: new Date('2026-03-02T09:00:00Z'), staffId });
    const created = ok(await rawDispatch('staff:create', { name: 'Sam Okafor', username: 'Sam.Okafor', role: 'technician' }, as(first.id)));
    expect(created.staff).toMatchObject({ username: 'sam.okafor', role: 'technician', canSignIn: true });
    expect(created.oneTimePassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const dup = await rawDispatch('staff:create', { name: 'sam okafor', username: 'sam.okafor', role: 'technician' }, as(first.id));
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', fields: { name: expect.any(String), username: expect.any(String) } } });
    // Until Sam chooses a password, only changing it is allowed.
    expect(await rawDispatch('patients:search', {}, as(created.staff.id))).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    const changed = ok(await rawDispatch('auth:changePassword', { currentPassword: created.oneTimePassword, newPassword: 'my own secret 1' }, as(created.staff.id)));
    expect(changed.mustChangePassword).toBe(false);
    expect(ok(await rawDispatch('patients:search', {}, as(created.staff.id)))).toEqual({ items: [], total: 0 });
    const byTech = await rawDispatch('staff:create', { name: 'New Person', username: 'new.person', role: 'technician' }, as(created.staff.id));
    expect(byTech).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps at least one active manager, and never lets you demote yourself', async () => {
    const { dispatch, first } = await clinic();
    const self = await dispatch('staff:update', { actorId: first.id, id: first.id, name: first.name, username: 'maya.patel', role: 'technician', active: true });
    expect(self).toMatchObject({ ok: false, error: { code: 'conflict', fields: { role: expect.any(String) } } });
    const other = ok(await dispatch('staff:create', { actorId: first.id, name: 'Dr. Ravi Rao', username: 'ravi', role: 'psychiatrist' }, T)).staff;
    const demoted = ok(await dispatch('staff:update', { actorId: other.id, id: first.id, name: first.name, username: 'maya.patel', role: 'psychiatrist', active: false }, T));
    expect(demoted.active).toBe(false);
    expect(ok(await dispatch('staff:list', { actorId: other.id })).map((s) => s.name)).toEqual(['Dr. Ravi Rao']);
    expect(ok(await dispatch('staff:list', { actorId: other.id, includeInactive: true })).map((s) => s.name)).toEqual(['Dr. Ravi Rao', 'Dr. Maya Patel']);
    const last = await dispatch('staff:update', { actorId: other.id, id: other.id, name: other.name, username: 'ravi', role: 'psychiatrist', active: false }, T);
    expect(last).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The deactivated psychiatrist is no longer signed in anywhere.
    const ghost = await dispatch('staff:create', { actorId: first.id, name: 'X Y', username: 'xy.z', role: 'technician' });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('lets only an administrator create an administrator or reset one', async () => {
    const { dispatch, first } = await clinic();
    const asPsychiatrist = await dispatch('staff:create', { actorId: first.id, name: 'Lee Admin', username: 'lee', role: 'admin' }, T);
    expect(asPsychiatrist).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('follows the clinic setting on whether psychiatrists manage staff', async () => {
    const { dispatch, first } = await clinic();
    // With no administrator, psychiatrists must keep managing staff.
    const refused = await dispatch('settings:update', { actorId: first.id, psychiatristsManageStaff: false }, T);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', fields: { psychiatristsManageStaff: expect.any(String) } } });
  });
});
