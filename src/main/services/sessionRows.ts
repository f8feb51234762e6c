import { type Kysely, sql } from 'kysely';
import { beamF3, motorThresholdFlags } from '../../shared/clinical';
import {
  adverseEventLabels,
  type PositionMethod,
  type SessionFields,
  type SessionRow,
  sideEffectLabels,
} from '../../shared/schemas/session';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { appendTo } from './lists';

/** The method-specific position measurements, as stored in position_json. */
export interface StoredPosition {
  fiveCmDistanceCm: number | null;
  beamTragusToTragusCm: number | null;
  beamNasionToInionCm: number | null;
  beamCircumferenceCm: number | null;
  beamXCm?: number;
  beamYCm?: number;
  eegSite: 'F3' | 'F4' | null;
  mniX: number | null;
  mniY: number | null;
  mniZ: number | null;
  navigationSystem: string;
}

/** Keeps only the measurements the chosen method uses, with Beam F3's X/Y computed. */
export function positionFor(fields: SessionFields): StoredPosition {
  const m = fields.positionMethod;
  const position: StoredPosition = {
    fiveCmDistanceCm: m === 'five_cm' ? fields.fiveCmDistanceCm : null,
    beamTragusToTragusCm: m === 'beam_f3' ? fields.beamTragusToTragusCm : null,
    beamNasionToInionCm: m === 'beam_f3' ? fields.beamNasionToInionCm : null,
    beamCircumferenceCm: m === 'beam_f3' ? fields.beamCircumferenceCm : null,
    eegSite: m === 'eeg_10_20' ? fields.eegSite : null,
    mniX: m === 'neuronavigation' ? fields.mniX : null,
    mniY: m === 'neuronavigation' ? fields.mniY : null,
    mniZ: m === 'neuronavigation' ? fields.mniZ : null,
    navigationSystem: m === 'neuronavigation' ? fields.navigationSystem : '',
  };
  if (m === 'beam_f3' && position.beamTragusToTragusCm && position.beamNasionToInionCm && position.beamCircumferenceCm) {
    const { xCm, yCm } = beamF3({
      tragusToTragusCm: position.beamTragusToTragusCm,
      nasionToInionCm: position.beamNasionToInionCm,
      circumferenceCm: position.beamCircumferenceCm,
    });
    position.beamXCm = xCm;
    position.beamYCm = yCm;
  }
  return position;
}

export function describePosition(method: PositionMethod, p: StoredPosition, landmarks: string, angle: number): string {
  const where = {
    five_cm: `5 cm rule, ${p.fiveCmDistanceCm ?? '?'} cm anterior to hotspot`,
    beam_f3: `Beam F3 X ${p.beamXCm ?? '?'} cm, Y ${p.beamYCm ?? '?'} cm`,
    eeg_10_20: `EEG 10–20 ${p.eegSite ?? '?'}`,
    neuronavigation: `Neuronavigation (${p.navigationSystem}) MNI ${p.mniX}, ${p.mniY}, ${p.mniZ}`,
  }[method];
  return [where, `${angle}°`, landmarks].filter(Boolean).join('; ');
}


/**
 * The session's number is its place in the course by date, start time and id, so a back-dated
 * session takes its place in the count (the stored session_number is the order of entry). Read
 * with all of its course's sessions it is the row's place among them; read alone, the sessions
 * before it are counted.
 */
const NUMBER_AMONG_COURSE = sql<number>`row_number() OVER (ORDER BY s.session_date, s.start_time, s.id)`;
const NUMBER_ALONE = sql<number>`(SELECT count(*) FROM treatment_sessions o WHERE o.course_id = s.course_id AND (o.session_date, o.start_time, o.id) <= (s.session_date, s.start_time, s.id))`;

function selectSessions(db: Kysely<DB>, ordinal: typeof NUMBER_ALONE) {
  return db
    .selectFrom('treatment_sessions as s')
    .innerJoin('staff as t', 't.id', 's.technician_id')
    .innerJoin('motor_thresholds as mt', 'mt.id', 's.motor_threshold_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('staff as o', 'o.id', 's.override_by')
    .selectAll('s')
    .select(ordinal.as('ordinal'))
    .select(['t.name as technician_name', 'mt.rmt_pct_mso', 'mt.measured_on as mt_measured_on', 'mt.method as mt_method', 'mt.coil as mt_coil', 'c.coil as course_coil', 'o.name as override_by_name']);
}

const sessionsOfCourse = preparedQuery((db, courseId: number) =>
  selectSessions(db, NUMBER_AMONG_COURSE).where('s.course_id', '=', courseId).orderBy('s.session_date').orderBy('s.start_time').orderBy('s.id'));
const sessionById = preparedQuery((db, id: number) => selectSessions(db, NUMBER_ALONE).where('s.id', '=', id));

// A session's side effects, interruptions and adverse events, for every session of a course or for one session.
const sideEffectsOf = {
  course: preparedQuery((db, courseId: number) =>
    db.selectFrom('session_side_effects as e').innerJoin('treatment_sessions as s', 's.id', 'e.session_id').selectAll('e').where('s.course_id', '=', courseId).orderBy('e.effect')),
  session: preparedQuery((db, id: number) => db.selectFrom('session_side_effects as e').selectAll('e').where('e.session_id', '=', id).orderBy('e.effect')),
};
const interruptionsOf = {
  course: preparedQuery((db, courseId: number) =>
    db.selectFrom('session_interruptions as i').innerJoin('treatment_sessions as s', 's.id', 'i.session_id').selectAll('i').where('s.course_id', '=', courseId).orderBy('i.id')),
  session: preparedQuery((db, id: number) => db.selectFrom('session_interruptions as i').selectAll('i').where('i.session_id', '=', id).orderBy('i.id')),
};
const adverseEventsOf = {
  course: preparedQuery((db, courseId: number) =>
    db.selectFrom('session_adverse_events as a').innerJoin('treatment_sessions as s', 's.id', 'a.session_id').selectAll('a').where('s.course_id', '=', courseId).orderBy('a.id')),
  session: preparedQuery((db, id: number) => db.selectFrom('session_adverse_events as a').selectAll('a').where('a.session_id', '=', id).orderBy('a.id')),
};

function bySession<T extends { session_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) appendTo(map, row.session_id, row);
  return map;
}

