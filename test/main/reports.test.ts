import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { writeFileAtomic } from '../../src/main/reports/atomicWrite';
import type { ExportPorts } from '../../src/main/reports/exportCourse';
import { courseFileName } from '../../src/main/reports/fileNames';
import type { PdfPageOptions } from '../../src/main/reports/pdfPrinter';
import { seedDemoCourse } from '../../tools/seed/demoCourse';
import { ok, tempDatabase, tempDir, TEST_ENGINE } from '../support/tempDatabase';

/** Records what it was asked to print and returns a two-page stand-in PDF. */
function recordingPorts(saveTo: string | null) {
  const printed: Array<{ route: string; staffId: number; page: PdfPageOptions }> = [];
  const asked: string[] = [];
  const ports: ExportPorts = {
    printer: { print: (route, staffId, page) => { printed.push({ route, staffId, page }); return Promise.resolve(Buffer.from('%PDF-1.4 /Type /Pages /Type /Page /Type /Page %%EOF')); } },
    chooseSavePath: (suggested) => { asked.push(suggested); return Promise.resolve(saveTo === null ? null : join(saveTo, suggested)); },
  };
  return { ports, printed, asked };
}

async function demo(saveTo: string | null) {
  // The database is closed after the test (tempDatabase); a SQLite file, or PostgreSQL under test:pg.
  const { db } = await tempDatabase();
  const recorder = recordingPorts(saveTo);
  const dispatch = createDispatch(db, { appVersion: '1.2.3', exports: recorder.ports });
  const { courseId, psychiatristId } = await seedDemoCourse(dispatch);
  return { db, dispatch, courseId, psychiatristId, ...recorder, close: () => Promise.resolve() };
}

const exportsOf = async (d: Awaited<ReturnType<typeof demo>>) =>
  d.db.selectFrom('audit_log').select(['action', 'after_json', 'reason']).where('action', '=', 'export').execute();

describe('course file names', () => {
  it('are MRN-lastname-kind-start date, safe on every file system', () => {
    expect(courseFileName({ mrn: 'MRN-004217', lastName: 'Vance' }, '2026-03-02', 'course', 'pdf')).toBe('MRN-004217-vance-course-2026-03-02.pdf');
    expect(courseFileName({ mrn: 'A/12 3', lastName: "O'Brien-Núñez" }, '2026-03-02', 'course-phq9', 'csv')).toBe('A-12-3-o-brien-nunez-course-phq9-2026-03-02.csv');
    expect(courseFileName({ mrn: '../..', lastName: '' }, '2026-03-02', 'course', 'pdf')).toBe('x-x-course-2026-03-02.pdf');
  });
});

