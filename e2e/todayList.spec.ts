import { expect, prescribedCourse, screenshot, setUpClinic, test, travelTo } from './fixtures';

test('the today list in planned order: overdue courses, search, filters, and a time moved for one day', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const ada = await prescribedCourse(host, { protocolId: 1, rmtPctMso: 60, mrn: 'MRN-0001', firstName: 'Ada', lastName: 'Lovelace' });
  const alan = await prescribedCourse(host, { protocolId: 2, rmtPctMso: 55, mrn: 'MRN-0002', firstName: 'Alan', lastName: 'Turing' });
  await prescribedCourse(host, { protocolId: 1, rmtPctMso: 62, mrn: 'MRN-0003', firstName: 'Grace', lastName: 'Hopper' });
  const plan = async (courseId: number, plannedTime: string) =>
    host.invoke('courses:setPlannedTime', { courseId, version: (await host.invoke('courses:get', { id: courseId })).course.version, plannedTime }, '2026-03-02T08:00:00');
  await plan(ada.id, '14:00');
  await plan(alan.id, '09:00');

  await travelTo(page, host, '2026-03-02T09:30:00', '/today');
  const rows = page.getByRole('table', { name: "Today's courses" }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('TURING, Alan');
  await expect(rows.nth(1)).toContainText('LOVELACE, Ada');
  await expect(rows.nth(2)).toContainText('HOPPER, Grace');
  await expect(page.getByTestId('today-MRN-0002').getByTestId('overdue')).toHaveText('Overdue 30 min');
  await expect(page.getByTestId('today-summary')).toContainText('3 of 3 course(s) still to treat today · 1 overdue');
  await screenshot(page, '23b-today-planned');

  // Find and filter.
  await page.getByLabel('Find').fill('grace');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Find').fill('');
  await page.getByRole('combobox', { name: 'Only with' }).click();
  await page.getByRole('option', { name: 'Overdue' }).click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('TURING, Alan');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // Ada comes at 08:45 today only: first in the list, marked as moved.
  await page.getByRole('button', { name: 'Change the planned time of LOVELACE, Ada' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planned time · LOVELACE, Ada' });
  await dialog.getByLabel('Planned time').fill('08:45');
  await screenshot(page, '23c-today-change-time');
  await dialog.getByRole('button', { name: 'Save time' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows.nth(0)).toContainText('LOVELACE, Ada');
  await expect(rows.nth(0)).toContainText('Today only (usually 14:00)');
  await expect(page.getByTestId('today-MRN-0001').getByTestId('overdue')).toHaveText('Overdue 45 min');

  // Tomorrow Ada is back at 14:00.
  await travelTo(page, host, '2026-03-03T08:00:00', '/today');
  await expect(rows.nth(0)).toContainText('TURING, Alan');
  await expect(rows.nth(1)).toContainText('LOVELACE, Ada');
  await expect(page.getByTestId('overdue')).toHaveCount(0);
});
