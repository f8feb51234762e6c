import { type Kysely, sql } from 'kysely';

/**
 * How a course is billed (DOMAIN.md, "Billing"): 'per_session' (CPT 90867, 90868, 90869) or
 * 'snt_per_day' (accelerated, fcMRI-guided theta burst, SNT: Category III 0890T, 0891T, 0892T per
 * treatment day). A protocol attribute, copied into the course at prescription like its other
 * parameters, so a later protocol revision never changes how an existing course is billed.
 * The seeded SNT protocol (id 5, every revision of its lineage) and the courses prescribed from
 * it are per day; everything else stays per session. Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const column = sql.raw(`billing_scheme TEXT NOT NULL DEFAULT 'per_session' CHECK (billing_scheme IN ('per_session', 'snt_per_day'))`);
  await sql`ALTER TABLE protocols ADD COLUMN ${column}`.execute(db);
  await sql`ALTER TABLE courses ADD COLUMN ${column}`.execute(db);

  // Released revisions are frozen by a trigger; the billing scheme becomes one of the frozen columns.
  await sql`DROP TRIGGER IF EXISTS protocols_frozen`.execute(db);
  await sql`
    UPDATE protocols SET billing_scheme = 'snt_per_day'
    WHERE lineage_id IN (
      SELECT lineage_id FROM protocols
      WHERE id = 5 AND revision = 1 AND created_by IS NULL AND name = 'Accelerated iTBS (SNT), left DLPFC'
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER protocols_frozen BEFORE UPDATE ON protocols
    WHEN NEW.status = OLD.status OR NOT (
      NEW.name IS OLD.name AND NEW.pattern IS OLD.pattern AND NEW.intensity_pct_mt IS OLD.intensity_pct_mt
      AND NEW.frequency_hz IS OLD.frequency_hz AND NEW.burst_frequency_hz IS OLD.burst_frequency_hz
      AND NEW.pulses_per_burst IS OLD.pulses_per_burst AND NEW.train_duration_s IS OLD.train_duration_s
      AND NEW.inter_train_interval_s IS OLD.inter_train_interval_s AND NEW.trains IS OLD.trains
      AND NEW.target IS OLD.target AND NEW.coil IS OLD.coil AND NEW.billing_scheme IS OLD.billing_scheme)
    BEGIN SELECT RAISE(ABORT, 'protocol revisions are immutable: save a new revision'); END
  `.execute(db);

  await sql`
    UPDATE courses SET billing_scheme = 'snt_per_day'
    WHERE protocol_id IN (SELECT id FROM protocols WHERE billing_scheme = 'snt_per_day')
  `.execute(db);
}
