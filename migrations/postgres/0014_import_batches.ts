import type { Kysely } from 'kysely';
import { dropTrigger, ID, isDate, isoTime, refuse, refuseWhen, run } from './sql';

/** PostgreSQL variant of 0014_import_batches: CSV import batches, undone whole the same day. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    CREATE TABLE import_batches (
      ${ID},
      kind text NOT NULL CHECK (kind IN ('patients', 'phq9', 'courses')),
      file_name text NOT NULL CHECK (length(file_name) <= 260),
      rows integer NOT NULL CHECK (rows >= 0),
      imported_by integer NOT NULL REFERENCES staff (id),
      imported_at text NOT NULL CHECK (${isoTime('imported_at')}),
      imported_on text NOT NULL CHECK (${isDate('imported_on')}),
      undone_by integer REFERENCES staff (id),
      undone_at text CHECK (undone_at IS NULL OR ${isoTime('undone_at')}),
      undoing integer NOT NULL DEFAULT 0 CHECK (undoing IN (0, 1)),
      CHECK ((undone_by IS NULL) = (undone_at IS NULL))
    )`);
  await run(db, `CREATE INDEX import_batches_day ON import_batches (imported_on, id)`);
  await run(db, `
    CREATE TABLE import_records (
      batch_id integer NOT NULL REFERENCES import_batches (id),
      entity text NOT NULL CHECK (entity IN ('patient', 'phq9', 'course')),
      entity_id integer NOT NULL,
      PRIMARY KEY (batch_id, entity, entity_id)
    )`);
  await run(db, `CREATE INDEX import_records_entity ON import_records (entity, entity_id)`);
  await refuse(db, 'import_records_append_only', 'BEFORE UPDATE', 'import_records', 'import records are kept as written');
  await refuse(db, 'import_batches_undone_once', 'BEFORE UPDATE', 'import_batches', 'this import was already undone', 'OLD.undone_at IS NOT NULL');

  const notUndoing = (entity: string) => `NOT EXISTS (SELECT 1 FROM import_records r JOIN import_batches b ON b.id = r.batch_id
      WHERE r.entity = '${entity}' AND r.entity_id = OLD.id AND b.undoing = 1)`;
  const guards: Array<[string, string, string, string]> = [
    ['patients_never_deleted', 'patients', 'patient', 'patients are archived, never deleted'],
    ['courses_never_deleted', 'courses', 'course', 'courses are discontinued, never deleted'],
    ['phq9_never_deleted', 'phq9_assessments', 'phq9', 'assessments are never deleted'],
  ];
  for (const [name, table, entity, message] of guards) {
    await dropTrigger(db, name, table, false);
    await refuseWhen(db, name, 'BEFORE DELETE', table, message, notUndoing(entity));
  }
}
