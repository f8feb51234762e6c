import { machineOutputPct } from './dose';
import { type StimulationParameters, sessionDose } from './stimulation';

export type SafetyLevel = 'refuse' | 'override' | 'warn' | 'info';

export interface SafetyFinding {
  level: SafetyLevel;
  /** The input field the finding is about, so a form can show it there. */
  field: string;
  message: string;
  /** The published source of the limit, where there is one. */
  source?: string;
}

/**
 * Chen R, Gerloff C, Classen J, et al. Safety of different inter-train intervals for
 * repetitive transcranial magnetic stimulation. Electroencephalogr Clin Neurophysiol
 * 1997;105:415–421: "inter-train intervals of 1 s or less were unsafe for trains of 20 Hz
 * for 1.6 s and stimulus intensities higher than 100% of MT".
 */
export const CHEN_1997 = {
  source: 'Chen et al., Electroencephalogr Clin Neurophysiol 1997;105:415–421',
  minFrequencyHz: 20,
  aboveIntensityPctMt: 100,
  maxUnsafeIntervalS: 1,
} as const;

// The maximum single-train durations of Wassermann 1998 / Rossi 2009 (Table 4) are not
// encoded: their values could not be confirmed from the papers on this project's machines,
// and DOMAIN.md allows only confirmed values. See the README's "Safety checks" section.

/** Findings about prescribed parameters themselves (no patient data needed). */
export function checkStimulation(p: StimulationParameters): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  const tbs = p.pattern === 'theta_burst' && p.pulsesPerBurst !== null && p.burstFrequencyHz !== null;
  try {
    sessionDose(p);
  } catch (error) {
    // A burst that overruns its slot is about the burst; anything else about the train.
    const field = tbs && error instanceof RangeError && /do not fit/.test(error.message) ? 'pulsesPerBurst' : 'trainDurationS';
    findings.push({ level: 'refuse', field, message: (error as Error).message });
  }
  if (
    p.pattern === 'rtms' &&
    p.frequencyHz >= CHEN_1997.minFrequencyHz &&
    p.intensityPctMt > CHEN_1997.aboveIntensityPctMt &&
    p.interTrainIntervalS <= CHEN_1997.maxUnsafeIntervalS &&
    p.trains > 1
  ) {
    findings.push({
      level: 'warn',
      field: 'interTrainIntervalS',
      message: `Inter-train intervals of 1 s or less were unsafe at 20 Hz above 100% MT (Chen 1997). Lengthen the interval or lower the intensity.`,
      source: CHEN_1997.source,
    });
  }
  return findings;
}

/** The %MSO for a threshold and intensity, or a refusal when it cannot be delivered. */
export function checkMachineOutput(restingMtPctMso: number, intensityPctMt: number): { pctMso: number } | SafetyFinding {
  try {
    return { pctMso: machineOutputPct(restingMtPctMso, intensityPctMt) };
  } catch (error) {
    return { level: 'refuse', field: 'intensityPctMt', message: (error as Error).message };
  }
}

export interface DeliveredDose {
  intensityPctMt: number;
  intensityPctMso: number;
  pulsesDelivered: number;
  trainsDelivered: number;
}

export interface PrescribedDose {
  intensityPctMt: number;
  totalPulses: number;
  trains: number;
}

/**
 * Above the course prescription needs a psychiatrist's recorded override; below is allowed
 * and shown as a partial session. Whether the %MSO matches the threshold is `checkSession`'s.
 */
export function checkAgainstPrescription(delivered: DeliveredDose, prescribed: PrescribedDose): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  if (delivered.intensityPctMso > 100) {
    findings.push({ level: 'refuse', field: 'intensityPctMso', message: 'Machine output above 100% cannot be delivered.' });
  }
  if (delivered.intensityPctMt > prescribed.intensityPctMt) {
    findings.push({
      level: 'override',
      field: 'intensityPctMt',
      message: `${delivered.intensityPctMt}% MT is above the prescribed ${prescribed.intensityPctMt}% MT.`,
    });
  }
  if (delivered.pulsesDelivered > prescribed.totalPulses) {
    findings.push({
      level: 'override',
      field: 'pulsesDelivered',
      message: `${delivered.pulsesDelivered} pulses is above the prescribed ${prescribed.totalPulses}.`,
    });
  }
  if (delivered.trainsDelivered > prescribed.trains) {
    findings.push({
      level: 'override',
      field: 'trainsDelivered',
      message: `${delivered.trainsDelivered} trains is above the prescribed ${prescribed.trains}.`,
    });
  }
  if (delivered.pulsesDelivered < prescribed.totalPulses || delivered.trainsDelivered < prescribed.trains) {
    findings.push({
      level: 'info',
      field: 'pulsesDelivered',
      message: `Partial session: ${delivered.pulsesDelivered} of ${prescribed.totalPulses} pulses, ${delivered.trainsDelivered} of ${prescribed.trains} trains.`,
    });
  }
  return findings;
}
