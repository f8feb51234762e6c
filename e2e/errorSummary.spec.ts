import { expect, prescribedCourse, screenshot, setUpClinic, test, travelTo } from './fixtures';
import type { Page } from '@playwright/test';

/** A failed save: the summary names each field in error, and the first one has focus and is in view. */
async function expectSummary(page: Page, fields: string[], first: string): Promise<void> {
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  for (const field of fields) await expect(summary.getByRole('link', { name: field, exact: true })).toBeVisible();
  // Required fields' labels end in " *".
  const focused = page.getByLabel(new RegExp(`^${first.replace(/[()%]/g, '\\$&')}( \\*)?$`));
  await expect(focused).toBeFocused();
  await expect(focused).toBeInViewport();
}

test('a failed save names the fields in error and goes to the first, on every kind of form', async ({ page, host }) => {
  test.setTimeout(180_000);
  await travelTo(page, host, '2026-03-02T09:00:00', '/');
  await setUpClinic(page, host);
  const course = await prescribedCourse(host, { protocolId: 1, rmtPctMso: 55, mrn: 'MRN-7001', firstName: 'Iris', lastName: 'Summary' });

  // The patient form: nothing typed.
  await page.goto(`${host.url}/#/patients/new`);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expectSummary(page, ['MRN', 'Last name', 'First name', 'Date of birth', 'Sex', 'Primary diagnosis (ICD-10)'], 'MRN');
  await screenshot(page, '190-summary-patient');
  // A fixed field leaves the summary.
  await page.getByLabel('MRN').fill('MRN-7002');
  await expect(page.getByTestId('error-summary').getByRole('link', { name: 'MRN', exact: true })).toBeHidden();

  // The prescription: the form is long; the field in error below the fold is scrolled to.
  await page.goto(`${host.url}/#/patients/${course.patientId}/courses/new`);
  await page.getByLabel('Payer-authorized sessions').fill('');
  await page.getByLabel('Trains', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expectSummary(page, ['Trains', 'Payer-authorized sessions'], 'Trains');
  await screenshot(page, '191-summary-prescription');

  // The protocol editor.
  await page.goto(`${host.url}/#/protocols/new`);
  await page.getByRole('button', { name: 'Save protocol' }).click();
  await expectSummary(page, ['Name'], 'Name');
  await screenshot(page, '192-summary-protocol');

  // The motor threshold dialog: no threshold typed.
  await page.goto(`${host.url}/#/courses/${course.id}`);
  await page.getByRole('button', { name: 'Record MT' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Record threshold' }).click();
  await expectSummary(page, ['Resting MT (% MSO)'], 'Resting MT (% MSO)');
  await screenshot(page, '193-summary-threshold');

  // The assessment form (a GAD-7): three items left unanswered.
  await page.goto(`${host.url}/#/patients/${course.patientId}/assessments/gad7/new`);
  await expect(page.getByTestId('gad7-item-1')).toBeFocused();
  for (const digit of '1201') await page.keyboard.press(digit);
  await page.getByRole('button', { name: 'Save GAD-7' }).click();
  await expectSummary(page, ['Item 5', 'Item 6', 'Item 7'], 'Item 5');
  await screenshot(page, '194-summary-assessment');
});
