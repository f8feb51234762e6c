import { type Kysely, sql } from 'kysely';

/**
 * Assessments are linked to courses by date windows (DOMAIN.md, "Which assessments measure a
 * course"), no longer by `phq9_assessments.course_id` (the course that happened to be open when a
 * PHQ-9 was typed). What this changes in the file:
 *
 * - `course_id` stays, with its values, as history: what the app stored before schema 11. It is
 *   neither written nor read any more (the app's table types leave it out). Dropping it would need
 *   a rebuild of a table other tables reference, for no gain; its index goes.
 * - The dashboard's course revisions (migration 0006) were raised for the PHQ-9's `course_id`;
 *   a PHQ-9 may now measure any course of its patient, so its triggers raise every course of the
 *   patient.
 * - One valid PHQ-9 per patient per day: a trigger refuses a second one (the service refuses it
 *   first, naming the first). PHQ-9s already stored twice on a day are kept.
 * - Every course's outcome is computed under the old rules (PHQ-9s by `course_id`, first session
 *   by number, baseline = last PHQ-9 on or before its day, latest = the last one after it) and the
 *   new ones (the windows, first session by date, baseline ≥ 10 to be rated); a course whose shown
 *   outcome differs is recorded in `outcome_rule_changes`, listed to each psychiatrist until they
 *   mark it seen (`outcome_rule_change_seen`).
 *
 * The rules are written out here, not imported: migrations are frozen and import no app code.
 * Runs inside the migration runner's transaction.
 */

interface Score {
  id: number;
  on: string;
  total: number;
}

interface ShownOutcome {
  baseline: { id: number; on: string; total: number } | null;
  latest: { id: number; on: string; total: number } | null;
  change: number | null;
  response: boolean | null;
  remission: boolean | null;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const byDateThenId = (a: Score, b: Score) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id - b.id);

function shown(baseline: Score | undefined, latest: Score | undefined, rated: (b: Score) => boolean): ShownOutcome {
  if (!baseline || !latest) {
    return { baseline: baseline ?? null, latest: null, change: null, response: null, remission: null };
  }
  const ok = rated(baseline);
  return {
    baseline,
    latest,
    change: latest.total - baseline.total,
    response: ok ? baseline.total > 0 && latest.total <= baseline.total / 2 : null,
    remission: ok ? latest.total < 5 : null,
  };
}

function oldOutcome(scores: Score[], firstByNumber: string | null): ShownOutcome {
  if (!firstByNumber) return shown(undefined, undefined, () => true);
  const sorted = [...scores].sort(byDateThenId);
  return shown(sorted.filter((s) => s.on <= firstByNumber).at(-1), sorted.filter((s) => s.on > firstByNumber).at(-1), () => true);
}

function newOutcome(scores: Score[], first: string | null, last: string | null): ShownOutcome {
  if (!first || !last) return shown(undefined, undefined, () => true);
  const from = addDays(first, -30);
  const to = addDays(last, 7);
  const sorted = [...scores].sort(byDateThenId);
  const baseline = sorted.filter((s) => s.on >= from && s.on <= first).at(-1);
  const endOfTreatment = sorted.filter((s) => s.on > first && s.on <= to).at(-1);
  return shown(baseline, endOfTreatment, (b) => b.total >= 10);
}

