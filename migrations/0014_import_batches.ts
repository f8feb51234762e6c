import { type Kysely, sql } from 'kysely';

/**
 * CSV imports (issue 15): each import is a batch that lists the records it created, so it can be
 * undone as a whole the same day. Patients, courses and PHQ-9s are otherwise never deleted; their
 * never-deleted triggers now let through exactly the records of a batch while it is being undone
 * (`undoing` is 1 only inside the undo's transaction). Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const stamp = (column: string) => sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'`);
  await sql`
    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('patients', 'phq9', 'courses')),
      file_name TEXT NOT NULL CHECK (length(file_name) <= 260),
      rows INTEGER NOT NULL CHECK (rows >= 0),
      imported_by INTEGER NOT NULL REFERENCES staff (id),
      imported_at TEXT NOT NULL CHECK (${stamp('imported_at')}),
      -- The clinic's calendar day of the import: it can be undone only on that day.
      imported_on TEXT NOT NULL CHECK (date(imported_on) IS imported_on),
      undone_by INTEGER REFERENCES staff (id),
      undone_at TEXT CHECK (undone_at IS NULL OR ${stamp('undone_at')}),
      undoing INTEGER NOT NULL DEFAULT 0 CHECK (undoing IN (0, 1)),
      CHECK ((undone_by IS NULL) = (undone_at IS NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX import_batches_day ON import_batches (imported_on, id)`.execute(db);
  await sql`
    CREATE TABLE import_records (
      batch_id INTEGER NOT NULL REFERENCES import_batches (id),
      entity TEXT NOT NULL CHECK (entity IN ('patient', 'phq9', 'course')),
      entity_id INTEGER NOT NULL,
      PRIMARY KEY (batch_id, entity, entity_id)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX import_records_entity ON import_records (entity, entity_id)`.execute(db);
  await sql`
    CREATE TRIGGER import_records_append_only BEFORE UPDATE ON import_records
    BEGIN SELECT RAISE(ABORT, 'import records are kept as written'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER import_batches_undone_once BEFORE UPDATE ON import_batches
    WHEN OLD.undone_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'this import was already undone'); END
  `.execute(db);

  const undoing = (entity: string) =>
    sql.raw(`NOT EXISTS (SELECT 1 FROM import_records r JOIN import_batches b ON b.id = r.batch_id
      WHERE r.entity = '${entity}' AND r.entity_id = OLD.id AND b.undoing = 1)`);
  const guards: Array<[string, string, string, string]> = [
    ['patients_never_deleted', 'patients', 'patient', 'patients are archived, never deleted'],
    ['courses_never_deleted', 'courses', 'course', 'courses are discontinued, never deleted'],
    ['phq9_never_deleted', 'phq9_assessments', 'phq9', 'assessments are never deleted'],
  ];
  for (const [name, table, entity, message] of guards) {
    await sql`DROP TRIGGER ${sql.raw(name)}`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(name)} BEFORE DELETE ON ${sql.raw(table)}
      WHEN ${undoing(entity)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END
    `.execute(db);
  }
}