/** Loads sessions (of one course, or by id) with their side effects, interruptions and events. */
export async function loadSessionRows(db: Kysely<DB>, where: { courseId: number } | { id: number }): Promise<SessionRow[]> {
  const [scope, key] = 'courseId' in where ? (['course', where.courseId] as const) : (['session', where.id] as const);
  const [rows, effectRows, interruptionRows, eventRows] = await Promise.all([
    scope === 'course' ? sessionsOfCourse(db, key) : sessionById(db, key),
    sideEffectsOf[scope](db, key),
    interruptionsOf[scope](db, key),
    adverseEventsOf[scope](db, key),
  ]);
  if (rows.length === 0) return [];
  const effects = bySession(effectRows);
  const interruptions = bySession(interruptionRows);
  const events = bySession(eventRows);
  return rows.map((r) => {
    const position = JSON.parse(r.position_json) as StoredPosition;
    const mine = { effects: effects.get(r.id) ?? [], interruptions: interruptions.get(r.id) ?? [], events: events.get(r.id) ?? [] };
    const fields: SessionFields = {
      courseId: r.course_id,
      sessionDate: r.session_date,
      startTime: r.start_time,
      motorThresholdId: r.motor_threshold_id,
      positionMethod: r.position_method,
      fiveCmDistanceCm: position.fiveCmDistanceCm,
      beamTragusToTragusCm: position.beamTragusToTragusCm,
      beamNasionToInionCm: position.beamNasionToInionCm,
      beamCircumferenceCm: position.beamCircumferenceCm,
      eegSite: position.eegSite,
      mniX: position.mniX,
      mniY: position.mniY,
      mniZ: position.mniZ,
      navigationSystem: position.navigationSystem,
      landmarks: r.landmarks,
      coilAngleDeg: r.coil_angle_deg,
      coil: r.coil,
      frequencyHz: r.frequency_hz,
      intensityPctMt: r.intensity_pct_mt,
      intensityPctMso: r.intensity_pct_mso,
      trainsPlanned: r.trains_planned,
      trainsDelivered: r.trains_delivered,
      pulsesDelivered: r.pulses_delivered,
      interruptions: mine.interruptions.map((i) => ({ afterTrain: i.after_train, reason: i.reason })),
      sideEffects: mine.effects.map((e) => ({ effect: e.effect as SessionFields['sideEffects'][number]['effect'], severity: e.severity })),
      adverseEvents: mine.events.map((e) => ({ event: e.event, description: e.description })),
      notes: r.notes,
      overrideReason: r.override_reason ?? '',
    };
    return {
      id: r.id,
      courseId: r.course_id,
      sessionNumber: r.ordinal,
      sessionDate: r.session_date,
      startTime: r.start_time,
      technicianId: r.technician_id,
      technicianName: r.technician_name,
      motorThresholdId: r.motor_threshold_id,
      rmtPctMso: r.rmt_pct_mso,
      thresholdFlags: { ...motorThresholdFlags({ measuredOn: r.mt_measured_on, method: r.mt_method }, r.session_date), otherCoil: r.mt_coil !== r.course_coil },
      positionMethod: r.position_method,
      positionSummary: describePosition(r.position_method, position, r.landmarks, r.coil_angle_deg),
      fields,
      trainsPlanned: r.trains_planned,
      trainsDelivered: r.trains_delivered,
      pulsesDelivered: r.pulses_delivered,
      intensityPctMt: r.intensity_pct_mt,
      intensityPctMso: r.intensity_pct_mso,
      partial: r.trains_delivered < r.trains_planned,
      overrideByName: r.override_by_name,
      overrideReason: r.override_reason,
      interruptions: mine.interruptions.length,
      sideEffectsSummary: fields.sideEffects.map((e) => `${sideEffectLabels[e.effect]} (${e.severity})`).join(', '),
      adverseEventsSummary: fields.adverseEvents.map((e) => adverseEventLabels[e.event]).join(', '),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
