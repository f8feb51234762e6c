import { type Kysely, sql } from 'kysely';

/** PHQ-9 assessments (total and item 9 derived by the database) and item-9 acknowledgements. */
export async function up(db: Kysely<any>): Promise<void> {
  const item = (n: number) => sql.raw(`item${n} INTEGER NOT NULL CHECK (item${n} BETWEEN 0 AND 3)`);
  await sql`
    CREATE TABLE phq9_assessments (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      course_id INTEGER REFERENCES courses (id),
      assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
      ${item(1)}, ${item(2)}, ${item(3)}, ${item(4)}, ${item(5)}, ${item(6)}, ${item(7)}, ${item(8)}, ${item(9)},
      difficulty TEXT CHECK (difficulty IS NULL OR difficulty IN ('not_difficult', 'somewhat', 'very', 'extremely')),
      total INTEGER GENERATED ALWAYS AS (item1 + item2 + item3 + item4 + item5 + item6 + item7 + item8 + item9) STORED,
      entered_by INTEGER NOT NULL REFERENCES staff (id),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX phq9_patient ON phq9_assessments (patient_id, assessed_on)`.execute(db);
  await sql`CREATE INDEX phq9_course ON phq9_assessments (course_id, assessed_on)`.execute(db);
  await sql`CREATE INDEX phq9_item9 ON phq9_assessments (id) WHERE item9 > 0`.execute(db);
  await sql`
    CREATE TRIGGER phq9_never_deleted BEFORE DELETE ON phq9_assessments
    BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END
  `.execute(db);

  await sql`
    CREATE TABLE phq9_item9_acknowledgements (
      assessment_id INTEGER PRIMARY KEY REFERENCES phq9_assessments (id),
      acknowledged_by INTEGER NOT NULL REFERENCES staff (id),
      acknowledged_at TEXT NOT NULL CHECK (acknowledged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      action_taken TEXT NOT NULL CHECK (length(trim(action_taken)) BETWEEN 3 AND 2000)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TRIGGER phq9_ack_append_only BEFORE UPDATE ON phq9_item9_acknowledgements
    BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END
  `.execute(db);
}