describe('atomic write', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.pdf');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, Buffer.from('second'));
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('keeps the old file and cleans up when the rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('course export', () => {
  it('prints the report route with the patient header, writes the PDF and audits it', async () => {
    const saveTo = tempDir();
    const d = await demo(saveTo);
    const result = ok(await d.dispatch('reports:exportPdf', { courseId: d.courseId }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId }));
    expect(d.asked).toEqual(['MRN-004217-vance-course-2026-03-02.pdf']);
    expect(d.printed).toHaveLength(1);
    expect(d.printed[0]).toMatchObject({ route: `/report/${d.courseId}`, staffId: d.psychiatristId });
    expect(d.printed[0]?.page.headerTemplate).toContain('VANCE, Eleanor');
    expect(d.printed[0]?.page.headerTemplate).toContain('MRN-004217');
    expect(d.printed[0]?.page.footerTemplate).toContain('Riverside TMS Clinic');
    expect(d.printed[0]?.page.footerTemplate).toContain('class="totalPages"');
    expect(result).toEqual({ path: join(saveTo, 'MRN-004217-vance-course-2026-03-02.pdf'), bytes: 51, pages: 2 });
    expect(readFileSync(result.path ?? '', 'latin1')).toMatch(/^%PDF/);
    const audits = await exportsOf(d);
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]?.after_json ?? '{}')).toEqual({ kind: 'pdf', path: result.path, temp: expect.stringMatching(/\.tmp$/), bytes: 51, pages: 2 });
    expect(statSync(result.path ?? '').mode & 0o777).toBe(0o600);
    expect(readdirSync(saveTo)).toEqual(['MRN-004217-vance-course-2026-03-02.pdf']);
    await d.close();
  });

  // SQLite's busy timeout with another program holding the write lock; on PostgreSQL a writer waits for the lock instead.
  it.skipIf(TEST_ENGINE === 'postgres')('writes no file when its audit entry cannot be written', async () => {
    const saveTo = tempDir();
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    const db = await openDatabase(file, { busyTimeoutMs: 50 });
    const recorder = recordingPorts(saveTo);
    const dispatch = createDispatch(db, { exports: recorder.ports });
    const { courseId, psychiatristId } = await seedDemoCourse(dispatch);
    // Another program holds the write lock: the audit entry cannot be committed.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const result = await dispatch('reports:exportPdf', { courseId }, { now: new Date('2026-04-20T10:00:00'), staffId: psychiatristId });
    other.exec('ROLLBACK');
    other.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(readdirSync(saveTo)).toEqual([]);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'export').execute()).toEqual([]);
    await db.destroy();
  });

  it('removes the file and records that nothing was saved when writing it fails', async () => {
    const d = await demo(join(tempDir(), 'unplugged'));
    const result = await d.dispatch('reports:exportPdf', { courseId: d.courseId }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/could not be saved.*Nothing was saved/) } });
    const audits = await exportsOf(d);
    expect(audits.map((a) => a.reason)).toEqual([expect.stringMatching(/^PDF report saved to/), expect.stringMatching(/^PDF report NOT saved to/)]);
    await d.close();
  });

  it('writes nothing and audits nothing when the save dialog is cancelled', async () => {
    const d = await demo(null);
    const result = ok(await d.dispatch('reports:exportPdf', { courseId: d.courseId }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId }));
    expect(result).toEqual({ path: null, bytes: 0, pages: null });
    expect(d.printed).toHaveLength(0);
    expect(await exportsOf(d)).toHaveLength(0);
    await d.close();
  });

  it('exports sessions and PHQ-9 as CSV, one row each, quoted and safe from spreadsheet formulas', async () => {
    const saveTo = tempDir();
    const d = await demo(saveTo);
    const sessions = ok(await d.dispatch('reports:exportCsv', { courseId: d.courseId, kind: 'sessions' }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId }));
    const phq9 = ok(await d.dispatch('reports:exportCsv', { courseId: d.courseId, kind: 'phq9' }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId }));
    const sessionLines = readFileSync(sessions.path ?? '', 'utf8').split('\r\n').filter(Boolean);
    expect(sessionLines).toHaveLength(1 + 36);
    expect(sessionLines[0]).toMatch(/^mrn,session_number,date,/);
    expect(sessionLines[1]).toMatch(/^MRN-004217,1,2 Mar 2026,/);
    expect(sessionLines[8]).toContain('after train 52: Patient asked to stop: scalp pain');
    const phq9Lines = readFileSync(phq9.path ?? '', 'utf8').split('\r\n').filter(Boolean);
    expect(phq9Lines[0]).toContain('total_loinc_44261-6');
    expect(phq9Lines[1]).toBe('MRN-004217,27 Feb 2026,baseline,0,0,3,3,2,3,2,3,2,2,1,21,Severe,true,Dr. Maya Patel,Very difficult,Sam Okafor,');
    expect(phq9Lines).toHaveLength(1 + 1 + 7);
    expect(await exportsOf(d)).toHaveLength(2);
    await d.close();
  });

  it('exports every rating scale of the course as one CSV: a row per assessment, items in columns to the longest scale', async () => {
    const d = await demo(tempDir());
    const at = { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId };
    const detail = ok(await d.dispatch('courses:get', { id: d.courseId }, at));
    for (const [assessedOn, answers] of [['2026-02-27', [2, 2, 2, 2, 2, 2, 2]], ['2026-03-23', [1, 1, 1, 0, 0, 1, 0]], ['2025-06-01', [3, 3, 3, 3, 3, 3, 3]]] as const) {
      ok(await d.dispatch('assessments:create', { patientId: detail.patient.id, scale: 'gad7', assessedOn, answers: [...answers], notes: '' }, at));
    }
    const csv = ok(await d.dispatch('reports:exportCsv', { courseId: d.courseId, kind: 'assessments' }, at));
    expect(csv.path).toMatch(/course-assessments-2026-03-02\.csv$/);
    const lines = readFileSync(csv.path ?? '', 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(`mrn,scale,date,part,week,treatment_day,total,severity,suicide_item_positive,suicide_item_acknowledged_by,${Array.from({ length: 17 }, (_, i) => `item${i + 1}`).join(',')},entered_by,entered_in_error_reason`);
    expect(lines.filter((l) => l.includes(',PHQ-9,'))).toHaveLength(1 + 7);
    // The GAD-7 of June 2025 measures no part of this course: left out. The course's last GAD-7 is its end of treatment on that scale.
    expect(lines.filter((l) => l.includes(',GAD-7,'))).toEqual([
      `MRN-004217,GAD-7,27 Feb 2026,baseline,0,0,14,Moderate,,,2,2,2,2,2,2,2${','.repeat(10)},Dr. Maya Patel,`,
      `MRN-004217,GAD-7,23 Mar 2026,end_of_treatment,3,22,4,Minimal,,,1,1,1,0,0,1,0${','.repeat(10)},Dr. Maya Patel,`,
    ]);
    await d.close();
  });

  it('neutralises formulas and quotes separators in free text', async () => {
    const d = await demo(tempDir());
    const detail = ok(await d.dispatch('courses:get', { id: d.courseId }, { now: new Date('2026-04-20T10:00:00'), staffId: d.psychiatristId }));
    const { sessionsCsv } = await import('../../src/main/reports/csv');
    const first = detail.sessions[0];
    if (!first) throw new Error('no session');
    const csv = sessionsCsv({ ...detail, sessions: [{ ...first, fields: { ...first.fields, notes: '=HYPERLINK("x"), then "quoted"' } }] }, (d) => d);
    expect(csv.split('\r\n')[1]?.endsWith(`"'=HYPERLINK(""x""), then ""quoted"""`)).toBe(true);
    await d.close();
  });
});
