import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { verifyAuditChain } from '../../src/main/services/audit';
import { getCourseDetail } from '../../src/main/services/courses';
import { DashboardReader } from '../../src/main/services/dashboard';
import { listUnseenOutcomeRuleChanges, markOutcomeRuleChangesSeen } from '../../src/main/services/outcomeRuleChanges';
import { tempDir } from '../support/tempDatabase';

const STAMP = '2026-01-01T00:00:00.000Z';
// Local noon: the clinic's calendar day is the same in every time zone.
const NOW = new Date('2026-07-01T12:00:00');

/**
 * A clinic written by schema 9 (before assessments were linked by date), with the sequences of
 * issue 11: PHQ-9s carry the course that was open when they were typed.
 */
function writeSchema9Clinic(raw: Database.Database) {
  raw.exec(`
    INSERT INTO staff (name, role, created_at, updated_at) VALUES
      ('Dr. Maya Patel', 'psychiatrist', '${STAMP}', '${STAMP}'), ('Dr. Ken Ito', 'psychiatrist', '${STAMP}', '${STAMP}'), ('Sam Okafor', 'technician', '${STAMP}', '${STAMP}');
  `);
  const patient = raw.prepare(`INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
    VALUES (?, 'Test', ?, '1970-01-01', 'female', 'F33.1', '${STAMP}', '${STAMP}')`);
  const course = raw.prepare(`INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt, frequency_hz,
      train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions, authorized_sessions, start_date, status, created_at, updated_at)
    VALUES (?, 1, 1, '10 Hz rTMS, left DLPFC (FDA-cleared)', 'left_dlpfc', 'Figure-8', 'rtms', 120, 10, 4, 26, 75, 1, 36, 36, ?, ?, '${STAMP}', '${STAMP}')`);
  const mt = raw.prepare(`INSERT INTO motor_thresholds (course_id, measured_on, rmt_pct_mso, method, coil, measured_by, created_at) VALUES (?, '2026-03-01', 60, 'emg', 'Figure-8', 1, '${STAMP}')`);
  const session = raw.prepare(`INSERT INTO treatment_sessions (course_id, session_number, session_date, start_time, technician_id, motor_threshold_id, position_method,
      position_json, coil_angle_deg, coil, frequency_hz, intensity_pct_mt, intensity_pct_mso, trains_planned, trains_delivered, pulses_delivered, created_at, updated_at)
    VALUES (?, ?, ?, '09:00', 3, ?, 'five_cm', '{}', 45, 'Figure-8', 10, 120, 72, 75, 75, 3000, '${STAMP}', '${STAMP}')`);
  const phq9 = raw.prepare(`INSERT INTO phq9_assessments (patient_id, course_id, assessed_on, item1, item2, item3, item4, item5, item6, item7, item8, item9, difficulty, entered_by, notes, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, 3, '', '${STAMP}')`);
  const items = (total: number) => Array.from({ length: 8 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
  const score = (patientId: number, courseId: number | null, on: string, total: number) => Number(phq9.run(patientId, courseId, on, ...items(total)).lastInsertRowid);
  const treated = (mrn: string, start: string, status: string, sessions: Array<[number, string]>) => {
    const p = Number(patient.run(mrn, mrn).lastInsertRowid);
    const c = Number(course.run(p, start, status).lastInsertRowid);
    const m = Number(mt.run(c).lastInsertRowid);
    for (const [n, on] of sessions) session.run(c, n, on, m);
    return { p, c };
  };
  const weekly = (from: number, dates: string[]) => dates.map((d, i): [number, string] => [from + i, d]);
  // 1. A back-dated session: number 2 is dated before number 1. Course view (by number): 9 → 12; dashboard (by date): 20 → 12.
  const backDated = treated('M-BACK', '2026-03-02', 'active', [[1, '2026-03-10'], [2, '2026-03-02'], [3, '2026-03-20']]);
  score(backDated.p, backDated.c, '2026-02-27', 20);
  score(backDated.p, backDated.c, '2026-03-09', 9);
  score(backDated.p, backDated.c, '2026-03-20', 12);
  // 2. A pre-treatment PHQ-9 typed before the prescription belonged to no course.
  const preTreatment = treated('M-PRE', '2026-03-02', 'active', weekly(1, ['2026-03-02', '2026-03-09']));
  score(preTreatment.p, null, '2026-02-25', 18);
  score(preTreatment.p, preTreatment.c, '2026-03-09', 8);
  // 3. A relapse score months later, typed while the course was still open, replaced its end of treatment.
  const relapse = treated('M-RELAPSE', '2026-03-02', 'active', weekly(1, ['2026-03-02', '2026-03-09', '2026-03-16']));
  score(relapse.p, relapse.c, '2026-03-02', 20);
  score(relapse.p, relapse.c, '2026-03-16', 6);
  const relapseScore = score(relapse.p, relapse.c, '2026-06-20', 22);
  // 4. A year-old score became a new course's baseline.
  const yearOld = treated('M-OLD', '2026-03-02', 'active', weekly(1, ['2026-03-02', '2026-03-09', '2026-03-16']));
  score(yearOld.p, yearOld.c, '2025-02-01', 21);
  score(yearOld.p, yearOld.c, '2026-03-16', 10);
  // 5. Unchanged: baseline 15 → 5, with a PHQ-9 entered in error and the same PHQ-9 saved twice on one day.
  const same = treated('M-SAME', '2026-03-02', 'active', weekly(1, ['2026-03-02', '2026-03-09', '2026-03-16']));
  score(same.p, same.c, '2026-03-01', 15);
  const wrong = score(same.p, same.c, '2026-03-09', 1);
  raw.prepare(`INSERT INTO phq9_entered_in_error (assessment_id, marked_by, marked_at, reason) VALUES (?, 1, '${STAMP}', 'Wrong patient')`).run(wrong);
  score(same.p, same.c, '2026-03-20', 5);
  score(same.p, same.c, '2026-03-20', 5);
  // 6. Baseline 8: rated before, "not rated" now.
  const mild = treated('M-MILD', '2026-03-02', 'active', weekly(1, ['2026-03-02', '2026-03-09']));
  score(mild.p, mild.c, '2026-03-02', 8);
  score(mild.p, mild.c, '2026-03-09', 3);
  // The relapse patient's next course, planned: a new PHQ-9 of the patient must refresh both courses on the dashboard.
  const next = Number(course.run(relapse.p, '2026-07-06', 'planned').lastInsertRowid);
  return { backDated, preTreatment, relapse, relapseScore, yearOld, same, mild, next };
}

describe('migration 0011_assessment_windows', () => {
  it('links PHQ-9s by date windows, keeps everything, and lists the courses whose outcome changed once to each psychiatrist', async () => {
    const file = join(tempDir(), 'v9.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 9));
    const ids = writeSchema9Clinic(raw);
    const phq9Before = raw.prepare('SELECT * FROM phq9_assessments ORDER BY id').all();
    await old.destroy();

    const db = await openDatabase(file);
    // Nothing lost: every PHQ-9 kept as it was, course_id included (history, no longer read; in the
    // generic table since migration 0017).
    type Old = Record<string, number | string | null>;
    expect(await sql`SELECT id, patient_id, legacy_course_id, assessed_on, answers, total, difficulty, entered_by, notes, created_at FROM assessments ORDER BY id`
      .execute(db).then((r) => r.rows)).toEqual((phq9Before as Old[]).map((o) => ({
      id: o.id, patient_id: o.patient_id, legacy_course_id: o.course_id, assessed_on: o.assessed_on,
      answers: JSON.stringify([o.item1, o.item2, o.item3, o.item4, o.item5, o.item6, o.item7, o.item8, o.item9]),
      total: o.total, difficulty: o.difficulty, entered_by: o.entered_by, notes: o.notes, created_at: o.created_at,
    })));
    expect(await sql`SELECT name FROM sqlite_schema WHERE name = 'phq9_course'`.execute(db).then((r) => r.rows)).toEqual([]);

    // The courses whose outcome changed, before (course view) and after.
    const changes = await db.selectFrom('outcome_rule_changes').select(['course_id', 'before_json', 'after_json']).orderBy('course_id').execute();
    const byCourse = new Map(changes.map((c) => [c.course_id, { before: JSON.parse(c.before_json), after: JSON.parse(c.after_json) }]));
    expect([...byCourse.keys()]).toEqual([ids.backDated.c, ids.preTreatment.c, ids.relapse.c, ids.yearOld.c, ids.mild.c]);
    expect(byCourse.get(ids.backDated.c)).toMatchObject({
      before: { baseline: { total: 9, on: '2026-03-09' }, latest: { total: 12 }, change: 3 },
      after: { baseline: { total: 20, on: '2026-02-27' }, latest: { total: 12 }, change: -8, response: false, remission: false },
    });
    expect(byCourse.get(ids.preTreatment.c)).toMatchObject({ before: { baseline: null, latest: null }, after: { baseline: { total: 18 }, latest: { total: 8 }, response: true } });
    expect(byCourse.get(ids.relapse.c)).toMatchObject({ before: { latest: { total: 22 }, response: false }, after: { latest: { total: 6, on: '2026-03-16' }, response: true } });
    expect(byCourse.get(ids.yearOld.c)).toMatchObject({ before: { baseline: { total: 21 }, response: true }, after: { baseline: null, latest: null } });
    expect(byCourse.get(ids.mild.c)).toMatchObject({ before: { response: true, remission: true }, after: { baseline: { total: 8 }, response: null, remission: null } });

    // The app now shows the new outcome everywhere: course view and dashboard agree.
    const ctx = { now: NOW };
    const backDated = await getCourseDetail(db, ctx, ids.backDated.c);
    expect(backDated.firstSessionDate).toBe('2026-03-02');
    expect(backDated.outcome).toMatchObject({ baseline: { total: 20 }, endOfTreatment: { total: 12 }, change: -8, percentChange: -40 });
    const dashboard = new DashboardReader(db);
    const { rows } = await dashboard.courses({ scale: 'phq9', statuses: [], protocolLineageIds: [], prescriberIds: [], startFrom: null, startTo: null, offset: 0, limit: 100 });
    expect(rows.find((r) => r.courseId === ids.backDated.c)).toMatchObject({ baseline: 20, endOfTreatment: 12, percentChange: -40 });
    expect((await getCourseDetail(db, ctx, ids.relapse.c)).phq9.map((a) => [a.assessedOn, a.part])).toEqual([
      ['2026-03-02', 'baseline'], ['2026-03-16', 'end_of_treatment'], ['2026-06-20', 'follow_up'],
    ]);
    // The relapse score is also the baseline candidate of the patient's next course (within 30 days of its start).
    expect((await getCourseDetail(db, ctx, ids.next)).phq9.map((a) => a.id)).toEqual([ids.relapseScore]);

    // A new PHQ-9 of a patient refreshes every course of theirs on the dashboard.
    const revision = async (courseId: number) => (await db.selectFrom('course_progress').select('revision').where('course_id', '=', courseId).executeTakeFirstOrThrow()).revision;
    const [r1, r2] = [await revision(ids.relapse.c), await revision(ids.next)];
    await sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, notes, created_at)
      VALUES (${ids.relapse.p}, 'phq9', '2026-07-01', '[1,1,1,1,1,1,1,1,0]', 8, 0, 3, '', ${STAMP})`.execute(db);
    expect([await revision(ids.relapse.c), await revision(ids.next)]).toEqual([r1 + 1, r2 + 1]);
    // One valid PHQ-9 per patient per day, in the file too; an entered-in-error one does not count.
    await expect(sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, notes, created_at)
      VALUES (${ids.relapse.p}, 'phq9', '2026-07-01', '[2,2,2,2,2,2,2,2,0]', 16, 0, 3, '', ${STAMP})`.execute(db)).rejects.toThrow(/already has an assessment of this scale on that day/);
    await sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, notes, created_at)
      VALUES (${ids.same.p}, 'phq9', '2026-03-09', '[2,2,2,2,2,2,2,2,0]', 16, 0, 3, '', ${STAMP})`.execute(db);

    // Listed to each psychiatrist until they mark it seen; technicians have no list (the contract says so).
    const maya = { now: NOW, actor: { id: 1, name: 'Dr. Maya Patel', role: 'psychiatrist' as const, mustChangePassword: false } };
    const ken = { now: NOW, actor: { id: 2, name: 'Dr. Ken Ito', role: 'psychiatrist' as const, mustChangePassword: false } };
    const listed = await listUnseenOutcomeRuleChanges(db, maya);
    expect(listed.map((c) => c.mrn).sort()).toEqual(['M-BACK', 'M-MILD', 'M-OLD', 'M-PRE', 'M-RELAPSE']);
    expect(listed.find((c) => c.mrn === 'M-BACK')).toMatchObject({ patientName: 'M-BACK, Test', ruleChange: '0011_assessment_windows', before: { baseline: { total: 9 } }, after: { baseline: { total: 20 } } });
    expect(await markOutcomeRuleChangesSeen(db, maya, listed.map((c) => c.id))).toEqual({ marked: 5 });
    expect(await listUnseenOutcomeRuleChanges(db, maya)).toEqual([]);
    expect(await markOutcomeRuleChangesSeen(db, maya, listed.map((c) => c.id))).toEqual({ marked: 0 });
    expect(await listUnseenOutcomeRuleChanges(db, ken)).toHaveLength(5);
    const audited = await db.selectFrom('audit_log').select(['staff_id', 'action', 'entity', 'entity_id']).where('action', '=', 'acknowledge').execute();
    expect(audited).toHaveLength(5);
    expect(audited.every((a) => a.staff_id === 1 && a.entity === 'course')).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    await expect(sql`DELETE FROM outcome_rule_change_seen`.execute(db)).rejects.toThrow(/kept as recorded/);
    await db.destroy();
  });
});
