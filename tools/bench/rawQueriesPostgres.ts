import type pg from 'pg';
import { AUDIT_CHAIN_LOCK } from '../../src/main/db/engines/postgres';
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash';
import { like, type RawQueries } from './rawQueries';

/**
 * The baseline of rawQueries.ts on PostgreSQL: the same statements as our services, hand-written
 * for `pg` on one connection as named (server-side prepared) statements, with no validation or
 * mapping. Writes serialize the audit chain with the same advisory lock the app takes.
 */
export function postgresRawQueries(client: pg.Client): RawQueries {
  let statements = 0;
  const prepare = (text: string) => {
    const name = `raw_${++statements}`;
    return {
      all: async (...values: unknown[]) => (await client.query({ name, text, values })).rows,
      get: async (...values: unknown[]) => (await client.query({ name, text, values })).rows[0] as Record<string, unknown> | undefined,
    };
  };
  const columns = 'id, mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, archived_at';
  // The expression migration 0019 indexes with pg_trgm.
  const matches = "(lower(last_name) || ' ' || lower(first_name) || ' ' || lower(mrn)) LIKE lower($1) ESCAPE '\\'";
  const search = prepare(`SELECT ${columns} FROM patients WHERE archived_at IS NULL AND ${matches}
    ORDER BY lower(mrn) = lower($2) DESC, lower(last_name), lower(first_name), id LIMIT 100`);
  const searchCount = prepare(`SELECT count(*) AS n FROM patients WHERE archived_at IS NULL AND ${matches}`);
  const course = prepare('SELECT c.*, s.name AS prescriber_name FROM courses c JOIN staff s ON s.id = c.prescriber_id WHERE c.id = $1');
  const patient = prepare('SELECT * FROM patients WHERE id = $1');
  const thresholds = prepare(`SELECT m.*, s.name AS measured_by_name FROM motor_thresholds m JOIN staff s ON s.id = m.measured_by
    WHERE m.course_id = $1 ORDER BY m.measured_on DESC, m.id DESC`);
  const authorizations = prepare(`SELECT a.*, s.name AS recorded_by_name FROM course_authorizations a JOIN staff s ON s.id = a.recorded_by
    WHERE a.course_id = $1 ORDER BY a.id DESC`);
  const selectSessions = `SELECT t.*, tech.name AS technician_name, mt.rmt_pct_mso, o.name AS override_by_name
    FROM treatment_sessions t JOIN staff tech ON tech.id = t.technician_id JOIN motor_thresholds mt ON mt.id = t.motor_threshold_id
    LEFT JOIN staff o ON o.id = t.override_by`;
  const sessions = prepare(`${selectSessions} WHERE t.course_id = $1 ORDER BY t.session_number`);
  const sideEffects = prepare('SELECT e.* FROM session_side_effects e JOIN treatment_sessions t ON t.id = e.session_id WHERE t.course_id = $1 ORDER BY e.effect');
  const interruptions = prepare('SELECT i.* FROM session_interruptions i JOIN treatment_sessions t ON t.id = i.session_id WHERE t.course_id = $1 ORDER BY i.id');
  const events = prepare('SELECT e.* FROM session_adverse_events e JOIN treatment_sessions t ON t.id = e.session_id WHERE t.course_id = $1 ORDER BY e.id');
  const selectAssessments = `SELECT a.*, e.name AS entered_by_name, ks.name AS ack_by_name, k.acknowledged_at, k.action_taken,
      xs.name AS error_by_name, x.marked_at AS error_marked_at, x.reason AS error_reason
    FROM assessments a JOIN staff e ON e.id = a.entered_by LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id
    LEFT JOIN staff ks ON ks.id = k.acknowledged_by LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id LEFT JOIN staff xs ON xs.id = x.marked_by`;
  const phq9 = prepare(`${selectAssessments} WHERE a.patient_id = $1 ORDER BY a.assessed_on, a.id`);
  const settings = prepare('SELECT key, value FROM settings');
  const staffName = prepare('SELECT name FROM staff WHERE id = $1');
  const today = prepare(`
    SELECT c.id, p.id, p.first_name, p.last_name, p.mrn, p.date_of_birth, c.protocol_name, c.status, c.planned_sessions, c.authorized_sessions,
      c.sessions_per_day, c.review_required,
      coalesce(cp.sessions_done, 0) AS sessions_done, cp.last_session_date,
      (SELECT count(*) FROM treatment_sessions s WHERE s.course_id = c.id AND s.session_date = $1) AS sessions_today,
      (SELECT json_build_object('rmt', m.rmt_pct_mso, 'on', m.measured_on, 'method', m.method)::text FROM motor_thresholds m WHERE m.course_id = c.id
        ORDER BY m.measured_on DESC, m.id DESC LIMIT 1) AS mt_json,
      (SELECT max(a.assessed_on) FROM assessments a WHERE a.patient_id = c.patient_id AND a.scale = 'phq9' AND a.assessed_on <= $1
        AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error)) AS last_phq9,
      (SELECT count(*) FROM assessments a LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id
        WHERE a.patient_id = c.patient_id AND a.suicide_item_positive = 1 AND k.assessment_id IS NULL AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error)) AS item9_open
    FROM courses c JOIN patients p ON p.id = c.patient_id LEFT JOIN course_progress cp ON cp.course_id = c.id
    WHERE c.status IN ('planned', 'active') AND c.start_date <= $1 AND p.archived_at IS NULL`);
  const cohortCourses = prepare(`
    SELECT c.id, c.patient_id, p.first_name, p.last_name, p.mrn, c.protocol_name, pr.lineage_id, s.name, c.status, c.start_date, c.planned_sessions,
      cp.sessions_done, cp.first_session_date, cp.last_session_date
    FROM courses c JOIN patients p ON p.id = c.patient_id JOIN staff s ON s.id = c.prescriber_id JOIN protocols pr ON pr.id = c.protocol_id
    LEFT JOIN course_progress cp ON cp.course_id = c.id
    ORDER BY c.start_date DESC, c.id DESC`);
  const cohortScores = prepare(`SELECT a.id, a.patient_id, a.assessed_on, a.total FROM assessments a LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id
    WHERE a.scale = 'phq9' AND x.assessment_id IS NULL`);
  const cohortAdverse = prepare('SELECT t.course_id, count(*) FROM session_adverse_events ae JOIN treatment_sessions t ON t.id = ae.session_id GROUP BY t.course_id');
  const cohortItem9 = prepare(`SELECT c.id, count(*) FROM assessments a JOIN courses c ON c.patient_id = a.patient_id
    LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id LEFT JOIN assessment_entered_in_error x ON x.assessment_id = a.id
    WHERE a.suicide_item_positive = 1 AND k.assessment_id IS NULL AND x.assessment_id IS NULL GROUP BY c.id`);
  const actor = prepare('SELECT id, name, role, active FROM staff WHERE id = $1');
  const mtById = prepare('SELECT m.*, s.name AS measured_by_name FROM motor_thresholds m JOIN staff s ON s.id = m.measured_by WHERE m.id = $1');
  const sameDay = prepare('SELECT count(*) AS n FROM treatment_sessions WHERE course_id = $1 AND session_date = $2');
  const nextNumber = prepare('SELECT max(session_number) AS n FROM treatment_sessions WHERE course_id = $1');
  const insertSession = prepare(`INSERT INTO treatment_sessions (course_id, session_number, session_date, start_time, technician_id,
    motor_threshold_id, position_method, position_json, landmarks, coil_angle_deg, coil, frequency_hz, intensity_pct_mt, intensity_pct_mso,
    trains_planned, trains_delivered, pulses_delivered, override_by, override_reason, notes, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, NULL, NULL, '', $18, $18) RETURNING id`);
  const insertEffect = prepare('INSERT INTO session_side_effects (session_id, effect, severity) VALUES ($1, $2, $3)');
  const sessionById = prepare(`${selectSessions} WHERE t.id = $1`);
  const effectsOf = prepare('SELECT * FROM session_side_effects WHERE session_id IN ($1) ORDER BY effect');
  const interruptionsOf = prepare('SELECT * FROM session_interruptions WHERE session_id IN ($1) ORDER BY id');
  const eventsOf = prepare('SELECT * FROM session_adverse_events WHERE session_id IN ($1) ORDER BY id');
  const phq9SameDay = prepare(`${selectAssessments} WHERE a.patient_id = $1 AND a.scale = 'phq9' AND a.assessed_on = $2 AND x.assessment_id IS NULL ORDER BY a.id`);
  const raterOf = prepare('SELECT role, trained_rater FROM staff WHERE id = $1');
  const insertPhq9 = prepare(`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, difficulty, entered_by, notes, created_at)
    VALUES ($1, 'phq9', $2, $3, $4, $5, $6, $7, '', $8) RETURNING id`);
  const phq9ById = prepare(`${selectAssessments} WHERE a.id = $1`);
  const lockChain = prepare(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const auditHead = prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const auditInsert = prepare(`INSERT INTO audit_log (id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash)
    VALUES ($1, $2, $3, 'create', $4, $5, NULL, $6, NULL, $7, $8)`);
  const audit = async (at: string, staffId: number, entity: string, entityId: number, after: string) => {
    await lockChain.get();
    const head = (await auditHead.get()) as { id: number; hash: string } | undefined;
    const row = { id: (head?.id ?? 0) + 1, at, staff_id: staffId, action: 'create', entity, entity_id: entityId, before_json: null, after_json: after, reason: null, prev_hash: head?.hash ?? GENESIS_HASH };
    await auditInsert.get(row.id, at, staffId, entity, entityId, after, row.prev_hash, auditHash(row));
  };
  const transaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };

  // One connection runs one statement at a time: each is awaited before the next is sent.
  const inTurn = async (steps: Array<() => Promise<unknown>>) => {
    const out: unknown[] = [];
    for (const step of steps) out.push(await step());
    return out;
  };
  const courseDetail = async (id: number) => {
    const c = (await course.get(id)) as { patient_id: number };
    return [c, ...(await inTurn([() => patient.get(c.patient_id), () => thresholds.all(id), () => authorizations.all(id), () => sessions.all(id), () => sideEffects.all(id),
      () => interruptions.all(id), () => events.all(id), () => phq9.all(c.patient_id)]))];
  };

  return {
    patientsSearch: (query) => inTurn([() => search.all(like(query), query), () => searchCount.get(like(query))]),
    courseDetail,
    todayList: (date) => today.all(date),
    dashboardCohort: () => inTurn([() => cohortCourses.all(), () => cohortScores.all(), () => cohortAdverse.all(), () => cohortItem9.all()]),
    reportData: (courseId, staffId) => inTurn([() => courseDetail(courseId), () => settings.all(), () => staffName.get(staffId)]),
    async sessionCreate(row, effects) {
      await actor.get(row.technician_id);
      return transaction(async () => {
        await course.get(row.course_id);
        await mtById.get(row.motor_threshold_id);
        await sameDay.get(row.course_id, row.session_date);
        const { n } = (await nextNumber.get(row.course_id)) as { n: number | null };
        const { id } = (await insertSession.get(row.course_id, (n ?? 0) + 1, row.session_date, row.start_time, row.technician_id, row.motor_threshold_id,
          row.position_method, row.position_json, row.landmarks, row.coil_angle_deg, row.coil, row.frequency_hz, row.intensity_pct_mt, row.intensity_pct_mso,
          row.trains_planned, row.trains_delivered, row.pulses_delivered, row.at)) as { id: number };
        for (const e of effects) await insertEffect.get(id, e.effect, e.severity);
        const created = await inTurn([() => sessionById.get(id), () => effectsOf.all(id), () => interruptionsOf.all(id), () => eventsOf.all(id)]);
        await audit(row.at, row.technician_id, 'session', id, JSON.stringify(created));
        return id;
      });
    },
    async phq9Create(patientId, date, answers, staffId, at) {
      await actor.get(staffId);
      return transaction(async () => {
        await raterOf.get(staffId);
        await patient.get(patientId);
        await phq9SameDay.get(patientId, date);
        const total = answers.reduce((a, b) => a + b, 0);
        const { id } = (await insertPhq9.get(patientId, date, JSON.stringify(answers), total, (answers[8] ?? 0) > 0 ? 1 : 0, 'somewhat', staffId, at)) as { id: number };
        await audit(at, staffId, 'assessment', id, JSON.stringify(await phq9ById.get(id)));
        return id;
      });
    },
  };
}
