import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { sessionFields } from '../../src/shared/schemas/session';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, tempDir, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Clinic-local wall-clock times (no Z), as the services read them.
const when = (d: string, time = '09:30:00') => at(`${d}T${time}`);
const TODAY = when('2026-11-25', '10:00:00');

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, TODAY));
  ok(await env.dispatch('patients:create', patientInput(), TODAY));
  return env;
}

describe('prescription start date', () => {
  it.each([
    ['a year ahead', '2027-11-25', true],
    ['a year ago', '2025-11-25', true],
    ['today', '2026-11-25', true],
    ['a year and a day ahead (2027 for 2026 typed one key off)', '2027-11-26', false],
    ['a year and a day ago', '2025-11-24', false],
    ['decades ahead (2062 for 2026)', '2062-11-25', false],
  ] as const)('%s (%s): accepted %s', async (_name, startDate, accepted) => {
    const { dispatch, db } = await clinic();
    const result = await dispatch('courses:prescribe', prescriptionInput({ startDate }), TODAY);
    if (accepted) {
      expect(ok(result).startDate).toBe(startDate);
    } else {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { startDate: 'More than a year from today: start between 25 Nov 2025 and 25 Nov 2027' } },
      });
      expect(await db.selectFrom('courses').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('audit_log').select('id').where('entity', '=', 'course').execute()).toEqual([]);
    }
  });
});

describe('head measurements (Beam F3)', () => {
  const beam = { positionMethod: 'beam_f3', beamTragusToTragusCm: 36, beamNasionToInionCm: 38, beamCircumferenceCm: 57 } as const;

  it('accepts adult values and refuses others with the field, its range and the unit', async () => {
    const { dispatch } = await clinic();
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ startDate: '2026-11-25' }), TODAY));
    await readyToStart(dispatch, course.id, TODAY);
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-11-25', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, TODAY));
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, TODAY));
    const wrong = await dispatch('sessions:create', { ...prepared.values, ...beam, beamCircumferenceCm: 22.4, beamNasionToInionCm: 380, beamTragusToTragusCm: 24.9 }, TODAY);
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          beamCircumferenceCm: 'Head circumference must be between 45 and 70 cm (adult range)',
          beamNasionToInionCm: 'Nasion to inion must be between 25 and 50 cm (adult range)',
          beamTragusToTragusCm: 'Tragus to tragus must be between 25 and 50 cm (adult range)',
        },
      },
    });
    const edges = ok(await dispatch('sessions:create', { ...prepared.values, ...beam, beamCircumferenceCm: 45, beamNasionToInionCm: 50, beamTragusToTragusCm: 25 }, TODAY));
    expect(edges.fields).toMatchObject({ beamCircumferenceCm: 45, beamNasionToInionCm: 50, beamTragusToTragusCm: 25 });
  });

  it.each([
    ['beamCircumferenceCm', 44.9, 70.1],
    ['beamNasionToInionCm', 24.9, 50.1],
    ['beamTragusToTragusCm', 24.9, 50.1],
  ] as const)('%s: %d and %d are outside', (field, low, high) => {
    const base = { courseId: 1, sessionDate: '2026-11-25', startTime: '09:00', motorThresholdId: 1, fiveCmDistanceCm: null, eegSite: null, mniX: null, mniY: null, mniZ: null,
      navigationSystem: '', landmarks: '', coilAngleDeg: 45, coil: 'Figure-8', frequencyHz: 10, intensityPctMt: 120, intensityPctMso: 72, trainsPlanned: 75,
      trainsDelivered: 75, pulsesDelivered: 3000, interruptions: [], sideEffects: [], adverseEvents: [], notes: '', overrideReason: '', ...beam };
    expect(sessionFields.safeParse(base).success).toBe(true);
    for (const value of [low, high]) {
      const result = sessionFields.safeParse({ ...base, [field]: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
    }
  });
});

describe('the demo generator', () => {
  it('writes head measurements in the adult ranges and course starts within a year of their prescription', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 60, seed: 11, today: '2026-11-25' });
    const raw = new Database(file, { readonly: true });
    const beams = raw.prepare("SELECT position_json FROM treatment_sessions WHERE position_method = 'beam_f3'").all() as Array<{ position_json: string }>;
    expect(beams.length).toBeGreaterThan(0);
    for (const { position_json } of beams) {
      const p = JSON.parse(position_json) as Record<string, number>;
      expect(p['beamCircumferenceCm']).toBeGreaterThanOrEqual(45);
      expect(p['beamCircumferenceCm']).toBeLessThanOrEqual(70);
      for (const key of ['beamNasionToInionCm', 'beamTragusToTragusCm']) {
        expect(p[key]).toBeGreaterThanOrEqual(25);
        expect(p[key]).toBeLessThanOrEqual(50);
      }
    }
    // Prescribed (created_at) a few days before the start: never a year apart.
    const far = raw.prepare("SELECT count(*) AS n FROM courses WHERE abs(julianday(start_date) - julianday(substr(created_at, 1, 10))) > 365").get() as { n: number };
    expect(far.n).toBe(0);
    // An archived patient has no open course (archiving ends them).
    const open = raw.prepare("SELECT count(*) AS n FROM courses JOIN patients ON patients.id = courses.patient_id WHERE patients.archived_at IS NOT NULL AND courses.status IN ('planned', 'active')").get() as { n: number };
    expect(open.n).toBe(0);
    raw.close();
  });
});
