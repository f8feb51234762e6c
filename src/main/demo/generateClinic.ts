import Database from 'better-sqlite3';
import { beamF3, DAILY_PHASE_SESSIONS, machineOutputPct, rtmsSession, thetaBurstSession } from '../../shared/clinical';
import type { AuditAction, AuditEntity } from '../../shared/schemas/audit';
import { sideEffects, type SideEffect } from '../../shared/schemas/session';
import type { Selectable } from 'kysely';
import { openDatabase } from '../db';
import type { ProtocolsTable } from '../db/schema';
import { auditHash, GENESIS_HASH } from '../services/auditHash';
import type { StoredPosition } from '../services/sessionRows';
import { FIRST_NAMES, LAST_NAMES, PSYCHIATRISTS, REFERRERS, TECHNICIANS } from './names';
import { clamp, Random } from './random';

export interface ClinicOptions {
  patients: number;
  seed: number;
  /** The clinic's "today" (YYYY-MM-DD): courses run up to the day before; later ones are planned. */
  today: string;
  /** Years of history before today. */
  years?: number;
}

export interface ClinicCounts {
  staff: number;
  patients: number;
  courses: number;
  motorThresholds: number;
  sessions: number;
  sideEffects: number;
  interruptions: number;
  adverseEvents: number;
  phq9: number;
  /** Migration 0013: GAD-7, MADRS and HAM-D 17 written beside the PHQ-9s. */
  otherScales: number;
  auditEntries: number;
}

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const stamp = (day: number, minutes: number) => new Date(day * DAY_MS + minutes * 60_000).toISOString();
const weekday = (day: number) => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
const isWeekend = (day: number) => weekday(day) === 0 || weekday(day) === 6;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type ProtocolRow = Selectable<ProtocolsTable>;

/** How often clinics choose each seeded protocol (by protocol id). */
const PROTOCOL_MIX = [[1, 45], [2, 30], [3, 10], [4, 10], [5, 5]] as const;

/** Outcome classes in proportions close to naturalistic TMS registries (response ≈ 50–60%, remission ≈ 30%). */
const OUTCOMES = [['remitter', 30], ['responder', 22], ['partial', 25], ['non_responder', 23]] as const;
type OutcomeClass = (typeof OUTCOMES)[number][0];

const SIDE_EFFECT_RATES: Record<SideEffect, { early: number; late: number }> = {
  headache: { early: 0.35, late: 0.06 },
  scalp_discomfort: { early: 0.3, late: 0.08 },
  facial_twitching: { early: 0.06, late: 0.03 },
  toothache: { early: 0.02, late: 0.005 },
  lightheadedness: { early: 0.015, late: 0.004 },
  fatigue: { early: 0.05, late: 0.03 },
  neck_pain: { early: 0.03, late: 0.01 },
  hearing_complaint: { early: 0.005, late: 0.002 },
};

const INTERRUPTION_REASONS = [
  'Patient asked to pause: scalp discomfort', 'Coil overheated; cooled and resumed', 'Patient needed a restroom break',
  'Coil repositioned after head movement', 'Device fault; session stopped', 'Patient felt lightheaded',
] as const;

const DISCONTINUATION_REASONS = [
  'Patient moved away', 'Travel and work schedule conflicts', 'Insurance authorization denied for further sessions',
  'Patient preference: no benefit felt', 'Intolerable scalp pain despite intensity titration', 'Hospitalized for unrelated condition',
] as const;

const DIAGNOSES = [['F33.2', 50], ['F33.1', 25], ['F32.2', 10], ['F33.3', 3], ['F32.1', 7], ['F31.4', 5]] as const;

/**
 * Fills an empty database file with a realistic clinic: patients, courses on the seeded
 * protocols, motor thresholds, daily sessions with interruptions and side effects, weekly PHQ-9
 * trajectories, and the audit trail the app would have written for them (who created each
 * record, started, completed or discontinued a course, acknowledged an item-9 answer, archived a
 * patient), hash-chained like the app's own entries (src/main/services/auditHash.ts). Entries
 * are in the order the generator writes the records (patient by patient), so their times are not
 * in id order; a create entry's `after` is a summary of the record, not the full record. Writes with prepared statements in one transaction, so 10,000 patients take
 * seconds, not the minutes that going through the services would. Refuses a file that holds
 * patients: demo data must never mix with a clinic's records.
 */
