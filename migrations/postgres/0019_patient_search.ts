import type { Kysely } from 'kysely';
import { run } from './sql';

/**
 * PostgreSQL variant of 0019_patient_search: a pg_trgm GIN index on the same text SQLite's FTS5
 * table holds, `lower(last_name) || ' ' || lower(first_name) || ' ' || lower(mrn)`, which the
 * search's `LIKE '%word%'` on that expression uses (words of three characters or more; the
 * index is a filter the server rechecks, so results do not depend on it). pg_trgm ships with
 * PostgreSQL (contrib) and is a trusted extension: the database's owner may create it. A server
 * without it, or a user not allowed to create it, gets no index: the search stays correct and
 * reads every patient, as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    DO $do$
    BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): patient search reads every patient', SQLERRM;
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX patients_search ON patients USING gin '
          '((lower(last_name) || '' '' || lower(first_name) || '' '' || lower(mrn)) gin_trgm_ops)';
      END IF;
    END
    $do$`);
}
