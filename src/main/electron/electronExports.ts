import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { HostSessions } from '../ipc/hostSession';
import type { ExportPorts } from '../reports/exportCourse';
import { REPORT_PAGE, REPORT_READY_ATTRIBUTE } from '../reports/pdfPrinter';

const READY_TIMEOUT_MS = 30_000;

async function waitForReady(window: BrowserWindow): Promise<void> {
  const started = Date.now();
  const script = `document.documentElement.hasAttribute(${JSON.stringify(REPORT_READY_ATTRIBUTE)})`;
  while (!(await window.webContents.executeJavaScript(script))) {
    if (Date.now() - started > READY_TIMEOUT_MS) throw new Error('The report page did not get ready in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Prints report routes in a hidden window with Electron's printToPDF; asks where to save with a dialog. */
export function createElectronExports(baseUrl: string, preloadPath: string, parent: () => BrowserWindow | null, sessions: HostSessions<number>): ExportPorts {
  return {
    printer: {
      async print(route, staffId, page) {
        const window = new BrowserWindow({
          show: false,
          width: 816,
          height: 1056,
          webPreferences: { preload: preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false },
        });
        // The report page reads its data through IPC as the person exporting, for this window only.
        const windowId = window.webContents.id;
        sessions.get(windowId).signIn(staffId, new Date());
        try {
          await window.loadURL(`${baseUrl}#${route}`);
          await waitForReady(window);
          const pdf = await window.webContents.printToPDF({
            pageSize: { width: REPORT_PAGE.width, height: REPORT_PAGE.height },
            printBackground: true,
            // Tagged (screen readers, records systems) with an outline from the report's headings.
            generateTaggedPDF: true,
            generateDocumentOutline: true,
            displayHeaderFooter: true,
            headerTemplate: page.headerTemplate,
            footerTemplate: page.footerTemplate,
            margins: { top: REPORT_PAGE.marginTop, bottom: REPORT_PAGE.marginBottom, left: REPORT_PAGE.marginX, right: REPORT_PAGE.marginX },
          });
          return new Uint8Array(pdf);
        } finally {
          sessions.forget(windowId);
          window.destroy();
        }
      },
    },
    async chooseSavePath(suggestedName, kind) {
      const options = {
        title: { pdf: 'Save course report', csv: 'Save CSV export', json: 'Save FHIR export' }[kind],
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ pdf: { name: 'PDF', extensions: ['pdf'] }, csv: { name: 'CSV', extensions: ['csv'] }, json: { name: 'FHIR JSON', extensions: ['json'] } }[kind]],
      };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
