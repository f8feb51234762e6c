import { describe, expect, it } from 'vitest';
import {
  beamF3,
  checkAgainstPrescription,
  checkStimulation,
  daysBetween,
  motorThresholdFlags,
  type StimulationParameters,
} from '../../src/shared/clinical';

describe('beamF3 (web calculator formula)', () => {
  it('DOMAIN.md check: TT 36, NI 38, HC 60 → X 6.95 cm, Y 9.79 cm', () => {
    expect(beamF3({ tragusToTragusCm: 36, nasionToInionCm: 38, circumferenceCm: 60 })).toEqual({ xCm: 6.95, yCm: 9.79 });
  });
  it('scales with the head', () => {
    const small = beamF3({ tragusToTragusCm: 33, nasionToInionCm: 34, circumferenceCm: 54 });
    const large = beamF3({ tragusToTragusCm: 38, nasionToInionCm: 40, circumferenceCm: 62 });
    expect(small.xCm).toBeLessThan(large.xCm);
    expect(small.yCm).toBeLessThan(large.yCm);
  });
  it('refuses missing measurements', () => {
    expect(() => beamF3({ tragusToTragusCm: 0, nasionToInionCm: 38, circumferenceCm: 60 })).toThrow(RangeError);
  });
});

const tenHz: StimulationParameters = {
  pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10, burstFrequencyHz: null, pulsesPerBurst: null,
  trainDurationS: 4, interTrainIntervalS: 26, trains: 75,
};

describe('checkStimulation', () => {
  it('passes the standard protocols', () => {
    expect(checkStimulation(tenHz)).toEqual([]);
  });
  it('warns on Chen 1997: ≤ 1 s inter-train interval above 100% MT at 20 Hz', () => {
    const findings = checkStimulation({ ...tenHz, frequencyHz: 20, trainDurationS: 1.6, interTrainIntervalS: 1, intensityPctMt: 110 });
    expect(findings).toEqual([expect.objectContaining({ level: 'warn', field: 'interTrainIntervalS', source: expect.stringMatching(/Chen/) })]);
    expect(checkStimulation({ ...tenHz, frequencyHz: 20, interTrainIntervalS: 5, intensityPctMt: 110 })).toEqual([]);
    expect(checkStimulation({ ...tenHz, frequencyHz: 20, interTrainIntervalS: 1, intensityPctMt: 100 })).toEqual([]);
  });
  it('refuses a theta burst that does not fit', () => {
    const findings = checkStimulation({ ...tenHz, pattern: 'theta_burst', frequencyHz: 20, burstFrequencyHz: 5, pulsesPerBurst: 5, trainDurationS: 2 });
    expect(findings[0]).toMatchObject({ level: 'refuse', field: 'pulsesPerBurst' });
  });
});

describe('checkAgainstPrescription', () => {
  const prescribed = { intensityPctMt: 120, totalPulses: 3000, trains: 75 };
  it('accepts the prescription as is', () => {
    expect(checkAgainstPrescription({ intensityPctMt: 120, intensityPctMso: 72, pulsesDelivered: 3000, trainsDelivered: 75 }, prescribed)).toEqual([]);
  });
  it('needs an override above it, field by field', () => {
    const findings = checkAgainstPrescription({ intensityPctMt: 125, intensityPctMso: 75, pulsesDelivered: 3040, trainsDelivered: 76 }, prescribed);
    expect(findings.filter((f) => f.level === 'override').map((f) => f.field)).toEqual(['intensityPctMt', 'pulsesDelivered', 'trainsDelivered']);
  });
  it('shows a partial session below it', () => {
    const findings = checkAgainstPrescription({ intensityPctMt: 120, intensityPctMso: 72, pulsesDelivered: 1200, trainsDelivered: 30 }, prescribed);
    expect(findings).toEqual([expect.objectContaining({ level: 'info', message: 'Partial session: 1200 of 3000 pulses, 30 of 75 trains.' })]);
  });
});

describe('motor threshold flags', () => {
  it('flags older than 7 days and visual thresholds', () => {
    expect(motorThresholdFlags({ measuredOn: '2026-03-02', method: 'emg' }, '2026-03-09')).toEqual({ ageDays: 7, stale: false, visual: false });
    expect(motorThresholdFlags({ measuredOn: '2026-03-02', method: 'visual' }, '2026-03-10')).toEqual({ ageDays: 8, stale: true, visual: true });
  });
  it('counts days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});
