import { describe, expect, it } from 'vitest';
import { machineOutputPct, rtmsSession, thetaBurstSession } from '../../src/shared/clinical';

// DOMAIN.md "Standard protocols to seed": the formula's figures (published ones in comments).
describe('rtmsSession — DOMAIN.md reference protocols', () => {
  it.each([
    ['10 Hz FDA-cleared (O’Reardon 2007) [37.5 min]', { frequencyHz: 10, trainDurationS: 4, interTrainIntervalS: 26, trains: 75 }, 40, 3000, 2224],
    ['Deep TMS H1 (Levkovitz 2015) [≈20 min]', { frequencyHz: 18, trainDurationS: 2, interTrainIntervalS: 20, trains: 55 }, 36, 1980, 1190],
    ['1 Hz right DLPFC, one 900 s train', { frequencyHz: 1, trainDurationS: 900, interTrainIntervalS: 0, trains: 1 }, 900, 900, 900],
  ])('%s', (_name, params, pulsesPerTrain, totalPulses, durationS) => {
    expect(rtmsSession(params)).toEqual({ pulsesPerTrain, totalPulses, durationS });
  });

  it('rounds pulses per train to a whole number', () => {
    expect(rtmsSession({ frequencyHz: 18, trainDurationS: 2.5, interTrainIntervalS: 20, trains: 2 }).pulsesPerTrain).toBe(45);
    expect(rtmsSession({ frequencyHz: 10, trainDurationS: 0.25, interTrainIntervalS: 1, trains: 1 }).pulsesPerTrain).toBe(3);
  });

  it.each([
    [{ frequencyHz: 0, trainDurationS: 4, interTrainIntervalS: 26, trains: 75 }],
    [{ frequencyHz: -10, trainDurationS: 4, interTrainIntervalS: 26, trains: 75 }],
    [{ frequencyHz: Number.NaN, trainDurationS: 4, interTrainIntervalS: 26, trains: 75 }],
    [{ frequencyHz: 10, trainDurationS: 4, interTrainIntervalS: -1, trains: 75 }],
    [{ frequencyHz: 10, trainDurationS: 4, interTrainIntervalS: 26, trains: 0 }],
    [{ frequencyHz: 10, trainDurationS: 4, interTrainIntervalS: 26, trains: 7.5 }],
    [{ frequencyHz: 10, trainDurationS: 'x' as unknown as number, interTrainIntervalS: 26, trains: 5 }],
  ])('refuses impossible parameters %o', (params) => {
    expect(() => rtmsSession(params)).toThrow(RangeError);
  });
});

describe('thetaBurstSession', () => {
  it('iTBS (THREE-D, Blumberger 2018) [≈3 min]: 600 pulses, 192 s', () => {
    expect(
      thetaBurstSession({ pulsesPerBurst: 3, intraBurstFrequencyHz: 50, burstFrequencyHz: 5, trainDurationS: 2, interTrainIntervalS: 8, trains: 20 }),
    ).toEqual({ pulsesPerTrain: 30, totalPulses: 600, durationS: 192 });
  });

  it('accelerated iTBS (SNT, Cole 2022) [≈10 min]: 1800 pulses, 592 s', () => {
    expect(
      thetaBurstSession({ pulsesPerBurst: 3, intraBurstFrequencyHz: 50, burstFrequencyHz: 5, trainDurationS: 2, interTrainIntervalS: 8, trains: 60 }),
    ).toEqual({ pulsesPerTrain: 30, totalPulses: 1800, durationS: 592 });
  });

  it('refuses a burst that does not fit between bursts', () => {
    // 5 pulses at 20 Hz last 0.25 s, longer than the 0.2 s between bursts at 5 Hz.
    expect(() =>
      thetaBurstSession({ pulsesPerBurst: 5, intraBurstFrequencyHz: 20, burstFrequencyHz: 5, trainDurationS: 2, interTrainIntervalS: 8, trains: 20 }),
    ).toThrow(/do not fit/);
    // Exactly filling the slot is allowed: 4 pulses at 20 Hz = 0.2 s.
    expect(
      thetaBurstSession({ pulsesPerBurst: 4, intraBurstFrequencyHz: 20, burstFrequencyHz: 5, trainDurationS: 2, interTrainIntervalS: 8, trains: 1 }).totalPulses,
    ).toBe(40);
  });
});

describe('machineOutputPct', () => {
  it.each([
    [60, 120, 72],
    [65, 115, 75], // 74.75 → 75
    [55, 110, 61], // 60.5 → 61: halves up
    [45, 90, 41], // 40.5 → 41
    [57, 90, 51], // 51.3 → 51
    [83, 120, 100], // 99.6 → 100: still deliverable
    [50, 100, 50],
  ])('MT %i%% MSO × %i%% MT = %i%% MSO', (mt, pct, expected) => {
    expect(machineOutputPct(mt, pct)).toBe(expected);
  });

  it('refuses what the machine cannot deliver', () => {
    expect(() => machineOutputPct(84, 120)).toThrow(/above 100%/); // 100.8 → 101
    expect(() => machineOutputPct(90, 120)).toThrow(RangeError);
    expect(() => machineOutputPct(0, 120)).toThrow(RangeError);
    expect(() => machineOutputPct(60, -5)).toThrow(RangeError);
    expect(() => machineOutputPct(120, 50)).toThrow(/impossible/);
  });
});
