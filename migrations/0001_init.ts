import { type Kysely, sql } from 'kysely';

/**
 * Staff, patients and the append-only audit log.
 * Runs inside the migration runner's transaction; frozen once released.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
      role TEXT NOT NULL CHECK (role IN ('technician', 'psychiatrist', 'admin')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
    ) STRICT
  `.execute(db);
  await sql`CREATE UNIQUE INDEX staff_name ON staff (name COLLATE NOCASE)`.execute(db);

  await sql`
    CREATE TABLE patients (
      id INTEGER PRIMARY KEY,
      mrn TEXT NOT NULL CHECK (length(mrn) BETWEEN 1 AND 32 AND mrn NOT GLOB '*[^A-Za-z0-9-]*'),
      first_name TEXT NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 100),
      last_name TEXT NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 100),
      date_of_birth TEXT NOT NULL CHECK (date(date_of_birth) IS date_of_birth AND date_of_birth >= '1900-01-01'),
      sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
      primary_diagnosis TEXT NOT NULL CHECK (length(primary_diagnosis) BETWEEN 3 AND 8 AND primary_diagnosis GLOB '[A-Z][0-9][0-9A-Z]*'),
      referring_psychiatrist TEXT NOT NULL DEFAULT '' CHECK (length(referring_psychiatrist) <= 200),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
      archived_at TEXT,
      archive_reason TEXT,
      version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
      created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      CHECK ((archived_at IS NULL) = (archive_reason IS NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE UNIQUE INDEX patients_mrn ON patients (mrn COLLATE NOCASE)`.execute(db);
  await sql`CREATE INDEX patients_name ON patients (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`.execute(db);
  await sql`
    CREATE TRIGGER patients_never_deleted BEFORE DELETE ON patients
    BEGIN SELECT RAISE(ABORT, 'patients are archived, never deleted'); END
  `.execute(db);

  // entity and action are not restricted to a list here: later migrations add
  // entities, and SQLite cannot alter a CHECK without rebuilding the table.
  await sql`
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      staff_id INTEGER NOT NULL REFERENCES staff (id),
      action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      entity TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
      entity_id INTEGER NOT NULL,
      before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
      after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
      reason TEXT
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
  `.execute(db);
}
