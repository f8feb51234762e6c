import { useEffect } from 'react';

/** The attribute printers wait for (REPORT_READY_ATTRIBUTE in src/main/reports/pdfPrinter.ts). */
const READY_ATTRIBUTE = 'data-report-ready';

/** Marks the page ready to print once its data is there, the fonts are loaded and two frames are drawn. */
export function usePrintReady(loaded: boolean): void {
  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) document.documentElement.setAttribute(READY_ATTRIBUTE, 'true');
        }),
      ),
    );
    return () => {
      cancelled = true;
    };
  }, [loaded]);
}
