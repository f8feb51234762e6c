import { type Kysely, sql } from 'kysely';

const ISO_TIME = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'`;

/**
 * A patient's treatment history, as payers ask for it before TMS (issue 15): antidepressant trials
 * (drug and class from the built-in list, dose, dates, adequate yes/no, outcome), psychotherapy
 * trials, and the medications taken now. `changed_on` is the day of a medication's latest start,
 * dose change or stop: a change of one that alters cortical excitability asks for a motor-threshold
 * re-check on the patient's open courses. Rows are corrected, never deleted (the audit log keeps
 * what they said). Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const meta = sql.raw(`
      entered_by INTEGER NOT NULL REFERENCES staff (id),
      version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
      created_at TEXT NOT NULL CHECK (created_at ${ISO_TIME}),
      updated_at TEXT NOT NULL CHECK (updated_at ${ISO_TIME})`);
  const dates = (start: string, end: string) =>
    sql.raw(`
      ${start} TEXT NOT NULL CHECK (date(${start}) IS ${start}),
      ${end} TEXT CHECK (${end} IS NULL OR (date(${end}) IS ${end} AND ${end} >= ${start}))`);

  await sql`
    CREATE TABLE antidepressant_trials (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      drug TEXT NOT NULL CHECK (length(drug) BETWEEN 1 AND 120),
      drug_class TEXT NOT NULL CHECK (length(drug_class) BETWEEN 1 AND 120),
      dose TEXT NOT NULL CHECK (length(dose) BETWEEN 1 AND 80),
      ${dates('started_on', 'ended_on')},
      adequate INTEGER NOT NULL CHECK (adequate IN (0, 1)),
      outcome TEXT NOT NULL CHECK (outcome IN ('no_response', 'partial', 'intolerable', 'other')),
      outcome_note TEXT NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 500 AND (outcome != 'other' OR length(outcome_note) > 0)),
      ${meta}
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX antidepressant_trials_patient ON antidepressant_trials (patient_id, started_on)`.execute(db);

  await sql`
    CREATE TABLE psychotherapy_trials (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      therapy_type TEXT NOT NULL CHECK (therapy_type IN ('cbt', 'behavioral_activation', 'ipt', 'dbt', 'psychodynamic', 'mbct', 'problem_solving', 'other')),
      ${dates('started_on', 'ended_on')},
      sessions INTEGER NOT NULL CHECK (sessions BETWEEN 0 AND 500),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500 AND (therapy_type != 'other' OR length(notes) > 0)),
      ${meta}
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX psychotherapy_trials_patient ON psychotherapy_trials (patient_id, started_on)`.execute(db);

  await sql`
    CREATE TABLE current_medications (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      drug TEXT NOT NULL CHECK (length(drug) BETWEEN 1 AND 120),
      dose TEXT NOT NULL CHECK (length(dose) BETWEEN 1 AND 80),
      ${dates('started_on', 'stopped_on')},
      changed_on TEXT NOT NULL CHECK (date(changed_on) IS changed_on AND changed_on >= started_on),
      ${meta}
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX current_medications_patient ON current_medications (patient_id, changed_on)`.execute(db);

  for (const table of ['antidepressant_trials', 'psychotherapy_trials', 'current_medications']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_never_deleted`)} BEFORE DELETE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, 'treatment history is corrected, never deleted'); END
    `.execute(db);
  }
}
