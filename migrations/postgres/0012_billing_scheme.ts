import type { Kysely } from 'kysely';
import { frozenProtocol } from './0002_courses_and_sessions';
import { refuse, run } from './sql';

/** PostgreSQL variant of 0012_billing_scheme: per-session or SNT per-day billing, frozen with the revision. */
export async function up(db: Kysely<any>): Promise<void> {
  const column = `billing_scheme text NOT NULL DEFAULT 'per_session' CHECK (billing_scheme IN ('per_session', 'snt_per_day'))`;
  await run(db, `ALTER TABLE protocols ADD COLUMN ${column}`);
  await run(db, `ALTER TABLE courses ADD COLUMN ${column}`);
  await run(db, `DROP TRIGGER IF EXISTS protocols_frozen ON protocols`);
  await run(db, `
    UPDATE protocols SET billing_scheme = 'snt_per_day'
    WHERE lineage_id IN (
      SELECT lineage_id FROM protocols
      WHERE id = 5 AND revision = 1 AND created_by IS NULL AND name = 'Accelerated iTBS (SNT), left DLPFC'
    )`);
  await refuse(db, 'protocols_frozen', 'BEFORE UPDATE', 'protocols', 'protocol revisions are immutable: save a new revision', frozenProtocol(['billing_scheme']));
  await run(db, `
    UPDATE courses SET billing_scheme = 'snt_per_day'
    WHERE protocol_id IN (SELECT id FROM protocols WHERE billing_scheme = 'snt_per_day')`);
}
