import type { Kysely } from 'kysely';
import { isoTime, run } from './sql';

/** PostgreSQL variant of 0004_settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    CREATE TABLE settings (
      key text PRIMARY KEY CHECK (key IN ('clinic_name', 'clinic_address')),
      value text NOT NULL CHECK (length(value) <= 300),
      updated_by integer REFERENCES staff (id),
      updated_at text NOT NULL CHECK (${isoTime('updated_at')})
    )`);
}
