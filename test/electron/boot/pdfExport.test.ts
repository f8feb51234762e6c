import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPORT_READY_ATTRIBUTE } from '../../../src/main/reports/pdfPrinter';
import { APP_PAGE, outDir } from './support/bootMain';
import { createCourse, exportPdf } from './support/clinicData';
import { minimalPdf } from './support/minimalPdf';
import { idOf, startApp } from './support/startApp';

interface AuditRow {
  action: string;
  entity: string;
  entity_id: number;
  after_json: string;
}

function exportAudits(file: string): AuditRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT action, entity, entity_id, after_json FROM audit_log WHERE action = 'export'").all() as AuditRow[];
  } finally {
    db.close();
  }
}

describe('PDF export in the built main bundle', () => {
  it('prints the report in a hidden window once it is ready, saves it atomically and audits it', async () => {
    const { main, own, window } = await startApp({ answers: { executeJavaScript: false } });
    const course = await createCourse(main, own);
    const folder = join(main.folders.root, 'chosen');
    mkdirSync(folder);
    const target = join(folder, 'report.pdf');
    await main.answer({ showSaveDialog: { canceled: false, filePath: target } });

    const exported = exportPdf(main, own, course);
    // The report page says it is not ready yet: nothing is printed until it is.
    const check = await main.waitForCall('WebContents.executeJavaScript');
    expect(String(check.args[0])).toContain(REPORT_READY_ATTRIBUTE);
    expect(await main.calls('WebContents.printToPDF')).toEqual([]);
    await main.answer({ executeJavaScript: true });
    const result = await exported;

    expect(result).toEqual({ path: target, bytes: minimalPdf().length, pages: 1 });
    expect(readFileSync(target).equals(Buffer.from(minimalPdf(), 'latin1'))).toBe(true);
    expect(readdirSync(folder)).toEqual(['report.pdf']);

    const [dialogCall] = await main.calls('dialog.showSaveDialog');
    expect(dialogCall?.args[0]).toBe(`BrowserWindow#${window}`);
    expect(dialogCall?.args[1]).toMatchObject({ title: 'Save course report', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(String((dialogCall?.args[1] as { defaultPath: string }).defaultPath).startsWith(main.folders.documents)).toBe(true);

    const reportWindow = (await main.calls('new BrowserWindow')).find((call) => idOf(call.target) !== window);
    expect(reportWindow?.args[0]).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(outDir, 'preload/index.cjs') },
    });
    const report = reportWindow?.target ?? '';
    const loads = (await main.calls('BrowserWindow.loadURL')).filter((call) => call.target === report);
    expect(loads.map((call) => call.args)).toEqual([[`${APP_PAGE}#/report/${course.courseId}`]]);
    const [print] = await main.calls('WebContents.printToPDF');
    expect(print?.target).toBe(`WebContents#${idOf(report)}`);
    expect(print?.args[0]).toMatchObject({ printBackground: true, displayHeaderFooter: true });
    expect((await main.calls('BrowserWindow.destroy')).map((call) => call.target)).toEqual([report]);

    const audits = exportAudits(join(main.folders.userData, 'tms-course-tracker.sqlite'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'export', entity: 'course', entity_id: course.courseId });
    expect(JSON.parse(audits[0]?.after_json ?? '{}')).toMatchObject({ kind: 'pdf', path: target, pages: 1 });
  });

  it('writes nothing and opens no report window when the save dialog is cancelled', async () => {
    const { main, own } = await startApp();
    const course = await createCourse(main, own);
    expect(await exportPdf(main, own, course)).toEqual({ path: null, bytes: 0, pages: null });
    expect(await main.calls('new BrowserWindow')).toHaveLength(1);
    expect(exportAudits(join(main.folders.userData, 'tms-course-tracker.sqlite'))).toEqual([]);
  });
});
