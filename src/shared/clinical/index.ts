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
export { DAILY_PHASE_SESSIONS, missedWeekdays } from './schedule';
export { type SessionThreshold, type ThresholdMeasurement, thresholdForSession } from './sessionThreshold';
export {
  checkSession,
  type CourseThreshold,
  type DosingThreshold,
  type SessionCheck,
  type SessionCheckInput,
  type SessionCourse,
  type SessionEntry,
} from './sessionRules';
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
export { classifyOutcome, type Outcome, treatmentDayOf, weekOfCourse } from './outcome';
export {
  LOINC_PHQ9_PANEL,
  LOINC_PHQ9_TOTAL,
  missingPhq9Items,
  PHQ9_ANSWERS,
  PHQ9_DIFFICULTY_QUESTION,
  PHQ9_ITEMS,
  PHQ9_SEVERITY_BANDS,
  PHQ9_STEM,
  type Phq9Difficulty,
  phq9Difficulties,
  phq9DifficultyLabels,
  type Phq9Score,
  type Phq9Severity,
  phq9Severity,
  phq9SeverityLabels,
  phq9Severities,
  scorePhq9,
} from './phq9';
export { meanWithCi, meanWithCiOfSums, type MeanWithCi, type ProportionInterval, tCritical95, type ValueSums, wilsonInterval, Z_95 } from './statistics';
export {
  type AssessmentPart,
  assessmentParts,
  BASELINE_WINDOW_DAYS,
  type CourseAssessments,
  courseAssessments,
  type CourseOutcome,
  courseOutcome,
  type CourseSessionSpan,
  END_OF_TREATMENT_WINDOW_DAYS,
  type MeasuredOutcome,
  measuredOutcome,
  RATED_MIN_BASELINE,
  type ScoredAssessment,
} from './assessments';
export { type CptCode, cptCodeLabels, type CptCodes, cptCodes, PER_DAY_CPT_CODES, PER_SESSION_CPT_CODES, type SessionCptCode, sessionCptCodes } from './billing';
export {
  DRUG_LIST,
  type DrugEntry,
  type DrugRole,
  drugRoles,
  type ExcitabilityEffect,
  excitabilityEffectLabels,
  excitabilityEffects,
  excitabilityOf,
  findDrug,
  type MedicationChange,
  TRIAL_DRUGS,
  type ThresholdRecheck,
  thresholdRecheck,
} from './medications';
export { summarizeTrials, type TrialForSummary, type TrialSummary, trialWeeks } from './trials';
export {
  classifyScaleOutcome,
  FREQUENCY_ANSWERS,
  isRatedBaseline,
  isScaleId,
  mayRate,
  measuresChange,
  missingItems,
  SCALES,
  type ScaleDefinition,
  scaleBand,
  scaleDefinition,
  type ScaleId,
  scaleIds,
  type ScaleItem,
  scaleMaxTotal,
  scaleMinTotal,
  type ScaleOutcome,
  type ScaleOutcomeRule,
  type ScaleRater,
  type ScaleScore,
  scoreAssessment,
  scoreScale,
  type SeverityBand,
  type SymptomScaleId,
} from './scales';
export {
  DEFAULT_SCALE_PLAN,
  MILESTONE_GRACE_SESSIONS,
  type PlannedScale,
  type ScaleDue,
  scaleDue,
  type ScaleDueInput,
  type ScaleDueKind,
  scaleDueKindLabels,
  scaleDueKinds,
  type ScaleSchedule,
  scaleScheduleLabels,
  scaleSchedules,
  WEEKLY_DUE_DAYS,
  WEEKLY_OVERDUE_DAYS,
} from './scalePlan';
