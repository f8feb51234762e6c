import { type DateFormat, formatIsoDate } from '../dateFormat';
import { machineOutputPct } from './dose';
import { checkAgainstPrescription, type SafetyFinding } from './safety';
import { type SessionThreshold, type ThresholdMeasurement, thresholdForSession } from './sessionThreshold';

/** What of a course judges its sessions: the prescription and the course's state. */
export interface SessionCourse {
  startDate: string;
  /** 'left_dlpfc' | 'right_dlpfc' | 'bilateral_dlpfc' | 'other' */
  target: string;
  coil: string;
  intensityPctMt: number;
  frequencyHz: number;
  totalPulses: number;
  pulsesPerTrain: number;
  trains: number;
  sessionsPerDay: number;
  /** Accelerated protocols: the least time from one session's start to the next one's that day. */
  minMinutesBetweenSessions: number | null;
  reviewRequired: boolean;
  reviewReason: string | null;
}

export interface CourseThreshold extends ThresholdMeasurement {
  coil: string;
}

/** The session as entered: what was delivered, when and where. */
export interface SessionEntry {
  sessionDate: string;
  /** HH:MM, clinic time. */
  startTime: string;
  frequencyHz: number;
  intensityPctMt: number;
  intensityPctMso: number;
  trainsPlanned: number;
  trainsDelivered: number;
  pulsesDelivered: number;
  positionMethod: string;
  eegSite: 'F3' | 'F4' | null;
  mniX: number | null;
}

export interface SessionCheckInput {
  course: SessionCourse;
  session: SessionEntry;
  /** Every threshold of the course, in any order. */
  thresholds: readonly CourseThreshold[];
  /** The course's other sessions (not the one being corrected). */
  otherSessions: readonly { sessionDate: string; startTime: string }[];
  /** The clinic's date and time now (YYYY-MM-DD, HH:MM). */
  today: string;
  timeNow: string;
  /** A correction of a stored session: a course under review blocks new sessions only. */
  correcting: boolean;
  /** How messages write a day: the clinic's date format. */
  dateFormat: DateFormat;
}

export interface DosingThreshold extends SessionThreshold {
  measuredOn: string;
  coil: string;
  /** Measured with another coil than the course's. */
  otherCoil: boolean;
}

