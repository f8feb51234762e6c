import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as m0003 from '../../migrations/0003_phq9';
import * as m0007 from '../../migrations/0007_phq9_entered_in_error';
import { openDatabase } from '../../src/main/db';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { at, ok, tempDir } from '../support/tempDatabase';

const TODAY = '2026-11-25';

function tableDigest(file: string): Record<string, unknown> {
  const raw = new Database(file, { readonly: true });
  try {
    const digest = (sql: string) => raw.prepare(sql).get();
    return {
      patients: digest("SELECT count(*) AS n, group_concat(mrn || last_name || date_of_birth, '') AS s FROM (SELECT * FROM patients ORDER BY id LIMIT 50)"),
      sessions: digest('SELECT count(*) AS n, sum(pulses_delivered) AS p, sum(intensity_pct_mso) AS m FROM treatment_sessions'),
      phq9: digest("SELECT count(*) AS n, sum(total * id) AS t FROM assessments WHERE scale = 'phq9'"),
    };
  } finally {
    raw.close();
  }
}

const progressKept = `
  SELECT course_id, sessions_done, first_session_date, last_session_date, pulses_delivered FROM course_progress
  WHERE sessions_done > 0 ORDER BY course_id`;
const progressFromSessions = `
  SELECT course_id, count(*) AS sessions_done, min(session_date) AS first_session_date, max(session_date) AS last_session_date,
    sum(pulses_delivered) AS pulses_delivered FROM treatment_sessions GROUP BY course_id ORDER BY course_id`;

