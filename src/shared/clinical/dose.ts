import { requireNonNegative, requirePositive, requirePositiveInteger, roundHalfUp } from './numbers';

export interface SessionDose {
  pulsesPerTrain: number;
  totalPulses: number;
  /** trains × train duration + (trains − 1) × inter-train interval: the app's stated convention. */
  durationS: number;
}

export interface RtmsParameters {
  frequencyHz: number;
  trainDurationS: number;
  interTrainIntervalS: number;
  trains: number;
}

export interface ThetaBurstParameters {
  pulsesPerBurst: number;
  intraBurstFrequencyHz: number;
  burstFrequencyHz: number;
  trainDurationS: number;
  interTrainIntervalS: number;
  trains: number;
}

/** The timing convention shown wherever a duration is (vendors differ; see DOMAIN.md). */
export const DURATION_CONVENTION =
  'Duration = trains × train length + (trains − 1) × inter-train interval, from the first pulse to the last.';

function sessionDuration(trainDurationS: number, interTrainIntervalS: number, trains: number): number {
  return trains * trainDurationS + (trains - 1) * interTrainIntervalS;
}

/** Repetitive TMS: pulses and duration of one session. Throws on non-positive parameters. */
export function rtmsSession({ frequencyHz, trainDurationS, interTrainIntervalS, trains }: RtmsParameters): SessionDose {
  requirePositive('Frequency', frequencyHz);
  requirePositive('Train duration', trainDurationS);
  requireNonNegative('Inter-train interval', interTrainIntervalS);
  requirePositiveInteger('Trains', trains);
  const pulsesPerTrain = roundHalfUp(frequencyHz * trainDurationS);
  if (pulsesPerTrain < 1) throw new RangeError('A train must hold at least one pulse');
  return {
    pulsesPerTrain,
    totalPulses: pulsesPerTrain * trains,
    durationS: sessionDuration(trainDurationS, interTrainIntervalS, trains),
  };
}

/**
 * How long one burst lasts from its first pulse to the start of the next burst's slot:
 * the burst (pulsesPerBurst at the intra-burst rate) must fit in 1 / burstFrequency.
 */
export function burstFits(p: Pick<ThetaBurstParameters, 'pulsesPerBurst' | 'intraBurstFrequencyHz' | 'burstFrequencyHz'>): boolean {
  return p.pulsesPerBurst / p.intraBurstFrequencyHz <= 1 / p.burstFrequencyHz + 1e-12;
}

/** Theta burst: pulses and duration of one session. Throws on a pattern that does not fit. */
export function thetaBurstSession(p: ThetaBurstParameters): SessionDose {
  requirePositiveInteger('Pulses per burst', p.pulsesPerBurst);
  requirePositive('Intra-burst frequency', p.intraBurstFrequencyHz);
  requirePositive('Burst frequency', p.burstFrequencyHz);
  requirePositive('Train duration', p.trainDurationS);
  requireNonNegative('Inter-train interval', p.interTrainIntervalS);
  requirePositiveInteger('Trains', p.trains);
  if (!burstFits(p)) {
    throw new RangeError(
      `${p.pulsesPerBurst} pulses at ${p.intraBurstFrequencyHz} Hz do not fit between bursts at ${p.burstFrequencyHz} Hz`,
    );
  }
  const bursts = roundHalfUp(p.burstFrequencyHz * p.trainDurationS);
  if (bursts < 1) throw new RangeError('A train must hold at least one burst');
  const pulsesPerTrain = bursts * p.pulsesPerBurst;
  return {
    pulsesPerTrain,
    totalPulses: pulsesPerTrain * p.trains,
    durationS: sessionDuration(p.trainDurationS, p.interTrainIntervalS, p.trains),
  };
}

/**
 * The device setting in % of maximum stimulator output for an intensity prescribed in % of
 * resting motor threshold: MT × %MT / 100, rounded half up. Above 100 cannot be delivered.
 */
export function machineOutputPct(restingMtPctMso: number, intensityPctMt: number): number {
  requirePositive('Resting motor threshold', restingMtPctMso);
  requirePositive('Intensity', intensityPctMt);
  if (restingMtPctMso > 100) throw new RangeError(`A motor threshold of ${restingMtPctMso}% MSO is impossible`);
  const pct = roundHalfUp((restingMtPctMso * intensityPctMt) / 100);
  if (pct > 100) {
    throw new RangeError(
      `${intensityPctMt}% of a ${restingMtPctMso}% MSO threshold is ${pct}% of machine output: above 100%, it cannot be delivered`,
    );
  }
  return pct;
}
