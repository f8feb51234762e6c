import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The same e2e specs in the Electron app (npm run test:electron sets TMS_E2E_ELECTRON_BINARY;
 * e2e/fixtures.ts then launches the built app with Playwright's `_electron` and hands the specs
 * its window as `page`). One app at a time: each has its own userData folder, but windows compete
 * for one display.
 */
export default defineConfig({
  ...base,
  workers: 1,
  // The demo-clinic switch relaunches the app as a new process, which Playwright does not follow.
  testIgnore: ['demo.spec.ts'],
  // Traces and failure screenshots hook into browser contexts; the Electron window is not one of those.
  use: { viewport: { width: 1280, height: 800 }, trace: 'off', screenshot: 'off' },
});