describe('generated clinic', () => {
  it('is the same for the same seed and differs for another', async () => {
    const dir = tempDir();
    await generateClinic(join(dir, 'a.sqlite'), { patients: 60, seed: 7, today: TODAY });
    await generateClinic(join(dir, 'b.sqlite'), { patients: 60, seed: 7, today: TODAY });
    await generateClinic(join(dir, 'c.sqlite'), { patients: 60, seed: 8, today: TODAY });
    expect(tableDigest(join(dir, 'a.sqlite'))).toEqual(tableDigest(join(dir, 'b.sqlite')));
    expect(tableDigest(join(dir, 'a.sqlite'))).not.toEqual(tableDigest(join(dir, 'c.sqlite')));
  });

  it('never writes into a database that holds patients', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 5, seed: 1, today: TODAY });
    await expect(generateClinic(file, { patients: 5, seed: 2, today: TODAY })).rejects.toThrow(/already holds 5 patients/);
    expect((tableDigest(file)['sessions'] as { n: number }).n).toBeGreaterThan(0);
  });

  it('writes GAD-7s for most courses and MADRS or HAM-D 17 for some, correlated with the same day\'s PHQ-9', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    const counts = await generateClinic(file, { patients: 200, seed: 4, today: TODAY });
    const raw = new Database(file, { readonly: true });
    const patientsWith = (scale: string) => (raw.prepare('SELECT count(DISTINCT patient_id) AS n FROM assessments WHERE scale = ?').get(scale) as { n: number }).n;
    const withPhq9 = patientsWith('phq9');
    expect(patientsWith('gad7') / withPhq9).toBeGreaterThan(0.65);
    expect(patientsWith('madrs') + patientsWith('hamd17')).toBeGreaterThan(withPhq9 * 0.15);
    expect(patientsWith('madrs') + patientsWith('hamd17')).toBeLessThan(withPhq9 * 0.5);
    expect(counts.otherScales).toBe((raw.prepare("SELECT count(*) AS n FROM assessments WHERE scale <> 'phq9'").get() as { n: number }).n);
    const pearson = (scale: string) => {
      const pairs = raw.prepare(`SELECT p.total AS x, o.total AS y FROM assessments p JOIN assessments o
        ON o.patient_id = p.patient_id AND o.assessed_on = p.assessed_on AND o.scale = ? WHERE p.scale = 'phq9'`).all(scale) as Array<{ x: number; y: number }>;
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const mx = mean(pairs.map((p) => p.x));
      const my = mean(pairs.map((p) => p.y));
      const cov = pairs.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
      const sx = Math.sqrt(pairs.reduce((a, p) => a + (p.x - mx) ** 2, 0));
      const sy = Math.sqrt(pairs.reduce((a, p) => a + (p.y - my) ** 2, 0));
      return cov / (sx * sy);
    };
    for (const scale of ['gad7', 'madrs', 'hamd17']) expect(pearson(scale)).toBeGreaterThan(0.7);
    raw.close();
  });

  it('reads back through the contract, with clinically plausible outcomes', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    const counts = await generateClinic(file, { patients: 400, seed: 3, today: TODAY });
    // Roughly: 1.2 courses per patient, ~34 sessions and ~6 PHQ-9 per course.
    expect(counts.courses / counts.patients).toBeGreaterThan(1.1);
    expect(counts.sessions / counts.courses).toBeGreaterThan(28);
    expect(counts.phq9 / counts.courses).toBeGreaterThan(5);
    const db = await openDatabase(file);
    const dispatch = createDispatch(db, { appVersion: 'test' }); // output checked against the contract
    const now = { ...at(`${TODAY}T10:00:00`), staffId: 1 };
    // The course table comes a page at a time: every page together is every course, once.
    const rows = [];
    for (let offset = 0; ; offset += 500) {
      const page = ok(await dispatch('dashboard:courses', { offset, limit: 500 }, now));
      expect(page.total).toBe(counts.courses);
      rows.push(...page.rows);
      if (page.rows.length < 500) break;
    }
    expect(rows).toHaveLength(counts.courses);
    expect(new Set(rows.map((r) => r.courseId)).size).toBe(counts.courses);
    for (const row of rows.filter((_, i) => i % 25 === 0)) ok(await dispatch('courses:get', { id: row.courseId }, now));
    const today = ok(await dispatch('sessions:today', { date: TODAY }, now));
    expect(today.length).toBeGreaterThan(0);
    const cohort = ok(await dispatch('dashboard:cohort', {}, now));
    const n = cohort.byProtocol.reduce((sum, p) => sum + p.n, 0);
    const responders = cohort.byProtocol.reduce((sum, p) => sum + p.responders, 0);
    const remitters = cohort.byProtocol.reduce((sum, p) => sum + p.remitters, 0);
    expect(responders / n).toBeGreaterThan(0.35);
    expect(responders / n).toBeLessThan(0.7);
    expect(remitters / n).toBeGreaterThan(0.2);
    expect(remitters / n).toBeLessThan(0.45);
    await db.destroy();
  });
});

