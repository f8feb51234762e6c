/** The public clinical API: pure functions used by the renderer (previews) and main (checks). */
export { beamF3, type HeadMeasurements } from './beamF3';
export {
  burstFits,
  DURATION_CONVENTION,
  machineOutputPct,
  rtmsSession,
  type RtmsParameters,
  type SessionDose,
  thetaBurstSession,
  type ThetaBurstParameters,
} from './dose';
export { daysBetween, MT_MAX_AGE_DAYS, type MtFlags, type MtMethod, motorThresholdFlags, mtMethods } from './motorThreshold';
export {
  CHEN_1997,
  checkAgainstPrescription,
  checkMachineOutput,
  checkStimulation,
  type DeliveredDose,
  type PrescribedDose,
  type SafetyFinding,
  type SafetyLevel,
} from './safety';
export {
  describeStimulation,
  formatDuration,
  sessionDose,
  type StimulationParameters,
  type StimulationPattern,
  stimulationPatterns,
  trySessionDose,
} from './stimulation';
