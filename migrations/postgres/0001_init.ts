import type { Kysely } from 'kysely';
import { ID, isDate, isoTime, onlyChars, refuse, run } from './sql';

/**
 * PostgreSQL variant of 0001_init (staff, patients, the append-only audit log), plus the helper
 * functions the checks of every later PostgreSQL migration use. Same tables, columns, nullability
 * and rules as the SQLite one; NOCASE indexes are on lower().
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite `date(v) IS v`: a real day as YYYY-MM-DD. IMMUTABLE so CHECKs may call it.
  await run(db, `
    CREATE FUNCTION tms_is_date(v text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $fn$
    BEGIN
      IF v IS NULL OR v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN false; END IF;
      RETURN to_char(v::date, 'YYYY-MM-DD') = v;
    EXCEPTION WHEN others THEN RETURN false;
    END $fn$`);
  // SQLite json_valid(v).
  await run(db, `
    CREATE FUNCTION tms_json_valid(v text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $fn$
    BEGIN
      PERFORM v::json;
      RETURN v IS NOT NULL;
    EXCEPTION WHEN others THEN RETURN false;
    END $fn$`);
  // SQLite RAISE(ABORT, message) from a trigger: a constraint error carrying the message.
  await run(db, `
    CREATE FUNCTION tms_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
    END $fn$`);

  await run(db, `
    CREATE TABLE staff (
      ${ID},
      name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
      role text NOT NULL CHECK (role IN ('technician', 'psychiatrist', 'admin')),
      active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')})
    )`);
  await run(db, `CREATE UNIQUE INDEX staff_name ON staff (lower(name))`);

  await run(db, `
    CREATE TABLE patients (
      ${ID},
      mrn text NOT NULL CHECK (length(mrn) BETWEEN 1 AND 32 AND ${onlyChars('mrn', 'A-Za-z0-9-')}),
      first_name text NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 100),
      last_name text NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 100),
      date_of_birth text NOT NULL CHECK (${isDate('date_of_birth')} AND date_of_birth >= '1900-01-01'),
      sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
      primary_diagnosis text NOT NULL CHECK (length(primary_diagnosis) BETWEEN 3 AND 8 AND primary_diagnosis ~ '^[A-Z][0-9][0-9A-Z]'),
      referring_psychiatrist text NOT NULL DEFAULT '' CHECK (length(referring_psychiatrist) <= 200),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      archived_at text,
      archive_reason text,
      version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
      created_at text NOT NULL CHECK (${isoTime('created_at')}),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')}),
      CHECK ((archived_at IS NULL) = (archive_reason IS NULL))
    )`);
  await run(db, `CREATE UNIQUE INDEX patients_mrn ON patients (lower(mrn))`);
  await run(db, `CREATE INDEX patients_name ON patients (lower(last_name), lower(first_name))`);
  await refuse(db, 'patients_never_deleted', 'BEFORE DELETE', 'patients', 'patients are archived, never deleted');

  await run(db, `
    CREATE TABLE audit_log (
      ${ID},
      at text NOT NULL CHECK (${isoTime('at')}),
      staff_id integer NOT NULL REFERENCES staff (id),
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      entity text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
      entity_id integer NOT NULL,
      before_json text CHECK (before_json IS NULL OR tms_json_valid(before_json)),
      after_json text CHECK (after_json IS NULL OR tms_json_valid(after_json)),
      reason text
    )`);
  await run(db, `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)`);
  await refuse(db, 'audit_log_no_update', 'BEFORE UPDATE', 'audit_log', 'audit_log is append-only');
  await refuse(db, 'audit_log_no_delete', 'BEFORE DELETE', 'audit_log', 'audit_log is append-only');
}
