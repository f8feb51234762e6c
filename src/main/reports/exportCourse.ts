import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { type PacketKind, packetTitles } from '../../shared/schemas/packet';
import { recordAudit } from '../services/audit';
import type { ActorContext } from '../services/context';
import { assessmentsForCourse, listAssessments } from '../services/assessments';
import { getCourseDetail } from '../services/courses';
import { scaleIds } from '../../shared/clinical';
import { localIsoDate } from '../../shared/dates';
import type { CsvKind } from '../../shared/schemas/report';
import { formatIsoDate } from '../../shared/dateFormat';
import { getClinicSettings } from '../services/settings';
import { rm } from 'node:fs/promises';
import { ServiceError } from '../services/errors';
import { tempSiblingOf, writeFileAtomic } from './atomicWrite';
import { assessmentsCsv, phq9Csv, sessionsCsv } from './csv';
import { courseFileName } from './fileNames';
import { countPdfPages, type PdfPrinter, reportPageOptions } from './pdfPrinter';

/** What exporting needs from the host: a printer and a way to ask where to save. */
export interface ExportPorts {
  printer: PdfPrinter;
  /** Asks where to save (a save dialog in the app); null when the user cancels. */
  chooseSavePath(suggestedName: string, kind: 'pdf' | 'csv' | 'json'): Promise<string | null>;
}

type ExportKind = 'pdf' | CsvKind | PacketKind;

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
  kind: ExportKind,
): Promise<ExportResult> {
  const { actor } = ctx;
  const detail = await getCourseDetail(db, ctx, courseId);
  const pdf = kind === 'pdf' || kind === 'authorization' || kind === 'extension';
  const suffix = { pdf: 'course', sessions: 'course-sessions', phq9: 'course-phq9', assessments: 'course-assessments', authorization: 'authorization-packet', extension: 'extension-request' }[kind];
  const path = await ports.chooseSavePath(courseFileName(detail.patient, detail.course.startDate, suffix, pdf ? 'pdf' : 'csv'), pdf ? 'pdf' : 'csv');
  if (path === null) return { path: null, bytes: 0, pages: null };
  let data: Uint8Array | string;
  let pages: number | null = null;
  const clinic = await getClinicSettings(db);
  if (pdf) {
    const name = `${detail.patient.lastName.toUpperCase()}, ${detail.patient.firstName}`;
    // The packet and the extension request are routes of the same printable report page.
    const route = kind === 'pdf' ? `/report/${courseId}` : `/report/${courseId}/${kind}`;
    const title = kind === 'authorization' || kind === 'extension' ? packetTitles[kind] : undefined;
    data = await ports.printer.print(route, actor.id, reportPageOptions({ name, mrn: detail.patient.mrn }, clinic.clinicName, title));
    pages = countPdfPages(data);
  } else {
    const day = (iso: string) => formatIsoDate(iso, clinic.dateFormat);
    if (kind === 'assessments') {
      const all = await listAssessments(db, detail.patient.id);
      const span = { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate };
      const measured = scaleIds.flatMap((scale) => assessmentsForCourse(all.filter((a) => a.scale === scale), detail.course, span, localIsoDate(ctx.now)));
      data = assessmentsCsv(detail, measured, day);
    } else data = kind === 'sessions' ? sessionsCsv(detail, day) : phq9Csv(detail, day);
  }
  const label = kind === 'pdf' ? 'PDF report' : kind === 'authorization' || kind === 'extension' ? `${packetTitles[kind]} PDF` : `${kind} CSV`;
  const bytes = await saveAuditedExport(db, ctx, { courseId, kind, label, path, data, pages });
  return { path, bytes, pages };
}

/**
 * Writes an export of a course to `path`, audited. No file with patient data may exist without its
 * audit entry, so the entry is committed first (synchronous=FULL: it is on disk) and names the
 * temporary file too; only then is the file written. A crash after the commit leaves an audited file
 * (or audited temporary file); a crash before it leaves no file. If the write fails, the partial file
 * is removed and a second entry records that nothing was saved (the log is append-only).
 */
export async function saveAuditedExport(
  db: Kysely<DB>,
  ctx: ActorContext,
  file: { courseId: number; kind: string; label: string; path: string; data: Uint8Array | string; pages: number | null },
): Promise<number> {
  const { actor } = ctx;
  const { courseId, kind, label, path, data, pages } = file;
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  const temp = tempSiblingOf(path);
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, { staffId: actor.id, action: 'export', entity: 'course', entityId: courseId, before: null, after: { kind, path, temp, bytes, pages }, reason: `${label} saved to ${path}` }),
  );
  try {
    await writeFileAtomic(path, data, temp);
  } catch (error) {
    await rm(temp, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    await db.transaction().execute((trx) =>
      recordAudit(trx, ctx, { staffId: actor.id, action: 'export', entity: 'course', entityId: courseId, before: null, after: { kind, path, saved: false }, reason: `${label} NOT saved to ${path}: ${why.slice(0, 300)}` }),
    );
    throw new ServiceError('unavailable', `The ${label} could not be saved to ${path} (${why.slice(0, 200)}). Nothing was saved; choose another place and try again.`);
  }
  return bytes;
}

export function exportCoursePdf(db: Kysely<DB>, ctx: ActorContext, ports: ExportPorts, courseId: number): Promise<ExportResult> {
  return exportFile(db, ctx, ports, courseId, 'pdf');
}

/** The authorization packet or the extension request, printed like the course report (issue 15). */
export function exportPacketPdf(db: Kysely<DB>, ctx: ActorContext, ports: ExportPorts, courseId: number, kind: PacketKind): Promise<ExportResult> {
  return exportFile(db, ctx, ports, courseId, kind);
}

export function exportCourseCsv(db: Kysely<DB>, ctx: ActorContext, ports: ExportPorts, courseId: number, kind: CsvKind): Promise<ExportResult> {
  return exportFile(db, ctx, ports, courseId, kind);
}
