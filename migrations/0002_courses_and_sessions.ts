import { type Kysely, sql } from 'kysely';

const ISO_TIME = sql.raw(`GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'`);

/**
 * Protocol library (seeded with DOMAIN.md's standard protocols), treatment courses with
 * their authorizations, motor thresholds, and treatment sessions with side effects,
 * interruptions and adverse events. Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Stimulation columns shared by protocols, courses and (as delivered) sessions.
  const stimulation = sql.raw(`
      pattern TEXT NOT NULL CHECK (pattern IN ('rtms', 'theta_burst')),
      intensity_pct_mt REAL NOT NULL CHECK (intensity_pct_mt > 0 AND intensity_pct_mt <= 200),
      frequency_hz REAL NOT NULL CHECK (frequency_hz > 0 AND frequency_hz <= 100),
      burst_frequency_hz REAL CHECK (burst_frequency_hz IS NULL OR burst_frequency_hz > 0),
      pulses_per_burst INTEGER CHECK (pulses_per_burst IS NULL OR pulses_per_burst > 0),
      train_duration_s REAL NOT NULL CHECK (train_duration_s > 0),
      inter_train_interval_s REAL NOT NULL CHECK (inter_train_interval_s >= 0),
      trains INTEGER NOT NULL CHECK (trains > 0)`);
  const stimulationCheck = sql.raw(
    `CHECK ((pattern = 'theta_burst') = (burst_frequency_hz IS NOT NULL AND pulses_per_burst IS NOT NULL))`,
  );

  await sql`
    CREATE TABLE protocols (
      id INTEGER PRIMARY KEY,
      lineage_id INTEGER NOT NULL,
      revision INTEGER NOT NULL CHECK (revision >= 1),
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
      target TEXT NOT NULL CHECK (target IN ('left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'other')),
      coil TEXT NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      ${stimulation},
      sessions_per_day INTEGER NOT NULL DEFAULT 1 CHECK (sessions_per_day BETWEEN 1 AND 10),
      min_minutes_between_sessions INTEGER CHECK (min_minutes_between_sessions IS NULL OR min_minutes_between_sessions > 0),
      default_planned_sessions INTEGER NOT NULL CHECK (default_planned_sessions BETWEEN 1 AND 200),
      reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 300),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      safety_override_reason TEXT,
      status TEXT NOT NULL CHECK (status IN ('current', 'superseded', 'retired')),
      created_by INTEGER REFERENCES staff (id),
      created_at TEXT NOT NULL CHECK (created_at ${ISO_TIME}),
      UNIQUE (lineage_id, revision),
      ${stimulationCheck}
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX protocols_status ON protocols (status, name)`.execute(db);
  // A released protocol revision never changes; a revision is a new row.
  await sql`
    CREATE TRIGGER protocols_frozen BEFORE UPDATE ON protocols
    WHEN NEW.status = OLD.status OR NOT (
      NEW.name IS OLD.name AND NEW.pattern IS OLD.pattern AND NEW.intensity_pct_mt IS OLD.intensity_pct_mt
      AND NEW.frequency_hz IS OLD.frequency_hz AND NEW.burst_frequency_hz IS OLD.burst_frequency_hz
      AND NEW.pulses_per_burst IS OLD.pulses_per_burst AND NEW.train_duration_s IS OLD.train_duration_s
      AND NEW.inter_train_interval_s IS OLD.inter_train_interval_s AND NEW.trains IS OLD.trains
      AND NEW.target IS OLD.target AND NEW.coil IS OLD.coil)
    BEGIN SELECT RAISE(ABORT, 'protocol revisions are immutable: save a new revision'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER protocols_never_deleted BEFORE DELETE ON protocols
    BEGIN SELECT RAISE(ABORT, 'protocols are retired, never deleted'); END
  `.execute(db);

  await sql`
    CREATE TABLE courses (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      protocol_id INTEGER NOT NULL REFERENCES protocols (id),
      prescriber_id INTEGER NOT NULL REFERENCES staff (id),
      protocol_name TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'other')),
      coil TEXT NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      ${stimulation},
      sessions_per_day INTEGER NOT NULL CHECK (sessions_per_day BETWEEN 1 AND 10),
      planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 200),
      schedule TEXT NOT NULL DEFAULT '' CHECK (length(schedule) <= 300),
      authorized_sessions INTEGER NOT NULL CHECK (authorized_sessions BETWEEN 0 AND 500),
      start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
      status TEXT NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'discontinued')),
      status_reason TEXT,
      ended_on TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
      review_required INTEGER NOT NULL DEFAULT 0 CHECK (review_required IN (0, 1)),
      review_reason TEXT,
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      safety_override_reason TEXT,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL CHECK (created_at ${ISO_TIME}),
      updated_at TEXT NOT NULL CHECK (updated_at ${ISO_TIME}),
      ${stimulationCheck},
      CHECK (status <> 'discontinued' OR length(trim(status_reason)) > 0),
      CHECK ((status IN ('completed', 'discontinued')) = (ended_on IS NOT NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX courses_patient ON courses (patient_id, start_date)`.execute(db);
  await sql`CREATE INDEX courses_status ON courses (status, start_date)`.execute(db);
  await sql`
    CREATE TRIGGER courses_never_deleted BEFORE DELETE ON courses
    BEGIN SELECT RAISE(ABORT, 'courses are discontinued, never deleted'); END
  `.execute(db);

  // Payers authorize in blocks and extend mid-course: every change is a row.
  await sql`
    CREATE TABLE course_authorizations (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      authorized_sessions INTEGER NOT NULL CHECK (authorized_sessions BETWEEN 0 AND 500),
      reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 120),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      recorded_by INTEGER NOT NULL REFERENCES staff (id),
      recorded_at TEXT NOT NULL CHECK (recorded_at ${ISO_TIME})
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX course_authorizations_course ON course_authorizations (course_id, id)`.execute(db);

  await sql`
    CREATE TABLE motor_thresholds (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      measured_on TEXT NOT NULL CHECK (date(measured_on) IS measured_on),
      rmt_pct_mso INTEGER NOT NULL CHECK (rmt_pct_mso BETWEEN 1 AND 100),
      method TEXT NOT NULL CHECK (method IN ('emg', 'visual')),
      coil TEXT NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      measured_by INTEGER NOT NULL REFERENCES staff (id),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
      created_at TEXT NOT NULL CHECK (created_at ${ISO_TIME})
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX motor_thresholds_course ON motor_thresholds (course_id, measured_on, id)`.execute(db);

  await sql`
    CREATE TABLE treatment_sessions (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      session_number INTEGER NOT NULL CHECK (session_number >= 1),
      session_date TEXT NOT NULL CHECK (date(session_date) IS session_date),
      start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      technician_id INTEGER NOT NULL REFERENCES staff (id),
      motor_threshold_id INTEGER NOT NULL REFERENCES motor_thresholds (id),
      position_method TEXT NOT NULL CHECK (position_method IN ('five_cm', 'beam_f3', 'eeg_10_20', 'neuronavigation')),
      position_json TEXT NOT NULL CHECK (json_valid(position_json)),
      landmarks TEXT NOT NULL DEFAULT '' CHECK (length(landmarks) <= 500),
      coil_angle_deg REAL NOT NULL CHECK (coil_angle_deg BETWEEN -180 AND 180),
      coil TEXT NOT NULL CHECK (length(coil) BETWEEN 1 AND 120),
      frequency_hz REAL NOT NULL CHECK (frequency_hz > 0),
      intensity_pct_mt REAL NOT NULL CHECK (intensity_pct_mt > 0),
      intensity_pct_mso INTEGER NOT NULL CHECK (intensity_pct_mso BETWEEN 1 AND 100),
      trains_planned INTEGER NOT NULL CHECK (trains_planned > 0),
      trains_delivered INTEGER NOT NULL CHECK (trains_delivered >= 0),
      pulses_delivered INTEGER NOT NULL CHECK (pulses_delivered >= 0),
      override_by INTEGER REFERENCES staff (id),
      override_reason TEXT,
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL CHECK (created_at ${ISO_TIME}),
      updated_at TEXT NOT NULL CHECK (updated_at ${ISO_TIME}),
      UNIQUE (course_id, session_number),
      CHECK ((override_by IS NULL) = (override_reason IS NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX treatment_sessions_course_date ON treatment_sessions (course_id, session_date)`.execute(db);
  await sql`CREATE INDEX treatment_sessions_date ON treatment_sessions (session_date)`.execute(db);
  await sql`
    CREATE TRIGGER treatment_sessions_never_deleted BEFORE DELETE ON treatment_sessions
    BEGIN SELECT RAISE(ABORT, 'sessions are corrected, never deleted'); END
  `.execute(db);

  await sql`
    CREATE TABLE session_side_effects (
      session_id INTEGER NOT NULL REFERENCES treatment_sessions (id),
      effect TEXT NOT NULL CHECK (length(effect) BETWEEN 1 AND 60),
      severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
      PRIMARY KEY (session_id, effect)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE session_interruptions (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES treatment_sessions (id),
      after_train INTEGER NOT NULL CHECK (after_train >= 0),
      reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 300)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX session_interruptions_session ON session_interruptions (session_id)`.execute(db);
  await sql`
    CREATE TABLE session_adverse_events (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES treatment_sessions (id),
      event TEXT NOT NULL CHECK (event IN ('seizure', 'syncope', 'mania_hypomania', 'suicidal_behaviour', 'other')),
      description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX session_adverse_events_session ON session_adverse_events (session_id)`.execute(db);

  await seedStandardProtocols(db);
}

/** DOMAIN.md "Standard protocols to seed", with the published source of each. */
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
}
