import type Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash';

export interface SessionRow extends Record<string, unknown> {
  course_id: number;
  technician_id: number;
  motor_threshold_id: number;
  session_date: string;
  at: string;
}

/** The bench's hand-written baseline, on either engine (a result or a promise of one). */
export interface RawQueries {
  /** One word, as the bench types. */
  patientsSearch(query: string): unknown;
  courseDetail(id: number): unknown;
  todayList(date: string): unknown;
  dashboardCohort(): unknown;
  reportData(courseId: number, staffId: number): unknown;
  sessionCreate(row: SessionRow, effects: Array<{ effect: string; severity: string }>): unknown;
  phq9Create(patientId: number, date: string, answers: number[], staffId: number, at: string): unknown;
}

/** The FTS5 phrase for one word (migration 0019 indexes lower() of the fields: ASCII folded). */
export const ftsPhrase = (word: string) => `"${word.replace(/[A-Z]/g, (c) => c.toLowerCase()).replaceAll('"', '""')}"`;
export const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The same reads and writes as our services, hand-written as prepared better-sqlite3 statements
 * with no validation or mapping: the floor our layers are measured against.
 */
export function rawQueries(db: Database.Database): RawQueries {
  const columns = 'id, mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, archived_at';
  const order = 'ORDER BY mrn = ? COLLATE NOCASE DESC, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT 100';
  // A word of three characters or more through the trigram index (0019), a shorter one on the rows.
  const indexed = 'id IN (SELECT rowid FROM patient_search WHERE patient_search MATCH ?)';
  const scanned = "(last_name LIKE ? ESCAPE '\\' OR first_name LIKE ? ESCAPE '\\' OR mrn LIKE ? ESCAPE '\\')";
  const search = db.prepare(`SELECT ${columns} FROM patients WHERE archived_at IS NULL AND ${indexed} ${order}`);
  const searchCount = db.prepare(`SELECT count(*) AS n FROM patients WHERE archived_at IS NULL AND ${indexed}`);
  const searchShort = db.prepare(`SELECT ${columns} FROM patients WHERE archived_at IS NULL AND ${scanned} ${order}`);
  const searchShortCount = db.prepare(`SELECT count(*) AS n FROM patients WHERE archived_at IS NULL AND ${scanned}`);
  const course = db.prepare('SELECT c.*, s.name AS prescriber_name FROM courses c JOIN staff s ON s.id = c.prescriber_id WHERE c.id = ?');
  const patient = db.prepare('SELECT * FROM patients WHERE id = ?');
  const thresholds = db.prepare(`SELECT m.*, s.name AS measured_by_name FROM motor_thresholds m JOIN staff s ON s.id = m.measured_by
    WHERE m.course_id = ? ORDER BY m.measured_on DESC, m.id DESC`);
  const authorizations = db.prepare(`SELECT a.*, s.name AS recorded_by_name FROM course_authorizations a JOIN staff s ON s.id = a.recorded_by
    WHERE a.course_id = ? ORDER BY a.id DESC`);
  const selectSessions = `SELECT t.*, tech.name AS technician_name, mt.rmt_pct_mso, o.name AS override_by_name
    FROM treatment_sessions t JOIN staff tech ON tech.id = t.technician_id JOIN motor_thresholds mt ON mt.id = t.motor_threshold_id
    LEFT JOIN staff o ON o.id = t.override_by`;
  const sessions = db.prepare(`${selectSessions} WHERE t.course_id = ? ORDER BY t.session_number`);
  const sideEffects = db.prepare('SELECT e.* FROM session_side_effects e JOIN treatment_sessions t ON t.id = e.session_id WHERE t.course_id = ? ORDER BY e.effect');
  const interruptions = db.prepare('SELECT i.* FROM session_interruptions i JOIN treatment_sessions t ON t.id = i.session_id WHERE t.course_id = ? ORDER BY i.id');
  const events = db.prepare('SELECT e.* FROM session_adverse_events e JOIN treatment_sessions t ON t.id = e.session_id WHERE t.course_id = ? ORDER BY e.id');
  const selectAssessments = `SELECT a.*, e.name AS entered_by_name, ks.name AS ack_by_name, k.acknowledged_at, k.action_taken,
      xs.name AS error_by_name, x.marked_at AS error_marked_at, x.reason AS error_reason
    FROM assessments a JOIN staff e ON e.id = a.entered_by LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id
    LEFT JOIN staff ks ON ks.id = k.acknowledged_by LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id LEFT JOIN staff xs ON xs.id = x.marked_by`;
  const phq9 = db.prepare(`${selectAssessments} WHERE a.patient_id = ? ORDER BY a.assessed_on, a.id`);
  const settings = db.prepare('SELECT key, value FROM settings');
  const staffName = db.prepare('SELECT name FROM staff WHERE id = ?');
  const today = db.prepare(`
    SELECT c.id, p.id, p.first_name, p.last_name, p.mrn, p.date_of_birth, c.protocol_name, c.status, c.planned_sessions, c.authorized_sessions,
      c.sessions_per_day, c.review_required,
      coalesce(cp.sessions_done, 0) AS sessions_done, cp.last_session_date,
      (SELECT count(*) FROM treatment_sessions s WHERE s.course_id = c.id AND s.session_date = @date) AS sessions_today,
      (SELECT json_object('rmt', m.rmt_pct_mso, 'on', m.measured_on, 'method', m.method) FROM motor_thresholds m WHERE m.course_id = c.id
        ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) AS mt_json,
      (SELECT max(a.assessed_on) FROM assessments a WHERE a.patient_id = c.patient_id AND a.scale = 'phq9' AND a.assessed_on <= @date
        AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error)) AS last_phq9,
      (SELECT count(*) FROM assessments a LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id
        WHERE a.patient_id = c.patient_id AND a.suicide_item_positive = 1 AND k.assessment_id IS NULL AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error)) AS item9_open
    FROM courses c JOIN patients p ON p.id = c.patient_id LEFT JOIN course_progress cp ON cp.course_id = c.id
    WHERE c.status IN ('planned', 'active') AND c.start_date <= @date AND p.archived_at IS NULL`);
  const cohortCourses = db.prepare(`
    SELECT c.id, c.patient_id, p.first_name, p.last_name, p.mrn, c.protocol_name, pr.lineage_id, s.name, c.status, c.start_date, c.planned_sessions,
      cp.sessions_done, cp.first_session_date, cp.last_session_date
    FROM courses c JOIN patients p ON p.id = c.patient_id JOIN staff s ON s.id = c.prescriber_id JOIN protocols pr ON pr.id = c.protocol_id
    LEFT JOIN course_progress cp ON cp.course_id = c.id
    ORDER BY c.start_date DESC, c.id DESC`);
  const cohortScores = db.prepare(`SELECT a.id, a.patient_id, a.assessed_on, a.total FROM assessments a LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id
    WHERE a.scale = 'phq9' AND x.assessment_id IS NULL`);
  const cohortAdverse = db.prepare('SELECT t.course_id, count(*) FROM session_adverse_events ae JOIN treatment_sessions t ON t.id = ae.session_id GROUP BY t.course_id');
  const cohortItem9 = db.prepare(`SELECT c.id, count(*) FROM assessments a JOIN courses c ON c.patient_id = a.patient_id
    LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id
    WHERE a.suicide_item_positive = 1 AND k.assessment_id IS NULL AND x.assessment_id IS NULL GROUP BY c.id`);
  // Writes: the same statements our services issue, in the same order and transaction.
  const actor = db.prepare('SELECT id, name, role, active FROM staff WHERE id = ?');
  const mtById = db.prepare('SELECT m.*, s.name AS measured_by_name FROM motor_thresholds m JOIN staff s ON s.id = m.measured_by WHERE m.id = ?');
  const sameDay = db.prepare('SELECT count(*) AS n FROM treatment_sessions WHERE course_id = ? AND session_date = ?');
  const nextNumber = db.prepare('SELECT max(session_number) AS n FROM treatment_sessions WHERE course_id = ?');
  const insertSession = db.prepare(`INSERT INTO treatment_sessions (course_id, session_number, session_date, start_time, technician_id,
    motor_threshold_id, position_method, position_json, landmarks, coil_angle_deg, coil, frequency_hz, intensity_pct_mt, intensity_pct_mso,
    trains_planned, trains_delivered, pulses_delivered, override_by, override_reason, notes, created_at, updated_at)
    VALUES (@course_id, @session_number, @session_date, @start_time, @technician_id, @motor_threshold_id, @position_method, @position_json,
    @landmarks, @coil_angle_deg, @coil, @frequency_hz, @intensity_pct_mt, @intensity_pct_mso, @trains_planned, @trains_delivered,
    @pulses_delivered, NULL, NULL, '', @at, @at) RETURNING id`);
  const insertEffect = db.prepare('INSERT INTO session_side_effects (session_id, effect, severity) VALUES (?, ?, ?)');
  const sessionById = db.prepare(`${selectSessions} WHERE t.id = ?`);
  const effectsOf = db.prepare('SELECT * FROM session_side_effects WHERE session_id IN (?) ORDER BY effect');
  const interruptionsOf = db.prepare('SELECT * FROM session_interruptions WHERE session_id IN (?) ORDER BY id');
  const eventsOf = db.prepare('SELECT * FROM session_adverse_events WHERE session_id IN (?) ORDER BY id');
  const phq9SameDay = db.prepare(`${selectAssessments} WHERE a.patient_id = ? AND a.scale = 'phq9' AND a.assessed_on = ? AND x.assessment_id IS NULL ORDER BY a.id`);
  const raterOf = db.prepare('SELECT role, trained_rater FROM staff WHERE id = ?');
  const insertPhq9 = db.prepare(`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, difficulty, entered_by, notes, created_at)
    VALUES (?, 'phq9', ?, ?, ?, ?, ?, ?, '', ?) RETURNING id`);
  const phq9ById = db.prepare(`${selectAssessments} WHERE a.id = ?`);
  const auditHead = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const auditInsert = db.prepare(`INSERT INTO audit_log (id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash)
    VALUES (?, ?, ?, 'create', ?, ?, NULL, ?, NULL, ?, ?)`);
  // The audit entry chained to the head of the log, as recordAudit does.
  const audit = { run(at: string, staffId: number, entity: string, entityId: number, after: string) {
    const head = auditHead.get() as { id: number; hash: string } | undefined;
    const row = { id: (head?.id ?? 0) + 1, at, staff_id: staffId, action: 'create', entity, entity_id: entityId, before_json: null, after_json: after, reason: null, prev_hash: head?.hash ?? GENESIS_HASH };
    auditInsert.run(row.id, at, staffId, entity, entityId, after, row.prev_hash, auditHash(row));
  } };

  const courseDetail = (id: number) => {
    const c = course.get(id) as { patient_id: number };
    return [c, patient.get(c.patient_id), thresholds.all(id), authorizations.all(id), sessions.all(id), sideEffects.all(id), interruptions.all(id), events.all(id), phq9.all(c.patient_id)];
  };

  return {
    patientsSearch(query: string) {
      if ([...query].length >= 3) return [search.all(ftsPhrase(query), query), searchCount.get(ftsPhrase(query))];
      const pattern = like(query);
      return [searchShort.all(pattern, pattern, pattern, query), searchShortCount.get(pattern, pattern, pattern)];
    },
    courseDetail,
    todayList: (date: string) => today.all({ date }),
    dashboardCohort: () => [cohortCourses.all(), cohortScores.all(), cohortAdverse.all(), cohortItem9.all()],
    reportData: (courseId: number, staffId: number) => [courseDetail(courseId), settings.all(), staffName.get(staffId)],
    sessionCreate(row, effects) {
      actor.get(row.technician_id);
      return db.transaction(() => {
        course.get(row.course_id);
        mtById.get(row.motor_threshold_id);
        sameDay.get(row.course_id, row.session_date);
        const { n } = nextNumber.get(row.course_id) as { n: number };
        const { id } = insertSession.get({ ...row, session_number: n + 1 }) as { id: number };
        for (const e of effects) insertEffect.run(id, e.effect, e.severity);
        const created = [sessionById.get(id), effectsOf.all(id), interruptionsOf.all(id), eventsOf.all(id)];
        audit.run(row.at, row.technician_id, 'session', id, JSON.stringify(created));
        return id;
      })();
    },
    phq9Create(patientId, date, answers, staffId, at) {
      actor.get(staffId);
      return db.transaction(() => {
        raterOf.get(staffId);
        patient.get(patientId);
        phq9SameDay.get(patientId, date);
        const total = answers.reduce((a, b) => a + b, 0);
        const { id } = insertPhq9.get(patientId, date, JSON.stringify(answers), total, (answers[8] ?? 0) > 0 ? 1 : 0, 'somewhat', staffId, at) as { id: number };
        audit.run(at, staffId, 'assessment', id, JSON.stringify(phq9ById.get(id)));
        return id;
      })();
    },
  };
}
