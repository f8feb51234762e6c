import { type Kysely, sql } from 'kysely';

/** Clinic-wide settings (clinic name and address for reports), one row per key. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY CHECK (key IN ('clinic_name', 'clinic_address')),
      value TEXT NOT NULL CHECK (length(value) <= 300),
      updated_by INTEGER REFERENCES staff (id),
      updated_at TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
    ) STRICT
  `.execute(db);
}
