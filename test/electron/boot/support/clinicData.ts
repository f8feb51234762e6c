import type { IpcResult } from '../../../../src/shared/ipc/result';
import { patientInput, prescriptionInput } from '../../../support/fixtures';
import type { BootedMain, Sender } from './bootMain';

/**
 * The boot tests' data-writing calls, kept here in one place: when inputs lose `actorId` and
 * channels need a signed-in user (per WebContents), only these functions change.
 */

function value<T>(result: IpcResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export interface Course {
  actorId: number;
  courseId: number;
}

/** The first staff account, a patient and a prescribed course, through the app's own IPC handler. */
export async function createCourse(main: BootedMain, from: Sender): Promise<Course> {
  const doctor = value<{ id: number }>(await main.invoke('staff:createFirst', { name: 'Dr. Maya Patel', role: 'psychiatrist' }, from), 'staff:createFirst');
  const patient = value<{ id: number }>(await main.invoke('patients:create', patientInput({ actorId: doctor.id }), from), 'patients:create');
  const course = value<{ id: number }>(
    await main.invoke('courses:prescribe', prescriptionInput({ actorId: doctor.id, patientId: patient.id }), from),
    'courses:prescribe',
  );
  return { actorId: doctor.id, courseId: course.id };
}

export interface ExportResult {
  path: string | null;
  bytes: number;
  pages: number | null;
}

/** Exports the course report as PDF, as the course screen's button does. */
export async function exportPdf(main: BootedMain, from: Sender, course: Course): Promise<ExportResult> {
  return value<ExportResult>(await main.invoke('reports:exportPdf', { actorId: course.actorId, courseId: course.courseId }, from), 'reports:exportPdf');
}
