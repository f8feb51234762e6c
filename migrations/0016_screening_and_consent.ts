import { type Kysely, sql } from 'kysely';

const ISO_TIME = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'`;
const QUESTIONS = ['seizures', 'family_epilepsy', 'metal_in_head', 'implanted_devices', 'pregnancy', 'head_injury', 'excitability_medications', 'substance_use'];

/**
 * Before a course's first session (issue 15): the TMS safety screening questionnaire, cleared by a
 * psychiatrist (in writing when any answer is positive), and the patient's informed consent (date,
 * version of the consent text, who obtained it). A course may be screened or consented again; the
 * latest of each counts. A cleared screening is final. Courses that already have sessions were
 * started before this rule and keep them. Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const answers = QUESTIONS.map((q) => `${q} INTEGER NOT NULL CHECK (${q} IN (0, 1))`).join(',\n      ');
  const anyPositive = QUESTIONS.join(' + ');
  await sql`
    CREATE TABLE safety_screenings (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      screened_on TEXT NOT NULL CHECK (date(screened_on) IS screened_on),
      ${sql.raw(answers)},
      details TEXT NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
      screened_by INTEGER NOT NULL REFERENCES staff (id),
      cleared_by INTEGER REFERENCES staff (id),
      cleared_at TEXT CHECK (cleared_at IS NULL OR cleared_at ${sql.raw(ISO_TIME)}),
      clearance TEXT NOT NULL DEFAULT '' CHECK (length(clearance) <= 2000),
      created_at TEXT NOT NULL CHECK (created_at ${sql.raw(ISO_TIME)}),
      CHECK ((cleared_by IS NULL) = (cleared_at IS NULL)),
      CHECK (cleared_by IS NULL OR (${sql.raw(anyPositive)}) = 0 OR length(trim(clearance)) > 0)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX safety_screenings_course ON safety_screenings (course_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER safety_screenings_final BEFORE UPDATE ON safety_screenings
    WHEN OLD.cleared_by IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a cleared screening is final: record a new screening'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER safety_screenings_never_deleted BEFORE DELETE ON safety_screenings
    BEGIN SELECT RAISE(ABORT, 'screenings are never deleted'); END
  `.execute(db);

  await sql`
    CREATE TABLE consents (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      consented_on TEXT NOT NULL CHECK (date(consented_on) IS consented_on),
      consent_version TEXT NOT NULL CHECK (length(trim(consent_version)) BETWEEN 1 AND 80),
      obtained_by INTEGER NOT NULL REFERENCES staff (id),
      recorded_by INTEGER NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL CHECK (created_at ${sql.raw(ISO_TIME)})
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX consents_course ON consents (course_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER consents_never_changed BEFORE UPDATE ON consents
    BEGIN SELECT RAISE(ABORT, 'consents are recorded again, never changed'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
    BEGIN SELECT RAISE(ABORT, 'consents are never deleted'); END
  `.execute(db);
}