export async function generateClinic(file: string, options: ClinicOptions): Promise<ClinicCounts> {
  const kysely = await openDatabase(file);
  await kysely.destroy();
  const raw = new Database(file);
  try {
    raw.pragma('foreign_keys = ON');
    const existing = raw.prepare('SELECT count(*) AS n FROM patients').get() as { n: number };
    if (existing.n > 0) throw new Error(`${file} already holds ${existing.n} patients; generate a clinic into a new file.`);
    return raw.transaction(() => new ClinicWriter(raw, options).write())();
  } finally {
    raw.close();
  }
}

class ClinicWriter {
  private readonly random: Random;
  /** The other scales' own stream, so adding them left every PHQ-9, session and course of a seed as it was. */
  private readonly scalesRandom: Random;
  private readonly today: number;
  private readonly firstDay: number;
  private readonly counts: ClinicCounts = { staff: 0, patients: 0, courses: 0, motorThresholds: 0, sessions: 0, sideEffects: 0, interruptions: 0, adverseEvents: 0, phq9: 0, otherScales: 0, auditEntries: 0 };
  /** The head of the audit chain: the last entry's id and hash. */
  private auditHead = { id: 0, hash: GENESIS_HASH };
  private readonly protocols: Map<number, ProtocolRow & { pulsesPerTrain: number }>;
  private psychiatrists: number[] = [];
  /** Technicians with the first and last day each worked. */
  private technicians: Array<{ id: number; from: number; to: number }> = [];
  private readonly insert;

