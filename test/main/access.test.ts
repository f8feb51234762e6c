import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../src/shared/ipc/channels';
import { contract } from '../../src/shared/ipc/contract';
import type { StaffRole } from '../../src/shared/schemas/staff';
import { writeMark } from '../support/failingWrite';
import { ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

/** The README's role table, written out here so the contract's declarations are checked against it. */
const PUBLIC: Channel[] = ['app:info', 'app:openDemoClinic', 'app:leaveDemoClinic', 'auth:session', 'auth:signIn', 'auth:signOut', 'auth:setUpSignIn', 'staff:createFirst', 'recovery:status', 'recovery:restore', 'recovery:retryServer', 'recovery:useThisComputer'];
const ONLY: Partial<Record<Channel, StaffRole[]>> = {
  'staff:create': ['admin', 'psychiatrist'],
  'staff:update': ['admin', 'psychiatrist'],
  'staff:resetPassword': ['admin', 'psychiatrist'],
  'settings:update': ['admin', 'psychiatrist'],
  'protocols:create': ['psychiatrist'],
  'protocols:revise': ['psychiatrist'],
  'protocols:retire': ['psychiatrist'],
  'courses:prescribe': ['psychiatrist'],
  'courses:end': ['psychiatrist'],
  'courses:clearReview': ['psychiatrist'],
  'courses:authorize': ['psychiatrist', 'admin'],
  'audit:verifyChain': ['admin'],
  'backups:list': ['admin'],
  'backups:create': ['admin'],
  'backups:preview': ['admin'],
  'backups:restore': ['admin'],
  'backups:setPassphrase': ['admin'],
  'backups:setRetention': ['admin'],
  'clinicDatabase:get': ['admin'],
  'clinicDatabase:test': ['admin'],
  'clinicDatabase:save': ['admin'],
  'clinicDatabase:move': ['admin'],
  'audit:accessLog': ['admin'],
  'phq9:acknowledge': ['psychiatrist'],
  'phq9:markEnteredInError': ['psychiatrist'],
  'assessments:acknowledge': ['psychiatrist'],
  'assessments:markEnteredInError': ['psychiatrist'],
  'coursePlans:set': ['psychiatrist'],
  'outcomeRuleChanges:listUnseen': ['psychiatrist'],
  'outcomeRuleChanges:markSeen': ['psychiatrist'],
  'sessions:signPending': ['psychiatrist'],
  'sessions:declinePending': ['psychiatrist'],
  'motorThresholds:record': ['technician', 'psychiatrist'],
  'sessions:prepare': ['technician', 'psychiatrist'],
  'sessions:create': ['technician', 'psychiatrist'],
  'sessions:correct': ['technician', 'psychiatrist'],
  'sessions:submitForCosign': ['technician', 'psychiatrist'],
  'phq9:create': ['technician', 'psychiatrist'],
  // Clinician-rated scales: further limited by the service to psychiatrists and trained raters.
  'assessments:create': ['technician', 'psychiatrist'],
  'courses:setPlannedTime': ['technician', 'psychiatrist'],
  'today:setPlannedTime': ['technician', 'psychiatrist'],
  'import:check': ['psychiatrist', 'admin'],
  'import:commit': ['psychiatrist', 'admin'],
  'import:list': ['psychiatrist', 'admin'],
  'import:undo': ['psychiatrist', 'admin'],
  'history:saveTrial': ['technician', 'psychiatrist'],
  'history:savePsychotherapy': ['technician', 'psychiatrist'],
  'history:addMedication': ['technician', 'psychiatrist'],
  'history:changeMedication': ['technician', 'psychiatrist'],
  'screening:record': ['technician', 'psychiatrist'],
  'screening:clear': ['psychiatrist'],
  'consent:record': ['technician', 'psychiatrist'],
};

async function clinic() {
  const env = await tempDatabase();
  const at = { now: new Date('2026-03-02T09:00:00Z') };
  ok(await env.dispatch('staff:createFirst', { name: 'Lee Admin', username: 'lee', role: 'admin', password: TEST_PASSWORD }, { ...at, staffId: null }));
  const psychiatrist = ok(await env.dispatch('staff:create', { name: 'Dr. Maya Patel', username: 'maya', role: 'psychiatrist' }, at)).staff.id;
  const technician = ok(await env.dispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, at)).staff.id;
  const leaver = ok(await env.dispatch('staff:create', { name: 'Gone Person', username: 'gone', role: 'psychiatrist' }, at)).staff;
  ok(await env.dispatch('staff:update', { id: leaver.id, name: leaver.name, username: 'gone', role: 'psychiatrist', active: false }, at));
  const changes = () => writeMark(env.db);
  return { ...env, at, ids: { admin: 1, psychiatrist, technician, inactive: leaver.id }, changes };
}

describe('who may call what (every channel, through dispatch)', { timeout: 60_000 }, () => {
  it('declares the README role table in the contract', () => {
    for (const channel of channels) {
      const access = contract[channel].access;
      if (PUBLIC.includes(channel)) expect(access, channel).toBe('public');
      else if (channel.startsWith('staff:') && channel !== 'staff:list') expect(access, channel).toBe('staff-manager');
      else if (channel === 'settings:update') expect(access, channel).toBe('staff-manager');
      else if (ONLY[channel]) expect([...(access as readonly string[])].sort(), channel).toEqual([...(ONLY[channel] ?? [])].sort());
      else expect(access, channel).toBe('signed-in');
    }
  });

  it('refuses every non-public channel without sign-in, or as an inactive or unknown staff member, writing nothing', async () => {
    const { rawDispatch, at, ids, changes } = await clinic();
    const before = await changes();
    for (const channel of channels.filter((c) => !PUBLIC.includes(c))) {
      for (const staffId of [null, ids.inactive, 999]) {
        const result = await rawDispatch(channel, { id: 1, courseId: 1, patientId: 1 }, { ...at, staffId });
        expect(result, `${channel} as ${staffId}`).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
    }
    expect(await changes()).toBe(before);
  });

  it('refuses each role what it may not do (before reading the input), writing nothing, and lets it through otherwise', async () => {
    const { rawDispatch, at, ids, changes } = await clinic();
    for (const role of ['admin', 'psychiatrist', 'technician'] as const) {
      for (const channel of channels.filter((c) => !PUBLIC.includes(c))) {
        const allowed = ONLY[channel]?.includes(role) ?? true;
        const before = await changes();
        // Junk input: an allowed call fails validation at worst; a refused one never reaches it.
        const result = await rawDispatch(channel, { junk: true }, { ...at, staffId: ids[role] });
        if (allowed) {
          expect(result.ok ? 'ok' : result.error.code, `${role} ${channel}`).not.toMatch(/^(forbidden|unauthenticated)$/);
        } else {
          expect(result, `${role} ${channel}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(await changes(), `${role} ${channel} wrote`).toBe(before);
        }
      }
    }
  });

  it('lets psychiatrists manage staff only while the clinic allows it', async () => {
    const { rawDispatch, at, ids } = await clinic();
    const input = { name: 'New Tech', username: 'new.tech', role: 'technician' };
    ok(await rawDispatch('settings:update', { psychiatristsManageStaff: false }, { ...at, staffId: ids.admin }));
    expect(await rawDispatch('staff:create', input, { ...at, staffId: ids.psychiatrist })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rawDispatch('settings:update', { psychiatristsManageStaff: true }, { ...at, staffId: ids.psychiatrist })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await rawDispatch('staff:create', input, { ...at, staffId: ids.admin }));
  });
});
