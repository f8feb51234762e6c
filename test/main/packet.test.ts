import { describe, expect, it } from 'vitest';
import { seedDemoCourse } from '../../tools/seed/demoCourse';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const phq9 = (patientId: number, assessedOn: string, total: number) => ({
  patientId, assessedOn, answers: Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.min(3, Math.max(0, total - 3 * i)) : 0)), difficulty: 'somewhat' as const, notes: '',
});

describe('the authorization packet and the extension request (through dispatch)', () => {
  it('gathers the course, the treatment history, the screening and consent and the course baseline of a course under way', async () => {
    const { rawDispatch } = await tempDatabase();
    const { courseId, psychiatristId } = await seedDemoCourse(rawDispatch, { sessions: 15 });
    const packet = ok(await rawDispatch('reports:packetData', { courseId }, { now: new Date('2026-03-25T10:00:00'), staffId: psychiatristId }));
    expect(packet.history.trials.map((t) => [t.drug, t.drugClass, t.adequate, t.outcome])).toEqual([
      ['Sertraline', 'SSRI', true, 'no_response'],
      ['Venlafaxine', 'SNRI', true, 'partial'],
      ['Bupropion', 'NDRI', false, 'intolerable'],
      ['Aripiprazole', 'Atypical antipsychotic (augmentation)', true, 'no_response'],
    ]);
    expect(packet.history.psychotherapy.map((t) => [t.therapyType, t.sessions])).toEqual([['cbt', 16], ['behavioral_activation', 12]]);
    expect(packet.readiness.screening).toMatchObject({ positive: ['excitability_medications'], clearedByName: 'Dr. Maya Patel' });
    expect(packet.readiness.consent).toMatchObject({ consentedOn: '2026-02-27', consentVersion: 'TMS consent v3 (2026)' });
    expect(packet.baseline).toMatchObject({ assessedOn: '2026-02-27', total: 21 });
    expect(packet.baselineProvisional).toBe(false);
    expect(packet.report.detail.progress.sessionsDone).toBe(15);
    expect(packet.report.detail.outcome).toMatchObject({ baseline: { total: 21 }, endOfTreatment: { total: 15 } });
    // The lorazepam stop on day 15 was followed by a threshold that day: no re-check pending.
    expect(ok(await rawDispatch('history:thresholdRecheck', { courseId }, { now: new Date('2026-03-25T10:00:00'), staffId: psychiatristId }))).toBeNull();
  });

  it('before the first session, takes the PHQ-9 that would be the baseline on the planned start date, and says so', async () => {
    const { dispatch } = await tempDatabase();
    const at = { now: new Date('2026-02-25T09:00:00') };
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya', role: 'psychiatrist', password: TEST_PASSWORD }, { ...at, staffId: null }));
    ok(await dispatch('patients:create', patientInput(), at));
    ok(await dispatch('phq9:create', phq9(1, '2026-01-05', 24), at));
    const inWindow = ok(await dispatch('phq9:create', phq9(1, '2026-02-20', 19), at));
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ startDate: '2026-03-02' }), at));
    const packet = ok(await dispatch('reports:packetData', { courseId: course.id }, at));
    expect(packet.baseline).toMatchObject({ id: inWindow.id, assessedOn: '2026-02-20', total: 19 });
    expect(packet.baselineProvisional).toBe(true);
    expect(packet.readiness.blockers).toEqual(['no_screening', 'no_consent']);
    expect(packet.history.trials).toEqual([]);
    // Printing needs the host's printer: this host has none, and says so.
    expect(await dispatch('reports:exportPacket', { courseId: course.id, kind: 'authorization' }, at)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
