import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoCourse } from '../tools/seed/demoCourse';
import { seedSntDemoCourse } from '../tools/seed/sntCourse';
import { DEMO_PASSWORD } from '../src/main/demo/demoAccounts';
import { expect, screenshot, signIn, test, travelTo } from './fixtures';

test('export a 36-session course report as PDF and CSV from the course view', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { courseId } = await seedDemoCourse(host.dispatch);
  await travelTo(page, host, '2026-05-01T10:00:00', `/courses/${courseId}`);
  await signIn(page, 'sam.okafor', DEMO_PASSWORD);
  await expect(page.getByTestId('sessions-done')).toHaveText('36 / 36');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByTestId('export-result')).toContainText('MRN-004217-vance-course-2026-03-02.pdf', { timeout: 30_000 });
  await screenshot(page, '40-course-exported');

  const file = join(host.exportsDir, 'MRN-004217-vance-course-2026-03-02.pdf');
  expect(readdirSync(host.exportsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  execFileSync('qpdf', ['--check', file]);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  for (const expected of ['Riverside TMS Clinic', 'VANCE, Eleanor', 'MRN-004217', '14 Sep 1978', 'F33.2', 'Dr. Grace Hopper', 'Dr. Maya Patel',
    '3000 pulses', '2224 s', '58% MSO', '61% MSO', '107,080', 'Generated 1 May 2026', 'Sam Okafor']) {
    expect(text, expected).toContain(expected);
  }
  // Every session row, and the header and footer on every page.
  for (let n = 1; n <= 36; n++) expect(text).toMatch(new RegExp(`\\n\\s*${n}\\s+\\d{1,2} (Mar|Apr) 2026`));
  // Tagged, titled, with an outline of its headings.
  const info = execFileSync('pdfinfo', [file]).toString();
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(/Title:\s+TMS course report · VANCE, Eleanor · MRN-004217/);
  const outline = JSON.stringify(JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file]).toString()));
  for (const heading of ['TMS treatment course report', 'Outcome (PHQ-9)', 'Sessions', 'Authorization and billing']) expect(outline).toContain(heading);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(4);
  for (let p = 1; p <= pages; p++) {
    expect(text).toContain(`Page ${p} of ${pages}`);
  }
  expect(text.match(/VANCE, Eleanor · MRN MRN-004217/g)?.length).toBe(pages);
  // The session table's header row repeats on the pages it continues on.
  expect(text.match(/#\s+Date\s+Technician\s+Coil position/g)?.length).toBeGreaterThanOrEqual(2);
  // PHQ-9 values and the outcome.
  expect(text).toMatch(/21 \(27 Feb 2026\)\s+5 \(27 Apr 2026\)\s+-16\s+-76\.2%\s+Yes \(week 4\)\s+No/);
  for (const total of ['21', '18', '15', '13', '10', '8', '6']) expect(text).toMatch(new RegExp(`\\s${total}\\s+(Severe|Moderately severe|Moderate|Mild)`));
  // authorized, delivered, CPT 90867, 90868, 90869: one code per session (the re-determination day's first is 90869).
  expect(text).toMatch(/36\s+36\s+1\s+34\s+1/);
  execFileSync('pdftoppm', ['-r', '70', '-png', file, join(import.meta.dirname, '../screenshots/41-report')]);
  expect(existsSync(join(import.meta.dirname, '../screenshots/41-report-1.png'))).toBe(true);

  await page.getByRole('button', { name: 'More export formats' }).click();
  await page.getByRole('menuitem', { name: 'Sessions as CSV' }).click();
  await expect(page.getByTestId('export-result')).toContainText('MRN-004217-vance-course-sessions-2026-03-02.csv');
  const csv = readFileSync(join(host.exportsDir, 'MRN-004217-vance-course-sessions-2026-03-02.csv'), 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(37);
  expect(csv[8]).toContain('after train 52: Patient asked to stop: scalp pain');
  await page.getByRole('button', { name: 'More export formats' }).click();
  await page.getByRole('menuitem', { name: 'PHQ-9 as CSV' }).click();
  await expect(page.getByTestId('export-result')).toContainText('course-phq9');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('PDF report saved to');
  await expect(history).toContainText('sessions CSV saved to');
});

test('an SNT course report counts per-treatment-day codes, and says what it leaves out', async ({ host }) => {
  test.setTimeout(120_000);
  const { courseId, psychiatristId } = await seedSntDemoCourse(host.dispatch);
  const result = await host.dispatch('reports:exportPdf', { courseId }, { now: new Date(2026, 2, 9, 10), staffId: psychiatristId });
  if (!result.ok || !result.value.path) throw new Error(`Not exported: ${JSON.stringify(result)}`);
  const text = execFileSync('pdftotext', ['-layout', result.value.path, '-']).toString();
  expect(text).toMatch(/CPT 0890T/);
  expect(text).not.toMatch(/CPT 9086[789]/);
  // authorized, delivered, treatment days, 0890T, 0891T, 0892T: 5 days of 10, a re-determination on day 3.
  expect(text).toMatch(/\n\s*50\s+50\s+5\s+1\s+3\s+1\s*\n/);
  expect(text).toMatch(/0889T \(personalized target development\)/);
  expect(text.replace(/\s+/g, ' ')).toContain('1 motor threshold re-determination on a day without a session: not billed.');
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '3', '-l', '3', result.value.path, join(import.meta.dirname, '../screenshots/42-report-snt')]);
});
