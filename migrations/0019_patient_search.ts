import { type Kysely, sql } from 'kysely';

/**
 * A search index for patients (issue 16): what the patient search matches — each typed word
 * inside the last name, first name or MRN, ASCII letters in either case — found through an FTS5
 * trigram index instead of reading every patient. One contentless row per patient (rowid = the
 * patient's id) holding `lower(last_name) || ' ' || lower(first_name) || ' ' || lower(mrn)`:
 * lower() folds ASCII letters only, as LIKE does, and the index is case-sensitive, so a phrase
 * match of a lower-cased word (which never holds a space) finds exactly the patients LIKE finds.
 * Words of one or two characters have no trigram; the search reads the patients for those.
 * Kept by triggers, so every writer (services, import and its undo, the demo generator) keeps
 * it in step. Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE VIRTUAL TABLE patient_search USING fts5(
      name_and_mrn, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1
    )`.execute(db);
  const text = (row: string) => `lower(${row}.last_name) || ' ' || lower(${row}.first_name) || ' ' || lower(${row}.mrn)`;
  await sql.raw(`INSERT INTO patient_search (rowid, name_and_mrn) SELECT id, ${text('patients')} FROM patients`).execute(db);
  await sql.raw(`
    CREATE TRIGGER patient_search_insert AFTER INSERT ON patients BEGIN
      INSERT INTO patient_search (rowid, name_and_mrn) VALUES (new.id, ${text('new')});
    END`).execute(db);
  await sql.raw(`
    CREATE TRIGGER patient_search_update AFTER UPDATE OF last_name, first_name, mrn ON patients BEGIN
      DELETE FROM patient_search WHERE rowid = old.id;
      INSERT INTO patient_search (rowid, name_and_mrn) VALUES (new.id, ${text('new')});
    END`).execute(db);
  await sql.raw(`
    CREATE TRIGGER patient_search_delete AFTER DELETE ON patients BEGIN
      DELETE FROM patient_search WHERE rowid = old.id;
    END`).execute(db);
}
