import { type Kysely, sql } from 'kysely';

/**
 * A revision number per course, raised by triggers whenever anything the dashboard shows of it
 * changes (the course, its sessions and adverse events, PHQ-9s and their acknowledgements, the
 * patient's name, the prescriber's name). Readers that keep per-course results can then re-read
 * only the courses whose revision moved, whoever wrote to the file. Every course gets a
 * course_progress row from now on, sessions or not.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE course_progress ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0)`.execute(db);
  await sql`
    INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
    SELECT id, 0, NULL, NULL, 0 FROM courses WHERE id NOT IN (SELECT course_id FROM course_progress)
  `.execute(db);
  // Rows now exist before a course's first session, with no dates: SQLite's min()/max() of a NULL
  // is NULL, so the insert trigger of 0005 is replaced by one that starts from the first date.
  await sql`DROP TRIGGER course_progress_on_insert`.execute(db);
  await sql`
    CREATE TRIGGER course_progress_on_insert AFTER INSERT ON treatment_sessions BEGIN
      INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
      VALUES (NEW.course_id, 1, NEW.session_date, NEW.session_date, NEW.pulses_delivered)
      ON CONFLICT (course_id) DO UPDATE SET
        sessions_done = sessions_done + 1,
        first_session_date = min(coalesce(first_session_date, excluded.first_session_date), excluded.first_session_date),
        last_session_date = max(coalesce(last_session_date, excluded.last_session_date), excluded.last_session_date),
        pulses_delivered = pulses_delivered + excluded.pulses_delivered;
    END
  `.execute(db);
  await sql`
    CREATE TRIGGER course_progress_for_new_course AFTER INSERT ON courses BEGIN
      INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
      VALUES (NEW.id, 0, NULL, NULL, 0);
    END
  `.execute(db);
  const bump = (where: string) => sql.raw(`UPDATE course_progress SET revision = revision + 1 WHERE ${where};`);
  const triggers: Array<[string, string, string]> = [
    ['course_revision_on_course', 'AFTER UPDATE ON courses', 'course_id = NEW.id'],
    ['course_revision_on_session_insert', 'AFTER INSERT ON treatment_sessions', 'course_id = NEW.course_id'],
    ['course_revision_on_session_update', 'AFTER UPDATE ON treatment_sessions', 'course_id IN (OLD.course_id, NEW.course_id)'],
    ['course_revision_on_adverse_event', 'AFTER INSERT ON session_adverse_events',
      'course_id = (SELECT course_id FROM treatment_sessions WHERE id = NEW.session_id)'],
    ['course_revision_on_adverse_event_delete', 'AFTER DELETE ON session_adverse_events',
      'course_id = (SELECT course_id FROM treatment_sessions WHERE id = OLD.session_id)'],
    ['course_revision_on_phq9_insert', 'AFTER INSERT ON phq9_assessments', 'course_id = NEW.course_id'],
    ['course_revision_on_phq9_update', 'AFTER UPDATE ON phq9_assessments', 'course_id IN (OLD.course_id, NEW.course_id)'],
    ['course_revision_on_acknowledgement', 'AFTER INSERT ON phq9_item9_acknowledgements',
      'course_id = (SELECT course_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_patient', 'AFTER UPDATE ON patients', 'course_id IN (SELECT id FROM courses WHERE patient_id = NEW.id)'],
    ['course_revision_on_prescriber', 'AFTER UPDATE OF name ON staff', 'course_id IN (SELECT id FROM courses WHERE prescriber_id = NEW.id)'],
  ];
  for (const [name, event, where] of triggers) {
    await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(event)} BEGIN ${bump(where)} END`.execute(db);
  }
}
