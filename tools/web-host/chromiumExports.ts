import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import type { ExportPorts } from '../../src/main/reports/exportCourse';
import { REPORT_PAGE, REPORT_READY_ATTRIBUTE } from '../../src/main/reports/pdfPrinter';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export interface ChromiumExports extends ExportPorts {
  close(): Promise<void>;
}

/**
 * The web host's export ports: Debian's Chromium (through Playwright) prints the same report
 * route Electron prints in the app, and files go to `exportsDir` instead of a save dialog.
 */
/** Signs a print browser in as the person exporting; `done` ends that browser session. */
export type PrintAs = (staffId: number) => { cookie: { name: string; value: string }; done(): void };

export function createChromiumExports(baseUrl: () => string, exportsDir: string, printAs: PrintAs): ChromiumExports {
  let browser: Promise<Browser> | null = null;
  const launch = () =>
    (browser ??= chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }));
  return {
    printer: {
      async print(route, staffId, options) {
        const context = await (await launch()).newContext({ viewport: { width: 816, height: 1056 } });
        const signedIn = printAs(staffId);
        try {
          await context.addCookies([{ ...signedIn.cookie, url: baseUrl(), httpOnly: true, sameSite: 'Strict' }]);
          const page = await context.newPage();
          await page.goto(`${baseUrl()}/#${route}`);
          await page.waitForSelector(`html[${REPORT_READY_ATTRIBUTE}]`, { state: 'attached', timeout: 30_000 });
          const pdf = await page.pdf({
            width: `${REPORT_PAGE.width}in`,
            height: `${REPORT_PAGE.height}in`,
            printBackground: true,
            tagged: true,
            outline: true,
            displayHeaderFooter: true,
            headerTemplate: options.headerTemplate,
            footerTemplate: options.footerTemplate,
            margin: { top: `${REPORT_PAGE.marginTop}in`, bottom: `${REPORT_PAGE.marginBottom}in`, left: `${REPORT_PAGE.marginX}in`, right: `${REPORT_PAGE.marginX}in` },
          });
          return new Uint8Array(pdf);
        } finally {
          signedIn.done();
          await context.close();
        }
      },
    },
    async chooseSavePath(suggestedName) {
      mkdirSync(exportsDir, { recursive: true });
      return join(exportsDir, suggestedName);
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
