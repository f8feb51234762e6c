/**
 * Prints a page of the app's renderer to PDF. Electron's printToPDF does it in the app; the
 * same report route is printed by Chromium (through Playwright) in tests and for samples.
 */
export interface PdfPrinter {
  /**
   * Loads `route` (a hash route such as `/report/3`) signed in as `staffId` (the person
   * exporting: the page reads the report through the same access checks), waits for the page's
   * ready signal, prints.
   */
  print(route: string, staffId: number, page: PdfPageOptions): Promise<Uint8Array>;
}

export interface PdfPageOptions {
  headerTemplate: string;
  footerTemplate: string;
}

/** The attribute the report page sets on <html> once its data, fonts and layout are ready. */
export const REPORT_READY_ATTRIBUTE = 'data-report-ready';

/** Page size and margins, in inches, shared by both printers. */
export const REPORT_PAGE = { width: 8.5, height: 11, marginTop: 0.75, marginBottom: 0.7, marginX: 0.5 } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Every page: patient name and MRN on top, "page x of y" and the clinic at the bottom. */
export function reportPageOptions(patient: { name: string; mrn: string }, clinicName: string, title = 'TMS treatment course report'): PdfPageOptions {
  const style = 'font-family: system-ui, sans-serif; font-size: 8px; width: 100%; margin: 0 0.5in; color: #333; display: flex; justify-content: space-between;';
  return {
    headerTemplate: `<div style="${style}"><span><b>${escapeHtml(patient.name)}</b> · MRN ${escapeHtml(patient.mrn)}</span><span>${escapeHtml(title)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(clinicName || 'TMS Course Tracker')} · Confidential patient information</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

/** Pages in a PDF written by Chromium (for the export result and tests). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
