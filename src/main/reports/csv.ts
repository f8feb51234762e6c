import { SCALES, scaleBand, scaleDefinition, scaleIds, treatmentDayOf, weekOfCourse } from '../../shared/clinical';
import { LOINC_PHQ9_TOTAL, phq9DifficultyLabels, phq9SeverityLabels } from '../../shared/clinical';
import type { AssessmentPart } from '../../shared/clinical';
import type { Assessment } from '../../shared/schemas/assessment';
import type { CourseDetail } from '../../shared/schemas/course';
import { positionMethodLabels } from '../../shared/schemas/session';

type Cell = string | number | boolean | null;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with '. */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** How a CSV writes a day: the clinic's date format. */
export type DayWriter = (isoDate: string) => string;

export function sessionsCsv(detail: CourseDetail, day: DayWriter): string {
  return toCsv(
    ['mrn', 'session_number', 'date', 'start_time', 'technician', 'positioning', 'coil_position', 'coil_angle_deg', 'coil', 'frequency_hz',
      'intensity_pct_mt', 'intensity_pct_mso', 'rmt_pct_mso', 'trains_planned', 'trains_delivered', 'pulses_delivered', 'interruptions',
      'side_effects', 'adverse_events', 'override_by', 'override_reason', 'notes'],
    detail.sessions.map((s) => [
      detail.patient.mrn, s.sessionNumber, day(s.sessionDate), s.startTime, s.technicianName, positionMethodLabels[s.positionMethod], s.positionSummary,
      s.fields.coilAngleDeg, s.fields.coil, s.fields.frequencyHz, s.intensityPctMt, s.intensityPctMso, s.rmtPctMso, s.trainsPlanned,
      s.trainsDelivered, s.pulsesDelivered, s.fields.interruptions.map((i) => `after train ${i.afterTrain}: ${i.reason}`).join('; '),
      s.sideEffectsSummary, s.adverseEventsSummary, s.overrideByName, s.overrideReason, s.fields.notes,
    ]),
  );
}

export function phq9Csv(detail: CourseDetail, day: DayWriter): string {
  const first = detail.firstSessionDate;
  return toCsv(
    ['mrn', 'date', 'part', 'week', 'treatment_day', ...Array.from({ length: 9 }, (_, i) => `item${i + 1}`), `total_loinc_${LOINC_PHQ9_TOTAL}`, 'severity',
      'item9_positive', 'item9_acknowledged_by', 'difficulty', 'entered_by', 'entered_in_error_reason'],
    detail.phq9.map((a) => [
      detail.patient.mrn, day(a.assessedOn), a.part, first ? weekOfCourse(first, a.assessedOn) : null, first ? treatmentDayOf(first, a.assessedOn) : null, ...a.answers, a.total, phq9SeverityLabels[a.severity],
      a.item9Positive, a.acknowledgement?.byName ?? null, a.difficulty ? phq9DifficultyLabels[a.difficulty] : null, a.enteredByName,
      a.enteredInError?.reason ?? null,
    ]),
  );
}

/** The most items any scale has: the every-scale CSV's item columns. */
const MOST_ITEMS = Math.max(...scaleIds.map((scale) => SCALES[scale].items.length));

/** Every scale's assessments of the course, one row each, items in columns item1… (blank past a scale's last item). */
export function assessmentsCsv(detail: CourseDetail, assessments: readonly (Assessment & { part: AssessmentPart | null })[], day: DayWriter): string {
  const first = detail.firstSessionDate;
  return toCsv(
    ['mrn', 'scale', 'date', 'part', 'week', 'treatment_day', 'total', 'severity', 'suicide_item_positive', 'suicide_item_acknowledged_by',
      ...Array.from({ length: MOST_ITEMS }, (_, i) => `item${i + 1}`), 'entered_by', 'entered_in_error_reason'],
    assessments.map((a) => [
      detail.patient.mrn, scaleDefinition(a.scale).name, day(a.assessedOn), a.part, first ? weekOfCourse(first, a.assessedOn) : null, first ? treatmentDayOf(first, a.assessedOn) : null,
      a.total, scaleBand(a.scale, a.total).label, scaleDefinition(a.scale).suicideItem === null ? null : a.suicideItemPositive, a.acknowledgement?.byName ?? null,
      ...Array.from({ length: MOST_ITEMS }, (_, i) => a.answers[i] ?? null), a.enteredByName, a.enteredInError?.reason ?? null,
    ]),
  );
}
