import type { Generated } from 'kysely';
import type { PsychotherapyType, TrialOutcome } from '../../shared/schemas/history';
import type { Sex } from '../../shared/schemas/patient';
import type { BillingScheme } from '../../shared/schemas/protocol';
import type { StaffRole } from '../../shared/schemas/staff';
import type { Target } from '../../shared/schemas/stimulation';

/** Row types of the tables created in migrations/. Keep in step with them. */
export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: StaffRole;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
  /** Migration 0008: null for staff from before sign-in until a manager sets one. */
  username: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64), never returned by any channel. */
  password_hash: string | null;
  must_change_password: Generated<0 | 1>;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  /** Migration 0017: may enter clinician-rated scales (MADRS, HAM-D, CGI) besides psychiatrists. */
  trained_rater: Generated<0 | 1>;
}

export interface PatientsTable {
  id: Generated<number>;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: Sex;
  primary_diagnosis: string;
  referring_psychiatrist: string;
  notes: string;
  archived_at: string | null;
  archive_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number;
  action: string;
  entity: string;
  entity_id: number;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  /** The previous entry's hash (64 zeros for the first): see src/main/services/auditHash.ts. */
  prev_hash: string;
  /** SHA-256 (hex) of this entry's canonical content, prev_hash included. */
  hash: string;
}


/** Stimulation parameters as columns of protocols and courses. */
export interface StimulationColumns {
  pattern: 'rtms' | 'theta_burst';
  intensity_pct_mt: number;
  frequency_hz: number;
  burst_frequency_hz: number | null;
  pulses_per_burst: number | null;
  train_duration_s: number;
  inter_train_interval_s: number;
  trains: number;
}



export interface ProtocolsTable extends StimulationColumns {
  id: Generated<number>;
  lineage_id: number;
  revision: number;
  name: string;
  target: Target;
  coil: string;
  sessions_per_day: number;
  min_minutes_between_sessions: number | null;
  default_planned_sessions: number;
  /** Migration 0012. */
  billing_scheme: Generated<BillingScheme>;
  reference: string;
  notes: string;
  safety_override_reason: string | null;
  status: 'current' | 'superseded' | 'retired';
  created_by: number | null;
  created_at: string;
}

