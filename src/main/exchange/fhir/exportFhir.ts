import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type ExportPorts, type ExportResult, saveAuditedExport } from '../../reports/exportCourse';
import { courseFileName } from '../../reports/fileNames';
import type { ActorContext } from '../../services/context';
import { getCourseDetail } from '../../services/courses';
import { localIsoDate } from '../../../shared/dates';
import { scaleBand } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import { assessmentsForCourse, listAssessments } from '../../services/assessments';
import { getTreatmentHistory } from '../../services/treatmentHistory';
import { courseBundle } from './courseBundle';
import type { AntidepressantTrial } from './medications';
import type { ExportAssessment } from './observations';
import type { ExportScale } from './scaleCodes';

/** Where the export finds a patient's antidepressant trials: the treatment history. */
export type TrialSource = (db: Kysely<DB>, patientId: number) => Promise<readonly AntidepressantTrial[]>;

const historyTrials: TrialSource = async (db, patientId) => (await getTreatmentHistory(db, patientId)).trials;

/** The scales besides the PHQ-9 (which the course detail carries) that the export codes. */
const OTHER_SCALES = ['gad7', 'madrs', 'hamd17'] as const satisfies readonly ExportScale[];

/**
 * The course's GAD-7, MADRS and HAM-D 17 assessments, chosen by the same date windows as its
 * PHQ-9s (assessmentsForCourse; entered-in-error ones included, exported as such).
 */
export async function courseScaleAssessments(db: Kysely<DB>, detail: CourseDetail, today: string): Promise<ExportAssessment[]> {
  const all = await listAssessments(db, detail.patient.id);
  const span = { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate };
  return OTHER_SCALES.flatMap((scale) =>
    assessmentsForCourse(all.filter((a) => a.scale === scale), detail.course, span, today).map((a) => ({
      id: a.id,
      scale,
      assessedOn: a.assessedOn,
      answers: a.answers,
      total: a.total,
      severityLabel: scaleBand(scale, a.total).label,
      enteredInError: a.enteredInError !== null,
    })),
  );
}

/** The course as a FHIR R4 Bundle (JSON) in a file the user picks, audited like the PDF and CSV exports. */
export async function exportCourseFhir(
  db: Kysely<DB>,
  ctx: ActorContext,
  ports: ExportPorts,
  courseId: number,
  trials: TrialSource = historyTrials,
): Promise<ExportResult> {
  const detail = await getCourseDetail(db, ctx, courseId);
  const path = await ports.chooseSavePath(courseFileName(detail.patient, detail.course.startDate, 'course-fhir', 'json'), 'json');
  if (path === null) return { path: null, bytes: 0, pages: null };
  const otherScales = await courseScaleAssessments(db, detail, localIsoDate(ctx.now));
  const bundle = courseBundle(detail, { now: ctx.now, trials: await trials(db, detail.patient.id), otherScales });
  const data = `${JSON.stringify(bundle, null, 2)}\n`;
  const bytes = await saveAuditedExport(db, ctx, { courseId, kind: 'fhir', label: 'FHIR export', path, data, pages: null });
  return { path, bytes, pages: null };
}
