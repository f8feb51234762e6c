import type { Kysely } from 'kysely';
import * as m0001 from './0001_init';
import * as m0002 from './0002_courses_and_sessions';
import * as m0003 from './0003_phq9';
import * as m0004 from './0004_settings';
import * as m0005 from './0005_course_progress';
import * as m0006 from './0006_course_revisions';
import * as m0007 from './0007_phq9_entered_in_error';
import * as m0008 from './0008_sign_in';
import * as m0009 from './0009_audit_hash_chain';
import * as m0010 from './0010_course_session_interval';
import * as m0011 from './0011_assessment_windows';
import * as m0012 from './0012_billing_scheme';
import * as m0013 from './0013_planned_times';
import * as m0014 from './0014_import_batches';
import * as m0015 from './0015_treatment_history';
import * as m0016 from './0016_screening_and_consent';
import * as m0017 from './0017_assessments';
import * as m0018 from './0018_course_scale_plans';
import * as m0019 from './0019_patient_search';
import * as m0020 from './0020_today_list_indexes';
import * as m0021 from './0021_today_course_revisions';
import * as pg0001 from './postgres/0001_init';
import * as pg0002 from './postgres/0002_courses_and_sessions';
import * as pg0003 from './postgres/0003_phq9';
import * as pg0004 from './postgres/0004_settings';
import * as pg0005 from './postgres/0005_course_progress';
import * as pg0006 from './postgres/0006_course_revisions';
import * as pg0007 from './postgres/0007_phq9_entered_in_error';
import * as pg0008 from './postgres/0008_sign_in';
import * as pg0009 from './postgres/0009_audit_hash_chain';
import * as pg0010 from './postgres/0010_course_session_interval';
import * as pg0011 from './postgres/0011_assessment_windows';
import * as pg0012 from './postgres/0012_billing_scheme';
import * as pg0013 from './postgres/0013_planned_times';
import * as pg0014 from './postgres/0014_import_batches';
import * as pg0015 from './postgres/0015_treatment_history';
import * as pg0016 from './postgres/0016_screening_and_consent';
import * as pg0017 from './postgres/0017_assessments';
import * as pg0018 from './postgres/0018_course_scale_plans';
import * as pg0019 from './postgres/0019_patient_search';
import * as pg0020 from './postgres/0020_today_list_indexes';
import * as pg0021 from './postgres/0021_today_course_revisions';

export interface Migration {
  /** File name without extension; its numeric prefix is the schema version it produces. */
  name: string;
  /** The SQLite migration (the file named `name`). */
  up(db: Kysely<any>): Promise<void>;
  /**
   * The same step on PostgreSQL (migrations/postgres/, same name): same tables, columns,
   * nullability and rules in PostgreSQL's SQL. SQLite files stay as released (released.json).
   */
  postgres(db: Kysely<any>): Promise<void>;
}

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list runs in the
 * bundled main process, under vitest and under tsx; a test checks it matches the folder.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_init', up: m0001.up, postgres: pg0001.up },
  { name: '0002_courses_and_sessions', up: m0002.up, postgres: pg0002.up },
  { name: '0003_phq9', up: m0003.up, postgres: pg0003.up },
  { name: '0004_settings', up: m0004.up, postgres: pg0004.up },
  { name: '0005_course_progress', up: m0005.up, postgres: pg0005.up },
  { name: '0006_course_revisions', up: m0006.up, postgres: pg0006.up },
  { name: '0007_phq9_entered_in_error', up: m0007.up, postgres: pg0007.up },
  { name: '0008_sign_in', up: m0008.up, postgres: pg0008.up },
  { name: '0009_audit_hash_chain', up: m0009.up, postgres: pg0009.up },
  { name: '0010_course_session_interval', up: m0010.up, postgres: pg0010.up },
  { name: '0011_assessment_windows', up: m0011.up, postgres: pg0011.up },
  { name: '0012_billing_scheme', up: m0012.up, postgres: pg0012.up },
  { name: '0013_planned_times', up: m0013.up, postgres: pg0013.up },
  { name: '0014_import_batches', up: m0014.up, postgres: pg0014.up },
  { name: '0015_treatment_history', up: m0015.up, postgres: pg0015.up },
  { name: '0016_screening_and_consent', up: m0016.up, postgres: pg0016.up },
  { name: '0017_assessments', up: m0017.up, postgres: pg0017.up },
  { name: '0018_course_scale_plans', up: m0018.up, postgres: pg0018.up },
  { name: '0019_patient_search', up: m0019.up, postgres: pg0019.up },
  { name: '0020_today_list_indexes', up: m0020.up, postgres: pg0020.up },
  { name: '0021_today_course_revisions', up: m0021.up, postgres: pg0021.up },
];
