import { type Kysely, sql } from 'kysely';
import { ID, isDate, isoTime, refuse, run } from './sql';

/** PostgreSQL variant of 0002_courses_and_sessions: protocols (seeded), courses, thresholds, sessions. */
export async function up(db: Kysely<any>): Promise<void> {
  const stimulation = `
      pattern text NOT NULL CHECK (pattern IN ('rtms', 'theta_burst')),
      intensity_pct_mt double precision NOT NULL CHECK (intensity_pct_mt > 0 AND intensity_pct_mt <= 200),
      frequency_hz double precision NOT NULL CHECK (frequency_hz > 0 AND frequency_hz <= 100),
      burst_frequency_hz double precision CHECK (burst_frequency_hz IS NULL OR burst_frequency_hz > 0),
      pulses_per_burst integer CHECK (pulses_per_burst IS NULL OR pulses_per_burst > 0),
      train_duration_s double precision NOT NULL CHECK (train_duration_s > 0),
      inter_train_interval_s double precision NOT NULL CHECK (inter_train_interval_s >= 0),
      trains integer NOT NULL CHECK (trains > 0)`;
  const stimulationCheck = `CHECK ((pattern = 'theta_burst') = (burst_frequency_hz IS NOT NULL AND pulses_per_burst IS NOT NULL))`;

  await run(db, `
    CREATE TABLE protocols (
      ${ID},
      lineage_id integer NOT NULL,
      revision integer NOT NULL CHECK (revision >= 1),
      name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
      target text NOT NULL CHECK (target IN ('left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'other')),
      coil text NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      ${stimulation},
      sessions_per_day integer NOT NULL DEFAULT 1 CHECK (sessions_per_day BETWEEN 1 AND 10),
      min_minutes_between_sessions integer CHECK (min_minutes_between_sessions IS NULL OR min_minutes_between_sessions > 0),
      default_planned_sessions integer NOT NULL CHECK (default_planned_sessions BETWEEN 1 AND 200),
      reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 300),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      safety_override_reason text,
      status text NOT NULL CHECK (status IN ('current', 'superseded', 'retired')),
      created_by integer REFERENCES staff (id),
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      UNIQUE (lineage_id, revision),
      ${stimulationCheck}
    )`);
  await run(db, `CREATE INDEX protocols_status ON protocols (status, name)`);
  await refuse(db, 'protocols_frozen', 'BEFORE UPDATE', 'protocols', 'protocol revisions are immutable: save a new revision', frozenProtocol([]));
  await refuse(db, 'protocols_never_deleted', 'BEFORE DELETE', 'protocols', 'protocols are retired, never deleted');

  await run(db, `
    CREATE TABLE courses (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      protocol_id integer NOT NULL REFERENCES protocols (id),
      prescriber_id integer NOT NULL REFERENCES staff (id),
      protocol_name text NOT NULL,
      target text NOT NULL CHECK (target IN ('left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'other')),
      coil text NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      ${stimulation},
      sessions_per_day integer NOT NULL CHECK (sessions_per_day BETWEEN 1 AND 10),
      planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 200),
      schedule text NOT NULL DEFAULT '' CHECK (length(schedule) <= 300),
      authorized_sessions integer NOT NULL CHECK (authorized_sessions BETWEEN 0 AND 500),
      start_date text NOT NULL CHECK (${isDate('start_date')}),
      status text NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'discontinued')),
      status_reason text,
      ended_on text CHECK (ended_on IS NULL OR ${isDate('ended_on')}),
      review_required integer NOT NULL DEFAULT 0 CHECK (review_required IN (0, 1)),
      review_reason text,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      safety_override_reason text,
      version integer NOT NULL DEFAULT 0,
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')}),
      ${stimulationCheck},
      CHECK (status <> 'discontinued' OR length(trim(status_reason)) > 0),
      CHECK ((status IN ('completed', 'discontinued')) = (ended_on IS NOT NULL))
    )`);
  await run(db, `CREATE INDEX courses_patient ON courses (patient_id, start_date)`);
  await run(db, `CREATE INDEX courses_status ON courses (status, start_date)`);
  await refuse(db, 'courses_never_deleted', 'BEFORE DELETE', 'courses', 'courses are discontinued, never deleted');

  await run(db, `
    CREATE TABLE course_authorizations (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      authorized_sessions integer NOT NULL CHECK (authorized_sessions BETWEEN 0 AND 500),
      reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 120),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      recorded_by integer NOT NULL REFERENCES staff (id),
      recorded_at text NOT NULL CHECK (${isoTime('recorded_at')})
    )`);
  await run(db, `CREATE INDEX course_authorizations_course ON course_authorizations (course_id, id)`);

  await run(db, `
    CREATE TABLE motor_thresholds (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      measured_on text NOT NULL CHECK (${isDate('measured_on')}),
      rmt_pct_mso integer NOT NULL CHECK (rmt_pct_mso BETWEEN 1 AND 100),
      method text NOT NULL CHECK (method IN ('emg', 'visual')),
      coil text NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      measured_by integer NOT NULL REFERENCES staff (id),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
      created_at text NOT NULL CHECK (${isoTime('created_at')})
    )`);
  await run(db, `CREATE INDEX motor_thresholds_course ON motor_thresholds (course_id, measured_on, id)`);

  await run(db, `
    CREATE TABLE treatment_sessions (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      session_number integer NOT NULL CHECK (session_number >= 1),
      session_date text NOT NULL CHECK (${isDate('session_date')}),
      start_time text NOT NULL CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      technician_id integer NOT NULL REFERENCES staff (id),
      motor_threshold_id integer NOT NULL REFERENCES motor_thresholds (id),
      position_method text NOT NULL CHECK (position_method IN ('five_cm', 'beam_f3', 'eeg_10_20', 'neuronavigation')),
      position_json text NOT NULL CHECK (tms_json_valid(position_json)),
      landmarks text NOT NULL DEFAULT '' CHECK (length(landmarks) <= 500),
      coil_angle_deg double precision NOT NULL CHECK (coil_angle_deg BETWEEN -180 AND 180),
      coil text NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      frequency_hz double precision NOT NULL CHECK (frequency_hz > 0),
      intensity_pct_mt double precision NOT NULL CHECK (intensity_pct_mt > 0),
      intensity_pct_mso integer NOT NULL CHECK (intensity_pct_mso BETWEEN 1 AND 100),
      trains_planned integer NOT NULL CHECK (trains_planned > 0),
      trains_delivered integer NOT NULL CHECK (trains_delivered >= 0),
      pulses_delivered integer NOT NULL CHECK (pulses_delivered >= 0),
      override_by integer REFERENCES staff (id),
      override_reason text,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      version integer NOT NULL DEFAULT 0,
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')}),
      UNIQUE (course_id, session_number),
      CHECK ((override_by IS NULL) = (override_reason IS NULL))
    )`);
  await run(db, `CREATE INDEX treatment_sessions_course_date ON treatment_sessions (course_id, session_date)`);
  await run(db, `CREATE INDEX treatment_sessions_date ON treatment_sessions (session_date)`);
  await refuse(db, 'treatment_sessions_never_deleted', 'BEFORE DELETE', 'treatment_sessions', 'sessions are corrected, never deleted');

  await run(db, `
    CREATE TABLE session_side_effects (
      session_id integer NOT NULL REFERENCES treatment_sessions (id),
      effect text NOT NULL CHECK (length(effect) BETWEEN 1 AND 60),
      severity text NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
      PRIMARY KEY (session_id, effect)
    )`);
  await run(db, `
    CREATE TABLE session_interruptions (
      ${ID},
      session_id integer NOT NULL REFERENCES treatment_sessions (id),
      after_train integer NOT NULL CHECK (after_train >= 0),
      reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 300)
    )`);
  await run(db, `CREATE INDEX session_interruptions_session ON session_interruptions (session_id)`);
  await run(db, `
    CREATE TABLE session_adverse_events (
      ${ID},
      session_id integer NOT NULL REFERENCES treatment_sessions (id),
      event text NOT NULL CHECK (event IN ('seizure', 'syncope', 'mania_hypomania', 'suicidal_behaviour', 'other')),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000)
    )`);
  await run(db, `CREATE INDEX session_adverse_events_session ON session_adverse_events (session_id)`);

  await seedStandardProtocols(db);
}

