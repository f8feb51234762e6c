import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { recordAudit } from '../services/audit';
import type { ActorContext } from '../services/context';
import { getCourseDetail } from '../services/courses';
import { getClinicSettings } from '../services/settings';
import { writeFileAtomic } from './atomicWrite';
import { phq9Csv, sessionsCsv } from './csv';
import { courseFileName } from './fileNames';
import { countPdfPages, type PdfPrinter, reportPageOptions } from './pdfPrinter';

/** What exporting needs from the host: a printer and a way to ask where to save. */
export interface ExportPorts {
  printer: PdfPrinter;
  /** Asks where to save (a save dialog in the app); null when the user cancels. */
  chooseSavePath(suggestedName: string, kind: 'pdf' | 'csv'): Promise<string | null>;
}

export interface ExportResult {
  path: string | null;
  bytes: number;
  pages: number | null;
}

async function exportFile(
  db: Kysely<DB>,
  ctx: ActorContext,
  ports: ExportPorts,
  courseId: number,
  kind: 'pdf' | 'sessions' | 'phq9',
): Promise<ExportResult> {
  const { actor } = ctx;
  const detail = await getCourseDetail(db, ctx, courseId);
  const suffix = kind === 'pdf' ? 'course' : `course-${kind}`;
  const path = await ports.chooseSavePath(courseFileName(detail.patient, detail.course.startDate, suffix, kind === 'pdf' ? 'pdf' : 'csv'), kind === 'pdf' ? 'pdf' : 'csv');
  if (path === null) return { path: null, bytes: 0, pages: null };
  let data: Uint8Array | string;
  let pages: number | null = null;
  if (kind === 'pdf') {
    const clinic = await getClinicSettings(db);
    const name = `${detail.patient.lastName.toUpperCase()}, ${detail.patient.firstName}`;
    data = await ports.printer.print(`/report/${courseId}`, actor.id, reportPageOptions({ name, mrn: detail.patient.mrn }, clinic.clinicName));
    pages = countPdfPages(data);
  } else {
    data = kind === 'sessions' ? sessionsCsv(detail) : phq9Csv(detail);
  }
  await writeFileAtomic(path, data);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, { staffId: actor.id, action: 'export', entity: 'course', entityId: courseId, before: null, after: { kind, path, bytes, pages }, reason: `${kind === 'pdf' ? 'PDF report' : `${kind} CSV`} saved to ${path}` }),
  );
  return { path, bytes, pages };
}

export function exportCoursePdf(db: Kysely<DB>, ctx: ActorContext, ports: ExportPorts, courseId: number): Promise<ExportResult> {
  return exportFile(db, ctx, ports, courseId, 'pdf');
}

export function exportCourseCsv(db: Kysely<DB>, ctx: ActorContext, ports: ExportPorts, courseId: number, kind: 'sessions' | 'phq9'): Promise<ExportResult> {
  return exportFile(db, ctx, ports, courseId, kind);
}
