import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type ExportPorts, type ExportResult, saveAuditedExport } from '../../reports/exportCourse';
import { courseFileName } from '../../reports/fileNames';
import type { ActorContext } from '../../services/context';
import { getCourseDetail } from '../../services/courses';
import { getTreatmentHistory } from '../../services/treatmentHistory';
import { courseBundle } from './courseBundle';
import type { AntidepressantTrial } from './medications';

/** Where the export finds a patient's antidepressant trials: the treatment history. */
export type TrialSource = (db: Kysely<DB>, patientId: number) => Promise<readonly AntidepressantTrial[]>;

const historyTrials: TrialSource = async (db, patientId) => (await getTreatmentHistory(db, patientId)).trials;

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
  const bundle = courseBundle(detail, { now: ctx.now, trials: await trials(db, detail.patient.id) });
  const data = `${JSON.stringify(bundle, null, 2)}\n`;
  const bytes = await saveAuditedExport(db, ctx, { courseId, kind: 'fhir', label: 'FHIR export', path, data, pages: null });
  return { path, bytes, pages: null };
}