describe('course_progress (migration 0005)', () => {
  it('is kept equal to the sessions by its triggers, on insert and on correction', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 40, seed: 5, today: TODAY });
    const raw = new Database(file);
    expect(raw.prepare(progressKept).all()).toEqual(raw.prepare(progressFromSessions).all());
    raw.prepare("UPDATE treatment_sessions SET session_date = '2000-01-03', pulses_delivered = 1 WHERE id = 5").run();
    expect(raw.prepare(progressKept).all()).toEqual(raw.prepare(progressFromSessions).all());
    raw.close();
  });

  it('is filled from existing sessions when a version-4 database is upgraded', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 40, seed: 6, today: TODAY });
    const raw = new Database(file);
    const expected = raw.prepare(progressFromSessions).all();
    // Undo 0021: no revisions from thresholds, day times or scale plans.
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'course_revision_on_%'").all() as Array<{ name: string }>) {
      if (/^course_revision_on_(threshold|day_time|scale_plan)_/.test(name)) raw.exec(`DROP TRIGGER ${name}`);
    }
    // Undo 0020: the today list's indexes back to the narrower ones 0002 made (0017 made the suicide-item one on assessments, dropped below).
    raw.exec(`DROP INDEX treatment_sessions_course_latest; CREATE INDEX treatment_sessions_course_date ON treatment_sessions (course_id, session_date);
      DROP INDEX motor_thresholds_course_current; CREATE INDEX motor_thresholds_course ON motor_thresholds (course_id, measured_on, id);`);
    // Undo 0019: no patient search index.
    raw.exec('DROP TRIGGER patient_search_insert; DROP TRIGGER patient_search_update; DROP TRIGGER patient_search_delete; DROP TABLE patient_search;');
    // Undo 0018: no course plans.
    raw.exec('DROP TABLE course_scale_plans;');
    // Undo 0017: PHQ-9s back in their own tables (0003, 0007), the other scales gone, no trained raters.
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'assessment%' OR name LIKE 'course_revision_on_assessment%')").all() as Array<{ name: string }>) {
      raw.exec(`DROP TRIGGER ${name}`);
    }
    const old = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: raw }) });
    await m0003.up(old);
    await m0007.up(old);
    raw.exec(`INSERT INTO phq9_assessments (id, patient_id, assessed_on, item1, item2, item3, item4, item5, item6, item7, item8, item9, difficulty, entered_by, notes, created_at)
      SELECT id, patient_id, assessed_on, answers ->> 0, answers ->> 1, answers ->> 2, answers ->> 3, answers ->> 4, answers ->> 5, answers ->> 6, answers ->> 7, answers ->> 8,
        difficulty, entered_by, notes, created_at FROM assessments WHERE scale = 'phq9';
      INSERT INTO phq9_item9_acknowledgements SELECT k.* FROM assessment_acknowledgements k JOIN assessments a ON a.id = k.assessment_id WHERE a.scale = 'phq9';
      DROP TABLE assessment_acknowledgements; DROP TABLE assessment_entered_in_error; DROP TABLE assessments;
      ALTER TABLE staff DROP COLUMN trained_rater;`);
    const triggers = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'course_progress%' OR name LIKE 'course_revision%' OR name LIKE 'phq9_entered_in_error%')").all() as Array<{ name: string }>;
    for (const { name } of triggers) raw.exec(`DROP TRIGGER ${name}`);
    raw.exec('DROP TABLE course_progress; DROP TABLE phq9_entered_in_error;');
    // Undo 0008 too: a version-4 file has no sign-in columns and no co-signature requests.
    raw.exec('DROP TABLE pending_sessions; DROP INDEX staff_username;');
    // Undo 0011: no outcome rule changes, no one-per-day trigger, the course index back.
    raw.exec('DROP TRIGGER IF EXISTS phq9_one_per_patient_day; DROP TABLE outcome_rule_change_seen; DROP TABLE outcome_rule_changes;');
    raw.exec('CREATE INDEX IF NOT EXISTS phq9_course ON phq9_assessments (course_id, assessed_on);');
    for (const column of ['username', 'password_hash', 'must_change_password', 'failed_sign_ins', 'locked_until']) raw.exec(`ALTER TABLE staff DROP COLUMN ${column}`);
    raw.exec('ALTER TABLE courses DROP COLUMN min_minutes_between_sessions'); // and 0010
    // Undo 0012: no billing scheme (its frozen-revision trigger names the column; 0012 recreates it).
    raw.exec('DROP TRIGGER protocols_frozen; ALTER TABLE protocols DROP COLUMN billing_scheme; ALTER TABLE courses DROP COLUMN billing_scheme;');
    // Undo 0014: no import batches, and the never-deleted triggers as 0001–0003 made them.
    for (const [trigger, table, message] of [
      ['patients_never_deleted', 'patients', 'patients are archived, never deleted'],
      ['courses_never_deleted', 'courses', 'courses are discontinued, never deleted'],
      ['phq9_never_deleted', 'phq9_assessments', 'assessments are never deleted'],
    ]) raw.exec(`DROP TRIGGER ${trigger}; CREATE TRIGGER ${trigger} BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;`);
    raw.exec('DROP TABLE import_records; DROP TABLE import_batches;');
    raw.exec('DROP TABLE course_day_times; ALTER TABLE courses DROP COLUMN planned_time;'); // and 0013
    // Undo 0015 and 0016: no treatment history, no screenings or consents (their triggers go with them).
    raw.exec('DROP TABLE antidepressant_trials; DROP TABLE psychotherapy_trials; DROP TABLE current_medications; DROP TABLE safety_screenings; DROP TABLE consents;');
    raw.exec('PRAGMA user_version = 4;');
    raw.close();
    const db = await openDatabase(file);
    await db.destroy();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare(progressKept).all()).toEqual(expected);
    // 0006 gives every course a row, sessions or not.
    expect(reopened.prepare('SELECT count(*) AS n FROM course_progress').get()).toEqual(reopened.prepare('SELECT count(*) AS n FROM courses').get());
    reopened.close();
  });
});

