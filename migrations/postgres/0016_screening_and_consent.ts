import type { Kysely } from 'kysely';
import { ID, isDate, isoTime, refuse, run } from './sql';

const QUESTIONS = ['seizures', 'family_epilepsy', 'metal_in_head', 'implanted_devices', 'pregnancy', 'head_injury', 'excitability_medications', 'substance_use'];

/** PostgreSQL variant of 0016_screening_and_consent. */
export async function up(db: Kysely<any>): Promise<void> {
  const answers = QUESTIONS.map((q) => `${q} integer NOT NULL CHECK (${q} IN (0, 1))`).join(',\n      ');
  await run(db, `
    CREATE TABLE safety_screenings (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      screened_on text NOT NULL CHECK (${isDate('screened_on')}),
      ${answers},
      details text NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
      screened_by integer NOT NULL REFERENCES staff (id),
      cleared_by integer REFERENCES staff (id),
      cleared_at text CHECK (cleared_at IS NULL OR ${isoTime('cleared_at')}),
      clearance text NOT NULL DEFAULT '' CHECK (length(clearance) <= 2000),
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      CHECK ((cleared_by IS NULL) = (cleared_at IS NULL)),
      CHECK (cleared_by IS NULL OR (${QUESTIONS.join(' + ')}) = 0 OR length(trim(clearance)) > 0)
    )`);
  await run(db, `CREATE INDEX safety_screenings_course ON safety_screenings (course_id, id)`);
  await refuse(db, 'safety_screenings_final', 'BEFORE UPDATE', 'safety_screenings', 'a cleared screening is final: record a new screening', 'OLD.cleared_by IS NOT NULL');
  await refuse(db, 'safety_screenings_never_deleted', 'BEFORE DELETE', 'safety_screenings', 'screenings are never deleted');

  await run(db, `
    CREATE TABLE consents (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      consented_on text NOT NULL CHECK (${isDate('consented_on')}),
      consent_version text NOT NULL CHECK (length(trim(consent_version)) BETWEEN 1 AND 80),
      obtained_by integer NOT NULL REFERENCES staff (id),
      recorded_by integer NOT NULL REFERENCES staff (id),
      created_at text NOT NULL CHECK (${isoTime('created_at')})
    )`);
  await run(db, `CREATE INDEX consents_course ON consents (course_id, id)`);
  await refuse(db, 'consents_never_changed', 'BEFORE UPDATE', 'consents', 'consents are recorded again, never changed');
  await refuse(db, 'consents_never_deleted', 'BEFORE DELETE', 'consents', 'consents are never deleted');
}