export interface SessionCheck {
  /** The threshold that doses the session (`thresholdForSession`), null when none qualifies. */
  threshold: DosingThreshold | null;
  /** %MSO the session's %MT gives at that threshold; null when there is none or it is above 100. */
  expectedPctMso: number | null;
  /** refuse: cannot be saved; override: needs a psychiatrist's authorization; warn and info: shown. */
  findings: SafetyFinding[];
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function sideOf(target: string): 'left' | 'right' | null {
  if (target === 'left_dlpfc') return 'left';
  if (target === 'right_dlpfc') return 'right';
  return null;
}

/** Coil sites on the wrong side of the head for the prescribed target. */
function siteFindings(course: SessionCourse, s: SessionEntry): SafetyFinding[] {
  const side = sideOf(course.target);
  if (!side) return [];
  const findings: SafetyFinding[] = [];
  const expectedSite = side === 'left' ? 'F3' : 'F4';
  if (s.positionMethod === 'eeg_10_20' && s.eegSite !== null && s.eegSite !== expectedSite) {
    findings.push({ level: 'refuse', field: 'eegSite', message: `${s.eegSite} is on the ${side === 'left' ? 'right' : 'left'}; the course targets the ${side} DLPFC (${expectedSite}).` });
  }
  if (s.positionMethod === 'neuronavigation' && s.mniX !== null && s.mniX !== 0 && (s.mniX < 0) !== (side === 'left')) {
    findings.push({ level: 'refuse', field: 'mniX', message: `MNI x ${s.mniX} is in the ${s.mniX < 0 ? 'left' : 'right'} hemisphere; the course targets the ${side} DLPFC (x ${side === 'left' ? 'below' : 'above'} 0).` });
  }
  return findings;
}

/** When the session is dated: within the course, not ahead of time. */
function timingFindings(input: SessionCheckInput): SafetyFinding[] {
  const { course, session: s, today, timeNow } = input;
  if (s.sessionDate < input.course.startDate) return [{ level: 'refuse', field: 'sessionDate', message: `The session is dated before the course starts (${formatIsoDate(course.startDate, input.dateFormat)}).` }];
  if (s.sessionDate > today) return [{ level: 'refuse', field: 'sessionDate', message: 'A session cannot be logged ahead of time: this date is in the future.' }];
  if (s.sessionDate === today && minutesOf(s.startTime) > minutesOf(timeNow)) {
    return [{ level: 'refuse', field: 'startTime', message: `${s.startTime} is later than now (${timeNow}): log a session once it has started.` }];
  }
  return [];
}

/** Sessions per day and, for accelerated protocols, the least interval between them. */
function dayFindings(input: SessionCheckInput): SafetyFinding[] {
  const { course, session: s } = input;
  const sameDay = input.otherSessions.filter((o) => o.sessionDate === s.sessionDate);
  const findings: SafetyFinding[] = [];
  if (sameDay.length >= course.sessionsPerDay) {
    findings.push({
      level: 'override',
      field: 'sessionDate',
      message: `This would be session ${sameDay.length + 1} on ${formatIsoDate(s.sessionDate, input.dateFormat)}; the course prescribes ${course.sessionsPerDay} a day.`,
    });
  }
  const gap = course.minMinutesBetweenSessions;
  if (gap !== null && gap > 0) {
    const start = minutesOf(s.startTime);
    const nearest = sameDay
      .map((o) => ({ time: o.startTime, apart: Math.abs(minutesOf(o.startTime) - start) }))
      .filter((o) => o.apart < gap)
      .sort((a, b) => a.apart - b.apart)[0];
    if (nearest) {
      findings.push({
        level: 'override',
        field: 'startTime',
        message: `${s.startTime} is ${nearest.apart} min from the ${nearest.time} session; the protocol needs at least ${gap} min between sessions.`,
      });
    }
  }
  return findings;
}

/** The threshold that doses the session, its flags, and whether the %MSO follows from it. */
function doseFindings(input: SessionCheckInput, threshold: DosingThreshold | null): { expectedPctMso: number | null; findings: SafetyFinding[] } {
  const { course, session: s } = input;
  if (!threshold) {
    return {
      expectedPctMso: null,
      findings: [{ level: 'refuse', field: 'motorThresholdId', message: `No motor threshold of this course was measured on or before ${formatIsoDate(s.sessionDate, input.dateFormat)}: record one first.` }],
    };
  }
  const findings: SafetyFinding[] = [];
  const on = `the ${threshold.rmtPctMso}% MSO threshold of ${formatIsoDate(threshold.measuredOn, input.dateFormat)}`;
  if (threshold.stale) findings.push({ level: 'warn', field: 'motorThresholdId', message: `Dosed from ${on}, ${threshold.ageDays} days old: re-determine it (weekly).` });
  if (threshold.visual) findings.push({ level: 'warn', field: 'motorThresholdId', message: `Dosed from ${on}, measured visually (reads about 11% higher than EMG).` });
  if (threshold.otherCoil) {
    findings.push({ level: 'warn', field: 'motorThresholdId', message: `Dosed from ${on}, measured with ${threshold.coil}; the course uses ${course.coil}.` });
  }
  let prescribedPctMso: number;
  try {
    prescribedPctMso = machineOutputPct(threshold.rmtPctMso, course.intensityPctMt);
  } catch {
    findings.push({ level: 'refuse', field: 'intensityPctMt', message: `The prescribed ${course.intensityPctMt}% MT cannot be delivered at ${on}: it is above 100% MSO.` });
    return { expectedPctMso: null, findings };
  }
  let expected: number | null = null;
  if (!Number.isFinite(s.intensityPctMt)) return { expectedPctMso: null, findings };
  try {
    expected = machineOutputPct(threshold.rmtPctMso, s.intensityPctMt);
  } catch {
    findings.push({ level: 'refuse', field: 'intensityPctMt', message: `${s.intensityPctMt}% MT at ${on} is above 100% MSO.` });
  }
  if (expected !== null && s.intensityPctMso !== expected) {
    const ofThreshold = Math.round((100 * s.intensityPctMso) / threshold.rmtPctMso);
    findings.push({
      level: 'override',
      field: 'intensityPctMso',
      message: `${s.intensityPctMso}% MSO is ${ofThreshold}% of ${on}; ${s.intensityPctMt}% MT gives ${expected}% MSO (prescribed: ${prescribedPctMso}% MSO).`,
    });
  }
  return { expectedPctMso: expected, findings };
}

/**
 * Every rule a session must meet before it is stored, new or corrected: the renderer runs it
 * for the live preview, main for the authoritative check (DOMAIN.md "Rules across records").
 */
export function checkSession(input: SessionCheckInput): SessionCheck {
  const { course, session: s } = input;
  const picked = thresholdForSession(input.thresholds, s.sessionDate);
  const measurement = picked ? input.thresholds.find((t) => t.id === picked.id) : undefined;
  const threshold = picked && measurement ? { ...picked, measuredOn: measurement.measuredOn, coil: measurement.coil, otherCoil: measurement.coil !== course.coil } : null;
  const findings: SafetyFinding[] = [...timingFindings(input), ...siteFindings(course, s)];
  if (s.trainsDelivered > s.trainsPlanned) findings.push({ level: 'refuse', field: 'trainsDelivered', message: `More trains delivered than the ${s.trainsPlanned} planned.` });
  const maxPulses = s.trainsDelivered * course.pulsesPerTrain;
  if (s.pulsesDelivered > maxPulses) {
    findings.push({ level: 'refuse', field: 'pulsesDelivered', message: `${s.trainsDelivered} trains of ${course.pulsesPerTrain} pulses hold at most ${maxPulses}.` });
  }
  const dose = doseFindings(input, threshold);
  findings.push(...dose.findings);
  if (course.reviewRequired && !input.correcting) {
    findings.push({
      level: 'override',
      field: 'review',
      message: `The course is flagged for psychiatrist review (${course.reviewReason ?? 'serious adverse event'}): no session until a psychiatrist clears it or overrides.`,
    });
  }
  if (Number.isFinite(s.frequencyHz) && s.frequencyHz !== course.frequencyHz) {
    findings.push({ level: 'override', field: 'frequencyHz', message: `${s.frequencyHz} Hz is not the prescribed ${course.frequencyHz} Hz.` });
  }
  findings.push(...dayFindings(input));
  findings.push(
    ...checkAgainstPrescription(
      { intensityPctMt: s.intensityPctMt, intensityPctMso: s.intensityPctMso, pulsesDelivered: s.pulsesDelivered, trainsDelivered: s.trainsDelivered },
      { intensityPctMt: course.intensityPctMt, totalPulses: course.totalPulses, trains: course.trains },
    ),
  );
  return { threshold, expectedPctMso: dose.expectedPctMso, findings };
}
