import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { HostSessions } from '../../src/main/ipc/hostSession';
import type { Channel } from '../../src/shared/ipc/channels';
import { ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T = new Date('2026-03-02T09:00:00.000Z');
const plus = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

async function clinic() {
  const env = await tempDatabase();
  ok(await env.rawDispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, { now: T }));
  const sessions = new HostSessions<string>();
  const window = sessions.get('window-1');
  const call = <C extends Channel>(channel: C, input: unknown, now = T) => env.rawDispatch(channel, input, { now, session: window });
  const auditActions = async () => (await env.db.selectFrom('audit_log').select(['action', 'reason']).where('entity', '=', 'staff').orderBy('id').execute());
  return { ...env, sessions, window, call, auditActions };
}

describe('sign-in', { timeout: 60_000 }, () => {
  it('signs a window in, keeps who it is in the host (not in any input), and signs out', async () => {
    const { call, window } = await clinic();
    expect(await call('patients:search', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const signed = ok(await call('auth:signIn', { username: 'Maya.Patel ', password: TEST_PASSWORD }));
    expect(signed).toMatchObject({ staff: { id: 1, username: 'maya.patel' }, mustChangePassword: false });
    expect(JSON.stringify(signed)).not.toMatch(/scrypt|password_hash/);
    expect(window.staffId).toBe(1);
    expect(ok(await call('auth:session', {}))).toMatchObject({ staff: { id: 1 }, lockAfterMinutes: 10 });
    expect(ok(await call('patients:search', {}))).toEqual({ items: [], total: 0 });
    ok(await call('auth:signOut', {}));
    expect(window.staffId).toBeNull();
    expect(await call('patients:search', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('says the same for an unknown username and a wrong password', async () => {
    const { call } = await clinic();
    const unknown = await call('auth:signIn', { username: 'nobody', password: 'whatever it is' });
    const wrong = await call('auth:signIn', { username: 'maya.patel', password: 'whatever it is' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'The username or password is incorrect.' } });
  });

  it('locks an account for 15 minutes after five failed attempts, audited, even against the right password', async () => {
    const { call, window, auditActions } = await clinic();
    for (let i = 0; i < 4; i++) expect(await call('auth:signIn', { username: 'maya.patel', password: `guess ${i}` })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await call('auth:signIn', { username: 'maya.patel', password: 'guess 5' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const locked = await call('auth:signIn', { username: 'maya.patel', password: TEST_PASSWORD }, plus(14));
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('Try again in 1 minute') } });
    expect(window.staffId).toBeNull();
    ok(await call('auth:signIn', { username: 'maya.patel', password: TEST_PASSWORD }, plus(16)));
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions).toEqual(['create', 'sign_in', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'lock_out', 'sign_in']);
  });

  it('signs a window out after the clinic’s time without activity, and keeps it signed in while used', async () => {
    const { call, window, auditActions } = await clinic();
    ok(await call('auth:signIn', { username: 'maya.patel', password: TEST_PASSWORD }));
    ok(await call('patients:search', {}, plus(9)));
    ok(await call('patients:search', {}, plus(18)));
    expect(await call('patients:search', {}, plus(29))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(window.staffId).toBeNull();
    expect((await auditActions()).at(-1)).toEqual({ action: 'sign_out', reason: 'Signed out after the clinic’s time without activity' });
  });

  it('treats a deactivated staff member as signed out at their next call', async () => {
    const { call, rawDispatch, window } = await clinic();
    const sam = ok(await rawDispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, { now: T, staffId: 1 }));
    await call('auth:signIn', { username: 'sam', password: sam.oneTimePassword });
    expect(window.staffId).toBe(sam.staff.id);
    ok(await rawDispatch('staff:update', { id: sam.staff.id, name: 'Sam Okafor', username: 'sam', role: 'technician', active: false }, { now: T, staffId: 1 }));
    expect(await call('auth:session', {})).toMatchObject({ ok: true, value: { staff: null } });
    expect(window.staffId).toBeNull();
  });

  it('resets a password to a one-time password that must be changed before anything else', async () => {
    const { call, rawDispatch, db } = await clinic();
    const sam = ok(await rawDispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, { now: T, staffId: 1 }));
    const reset = ok(await rawDispatch('staff:resetPassword', { staffId: sam.staff.id }, { now: T, staffId: 1 }));
    expect(reset.oneTimePassword).not.toBe(sam.oneTimePassword);
    expect(await call('auth:signIn', { username: 'sam', password: sam.oneTimePassword })).toMatchObject({ ok: false });
    expect(ok(await call('auth:signIn', { username: 'sam', password: reset.oneTimePassword })).mustChangePassword).toBe(true);
    expect(await call('patients:search', {})).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    expect(await call('auth:changePassword', { currentPassword: reset.oneTimePassword, newPassword: reset.oneTimePassword })).toMatchObject({ ok: false, error: { fields: { newPassword: expect.any(String) } } });
    ok(await call('auth:changePassword', { currentPassword: reset.oneTimePassword, newPassword: 'sam chose this one' }));
    ok(await call('patients:search', {}));
    const audit = await db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity_id', '=', sam.staff.id).where('entity', '=', 'staff').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['password_reset', 'password_change']));
    expect(JSON.stringify(audit)).not.toContain('sam chose this one');
  });

  it('lets a clinic from before sign-in set it up once, for an administrator or psychiatrist', async () => {
    const { db, rawDispatch } = await tempDatabase();
    await sql`INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr. Old', 'psychiatrist', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'), ('Tech Old', 'technician', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`.execute(db);
    const sessions = new HostSessions<number>();
    const ctx = { now: T, session: sessions.get(1) };
    expect(ok(await rawDispatch('auth:session', {}, ctx)).signInSetupNeeded).toBe(true);
    expect(ok(await rawDispatch('app:info', {}, ctx)).signInSetupCandidates).toEqual([{ id: 1, name: 'Dr. Old' }]);
    expect(await rawDispatch('auth:setUpSignIn', { staffId: 2, username: 'tech', password: TEST_PASSWORD }, ctx)).toMatchObject({ ok: false, error: { fields: { staffId: expect.any(String) } } });
    ok(await rawDispatch('auth:setUpSignIn', { staffId: 1, username: 'old', password: TEST_PASSWORD }, ctx));
    expect(sessions.get(1).staffId).toBe(1);
    expect(await rawDispatch('auth:setUpSignIn', { staffId: 1, username: 'again', password: TEST_PASSWORD }, { now: T })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await rawDispatch('app:info', {}, { now: T })).signInSetupCandidates).toEqual([]);
  });
});
