import type { Kysely } from 'kysely';
import { ID, isDate, isoTime, refuse, run } from './sql';

/** PostgreSQL variant of 0003_phq9 (dropped again by 0017). */
export async function up(db: Kysely<any>): Promise<void> {
  const item = (n: number) => `item${n} integer NOT NULL CHECK (item${n} BETWEEN 0 AND 3)`;
  await run(db, `
    CREATE TABLE phq9_assessments (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      course_id integer REFERENCES courses (id),
      assessed_on text NOT NULL CHECK (${isDate('assessed_on')}),
      ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(item).join(', ')},
      difficulty text CHECK (difficulty IS NULL OR difficulty IN ('not_difficult', 'somewhat', 'very', 'extremely')),
      total integer GENERATED ALWAYS AS (item1 + item2 + item3 + item4 + item5 + item6 + item7 + item8 + item9) STORED,
      entered_by integer NOT NULL REFERENCES staff (id),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      created_at text NOT NULL CHECK (${isoTime('created_at')})
    )`);
  await run(db, `CREATE INDEX phq9_patient ON phq9_assessments (patient_id, assessed_on)`);
  await run(db, `CREATE INDEX phq9_course ON phq9_assessments (course_id, assessed_on)`);
  await run(db, `CREATE INDEX phq9_item9 ON phq9_assessments (id) WHERE item9 > 0`);
  await refuse(db, 'phq9_never_deleted', 'BEFORE DELETE', 'phq9_assessments', 'assessments are never deleted');

  await run(db, `
    CREATE TABLE phq9_item9_acknowledgements (
      assessment_id integer PRIMARY KEY REFERENCES phq9_assessments (id),
      acknowledged_by integer NOT NULL REFERENCES staff (id),
      acknowledged_at text NOT NULL CHECK (${isoTime('acknowledged_at')}),
      action_taken text NOT NULL CHECK (length(trim(action_taken)) BETWEEN 3 AND 2000)
    )`);
  await refuse(db, 'phq9_ack_append_only', 'BEFORE UPDATE', 'phq9_item9_acknowledgements', 'acknowledgements are append-only');
}
