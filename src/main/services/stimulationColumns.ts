import { sessionDose, type StimulationParameters } from '../../shared/clinical';
import type { StimulationColumns } from '../db/schema';

type StimulationRow = StimulationColumns;

export function stimulationFromRow(row: StimulationRow): StimulationParameters {
  return {
    pattern: row.pattern,
    intensityPctMt: row.intensity_pct_mt,
    frequencyHz: row.frequency_hz,
    burstFrequencyHz: row.burst_frequency_hz,
    pulsesPerBurst: row.pulses_per_burst,
    trainDurationS: row.train_duration_s,
    interTrainIntervalS: row.inter_train_interval_s,
    trains: row.trains,
  };
}

/** Columns for stored parameters; theta-burst fields are cleared for rTMS. */
export function stimulationToColumns(p: StimulationParameters): StimulationRow {
  const tbs = p.pattern === 'theta_burst';
  return {
    pattern: p.pattern,
    intensity_pct_mt: p.intensityPctMt,
    frequency_hz: p.frequencyHz,
    burst_frequency_hz: tbs ? p.burstFrequencyHz : null,
    pulses_per_burst: tbs ? p.pulsesPerBurst : null,
    train_duration_s: p.trainDurationS,
    inter_train_interval_s: p.interTrainIntervalS,
    trains: p.trains,
  };
}

/** Stored parameters with their computed dose. */
export function withDose(row: StimulationRow) {
  const params = stimulationFromRow(row);
  return { ...params, dose: sessionDose(params) };
}

export function overrideReasonOrNull(reason: string): string | null {
  return reason.trim() === '' ? null : reason.trim();
}
