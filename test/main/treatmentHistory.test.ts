import { describe, expect, it } from 'vitest';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { ok, tempDatabase } from '../support/tempDatabase';

const MON = { now: new Date('2026-03-02T09:00:00Z') };
const at = (day: string) => ({ now: new Date(`${day}T15:00:00Z`) });

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya', role: 'psychiatrist', password: 'correct horse battery' }, { ...MON, staffId: null }));
  const tech = ok(await env.dispatch('staff:create', { name: 'Sam Okafor', username: 'sam', role: 'technician' }, MON)).staff.id;
  const patient = ok(await env.dispatch('patients:create', patientInput(), MON));
  return { ...env, tech, patient };
}

const trial = (overrides: Record<string, unknown> = {}) => ({
  patientId: 1, drug: 'Sertraline', dose: '150 mg daily', startedOn: '2025-01-06', endedOn: '2025-03-31', adequate: true, outcome: 'no_response', outcomeNote: '', ...overrides,
});

describe('treatment history (through dispatch)', () => {
  it('records antidepressant trials with their class from the list, corrects them with the version shown, and audits both', async () => {
    const { dispatch, tech } = await clinic();
    const created = ok(await dispatch('history:saveTrial', { actorId: tech, trial: trial() }, MON));
    expect(created).toMatchObject({ drug: 'Sertraline', drugClass: 'SSRI', dose: '150 mg daily', adequate: true, outcome: 'no_response', version: 0, enteredByName: 'Sam Okafor' });
    ok(await dispatch('history:saveTrial', { trial: trial({ drug: 'Aripiprazole', dose: '5 mg', startedOn: '2025-04-01', endedOn: null, adequate: false, outcome: 'intolerable' }) }, MON));
    const fixed = ok(await dispatch('history:saveTrial', { id: created.id, version: 0, trial: trial({ dose: '200 mg daily' }) }, MON));
    expect(fixed).toMatchObject({ dose: '200 mg daily', version: 1 });
    expect(await dispatch('history:saveTrial', { id: created.id, version: 0, trial: trial({ dose: '50 mg' }) }, MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const history = ok(await dispatch('history:get', { patientId: 1 }, MON));
    expect(history.trials.map((t) => [t.drug, t.drugClass, t.endedOn])).toEqual([['Sertraline', 'SSRI', '2025-03-31'], ['Aripiprazole', 'Atypical antipsychotic (augmentation)', null]]);
    const audit = ok(await dispatch('audit:list', { entity: 'antidepressant_trial', entityId: created.id }, MON));
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]?.before).toMatchObject({ dose: '150 mg daily' });
  });

  it('refuses a drug not on the list, an end before the start, an "other" outcome without a note, each next to its field', async () => {
    const { dispatch } = await clinic();
    const bad = await dispatch('history:saveTrial', { trial: trial({ drug: 'Aspirin', endedOn: '2024-12-01', outcome: 'other' }) }, MON);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (bad.ok) return;
    expect(bad.error.fields).toMatchObject({ 'trial.drug': 'Choose a drug from the list' });
    const dates = await dispatch('history:saveTrial', { trial: trial({ endedOn: '2024-12-01', outcome: 'other' }) }, MON);
    if (dates.ok) throw new Error('expected a refusal');
    expect(dates.error.fields).toMatchObject({ 'trial.endedOn': 'The end cannot be before the start', 'trial.outcomeNote': 'Describe the outcome' });
  });

  it('records psychotherapy trials', async () => {
    const { dispatch } = await clinic();
    const cbt = ok(await dispatch('history:savePsychotherapy', { trial: { patientId: 1, therapyType: 'cbt', startedOn: '2024-09-02', endedOn: '2024-12-16', sessions: 16, notes: '' } }, MON));
    expect(cbt).toMatchObject({ therapyType: 'cbt', sessions: 16, version: 0 });
    expect(await dispatch('history:savePsychotherapy', { trial: { patientId: 1, therapyType: 'other', startedOn: '2024-09-02', endedOn: null, sessions: 2, notes: '' } }, MON)).toMatchObject({
      ok: false, error: { fields: { 'trial.notes': 'Name the therapy' } },
    });
    expect(ok(await dispatch('history:get', { patientId: 1 }, MON)).psychotherapy).toHaveLength(1);
  });

  it('flags medications that change excitability; a start, dose change or stop of one asks the open course for a new motor threshold until one is recorded', async () => {
    const { dispatch, tech } = await clinic();
    const course = ok(await dispatch('courses:prescribe', prescriptionInput(), MON));
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 55, method: 'emg', coil: 'Figure-8', measuredById: tech, notes: '' }, MON));
    const longStanding = ok(await dispatch('history:addMedication', { medication: { patientId: 1, drug: 'clonazepam', dose: '0.5 mg at night', startedOn: '2024-01-10', stoppedOn: null } }, MON));
    expect(longStanding).toMatchObject({ drug: 'Clonazepam', drugClass: 'Benzodiazepine', excitability: 'benzodiazepine', changedOn: '2024-01-10' });
    const sertraline = ok(await dispatch('history:addMedication', { medication: { patientId: 1, drug: 'Sertraline', dose: '100 mg', startedOn: '2026-03-03', stoppedOn: null } }, at('2026-03-03')));
    expect(sertraline.excitability).toBeNull();
    expect(ok(await dispatch('history:thresholdRecheck', { courseId: course.id }, at('2026-03-03')))).toBeNull();

    // The dose change of a benzodiazepine asks for a re-check.
    const changed = ok(await dispatch('history:changeMedication', { actorId: tech, id: longStanding.id, version: 0, dose: '1 mg at night', stoppedOn: null, changedOn: '2026-03-04' }, at('2026-03-04')));
    expect(changed).toMatchObject({ dose: '1 mg at night', changedOn: '2026-03-04', version: 1 });
    expect(ok(await dispatch('history:thresholdRecheck', { courseId: course.id }, at('2026-03-04')))).toEqual({ drug: 'Clonazepam', changedOn: '2026-03-04', effect: 'benzodiazepine' });
    const audit = ok(await dispatch('audit:list', { entity: 'medication', entityId: longStanding.id }, MON));
    expect(audit[0]).toMatchObject({ action: 'update', staffName: 'Sam Okafor', before: { dose: '0.5 mg at night' }, after: { dose: '1 mg at night' } });

    // A threshold measured that day is the re-check.
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-04', rmtPctMso: 58, method: 'emg', coil: 'Figure-8', measuredById: tech, notes: '' }, at('2026-03-04')));
    expect(ok(await dispatch('history:thresholdRecheck', { courseId: course.id }, at('2026-03-04')))).toBeNull();

    // Stopping it later asks again; a change dated before the last one, or changing nothing, is refused.
    expect(await dispatch('history:changeMedication', { id: longStanding.id, version: 1, dose: '1 mg at night', stoppedOn: '2026-03-03', changedOn: '2026-03-03' }, at('2026-03-06'))).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { changedOn: 'On or after 2026-03-04' } },
    });
    expect(await dispatch('history:changeMedication', { id: longStanding.id, version: 1, dose: '1 mg at night', stoppedOn: null, changedOn: '2026-03-06' }, at('2026-03-06'))).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { dose: 'The same dose as before' } },
    });
    const stopped = ok(await dispatch('history:changeMedication', { id: longStanding.id, version: 1, dose: '1 mg at night', stoppedOn: '2026-03-06', changedOn: '2026-03-06' }, at('2026-03-06')));
    expect(stopped.stoppedOn).toBe('2026-03-06');
    expect(ok(await dispatch('history:thresholdRecheck', { courseId: course.id }, at('2026-03-06')))).toMatchObject({ drug: 'Clonazepam', changedOn: '2026-03-06' });
    expect(await dispatch('history:changeMedication', { id: longStanding.id, version: 2, dose: '2 mg', stoppedOn: null, changedOn: '2026-03-07' }, at('2026-03-07'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const history = ok(await dispatch('history:get', { patientId: 1 }, at('2026-03-07')));
    expect(history.medications.map((m) => [m.drug, m.stoppedOn])).toEqual([['Sertraline', null], ['Clonazepam', '2026-03-06']]);
  });

  it('refuses changes to an archived patient’s history', async () => {
    const { dispatch } = await clinic();
    const p = ok(await dispatch('patients:get', { id: 1 }, MON));
    ok(await dispatch('patients:archive', { id: 1, version: p.version, reason: 'Moved away' }, MON));
    expect(await dispatch('history:saveTrial', { trial: trial() }, MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
