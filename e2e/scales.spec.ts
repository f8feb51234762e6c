import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import { expect, screenshot, screenshotOf, setUpClinic, test, travelTo } from './fixtures';
import { TREATMENT_START as START, treatedPatient } from './treatedPatient';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Answers adding up to `total`, filling items to their maximum in order, the suicide item left 0. */
function answersFor(maxima: number[], total: number, skip: number): number[] {
  let left = total;
  return maxima.map((max, i) => {
    if (i === skip) return 0;
    const a = Math.min(max, left);
    left -= a;
    return a;
  });
}

test('enter a MADRS and a GAD-7 with the keyboard, see the outcome by scale and switch the chart', async ({ page, host }) => {
  test.setTimeout(180_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { patient, course } = await treatedPatient(host, { mrn: 'MRN-1400', firstName: 'Grace', lastName: 'Scales', sessions: 20 });
  // Earlier scores through the contract: PHQ-9, GAD-7 and MADRS weekly, falling.
  const weeks = [0, 7, 14, 21];
  const madrs = [32, 26, 20, 14];
  const gad7 = [14, 11, 9, 6];
  const phq9 = [18, 14, 11, 8];
  for (const [i, offset] of weeks.entries()) {
    const date = iso(addDays(START, offset));
    const at = `${date}T12:00:00`;
    await host.invoke('assessments:create', { patientId: patient.id, scale: 'phq9', assessedOn: date, answers: answersFor(Array(9).fill(3), phq9[i] ?? 0, 8), difficulty: null, notes: '' }, at);
    if (i < 3) await host.invoke('assessments:create', { patientId: patient.id, scale: 'madrs', assessedOn: date, answers: answersFor(Array(10).fill(6), madrs[i] ?? 0, 9), difficulty: null, notes: '' }, at);
    if (i < 3) await host.invoke('assessments:create', { patientId: patient.id, scale: 'gad7', assessedOn: date, answers: answersFor(Array(7).fill(3), gad7[i] ?? 0, -1), difficulty: null, notes: '' }, at);
  }

  // Week 4 from the course: a MADRS typed with the keyboard alone (digits answer and move on).
  await travelTo(page, host, '2026-03-23T15:00:00', `/courses/${course.id}`);
  // The measurement plan: PHQ-9 weekly by default; the psychiatrist adds the MADRS at baseline, mid-course and end.
  await expect(page.getByTestId('course-plan')).toContainText('Measurement plan (default)');
  await page.getByRole('button', { name: 'Change plan' }).click();
  await page.getByLabel('Add a scale').selectOption('madrs');
  await page.getByLabel('Add a scale').selectOption('gad7');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByTestId('plan-madrs')).toContainText('Baseline, mid-course and end');
  await expect(page.getByTestId('plan-madrs')).toContainText('Up to date');
  // The last GAD-7 was on 16 March: a weekly one is due today (23 March).
  await expect(page.getByTestId('plan-gad7')).toContainText('weekly due');
  await screenshotOf(page.getByTestId('course-plan'), '139-course-plan');
  await page.getByRole('button', { name: 'Enter MADRS' }).click();
  await expect(page.getByRole('heading', { name: 'MADRS', exact: true })).toBeVisible();
  await page.getByLabel('Date completed').fill('2026-03-23');
  await page.getByTestId('madrs-item-1').focus();
  for (const digit of ['2', '2', '1', '3', '1', '2', '1', '1', '1']) await page.keyboard.press(digit);
  await page.keyboard.press('7'); // out of the item's range 0–6: ignored
  await expect(page.getByTestId('madrs-live')).toContainText('9 of 10 answered');
  await page.keyboard.press('1'); // item 10, suicidal thoughts
  await expect(page.getByTestId('madrs-live')).toContainText('Total 15');
  await expect(page.getByTestId('madrs-live')).toContainText('Mild');
  await expect(page.getByTestId('madrs-anchor-10')).toContainText('Between 0 and 2');
  await expect(page.getByText('Item 10 is positive')).toBeVisible();
  await screenshot(page, '140-madrs-form');
  await page.getByRole('button', { name: 'Save MADRS' }).click();
  await expect(page.getByRole('dialog', { name: /MADRS: Item 10 positive/ })).toBeVisible();
  await page.getByLabel('What was done').fill('Seen by Dr. Patel; fleeting thoughts, no plan; safety plan reviewed');
  await page.getByRole('button', { name: 'Acknowledge' }).last().click();
  await expect(page.getByTestId('outcome-row-madrs')).toContainText('32');

  // A GAD-7 the same way; its answers head the columns.
  await page.getByTestId('plan-gad7').getByRole('button', { name: 'Record GAD-7 now' }).click();
  await expect(page.getByRole('heading', { name: 'GAD-7', exact: true })).toBeVisible();
  await page.getByLabel('Date completed').fill('2026-03-23');
  await page.getByTestId('gad7-item-1').focus();
  for (const digit of ['1', '1', '1', '0', '0', '1', '0']) await page.keyboard.press(digit);
  await expect(page.getByTestId('gad7-live')).toContainText('Total 4');
  await expect(page.getByTestId('gad7-live')).toContainText('Minimal');
  await screenshot(page, '141-gad7-form');
  await page.getByRole('button', { name: 'Save GAD-7' }).click();

  // Back on the course: one outcome row per scale, each by its own rules.
  const madrsRow = page.getByTestId('outcome-row-madrs');
  await expect(madrsRow).toContainText('32');
  await expect(madrsRow).toContainText('15');
  await expect(madrsRow).toContainText('-53.1%');
  await expect(page.getByTestId('outcome-row-gad7')).toContainText('-71.4%');
  await expect(page.getByTestId('outcome-row-phq9')).toContainText('-55.6%');

  // One outcome panel: the PHQ-9 first, switched to GAD-7, to MADRS, then all as percent change.
  const chooser = page.getByRole('radiogroup', { name: 'Chart' });
  await expect(page.getByTestId('course-scales').getByTestId('phq9-chart')).toBeVisible();
  await chooser.getByText('GAD-7', { exact: true }).click();
  await expect(page.getByTestId('scale-chart-gad7')).toBeVisible();
  await expect(page.getByTestId('scale-chart-gad7')).toContainText('Severe 15–21');
  await page.getByTestId('course-scales').scrollIntoViewIfNeeded();
  await screenshotOf(page.getByTestId('course-scales'), '142-course-scales-gad7');
  await chooser.getByText('MADRS', { exact: true }).click();
  await expect(page.getByTestId('scale-chart-madrs')).toBeVisible();
  await expect(page.getByTestId('scale-chart-madrs')).toContainText('Remission: ≤ 10');
  await expect(page.getByTestId('scale-chart-madrs')).toContainText('Response: ≤ 16 (half of 32)');
  await screenshotOf(page.getByTestId('course-scales'), '143-course-scales-madrs');
  await chooser.getByText('% change, all').click();
  await expect(page.getByTestId('scale-chart-percent')).toBeVisible();
  await expect(page.getByTestId('scale-chart-percent')).toContainText('Response: −50%');
  await screenshotOf(page.getByTestId('course-scales'), '144-course-scales-percent');

  // The acknowledged MADRS alert left no open alert; the rows list each scale's entries with their part.
  await expect(page.getByTestId('item9-alert-bar')).toHaveCount(0);
  await expect(page.getByTestId('plan-gad7')).toContainText('Up to date');
  await expect(page.getByRole('table', { name: 'MADRS assessments' })).toContainText('End of treatment');
  await screenshot(page, '145-course-with-scales');

  // The report has every scale the course used; the CSV lists every scale's assessments.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByTestId('export-result')).toContainText('-course-2026-03-02.pdf', { timeout: 30_000 });
  const pdf = readdirSync(host.exportsDir).find((f) => f.endsWith('-course-2026-03-02.pdf')) ?? '';
  const text = execFileSync('pdftotext', ['-layout', join(host.exportsDir, pdf), '-']).toString();
  expect(text).toContain('MADRS (Montgomery');
  expect(text).toContain('GAD-7 (Generalized Anxiety Disorder');
  expect(text).toMatch(/32 \(02\/03\/2026\)\s+15 \(23\/03\/2026\)\s+-17\s+-53\.1%\s+Yes\s+No/);
  expect(text).toContain('Remission: ≤ 10 (Zimmerman et al. 2004)');
  execFileSync('pdftoppm', ['-r', '60', '-png', join(host.exportsDir, pdf), join(import.meta.dirname, '../screenshots/147-report-scales')]);
  await page.getByRole('button', { name: 'More export formats' }).click();
  await page.getByRole('menuitem', { name: 'Every rating scale as CSV' }).click();
  await expect(page.getByTestId('export-result')).toContainText('-course-assessments-2026-03-02.csv');
  const csv = readFileSync(join(host.exportsDir, readdirSync(host.exportsDir).find((f) => f.endsWith('-course-assessments-2026-03-02.csv')) ?? ''), 'utf8');
  expect(csv.split('\r\n').filter((l) => l.includes(',MADRS,'))).toHaveLength(4);
});

test("the today list shows each planned scale that is due, and its button opens that scale's form", async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { course } = await treatedPatient(host, { mrn: 'MRN-1400', firstName: 'Grace', lastName: 'Scales', sessions: 0 });
  await host.invoke('coursePlans:set', { courseId: course.id, plan: [{ scale: 'phq9', schedule: 'weekly' }, { scale: 'madrs', schedule: 'baseline_mid_end' }] }, '2026-03-01T09:00:00');
  await travelTo(page, host, '2026-03-02T08:00:00', '/today');
  const row = page.getByTestId('today-MRN-1400');
  await expect(row.getByRole('button', { name: 'PHQ-9 baseline due' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'MADRS baseline due' })).toBeVisible();
  await screenshot(page, '146-today-assessments-due');
  await row.getByRole('button', { name: 'MADRS baseline due' }).click();
  await expect(page.getByRole('heading', { name: 'MADRS', exact: true })).toBeVisible();
});
