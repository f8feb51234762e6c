import { describe, expect, it } from 'vitest';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const MON = at('2026-03-02T08:00:00');
const NO = { seizures: false, family_epilepsy: false, metal_in_head: false, implanted_devices: false, pregnancy: false, head_injury: false, excitability_medications: false, substance_use: false };

async function clinic() {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, { ...MON, staffId: null }));
  const tech = ok(await dispatch('staff:create', { name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, MON)).staff.id;
  ok(await dispatch('patients:create', patientInput(), MON));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput(), MON));
  ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, MON));
  const firstSession = async (actorId = tech) => {
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, MON));
    return dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId }, MON);
  };
  return { ...env, tech, course, firstSession };
}

describe('safety screening and consent before the first session (through dispatch)', () => {
  it('refuses the first session with a specific message until a screening is cleared and consent recorded; nothing is stored', async () => {
    const { dispatch, db, tech, course, firstSession } = await clinic();
    expect(ok(await dispatch('screening:readiness', { courseId: course.id }, MON))).toEqual({ screening: null, consent: null, blockers: ['no_screening', 'no_consent'], started: false });
    const refused = await firstSession();
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) {
      expect(refused.error.message).toBe('The course cannot start: no TMS safety screening is recorded for this course; no informed consent is recorded for this course. Record them on the course page before the first session.');
    }

    // A technician screens; the psychiatrist has not cleared it yet.
    const screening = ok(await dispatch('screening:record', { actorId: tech, courseId: course.id, screenedOn: '2026-03-02', answers: NO, details: '' }, MON));
    expect(screening).toMatchObject({ screenedByName: 'Sam Okafor', clearedByName: null, positive: [] });
    ok(await dispatch('consent:record', { actorId: tech, courseId: course.id, consentedOn: '2026-03-02', consentVersion: 'TMS consent v3 (2026)', obtainedById: 1 }, MON));
    const waiting = await firstSession();
    expect(waiting.ok ? '' : waiting.error.message).toMatch(/^The course cannot start: its safety screening awaits a psychiatrist’s clearance\./);
    expect(await db.selectFrom('treatment_sessions').select('id').execute()).toHaveLength(0);
    expect(ok(await dispatch('courses:get', { id: course.id }, MON)).course.status).toBe('planned');

    // Only a psychiatrist clears, as herself.
    expect(await dispatch('screening:clear', { actorId: tech, screeningId: screening.id, clearance: '' }, MON)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const cleared = ok(await dispatch('screening:clear', { screeningId: screening.id, clearance: '' }, MON));
    expect(cleared).toMatchObject({ clearedByName: 'Dr. Maya Patel' });
    expect(await dispatch('screening:clear', { screeningId: screening.id, clearance: '' }, MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const readiness = ok(await dispatch('screening:readiness', { courseId: course.id }, MON));
    expect(readiness).toMatchObject({ blockers: [], started: false, consent: { consentVersion: 'TMS consent v3 (2026)', obtainedByName: 'Dr. Maya Patel', recordedByName: 'Sam Okafor' } });

    ok(await firstSession());
    expect(ok(await dispatch('screening:readiness', { courseId: course.id }, MON)).started).toBe(true);
    const audit = ok(await dispatch('audit:list', { entity: 'safety_screening', entityId: screening.id }, MON));
    expect(audit.map((a) => [a.action, a.staffName])).toEqual([['clear', 'Dr. Maya Patel'], ['create', 'Sam Okafor']]);
  });

  it('needs the psychiatrist’s written clearance for a positive answer; a new screening replaces the cleared one', async () => {
    const { dispatch, course, firstSession } = await clinic();
    ok(await dispatch('consent:record', { courseId: course.id, consentedOn: '2026-03-01', consentVersion: 'v3', obtainedById: 1 }, MON));
    const positive = ok(await dispatch('screening:record', { courseId: course.id, screenedOn: '2026-03-01', answers: { ...NO, metal_in_head: true }, details: 'Titanium plate, left jaw (2011)' }, MON));
    expect(positive.positive).toEqual(['metal_in_head']);
    expect(await dispatch('screening:clear', { screeningId: positive.id, clearance: 'ok' }, MON)).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { clearance: 'Write why TMS is safe despite the positive answer (at least 10 characters)' } },
    });
    // A newer screening (pregnancy now possible) makes the older one unclearable, and is the one that counts.
    const newer = ok(await dispatch('screening:record', { courseId: course.id, screenedOn: '2026-03-02', answers: { ...NO, metal_in_head: true, pregnancy: true }, details: '' }, MON));
    expect(await dispatch('screening:clear', { screeningId: positive.id, clearance: 'Plate is far from the coil site.' }, MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ok(await dispatch('screening:clear', { screeningId: newer.id, clearance: 'Jaw plate far from the coil; pregnancy test negative 2 March.' }, MON));
    ok(await firstSession());
  });

  it('refuses a first session dated before its consent, and a consent without the version of its text', async () => {
    const { dispatch, course, firstSession } = await clinic();
    const s = ok(await dispatch('screening:record', { courseId: course.id, screenedOn: '2026-03-02', answers: NO, details: '' }, MON));
    ok(await dispatch('screening:clear', { screeningId: s.id, clearance: '' }, MON));
    ok(await dispatch('consent:record', { courseId: course.id, consentedOn: '2026-03-03', consentVersion: 'v3', obtainedById: 1 }, MON));
    const refused = await firstSession();
    expect(refused.ok ? '' : refused.error.message).toMatch(/the consent is dated 2026-03-03, after this session/);
    expect(await dispatch('consent:record', { courseId: course.id, consentedOn: '2026-03-02', consentVersion: '', obtainedById: 1 }, MON)).toMatchObject({
      ok: false, error: { fields: { consentVersion: 'Consent version is required' } },
    });
  });

  it('keeps a technician’s above-prescription first session from waiting for co-signature before the course may start', async () => {
    const { dispatch, course, tech } = await clinic();
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, MON));
    const above = { ...prepared.values, fiveCmDistanceCm: 5, pulsesDelivered: prepared.values.pulsesDelivered + 40, trainsDelivered: prepared.values.trainsDelivered + 1, overrideReason: 'Extra train after an interruption' };
    const submitted = await dispatch('sessions:submitForCosign', { ...above, actorId: tech }, MON);
    expect(submitted).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^The course cannot start/) } });
  });
});