export interface CoursesTable extends StimulationColumns {
  id: Generated<number>;
  patient_id: number;
  protocol_id: number;
  prescriber_id: number;
  protocol_name: string;
  target: Target;
  coil: string;
  sessions_per_day: number;
  /** Migration 0010: copied from the protocol at prescription. */
  min_minutes_between_sessions: number | null;
  planned_sessions: number;
  schedule: string;
  authorized_sessions: number;
  /** Migration 0012: copied from the protocol at prescription. */
  billing_scheme: Generated<BillingScheme>;
  /** Migration 0013: the course's planned time of day (HH:MM), the order of the today list. */
  planned_time: string | null;
  start_date: string;
  status: 'planned' | 'active' | 'completed' | 'discontinued';
  status_reason: string | null;
  ended_on: string | null;
  review_required: Generated<0 | 1>;
  review_reason: string | null;
  notes: string;
  safety_override_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Migration 0013: a course's planned time moved for one day only. */
export interface CourseDayTimesTable {
  course_id: number;
  on_date: string;
  planned_time: string;
  set_by: number;
  set_at: string;
}

export interface CourseAuthorizationsTable {
  id: Generated<number>;
  course_id: number;
  authorized_sessions: number;
  reference: string;
  note: string;
  recorded_by: number;
  recorded_at: string;
}

export interface MotorThresholdsTable {
  id: Generated<number>;
  course_id: number;
  measured_on: string;
  rmt_pct_mso: number;
  method: 'emg' | 'visual';
  coil: string;
  measured_by: number;
  notes: string;
  created_at: string;
}

export interface TreatmentSessionsTable {
  id: Generated<number>;
  course_id: number;
  session_number: number;
  session_date: string;
  start_time: string;
  technician_id: number;
  motor_threshold_id: number;
  position_method: 'five_cm' | 'beam_f3' | 'eeg_10_20' | 'neuronavigation';
  position_json: string;
  landmarks: string;
  coil_angle_deg: number;
  coil: string;
  frequency_hz: number;
  intensity_pct_mt: number;
  intensity_pct_mso: number;
  trains_planned: number;
  trains_delivered: number;
  pulses_delivered: number;
  override_by: number | null;
  override_reason: string | null;
  notes: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionSideEffectsTable {
  session_id: number;
  effect: string;
  severity: 'mild' | 'moderate' | 'severe';
}

export interface SessionInterruptionsTable {
  id: Generated<number>;
  session_id: number;
  after_train: number;
  reason: string;
}

export interface SessionAdverseEventsTable {
  id: Generated<number>;
  session_id: number;
  event: 'seizure' | 'syncope' | 'mania_hypomania' | 'suicidal_behaviour' | 'other';
  description: string;
}

/**
 * Migration 0017: assessments of every rating scale (src/shared/clinical/scales). The PHQ-9s of
 * schema 3–16 were copied here with their ids. Never updated or deleted (triggers).
 */
export interface AssessmentsTable {
  id: Generated<number>;
  patient_id: number;
  /** A ScaleId: 'phq9', 'gad7', 'madrs', 'hamd17', 'cgi_s', 'cgi_i'. */
  scale: string;
  assessed_on: string;
  /** JSON array of the answers in item order. */
  answers: string;
  /** The sum of the answers (checked by a trigger). */
  total: number;
  suicide_item_positive: 0 | 1;
  difficulty: 'not_difficult' | 'somewhat' | 'very' | 'extremely' | null;
  entered_by: number;
  notes: string;
  created_at: string;
  // legacy_course_id (phq9_assessments.course_id, history since 0011) is deliberately left out:
  // assessments are linked to courses by date windows (courseAssessments).
}

/** A positive suicide item (PHQ-9 item 9, MADRS item 10, HAM-D item 3…) acknowledged by a named staff member. Append-only. */
export interface AssessmentAcknowledgementsTable {
  assessment_id: number;
  acknowledged_by: number;
  acknowledged_at: string;
  action_taken: string;
}

export interface AssessmentEnteredInErrorTable {
  assessment_id: number;
  marked_by: number;
  marked_at: string;
  reason: string;
}

/** Migration 0018: the scales a course follows and how often; none: PHQ-9 weekly (the default). */
export interface CourseScalePlansTable {
  course_id: number;
  scale: string;
  schedule: 'weekly' | 'baseline_mid_end';
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}

/** Maintained by triggers (migrations 0005 and 0006); never written by the app. */
export interface CourseProgressTable {
  /** Raised whenever anything the dashboard shows of the course changes. */
  revision: number;
  course_id: number;
  sessions_done: number;
  first_session_date: string | null;
  last_session_date: string | null;
  pulses_delivered: number;
}

/** Migration 0011: a course whose shown outcome changed when assessments moved to date windows. Append-only. */
export interface OutcomeRuleChangesTable {
  id: Generated<number>;
  course_id: number;
  /** The migration whose rules changed the outcome, e.g. '0011_assessment_windows'. */
  rule_change: string;
  recorded_at: string;
  before_json: string;
  after_json: string;
}

/** Migration 0011: which psychiatrist has seen which outcome rule change. Append-only. */
export interface OutcomeRuleChangeSeenTable {
  change_id: number;
  staff_id: number;
  seen_at: string;
}

/** Migration 0008: a session above the prescription waiting for a psychiatrist's co-signature. */
export interface PendingSessionsTable {
  id: Generated<number>;
  course_id: number;
  fields_json: string;
  findings: string;
  entered_by: number;
  entered_at: string;
  status: Generated<'pending' | 'signed' | 'declined'>;
  resolved_by: number | null;
  resolved_at: string | null;
  resolution_note: string | null;
  session_id: number | null;
}

/** Migration 0014: one CSV import, undoable as a whole on the clinic's day it was made. */
export interface ImportBatchesTable {
  id: Generated<number>;
  kind: 'patients' | 'phq9' | 'courses';
  file_name: string;
  rows: number;
  imported_by: number;
  imported_at: string;
  imported_on: string;
  undone_by: number | null;
  undone_at: string | null;
  /** 1 only inside the undo's transaction: lets the never-deleted triggers pass this batch's records. */
  undoing: Generated<0 | 1>;
}

/** Migration 0014: the records an import created. */
export interface ImportRecordsTable {
  batch_id: number;
  entity: 'patient' | 'phq9' | 'course';
  entity_id: number;
}

/** Who entered a treatment-history row, its version and times (migration 0015). */
interface HistoryRowMeta {
  entered_by: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Migration 0015: an antidepressant trial (drug and class from the built-in list). */
export interface AntidepressantTrialsTable extends HistoryRowMeta {
  id: Generated<number>;
  patient_id: number;
  drug: string;
  drug_class: string;
  dose: string;
  started_on: string;
  ended_on: string | null;
  adequate: 0 | 1;
  outcome: TrialOutcome;
  outcome_note: Generated<string>;
}

/** Migration 0015: a psychotherapy trial. */
export interface PsychotherapyTrialsTable extends HistoryRowMeta {
  id: Generated<number>;
  patient_id: number;
  therapy_type: PsychotherapyType;
  started_on: string;
  ended_on: string | null;
  sessions: number;
  notes: Generated<string>;
}

/** Migration 0015: a medication taken now (or stopped); `changed_on` is its latest start, dose change or stop. */
export interface CurrentMedicationsTable extends HistoryRowMeta {
  id: Generated<number>;
  patient_id: number;
  drug: string;
  dose: string;
  started_on: string;
  stopped_on: string | null;
  changed_on: string;
}

/** Migration 0016: a course's TMS safety screening, cleared by a psychiatrist. Answers are 0/1. */
export interface SafetyScreeningsTable {
  id: Generated<number>;
  course_id: number;
  screened_on: string;
  seizures: 0 | 1;
  family_epilepsy: 0 | 1;
  metal_in_head: 0 | 1;
  implanted_devices: 0 | 1;
  pregnancy: 0 | 1;
  head_injury: 0 | 1;
  excitability_medications: 0 | 1;
  substance_use: 0 | 1;
  details: Generated<string>;
  screened_by: number;
  cleared_by: number | null;
  cleared_at: string | null;
  clearance: Generated<string>;
  created_at: string;
}

/** Migration 0016: the patient's informed consent to a course. */
export interface ConsentsTable {
  id: Generated<number>;
  course_id: number;
  consented_on: string;
  consent_version: string;
  obtained_by: number;
  recorded_by: number;
  created_at: string;
}

export interface DB {
  staff: StaffTable;
  patients: PatientsTable;
  audit_log: AuditLogTable;
  protocols: ProtocolsTable;
  courses: CoursesTable;
  course_authorizations: CourseAuthorizationsTable;
  motor_thresholds: MotorThresholdsTable;
  treatment_sessions: TreatmentSessionsTable;
  session_side_effects: SessionSideEffectsTable;
  session_interruptions: SessionInterruptionsTable;
  session_adverse_events: SessionAdverseEventsTable;
  assessments: AssessmentsTable;
  assessment_acknowledgements: AssessmentAcknowledgementsTable;
  assessment_entered_in_error: AssessmentEnteredInErrorTable;
  course_scale_plans: CourseScalePlansTable;
  settings: SettingsTable;
  course_day_times: CourseDayTimesTable;
  course_progress: CourseProgressTable;
  pending_sessions: PendingSessionsTable;
  outcome_rule_changes: OutcomeRuleChangesTable;
  outcome_rule_change_seen: OutcomeRuleChangeSeenTable;
  import_batches: ImportBatchesTable;
  import_records: ImportRecordsTable;
  antidepressant_trials: AntidepressantTrialsTable;
  psychotherapy_trials: PsychotherapyTrialsTable;
  current_medications: CurrentMedicationsTable;
  safety_screenings: SafetyScreeningsTable;
  consents: ConsentsTable;
}
