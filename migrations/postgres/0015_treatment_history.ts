import type { Kysely } from 'kysely';
import { ID, isDate, isoTime, refuse, run } from './sql';

/** PostgreSQL variant of 0015_treatment_history: antidepressant and psychotherapy trials, current medications. */
export async function up(db: Kysely<any>): Promise<void> {
  const meta = `
      entered_by integer NOT NULL REFERENCES staff (id),
      version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')})`;
  const dates = (start: string, end: string) => `
      ${start} text NOT NULL CHECK (${isDate(start)}),
      ${end} text CHECK (${end} IS NULL OR (${isDate(end)} AND ${end} >= ${start}))`;

  await run(db, `
    CREATE TABLE antidepressant_trials (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      drug text NOT NULL CHECK (length(drug) BETWEEN 1 AND 120),
      drug_class text NOT NULL CHECK (length(drug_class) BETWEEN 1 AND 120),
      dose text NOT NULL CHECK (length(dose) BETWEEN 1 AND 80),
      ${dates('started_on', 'ended_on')},
      adequate integer NOT NULL CHECK (adequate IN (0, 1)),
      outcome text NOT NULL CHECK (outcome IN ('no_response', 'partial', 'intolerable', 'other')),
      outcome_note text NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 500 AND (outcome <> 'other' OR length(outcome_note) > 0)),
      ${meta}
    )`);
  await run(db, `CREATE INDEX antidepressant_trials_patient ON antidepressant_trials (patient_id, started_on)`);

  await run(db, `
    CREATE TABLE psychotherapy_trials (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      therapy_type text NOT NULL CHECK (therapy_type IN ('cbt', 'behavioral_activation', 'ipt', 'dbt', 'psychodynamic', 'mbct', 'problem_solving', 'other')),
      ${dates('started_on', 'ended_on')},
      sessions integer NOT NULL CHECK (sessions BETWEEN 0 AND 500),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 500 AND (therapy_type <> 'other' OR length(notes) > 0)),
      ${meta}
    )`);
  await run(db, `CREATE INDEX psychotherapy_trials_patient ON psychotherapy_trials (patient_id, started_on)`);

  await run(db, `
    CREATE TABLE current_medications (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      drug text NOT NULL CHECK (length(drug) BETWEEN 1 AND 120),
      dose text NOT NULL CHECK (length(dose) BETWEEN 1 AND 80),
      ${dates('started_on', 'stopped_on')},
      changed_on text NOT NULL CHECK (${isDate('changed_on')} AND changed_on >= started_on),
      ${meta}
    )`);
  await run(db, `CREATE INDEX current_medications_patient ON current_medications (patient_id, changed_on)`);

  for (const table of ['antidepressant_trials', 'psychotherapy_trials', 'current_medications']) {
    await refuse(db, `${table}_never_deleted`, 'BEFORE DELETE', table, 'treatment history is corrected, never deleted');
  }
}
