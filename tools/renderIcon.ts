import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** `npx tsx tools/renderIcon.ts`: renders build/icon.svg to the 1024 px build/icon.png electron-builder makes every platform's icon from. */
const dir = join(import.meta.dirname, '../build');
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${readFileSync(join(dir, 'icon.svg'), 'utf8')}`);
await page.locator('svg').screenshot({ path: join(dir, 'icon.png'), omitBackground: true });
await browser.close();
