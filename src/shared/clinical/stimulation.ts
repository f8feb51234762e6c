import { type SessionDose, rtmsSession, thetaBurstSession } from './dose';

export const stimulationPatterns = ['rtms', 'theta_burst'] as const;
export type StimulationPattern = (typeof stimulationPatterns)[number];

/**
 * A stimulation prescription in one flat shape, as stored and as typed in forms.
 * For rTMS `frequencyHz` is the pulse rate; for theta burst it is the rate inside a burst
 * (e.g. 50 Hz), and `burstFrequencyHz` / `pulsesPerBurst` describe the bursts.
 */
export interface StimulationParameters {
  pattern: StimulationPattern;
  intensityPctMt: number;
  frequencyHz: number;
  burstFrequencyHz: number | null;
  pulsesPerBurst: number | null;
  trainDurationS: number;
  interTrainIntervalS: number;
  trains: number;
}

/** Pulses and duration of one session of these parameters. Throws RangeError on impossible ones. */
export function sessionDose(p: StimulationParameters): SessionDose {
  if (p.pattern === 'rtms') return rtmsSession(p);
  if (p.burstFrequencyHz === null || p.pulsesPerBurst === null) {
    throw new RangeError('Theta burst needs a burst frequency and pulses per burst');
  }
  return thetaBurstSession({
    pulsesPerBurst: p.pulsesPerBurst,
    intraBurstFrequencyHz: p.frequencyHz,
    burstFrequencyHz: p.burstFrequencyHz,
    trainDurationS: p.trainDurationS,
    interTrainIntervalS: p.interTrainIntervalS,
    trains: p.trains,
  });
}

/** sessionDose, or null where the parameters are incomplete or impossible (for live previews). */
export function trySessionDose(p: StimulationParameters): SessionDose | null {
  try {
    return sessionDose(p);
  } catch {
    return null;
  }
}

export function describeStimulation(p: StimulationParameters): string {
  if (p.pattern === 'rtms') {
    return `${p.intensityPctMt}% MT, ${p.frequencyHz} Hz, ${p.trainDurationS} s trains, ${p.interTrainIntervalS} s inter-train, ${p.trains} trains`;
  }
  return `${p.intensityPctMt}% MT, ${p.pulsesPerBurst}-pulse ${p.frequencyHz} Hz bursts at ${p.burstFrequencyHz} Hz, ${p.trainDurationS} s on / ${p.interTrainIntervalS} s off, ${p.trains} trains`;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return m === 0 ? `${s} s` : `${m} min ${String(s).padStart(2, '0')} s`;
}
