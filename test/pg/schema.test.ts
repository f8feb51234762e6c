import { join } from 'node:path';
import { type Selectable, sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import { openPostgresDatabase } from '../../src/main/db/postgres';
import type { DB } from '../../src/main/db/schema';
import { onServer } from '../support/postgresServer';
import { tempDir } from '../support/tempDatabase';

type Nullability<T> = { [C in keyof T]-?: null extends T[C] ? 'null' : 'not null' };

/**
 * Every table and column of the app's one `DB` type, with its nullability. Typed from `DB`
 * itself: a column missing here, one too many, or a nullability that disagrees with schema.ts
 * fails the typecheck; the test then checks both engines' schemas against it. (Columns kept as
 * history and left out of DB, such as assessments.legacy_course_id, are compared engine to engine.)
 */
const COLUMNS: { [T in keyof DB]: Nullability<Selectable<DB[T]>> } = {
  antidepressant_trials: { id: 'not null', patient_id: 'not null', drug: 'not null', drug_class: 'not null', dose: 'not null', started_on: 'not null', ended_on: 'null', adequate: 'not null', outcome: 'not null', outcome_note: 'not null', entered_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  assessment_acknowledgements: { assessment_id: 'not null', acknowledged_by: 'not null', acknowledged_at: 'not null', action_taken: 'not null' },
  assessment_entered_in_error: { assessment_id: 'not null', marked_by: 'not null', marked_at: 'not null', reason: 'not null' },
  assessments: { id: 'not null', patient_id: 'not null', scale: 'not null', assessed_on: 'not null', answers: 'not null', total: 'not null', suicide_item_positive: 'not null', difficulty: 'null', entered_by: 'not null', notes: 'not null', created_at: 'not null' },
  audit_log: { id: 'not null', at: 'not null', staff_id: 'not null', action: 'not null', entity: 'not null', entity_id: 'not null', before_json: 'null', after_json: 'null', reason: 'null', prev_hash: 'not null', hash: 'not null' },
  consents: { id: 'not null', course_id: 'not null', consented_on: 'not null', consent_version: 'not null', obtained_by: 'not null', recorded_by: 'not null', created_at: 'not null' },
  course_authorizations: { id: 'not null', course_id: 'not null', authorized_sessions: 'not null', reference: 'not null', note: 'not null', recorded_by: 'not null', recorded_at: 'not null' },
  course_day_times: { course_id: 'not null', on_date: 'not null', planned_time: 'not null', set_by: 'not null', set_at: 'not null' },
  course_progress: { course_id: 'not null', sessions_done: 'not null', first_session_date: 'null', last_session_date: 'null', pulses_delivered: 'not null', revision: 'not null' },
  course_scale_plans: { course_id: 'not null', scale: 'not null', schedule: 'not null' },
  courses: { id: 'not null', patient_id: 'not null', protocol_id: 'not null', prescriber_id: 'not null', protocol_name: 'not null', target: 'not null', coil: 'not null', pattern: 'not null', intensity_pct_mt: 'not null', frequency_hz: 'not null', burst_frequency_hz: 'null', pulses_per_burst: 'null', train_duration_s: 'not null', inter_train_interval_s: 'not null', trains: 'not null', sessions_per_day: 'not null', planned_sessions: 'not null', schedule: 'not null', authorized_sessions: 'not null', start_date: 'not null', status: 'not null', status_reason: 'null', ended_on: 'null', review_required: 'not null', review_reason: 'null', notes: 'not null', safety_override_reason: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null', min_minutes_between_sessions: 'null', billing_scheme: 'not null', planned_time: 'null' },
  current_medications: { id: 'not null', patient_id: 'not null', drug: 'not null', dose: 'not null', started_on: 'not null', stopped_on: 'null', changed_on: 'not null', entered_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  import_batches: { id: 'not null', kind: 'not null', file_name: 'not null', rows: 'not null', imported_by: 'not null', imported_at: 'not null', imported_on: 'not null', undone_by: 'null', undone_at: 'null', undoing: 'not null' },
  import_records: { batch_id: 'not null', entity: 'not null', entity_id: 'not null' },
  motor_thresholds: { id: 'not null', course_id: 'not null', measured_on: 'not null', rmt_pct_mso: 'not null', method: 'not null', coil: 'not null', measured_by: 'not null', notes: 'not null', created_at: 'not null' },
  outcome_rule_change_seen: { change_id: 'not null', staff_id: 'not null', seen_at: 'not null' },
  outcome_rule_changes: { id: 'not null', course_id: 'not null', rule_change: 'not null', recorded_at: 'not null', before_json: 'not null', after_json: 'not null' },
  patients: { id: 'not null', mrn: 'not null', first_name: 'not null', last_name: 'not null', date_of_birth: 'not null', sex: 'not null', primary_diagnosis: 'not null', referring_psychiatrist: 'not null', notes: 'not null', archived_at: 'null', archive_reason: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  pending_sessions: { id: 'not null', course_id: 'not null', fields_json: 'not null', findings: 'not null', entered_by: 'not null', entered_at: 'not null', status: 'not null', resolved_by: 'null', resolved_at: 'null', resolution_note: 'null', session_id: 'null' },
  protocols: { id: 'not null', lineage_id: 'not null', revision: 'not null', name: 'not null', target: 'not null', coil: 'not null', pattern: 'not null', intensity_pct_mt: 'not null', frequency_hz: 'not null', burst_frequency_hz: 'null', pulses_per_burst: 'null', train_duration_s: 'not null', inter_train_interval_s: 'not null', trains: 'not null', sessions_per_day: 'not null', min_minutes_between_sessions: 'null', default_planned_sessions: 'not null', reference: 'not null', notes: 'not null', safety_override_reason: 'null', status: 'not null', created_by: 'null', created_at: 'not null', billing_scheme: 'not null' },
  psychotherapy_trials: { id: 'not null', patient_id: 'not null', therapy_type: 'not null', started_on: 'not null', ended_on: 'null', sessions: 'not null', notes: 'not null', entered_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  safety_screenings: { id: 'not null', course_id: 'not null', screened_on: 'not null', seizures: 'not null', family_epilepsy: 'not null', metal_in_head: 'not null', implanted_devices: 'not null', pregnancy: 'not null', head_injury: 'not null', excitability_medications: 'not null', substance_use: 'not null', details: 'not null', screened_by: 'not null', cleared_by: 'null', cleared_at: 'null', clearance: 'not null', created_at: 'not null' },
  session_adverse_events: { id: 'not null', session_id: 'not null', event: 'not null', description: 'not null' },
  session_interruptions: { id: 'not null', session_id: 'not null', after_train: 'not null', reason: 'not null' },
  session_side_effects: { session_id: 'not null', effect: 'not null', severity: 'not null' },
  settings: { key: 'not null', value: 'not null', updated_by: 'null', updated_at: 'not null' },
  staff: { id: 'not null', name: 'not null', role: 'not null', active: 'not null', created_at: 'not null', updated_at: 'not null', username: 'null', password_hash: 'null', must_change_password: 'not null', failed_sign_ins: 'not null', locked_until: 'null', trained_rater: 'not null' },
  treatment_sessions: { id: 'not null', course_id: 'not null', session_number: 'not null', session_date: 'not null', start_time: 'not null', technician_id: 'not null', motor_threshold_id: 'not null', position_method: 'not null', position_json: 'not null', landmarks: 'not null', coil_angle_deg: 'not null', coil: 'not null', frequency_hz: 'not null', intensity_pct_mt: 'not null', intensity_pct_mso: 'not null', trains_planned: 'not null', trains_delivered: 'not null', pulses_delivered: 'not null', override_by: 'null', override_reason: 'null', notes: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
};

type Columns = Record<string, Record<string, 'null' | 'not null' | undefined>>;

async function sqliteColumns(): Promise<Columns> {
  const db = await openDatabase(join(tempDir(), 'schema.sqlite'));
  try {
    // Ordinary tables: SQLite's patient search index (0019) is an FTS5 table with shadow tables, PostgreSQL's an index.
    const tables = (await sql<{ name: string }>`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)).rows;
    const out: Columns = {};
    for (const { name } of tables) {
      const columns = (await sql<{ name: string; notnull: number; pk: number }>`SELECT name, "notnull", pk FROM pragma_table_info(${name})`.execute(db)).rows;
      // A primary key column is never NULL through the app (an INTEGER one cannot be at all).
      out[name] = Object.fromEntries(columns.map((c) => [c.name, c.notnull || c.pk ? 'not null' : 'null']));
    }
    return out;
  } finally {
    await db.destroy();
  }
}

async function postgresColumns(): Promise<Columns> {
  const server = inject('postgres');
  const name = `schema_${process.pid}`;
  await onServer(server, [`CREATE DATABASE ${name}`]);
  const db = await openPostgresDatabase({ ...server, database: name });
  try {
    const rows = (await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'tms_schema_version' ORDER BY table_name, ordinal_position`.execute(db)).rows;
    const out: Columns = {};
    for (const r of rows) (out[r.table_name] ??= {})[r.column_name] = r.is_nullable === 'YES' ? 'null' : 'not null';
    return out;
  } finally {
    await db.destroy();
    await onServer(server, [`DROP DATABASE ${name} WITH (FORCE)`]);
  }
}

const sorted = (columns: Columns) =>
  Object.fromEntries(Object.keys(columns).sort().map((t) => [t, Object.fromEntries(Object.entries(columns[t] ?? {}).sort(([a], [b]) => a.localeCompare(b)))]));

describe('one schema on two engines', () => {
  it('PostgreSQL, migrated from empty, has the tables and columns of SQLite with the same nullability', async () => {
    const [lite, postgres] = await Promise.all([sqliteColumns(), postgresColumns()]);
    expect(sorted(postgres)).toEqual(sorted(lite));
  });

  it('every table and column of DB exists on both engines with the nullability schema.ts gives it', async () => {
    const expected = sorted(COLUMNS as Columns);
    for (const actual of [await sqliteColumns(), await postgresColumns()]) {
      const ofDb = Object.fromEntries(Object.keys(expected).map((t) => [t, Object.fromEntries(Object.keys(expected[t] ?? {}).map((c) => [c, actual[t]?.[c]]))]));
      expect(sorted(ofDb)).toEqual(expected);
    }
  });
});