/** The WHEN of protocols_frozen: the frozen columns of 0002, plus any later migration adds. */
export function frozenProtocol(more: readonly string[]): string {
  const columns = ['name', 'pattern', 'intensity_pct_mt', 'frequency_hz', 'burst_frequency_hz', 'pulses_per_burst', 'train_duration_s',
    'inter_train_interval_s', 'trains', 'target', 'coil', ...more];
  return `NEW.status = OLD.status OR NOT (${columns.map((c) => `NEW.${c} IS NOT DISTINCT FROM OLD.${c}`).join(' AND ')})`;
}

/** DOMAIN.md "Standard protocols to seed", as the SQLite migration seeds them (ids 1–5). */
async function seedStandardProtocols(db: Kysely<any>): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const rows = [
    ['10 Hz rTMS, left DLPFC (FDA-cleared)', 'left_dlpfc', 'Figure-8', 'rtms', 120, 10, null, null, 4, 26, 75, 1, null, 36, "O'Reardon et al., Biol Psychiatry 2007"],
    ['iTBS, left DLPFC', 'left_dlpfc', 'Figure-8', 'theta_burst', 120, 50, 5, 3, 2, 8, 20, 1, null, 36, 'Blumberger et al., Lancet 2018 (THREE-D)'],
    ['Deep TMS, H1 coil, left DLPFC', 'left_dlpfc', 'H1 coil', 'rtms', 120, 18, null, null, 2, 20, 55, 1, null, 36, 'Levkovitz et al., World Psychiatry 2015'],
    ['1 Hz rTMS, right DLPFC', 'right_dlpfc', 'Figure-8', 'rtms', 110, 1, null, null, 900, 0, 1, 1, null, 36, 'Low-frequency right DLPFC rTMS (e.g. Ge et al., Am J Psychiatry 2022)'],
    ['Accelerated iTBS (SNT), left DLPFC', 'left_dlpfc', 'Figure-8 (fMRI-targeted)', 'theta_burst', 90, 50, 5, 3, 2, 8, 60, 10, 50, 50, 'Cole et al., Am J Psychiatry 2022 (SAINT/SNT)'],
  ] as const;
  for (const [index, r] of rows.entries()) {
    const id = index + 1;
    await sql`
      INSERT INTO protocols (id, lineage_id, revision, name, target, coil, pattern, intensity_pct_mt, frequency_hz,
        burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day,
        min_minutes_between_sessions, default_planned_sessions, reference, status, created_by, created_at)
      VALUES (${id}, ${id}, 1, ${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}, ${r[9]},
        ${r[10]}, ${r[11]}, ${r[12]}, ${r[13]}, ${r[14]}, 'current', NULL, ${at})
    `.execute(db);
  }
  // Explicit ids do not move an identity's sequence: the next protocol is 6, as on SQLite.
  await run(db, `SELECT setval(pg_get_serial_sequence('protocols', 'id'), (SELECT max(id) FROM protocols))`);
}