describe('dashboard kept across changes (migration 0006 revisions)', () => {
  it('re-reads only what changed and always equals a fresh read', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 300, seed: 9, today: TODAY });
    const db = await openDatabase(file);
    const kept = createDispatch(db, { appVersion: 'test' });
    const now = { ...at(`${TODAY}T10:00:00`), staffId: 1 };
    const fresh = async () => {
      const other = createDispatch(db, { appVersion: 'test' });
      return [ok(await other('dashboard:courses', { limit: 500 }, now)), ok(await other('dashboard:cohort', {}, now))];
    };
    const read = async () => [ok(await kept('dashboard:courses', { limit: 500 }, now)), ok(await kept('dashboard:cohort', {}, now))];
    expect(await read()).toEqual(await fresh());
    // Cohorts are kept as sums per filter set and changed by difference: one filtered set kept across the changes too.
    const ended = { statuses: ['completed', 'discontinued'] } as const;
    const endedFresh = async () => ok(await createDispatch(db, { appVersion: 'test' })('dashboard:cohort', ended, now));
    expect(ok(await kept('dashboard:cohort', ended, now))).toEqual(await endedFresh());

    const active = ok(await kept('dashboard:courses', { statuses: ['active'] }, now)).rows[0];
    if (!active) throw new Error('no active course');
    ok(await kept('phq9:create', { actorId: 1, patientId: active.patientId, assessedOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 2], difficulty: null, notes: '' }, now));
    const patient = ok(await kept('patients:get', { id: active.patientId }, now));
    ok(await kept('patients:update', { ...patient, actorId: 1, lastName: 'Renamed', referringPsychiatrist: patient.referringPsychiatrist, notes: patient.notes }, now));
    const [page] = await read();
    const changed = (page as { rows: Array<{ courseId: number; endOfTreatment: number | null; item9Open: number; patientName: string }> }).rows.find((r) => r.courseId === active.courseId);
    expect(changed).toMatchObject({ endOfTreatment: 2, item9Open: 1, patientName: expect.stringMatching(/^RENAMED, /) });
    expect(await read()).toEqual(await fresh());

    // The course ends: it joins the intention-to-treat and completer sums, and the ended filter's.
    const before = ok(await kept('dashboard:cohort', {}, now));
    const { course } = ok(await kept('courses:get', { id: active.courseId }, now));
    ok(await kept('courses:end', { actorId: 1, courseId: active.courseId, version: course.version, status: 'completed', on: TODAY, reason: '' }, now));
    const after = ok(await kept('dashboard:cohort', {}, now));
    expect(after.completers.n + after.intentionToTreat.n).toBeGreaterThan(before.completers.n + before.intentionToTreat.n);
    expect(await read()).toEqual(await fresh());
    expect(ok(await kept('dashboard:cohort', ended, now))).toEqual(await endedFresh());
    await db.destroy();
  });
});