  constructor(private readonly db: Database.Database, private readonly options: ClinicOptions) {
    this.random = new Random(options.seed);
    this.scalesRandom = new Random(options.seed * 7919 + 14);
    this.today = toDay(options.today);
    this.firstDay = this.today - Math.round((options.years ?? 10) * 365.25);
    const rows = db.prepare('SELECT * FROM protocols WHERE id BETWEEN 1 AND 5').all() as ProtocolRow[];
    this.protocols = new Map(rows.map((p) => [p.id, { ...p, pulsesPerTrain: pulsesPerTrain(p) }]));
    this.insert = {
      staff: db.prepare('INSERT INTO staff (name, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      patient: db.prepare(`INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, referring_psychiatrist, notes,
        archived_at, archive_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`),
      course: db.prepare(`INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt,
        frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions,
        schedule, authorized_sessions, billing_scheme, start_date, status, status_reason, ended_on, review_required, review_reason, notes, created_at, updated_at,
        min_minutes_between_sessions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`),
      courseEnd: db.prepare('UPDATE courses SET status = ?, status_reason = ?, ended_on = ?, review_required = ?, review_reason = ?, authorized_sessions = ?, updated_at = ? WHERE id = ?'),
      authorization: db.prepare('INSERT INTO course_authorizations (course_id, authorized_sessions, reference, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)'),
      mt: db.prepare('INSERT INTO motor_thresholds (course_id, measured_on, rmt_pct_mso, method, coil, measured_by, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      session: db.prepare(`INSERT INTO treatment_sessions (course_id, session_number, session_date, start_time, technician_id, motor_threshold_id,
        position_method, position_json, landmarks, coil_angle_deg, coil, frequency_hz, intensity_pct_mt, intensity_pct_mso, trains_planned,
        trains_delivered, pulses_delivered, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      sideEffect: db.prepare('INSERT INTO session_side_effects (session_id, effect, severity) VALUES (?, ?, ?)'),
      interruption: db.prepare('INSERT INTO session_interruptions (session_id, after_train, reason) VALUES (?, ?, ?)'),
      adverseEvent: db.prepare('INSERT INTO session_adverse_events (session_id, event, description) VALUES (?, ?, ?)'),
      // No course: assessments are linked to courses by date windows (migration 0011), every scale in one table (0017).
      assessment: db.prepare(`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive,
        difficulty, entered_by, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)`),
      acknowledgement: db.prepare('INSERT INTO assessment_acknowledgements (assessment_id, acknowledged_by, acknowledged_at, action_taken) VALUES (?, ?, ?, ?)'),
      screening: db.prepare(`INSERT INTO safety_screenings (course_id, screened_on, seizures, family_epilepsy, metal_in_head, implanted_devices, pregnancy,
        head_injury, excitability_medications, substance_use, details, screened_by, cleared_by, cleared_at, clearance, created_at)
        VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, '', ?, ?, ?, '', ?)`),
      consent: db.prepare('INSERT INTO consents (course_id, consented_on, consent_version, obtained_by, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      audit: db.prepare(`INSERT INTO audit_log (id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`),
      setting: db.prepare(`INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, NULL, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    };
  }

  /** Appends one audit entry to the chain (no `before`: the generator only writes new records and their last state). */
  private audit(at: string, staffId: number, action: AuditAction, entity: AuditEntity, entityId: number, after: object | null, reason: string | null = null): void {
    const row = {
      id: this.auditHead.id + 1, at, staff_id: staffId, action, entity, entity_id: entityId, before_json: null,
      after_json: after === null ? null : JSON.stringify(after), reason, prev_hash: this.auditHead.hash,
    };
    const hash = auditHash(row);
    this.insert.audit.run(row.id, at, staffId, action, entity, entityId, row.after_json, reason, row.prev_hash, hash);
    this.auditHead = { id: row.id, hash };
    this.counts.auditEntries++;
  }

  write(): ClinicCounts {
    const head = this.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    if (head) this.auditHead = head;
    const at = stamp(this.firstDay - 30, 9 * 60);
    this.insert.setting.run('clinic_name', 'Riverside TMS Clinic (demo data)', at);
    this.insert.setting.run('clinic_address', '12 Harbour Road, Springfield · (555) 010-2040', at);
    this.writeStaff();
    for (let i = 1; i <= this.options.patients; i++) this.writePatient(i);
    return this.counts;
  }

  private writeStaff(): void {
    const at = stamp(this.firstDay - 30, 9 * 60);
    for (const [index, name] of PSYCHIATRISTS.entries()) {
      const active = index < 4 ? 1 : 0;
      const id = Number(this.insert.staff.run(name, 'psychiatrist', active, at, at).lastInsertRowid);
      this.psychiatrists.push(id);
      this.audit(at, this.chief, 'create', 'staff', id, { name, role: 'psychiatrist' });
    }
    // Technicians work overlapping stints of three to five years across the clinic's history.
    const span = this.today - this.firstDay;
    for (const [index, name] of TECHNICIANS.entries()) {
      const from = this.firstDay - 30 + Math.floor((index / TECHNICIANS.length) * span * 0.85);
      const to = index >= TECHNICIANS.length - 5 ? this.today + 3650 : from + this.random.int(3 * 365, 5 * 365);
      const id = Number(this.insert.staff.run(name, 'technician', to >= this.today ? 1 : 0, stamp(from, 9 * 60), stamp(from, 9 * 60)).lastInsertRowid);
      this.technicians.push({ id, from, to });
      this.audit(stamp(from, 9 * 60), this.chief, 'create', 'staff', id, { name, role: 'technician' });
    }
    this.counts.staff = PSYCHIATRISTS.length + TECHNICIANS.length;
  }

  /** The clinic's first psychiatrist: created the accounts, acknowledges item-9 answers, archives records. */
  private get chief(): number {
    const id = this.psychiatrists[0];
    if (id === undefined) throw new Error('The psychiatrists are written first');
    return id;
  }

  private techniciansOn(day: number): number[] {
    const working = this.technicians.filter((t) => t.from <= day && day <= t.to).map((t) => t.id);
    return working.length > 0 ? working : this.technicians.map((t) => t.id);
  }

  private writePatient(index: number): void {
    const r = this.random;
    // First courses start uniformly over the history; a few start next week (planned).
    const firstStart = r.int(this.firstDay, this.today + 10);
    const age = clamp(Math.round(r.normal(46, 14)), 18, 85);
    const dob = dayIso(firstStart - age * 365 - r.int(0, 364));
    const sex = r.weighted([['female', 62], ['male', 36], ['other', 1], ['unknown', 1]] as const);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const createdDay = firstStart - r.int(7, 21);
    const created = stamp(createdDay, 10 * 60 + r.int(0, 400));
    const starts = [firstStart];
    // Retreatment after relapse, typically 6–24 months later.
    if (r.chance(0.22)) starts.push(firstStart + r.int(180, 730));
    if (starts.length === 2 && r.chance(0.12)) starts.push((starts[1] ?? firstStart) + r.int(180, 540));
    const courseStarts = starts.filter((s) => s <= this.today + 10);
    const lastStart = courseStarts.at(-1) ?? firstStart;
    const archived = lastStart < this.today - 3 * 365 && r.chance(0.3);
    const patientId = Number(
      this.insert.patient.run(
        `MRN-${String(index).padStart(6, '0')}`, first, last, dob, sex, r.weighted(DIAGNOSES), r.pick(REFERRERS),
        archived ? stamp(lastStart + 400, 11 * 60) : null, archived ? 'Discharged to community care; records retained' : null, created, created,
      ).lastInsertRowid,
    );
    this.counts.patients++;
    const registeredBy = this.techniciansOn(createdDay);
    this.audit(created, registeredBy[index % registeredBy.length] ?? this.chief, 'create', 'patient', patientId, { mrn: `MRN-${String(index).padStart(6, '0')}`, firstName: first, lastName: last });
    const atRisk = r.chance(0.12);
    for (const start of courseStarts) this.writeCourse(patientId, start, atRisk);
    if (archived) this.audit(stamp(lastStart + 400, 11 * 60), this.chief, 'archive', 'patient', patientId, null, 'Discharged to community care; records retained');
  }

  private writeCourse(patientId: number, startDay: number, atRisk: boolean): void {
    const r = this.random;
    const protocol = this.protocols.get(r.weighted(PROTOCOL_MIX));
    if (!protocol) throw new Error('The seeded protocols are missing');
    const start = isWeekend(startDay) ? startDay + (weekday(startDay) === 6 ? 2 : 1) : startDay;
    const prescriber = r.pick(this.psychiatrists.slice(0, start > this.today - 4 * 365 ? 4 : 6));
    const accelerated = protocol.sessions_per_day > 1;
    const planned = protocol.default_planned_sessions;
    const initialAuth = accelerated ? planned : 30;
    const prescribedDay = start - r.int(3, 10);
    const prescribedAt = stamp(prescribedDay, 14 * 60);
    const courseId = Number(
      this.insert.course.run(
        patientId, protocol.id, prescriber, protocol.name, protocol.target, protocol.coil, protocol.pattern, protocol.intensity_pct_mt,
        protocol.frequency_hz, protocol.burst_frequency_hz, protocol.pulses_per_burst, protocol.train_duration_s, protocol.inter_train_interval_s,
        protocol.trains, protocol.sessions_per_day, planned,
        accelerated ? '10 sessions a day, 50 minutes apart, for 5 days' : '5 a week for 6 weeks (30), then taper 3, 2, 1 (6)',
        initialAuth, protocol.billing_scheme, dayIso(start), 'planned', null, null, 0, null, prescribedAt, prescribedAt, protocol.min_minutes_between_sessions,
      ).lastInsertRowid,
    );
    this.counts.courses++;
    this.insert.authorization.run(courseId, initialAuth, `PA-${100000 + courseId}`, 'At prescription', prescriber, prescribedAt);
    this.audit(prescribedAt, prescriber, 'create', 'course', courseId, { patientId, protocolName: protocol.name, plannedSessions: planned, authorizedSessions: initialAuth, startDate: dayIso(start) });
    if (prescribedDay <= this.today) this.screenAndConsent(courseId, prescribedDay, prescriber);

    const outcome = r.weighted(OUTCOMES);
    const baseline = clamp(Math.round(r.normal(19, 3.5)), 11, 27);
    const final = finalScore(r, outcome, baseline);
    const baselineDay = start - r.int(1, 4);
    // Most courses follow the GAD-7 beside the PHQ-9; some a clinician-rated scale at baseline, mid-course and the end.
    const clinicianScale: 'madrs' | 'hamd17' | null = this.scalesRandom.chance(0.3) ? (this.scalesRandom.chance(0.6) ? 'madrs' : 'hamd17') : null;
    const plan = { gad7: this.scalesRandom.chance(0.8), clinician: clinicianScale };
    if (baselineDay < this.today) {
      this.writePhq9(patientId, baselineDay, baseline, atRisk, prescriber);
      this.writeOtherScales(patientId, baselineDay, baseline, plan, true, prescriber, prescriber);
    }
    if (start >= this.today) return;

    // The motor threshold: EMG in most clinics, visual in some; 120% of MT must stay ≤ 100% MSO.
    const maxRmt = Math.floor(10000 / protocol.intensity_pct_mt);
    let rmt = clamp(Math.round(r.normal(58, 9)), 35, maxRmt);
    const visual = r.chance(0.15);
    const mtAt = (day: number, notes: string) => {
      this.counts.motorThresholds++;
      const id = Number(this.insert.mt.run(courseId, dayIso(day), rmt, visual ? 'visual' : 'emg', protocol.coil, prescriber, notes, stamp(day, 8 * 60 + 30)).lastInsertRowid);
      this.audit(stamp(day, 8 * 60 + 30), prescriber, 'create', 'motor_threshold', id, { courseId, measuredOn: dayIso(day), rmtPctMso: rmt });
      return id;
    };
    let mtDay = start - r.int(0, 3);
    let mtId = mtAt(mtDay, '');
    // Most clinics re-determine weekly (the app flags older thresholds); the rest only when
    // something changes, such as a medication.
    const weeklyMt = !accelerated && r.chance(0.65);
    const redetermineAt = r.chance(0.3) ? r.int(8, 22) : -1;

    const discontinueAfter = r.chance(0.09) ? r.int(3, Math.min(planned - 2, 24)) : planned;
    const days = treatmentDays(r, start, planned, accelerated);
    const technician = r.pick(this.techniciansOn(start));
    const method = accelerated ? 'neuronavigation' : r.weighted([['five_cm', 40], ['beam_f3', 40], ['eeg_10_20', 12], ['neuronavigation', 8]] as const);
    const position = positionOf(r, method, protocol.target === 'right_dlpfc');
    const positionJson = JSON.stringify(position);
    const angle = method === 'neuronavigation' ? 45 : r.pick([45, 45, 45, 40, 50]);
    const landmarks = method === 'five_cm' ? 'Marked on cap' : method === 'beam_f3' ? 'F3 marked on cap' : '';
    const firstSession = days[0] ?? start;
    let delivered = 0;
    let lastDay = start;
    let review: string | null = null;
    let authorized = initialAuth;
    let nextPhq9Week = 1;
    for (const [index, day] of days.entries()) {
      if (day >= this.today || delivered >= discontinueAfter) break;
      const n = index + 1;
      if (n === redetermineAt) {
        rmt = clamp(rmt + r.pick([-4, -3, -2, 2, 3, 4]), 35, maxRmt);
        mtDay = day;
        mtId = mtAt(day, 'Re-determined: medication change');
      } else if (weeklyMt && day - mtDay >= 7) {
        rmt = clamp(rmt + r.weighted([[0, 70], [-1, 10], [1, 10], [-2, 5], [2, 5]] as const), 35, maxRmt);
        mtDay = day;
        mtId = mtAt(day, 'Weekly re-determination');
      }
      if (!accelerated && n === DAILY_PHASE_SESSIONS - 2 && discontinueAfter > DAILY_PHASE_SESSIONS) {
        authorized = planned;
        this.insert.authorization.run(courseId, planned, `PA-${100000 + courseId}-EXT`, 'Taper approved by payer', prescriber, stamp(day, 12 * 60));
        this.audit(stamp(day, 12 * 60), prescriber, 'authorize', 'course', courseId, { authorizedSessions: planned }, 'Taper approved by payer');
      }
      const week = Math.floor((day - firstSession) / 7) + 1;
      // Weekly through the acute phase (weeks 2–6; baseline covers week 1), and at the last session.
      if ((week > nextPhq9Week && week <= 6) || n === days.length) {
        // Accelerated courses end in 5 days; their last PHQ-9 stands for the outcome, as in the SNT trials.
        const progress = accelerated && n === days.length ? 1 : Math.min(1, (day - firstSession) / 42);
        const expected = baseline + (final - baseline) * (1 - Math.exp(-3 * progress)) / (1 - Math.exp(-3));
        const total = clamp(Math.round(expected + r.normal(0, 1.6)), 0, 27);
        this.writePhq9(patientId, day, total, atRisk, technician);
        this.writeOtherScales(patientId, day, total, plan, week === 3 || n === days.length, technician, prescriber);
        nextPhq9Week = week;
      }
      const minutes = accelerated ? 8 * 60 + (index % 10) * 50 : r.int(7 * 60, 17 * 60);
      const deliveredBy = r.chance(0.85) ? technician : r.pick(this.techniciansOn(day));
      if (n === 1) this.audit(stamp(day, minutes + 25), deliveredBy, 'start', 'course', courseId, null, `First session on ${dayIso(day)}`);
      const sessionId = this.writeSession(courseId, n, day, minutes, deliveredBy, mtId, method, positionJson, landmarks, angle, protocol, rmt);
      const adverse = this.writeSessionEvents(sessionId, n, protocol.trains);
      if (adverse) review = `${adverse} in session ${n} on ${dayIso(day)}`;
      delivered = n;
      lastDay = day;
    }
    this.endCourse(courseId, delivered, planned, discontinueAfter, lastDay, review, authorized, prescriber);
  }

  private endCourse(courseId: number, delivered: number, planned: number, discontinueAfter: number, lastDay: number, review: string | null, authorized: number, prescriber: number): void {
    const at = stamp(lastDay, 17 * 60);
    if (delivered >= planned) {
      this.insert.courseEnd.run('completed', 'Course completed as planned', dayIso(lastDay), review ? 1 : 0, review, authorized, at, courseId);
      this.audit(at, prescriber, 'complete', 'course', courseId, { status: 'completed', endedOn: dayIso(lastDay) }, 'Course completed as planned');
    } else if (delivered >= discontinueAfter) {
      const reason = this.random.pick(DISCONTINUATION_REASONS);
      this.insert.courseEnd.run('discontinued', reason, dayIso(lastDay), review ? 1 : 0, review, authorized, at, courseId);
      this.audit(at, prescriber, 'discontinue', 'course', courseId, { status: 'discontinued', endedOn: dayIso(lastDay) }, reason);
    } else {
      this.insert.courseEnd.run(delivered > 0 ? 'active' : 'planned', null, null, review ? 1 : 0, review, authorized, at, courseId);
    }
  }

  private writeSession(
    courseId: number, n: number, day: number, minutes: number, technicianId: number, mtId: number, method: string, positionJson: string,
    landmarks: string, angle: number, protocol: ProtocolRow & { pulsesPerTrain: number }, rmt: number,
  ): number {
    const r = this.random;
    const mso = machineOutputPct(rmt, protocol.intensity_pct_mt);
    const interrupted = r.chance(0.025);
    const stoppedAfter = interrupted ? r.int(1, protocol.trains - 1 || 1) : protocol.trains;
    const resumed = interrupted && r.chance(0.6);
    const trains = resumed ? protocol.trains : stoppedAfter;
    const at = stamp(day, minutes + 25);
    const sessionId = Number(
      this.insert.session.run(
        courseId, n, dayIso(day), hhmm(minutes), technicianId, mtId, method, positionJson, landmarks, angle, protocol.coil, protocol.frequency_hz,
        protocol.intensity_pct_mt, mso, protocol.trains, trains, trains * protocol.pulsesPerTrain, '', at, at,
      ).lastInsertRowid,
    );
    this.counts.sessions++;
    this.audit(at, technicianId, 'create', 'session', sessionId, { courseId, sessionNumber: n, sessionDate: dayIso(day), trainsDelivered: trains });
    if (interrupted) {
      this.insert.interruption.run(sessionId, stoppedAfter, r.pick(INTERRUPTION_REASONS));
      this.counts.interruptions++;
    }
    const early = n <= 5;
    for (const effect of sideEffects) {
      const rate = SIDE_EFFECT_RATES[effect];
      if (r.chance(early ? rate.early : rate.late)) {
        this.insert.sideEffect.run(sessionId, effect, r.weighted([['mild', 72], ['moderate', 24], ['severe', 4]] as const));
        this.counts.sideEffects++;
      }
    }
    return sessionId;
  }

  /** Rare serious events; returns the label of one that needs a psychiatrist's review. */
  private writeSessionEvents(sessionId: number, n: number, trains: number): string | null {
    const r = this.random.next();
    if (r < 1 / 40_000) {
      this.insert.adverseEvent.run(sessionId, 'seizure', `Generalized seizure during train ${Math.max(1, Math.floor(trains / 2))}, self-limited (< 60 s); EMS not required`);
      this.counts.adverseEvents++;
      return 'Seizure';
    }
    if (r < 1 / 40_000 + 1 / 4_000) {
      this.insert.adverseEvent.run(sessionId, 'syncope', `Vasovagal syncope after session ${n}; recovered in under a minute`);
      this.counts.adverseEvents++;
      return 'Syncope';
    }
    return null;
  }

  /**
   * GAD-7 and MADRS or HAM-D 17 on a PHQ-9 day, correlated with its total (GAD-7 ≈ 0.7 ×, MADRS ≈
   * 1.6 ×, HAM-D ≈ 1.05 × the PHQ-9, with noise): the GAD-7 by the technician whenever a PHQ-9 is
   * taken, the clinician-rated scale by the prescriber at baseline, mid-course (week 3) and the end.
   * Their suicide items stay 0: the PHQ-9 carries the generated clinic's alerts.
   */
  private writeOtherScales(
    patientId: number, day: number, phq9Total: number, plan: { gad7: boolean; clinician: 'madrs' | 'hamd17' | null }, clinicianDay: boolean, technician: number, prescriber: number,
  ): void {
    const r = this.scalesRandom;
    const write = (scale: string, maxima: number[], total: number, suicideIndex: number, enteredBy: number) => {
      const items = maxima.map(() => 0);
      let left = Math.min(total, maxima.reduce((a, m, i) => a + (i === suicideIndex ? 0 : m), 0));
      while (left > 0) {
        const i = r.int(0, maxima.length - 1);
        if (i !== suicideIndex && (items[i] ?? 0) < (maxima[i] ?? 0)) {
          items[i] = (items[i] ?? 0) + 1;
          left--;
        }
      }
      const sum = items.reduce((a, b) => a + b, 0);
      const at = stamp(day, 8 * 60 + r.int(0, 500));
      const id = Number(this.insert.assessment.run(patientId, scale, dayIso(day), JSON.stringify(items), sum, 0, null, enteredBy, at).lastInsertRowid);
      this.counts.otherScales++;
      this.audit(at, enteredBy, 'create', 'assessment', id, { patientId, scale, assessedOn: dayIso(day), total: sum });
    };
    if (plan.gad7) write('gad7', Array<number>(7).fill(3), clamp(Math.round(phq9Total * 0.7 + r.normal(0, 2)), 0, 21), -1, technician);
    if (plan.clinician === 'madrs' && clinicianDay) write('madrs', Array<number>(10).fill(6), clamp(Math.round(phq9Total * 1.6 + r.normal(0, 3)), 0, 54), 9, prescriber);
    if (plan.clinician === 'hamd17' && clinicianDay) {
      write('hamd17', [4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2], clamp(Math.round(phq9Total * 1.05 + r.normal(0, 2.5)), 0, 48), 2, prescriber);
    }
  }

  /**
   * What every course needs before its first session (issue 15): a safety screening with no
   * positive answer, cleared by the prescriber, and the patient's consent, all on the day of the
   * prescription. Draws nothing from the random stream, so the rest of the clinic is as before.
   */
  private screenAndConsent(courseId: number, day: number, prescriber: number): void {
    const screenedAt = stamp(day, 14 * 60 + 30);
    const screeningId = Number(this.insert.screening.run(courseId, dayIso(day), prescriber, prescriber, screenedAt, screenedAt).lastInsertRowid);
    this.audit(screenedAt, prescriber, 'create', 'safety_screening', screeningId, { courseId, screenedOn: dayIso(day), positive: [] });
    this.audit(screenedAt, prescriber, 'clear', 'safety_screening', screeningId, { courseId, clearedBy: prescriber });
    const consentAt = stamp(day, 14 * 60 + 45);
    const consentId = Number(this.insert.consent.run(courseId, dayIso(day), 'TMS consent v3 (2026)', prescriber, prescriber, consentAt).lastInsertRowid);
    this.audit(consentAt, prescriber, 'create', 'consent', consentId, { courseId, consentedOn: dayIso(day) });
  }

  private writePhq9(patientId: number, day: number, total: number, atRisk: boolean, enteredBy: number): void {
    const r = this.random;
    const item9 = atRisk && total >= 10 ? (r.chance(0.15) ? 2 : 1) : !atRisk && total >= 20 && r.chance(0.05) ? 1 : 0;
    const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
    let left = Math.min(total, 24 + item9) - item9;
    while (left > 0) {
      const i = r.int(0, 7);
      if ((items[i] ?? 3) < 3) {
        items[i] = (items[i] ?? 0) + 1;
        left--;
      }
    }
    const difficulty = total < 5 ? 'not_difficult' : total < 10 ? 'somewhat' : total < 20 ? 'very' : 'extremely';
    const at = stamp(day, 8 * 60 + r.int(0, 500));
    const sum = items.reduce((a, b) => a + b, 0);
    const id = Number(this.insert.assessment.run(patientId, 'phq9', dayIso(day), JSON.stringify(items), sum, item9 > 0 ? 1 : 0, difficulty, enteredBy, at).lastInsertRowid);
    this.counts.phq9++;
    this.audit(at, enteredBy, 'create', 'assessment', id, { patientId, scale: 'phq9', assessedOn: dayIso(day), total: sum, item9 });
    // Positive item 9 is acknowledged the same day, except the last few days' (still open, as in a real clinic).
    if (item9 > 0 && day < this.today - 2) {
      const actionTaken = 'Reviewed with patient; no plan or intent; safety plan updated';
      this.insert.acknowledgement.run(id, this.chief, stamp(day, 16 * 60), actionTaken);
      this.audit(stamp(day, 16 * 60), this.chief, 'acknowledge', 'assessment', id, { acknowledgedAt: stamp(day, 16 * 60) }, actionTaken);
    }
  }
}

function pulsesPerTrain(p: ProtocolRow): number {
  const base = { trainDurationS: p.train_duration_s, interTrainIntervalS: p.inter_train_interval_s, trains: p.trains };
  return p.pattern === 'theta_burst'
    ? thetaBurstSession({ ...base, pulsesPerBurst: p.pulses_per_burst ?? 3, intraBurstFrequencyHz: p.frequency_hz, burstFrequencyHz: p.burst_frequency_hz ?? 5 }).pulsesPerTrain
    : rtmsSession({ ...base, frequencyHz: p.frequency_hz }).pulsesPerTrain;
}

function finalScore(r: Random, outcome: OutcomeClass, baseline: number): number {
  switch (outcome) {
    case 'remitter':
      return r.int(0, 4);
    case 'responder':
      return clamp(Math.round(baseline * (0.3 + 0.2 * r.next())), 5, Math.floor(baseline / 2));
    case 'partial':
      return Math.round(baseline * (0.55 + 0.2 * r.next()));
    case 'non_responder':
      return clamp(Math.round(baseline * (0.8 + 0.3 * r.next())), 0, 27);
  }
}

/** Weekdays: 30 daily then a taper of 3, 2 and 1 a week, with the odd missed day; accelerated: 10 a day for 5 days. */
function treatmentDays(r: Random, start: number, planned: number, accelerated: boolean): number[] {
  const days: number[] = [];
  let day = start;
  if (accelerated) {
    while (days.length < planned) {
      if (!isWeekend(day)) for (let i = 0; i < 10 && days.length < planned; i++) days.push(day);
      day++;
    }
    return days;
  }
  while (days.length < Math.min(DAILY_PHASE_SESSIONS, planned)) {
    if (!isWeekend(day) && !r.chance(0.03)) days.push(day);
    day++;
  }
  for (const perWeek of [3, 2, 1]) {
    const monday = day + ((8 - weekday(day)) % 7);
    for (const offset of [0, 2, 4].slice(0, perWeek)) if (days.length < planned) days.push(monday + offset);
    day = monday + 7;
  }
  return days;
}

function positionOf(r: Random, method: 'five_cm' | 'beam_f3' | 'eeg_10_20' | 'neuronavigation', right: boolean): StoredPosition {
  const none: StoredPosition = {
    fiveCmDistanceCm: null, beamTragusToTragusCm: null, beamNasionToInionCm: null, beamCircumferenceCm: null, eegSite: null,
    mniX: null, mniY: null, mniZ: null, navigationSystem: '',
  };
  switch (method) {
    case 'five_cm':
      return { ...none, fiveCmDistanceCm: r.pick([5, 5, 5, 5.5, 6]) };
    case 'beam_f3': {
      const head = { tragusToTragusCm: r.int(33, 39), nasionToInionCm: r.int(34, 40), circumferenceCm: r.int(53, 60) };
      const { xCm, yCm } = beamF3(head);
      return { ...none, beamTragusToTragusCm: head.tragusToTragusCm, beamNasionToInionCm: head.nasionToInionCm, beamCircumferenceCm: head.circumferenceCm, beamXCm: xCm, beamYCm: yCm };
    }
    case 'eeg_10_20':
      return { ...none, eegSite: right ? 'F4' : 'F3' };
    case 'neuronavigation':
      return { ...none, mniX: (right ? 1 : -1) * r.int(38, 46), mniY: r.int(40, 50), mniZ: r.int(24, 34), navigationSystem: 'Localite' };
  }
}