const same = (a: ShownOutcome, b: ShownOutcome) =>
  a.baseline?.total === b.baseline?.total && a.latest?.total === b.latest?.total && a.response === b.response && a.remission === b.remission;

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of ['course_revision_on_phq9_insert', 'course_revision_on_phq9_update', 'course_revision_on_acknowledgement', 'course_revision_on_phq9_entered_in_error']) {
    await sql`DROP TRIGGER ${sql.raw(name)}`.execute(db);
  }
  const bumpPatient = (patient: string) =>
    sql.raw(`UPDATE course_progress SET revision = revision + 1 WHERE course_id IN (SELECT id FROM courses WHERE patient_id = ${patient});`);
  const triggers: Array<[string, string, string]> = [
    ['course_revision_on_phq9_insert', 'AFTER INSERT ON phq9_assessments', 'NEW.patient_id'],
    ['course_revision_on_phq9_update', 'AFTER UPDATE ON phq9_assessments', 'NEW.patient_id'],
    ['course_revision_on_acknowledgement', 'AFTER INSERT ON phq9_item9_acknowledgements',
      '(SELECT patient_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_phq9_entered_in_error', 'AFTER INSERT ON phq9_entered_in_error',
      '(SELECT patient_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
  ];
  for (const [name, event, patient] of triggers) {
    await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(event)} BEGIN ${bumpPatient(patient)} END`.execute(db);
  }
  // A PHQ-9 can no longer move between patients' courses by an update of its patient either.
  await sql`
    CREATE TRIGGER course_revision_on_phq9_patient_change AFTER UPDATE OF patient_id ON phq9_assessments
    WHEN OLD.patient_id IS NOT NEW.patient_id
    BEGIN ${bumpPatient('OLD.patient_id')} END
  `.execute(db);
  await sql`DROP INDEX phq9_course`.execute(db);
  await sql`
    CREATE TRIGGER phq9_one_per_patient_day BEFORE INSERT ON phq9_assessments
    WHEN EXISTS (
      SELECT 1 FROM phq9_assessments a
      WHERE a.patient_id = NEW.patient_id AND a.assessed_on = NEW.assessed_on
        AND a.id NOT IN (SELECT assessment_id FROM phq9_entered_in_error)
    )
    BEGIN SELECT RAISE(ABORT, 'This patient already has a PHQ-9 on that day'); END
  `.execute(db);

  await sql`
    CREATE TABLE outcome_rule_changes (
      id INTEGER PRIMARY KEY,
      course_id INTEGER NOT NULL REFERENCES courses (id),
      -- Which change of rules (the migration that recorded it): a later one may list the same course again.
      rule_change TEXT NOT NULL CHECK (length(rule_change) BETWEEN 1 AND 60),
      recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      before_json TEXT NOT NULL CHECK (json_valid(before_json)),
      after_json TEXT NOT NULL CHECK (json_valid(after_json)),
      UNIQUE (course_id, rule_change)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE outcome_rule_change_seen (
      change_id INTEGER NOT NULL REFERENCES outcome_rule_changes (id),
      staff_id INTEGER NOT NULL REFERENCES staff (id),
      seen_at TEXT NOT NULL CHECK (seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      PRIMARY KEY (change_id, staff_id)
    ) STRICT
  `.execute(db);
  for (const table of ['outcome_rule_changes', 'outcome_rule_change_seen']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_no_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON ${sql.raw(table)}
        BEGIN SELECT RAISE(ABORT, 'Outcome rule changes are kept as recorded'); END
      `.execute(db);
    }
  }
  await recordOutcomeRuleChanges(db);
}

/**
 * Records every course whose shown outcome differs under the new rules (plain SQL that runs on
 * both engines; the PostgreSQL variant of this migration calls it too).
 */
export async function recordOutcomeRuleChanges(db: Kysely<any>): Promise<void> {
  const courses = (await sql<{ id: number; patient_id: number; first_by_number: string | null; first_on: string | null; last_on: string | null }>`
    SELECT c.id, c.patient_id,
      (SELECT s.session_date FROM treatment_sessions s WHERE s.course_id = c.id ORDER BY s.session_number, s.id LIMIT 1) AS first_by_number,
      (SELECT min(s.session_date) FROM treatment_sessions s WHERE s.course_id = c.id) AS first_on,
      (SELECT max(s.session_date) FROM treatment_sessions s WHERE s.course_id = c.id) AS last_on
    FROM courses c ORDER BY c.id
  `.execute(db)).rows;
  const scores = (await sql<{ id: number; patient_id: number; course_id: number | null; on: string; total: number }>`
    SELECT a.id, a.patient_id, a.course_id, a.assessed_on AS "on", a.total FROM phq9_assessments a
    WHERE a.id NOT IN (SELECT assessment_id FROM phq9_entered_in_error)
  `.execute(db)).rows;
  const byPatient = new Map<number, Score[]>();
  const byCourse = new Map<number, Score[]>();
  for (const s of scores) {
    const score = { id: s.id, on: s.on, total: s.total };
    const ofPatient = byPatient.get(s.patient_id);
    if (ofPatient) ofPatient.push(score);
    else byPatient.set(s.patient_id, [score]);
    if (s.course_id === null) continue;
    const ofCourse = byCourse.get(s.course_id);
    if (ofCourse) ofCourse.push(score);
    else byCourse.set(s.course_id, [score]);
  }
  const recordedAt = new Date().toISOString();
  for (const c of courses) {
    const before = oldOutcome(byCourse.get(c.id) ?? [], c.first_by_number);
    const after = newOutcome(byPatient.get(c.patient_id) ?? [], c.first_on, c.last_on);
    if (same(before, after)) continue;
    await sql`
      INSERT INTO outcome_rule_changes (course_id, rule_change, recorded_at, before_json, after_json)
      VALUES (${c.id}, '0011_assessment_windows', ${recordedAt}, ${JSON.stringify(before)}, ${JSON.stringify(after)})
    `.execute(db);
  }
}
