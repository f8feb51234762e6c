import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/ipc/contract';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

const MON = at('2026-03-02T08:00:00');
const TECH = 2;

/** A psychiatrist (1), a technician (2) and a 10 Hz course at 120% MT of an MT of 60 (72% MSO). */
async function clinic() {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, MON));
  ok(await dispatch('staff:create', { name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, MON));
  ok(await dispatch('patients:create', patientInput(), MON));
  ok(await dispatch('courses:prescribe', prescriptionInput(), MON));
  await readyToStart(dispatch, 1, MON);
  ok(await dispatch('motorThresholds:record', { courseId: 1, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 2, notes: '' }, MON));
  const aboveInput = async (): Promise<ChannelInput<'sessions:submitForCosign'>> => {
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, MON));
    return { ...prepared.values, fiveCmDistanceCm: 5, intensityPctMt: 130, intensityPctMso: 78, overrideReason: 'MT drift, phone order to 130%' };
  };
  return { ...env, aboveInput };
}

describe('sessions above the prescription', { timeout: 60_000 }, () => {
  it('wait for a psychiatrist, uncounted, when no psychiatrist co-signs at the screen; signed from her own sign-in they count', async () => {
    const { dispatch, aboveInput, db } = await clinic();
    const asTech = { ...MON, staffId: TECH };
    const pending = ok(await dispatch('sessions:submitForCosign', await aboveInput(), asTech));
    expect(pending).toMatchObject({ status: 'pending', enteredByName: 'Sam Okafor', findings: expect.stringContaining('130% MT'), sessionId: null });
    expect(ok(await dispatch('sessions:listPending', { courseId: 1 }, asTech))).toHaveLength(1);
    // Not delivered yet: no session, no pulses.
    expect(ok(await dispatch('courses:get', { id: 1 }, MON)).progress).toMatchObject({ sessionsDone: 0, cumulativePulses: 0 });
    expect(await dispatch('sessions:signPending', { pendingId: pending.id }, asTech)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const session = ok(await dispatch('sessions:signPending', { pendingId: pending.id }, MON));
    expect(session).toMatchObject({ technicianName: 'Sam Okafor', overrideByName: 'Dr. Maya Patel', intensityPctMt: 130 });
    expect(ok(await dispatch('courses:get', { id: 1 }, MON)).progress.sessionsDone).toBe(1);
    expect(ok(await dispatch('sessions:listPending', {}, MON))).toEqual([]);
    expect(await dispatch('sessions:signPending', { pendingId: pending.id }, MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const row = await db.selectFrom('pending_sessions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'signed', resolved_by: 1, session_id: session.id });
  });

  it('can be declined with a reason, and nothing is delivered', async () => {
    const { dispatch, aboveInput } = await clinic();
    const pending = ok(await dispatch('sessions:submitForCosign', await aboveInput(), { ...MON, staffId: TECH }));
    expect(await dispatch('sessions:declinePending', { pendingId: pending.id, note: '' }, MON)).toMatchObject({ ok: false, error: { fields: { note: expect.any(String) } } });
    const declined = ok(await dispatch('sessions:declinePending', { pendingId: pending.id, note: 'Not authorized: repeat MT first' }, MON));
    expect(declined).toMatchObject({ status: 'declined', resolvedByName: 'Dr. Maya Patel', resolutionNote: 'Not authorized: repeat MT first' });
    expect(ok(await dispatch('courses:get', { id: 1 }, MON)).progress.sessionsDone).toBe(0);
  });

  it('are saved at once by a psychiatrist signed in, with her as the authorizer', async () => {
    const { dispatch, aboveInput } = await clinic();
    const saved = ok(await dispatch('sessions:create', await aboveInput(), MON));
    expect(saved).toMatchObject({ technicianName: 'Dr. Maya Patel', overrideByName: 'Dr. Maya Patel' });
  });

  it('are refused for co-signature when within the prescription, and without a reason', async () => {
    const { dispatch, aboveInput } = await clinic();
    const within = { ...(await aboveInput()), intensityPctMt: 120, intensityPctMso: 72 };
    expect(await dispatch('sessions:submitForCosign', within, { ...MON, staffId: TECH })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const noReason = { ...(await aboveInput()), overrideReason: '' };
    expect(await dispatch('sessions:submitForCosign', noReason, { ...MON, staffId: TECH })).toMatchObject({ ok: false, error: { fields: { overrideReason: expect.any(String) } } });
  });

  it('count a wrong co-signing password towards the psychiatrist’s lock-out', async () => {
    const { dispatch, aboveInput, db } = await clinic();
    const input = await aboveInput();
    for (let i = 0; i < 5; i++) await dispatch('sessions:create', { ...input, cosign: { username: 'maya.patel', password: `guess ${i}` } }, { ...MON, staffId: TECH });
    const locked = await dispatch('sessions:create', { ...input, cosign: { username: 'maya.patel', password: TEST_PASSWORD } }, { ...MON, staffId: TECH });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await db.selectFrom('treatment_sessions').selectAll().execute()).toEqual([]);
  });
});
