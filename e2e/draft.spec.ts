import { seedDemoCourse } from '../tools/seed/demoCourse';
import { expect, openSignedIn, screenshot, test } from './fixtures';

test('what was typed into a session survives a crash and is offered back, until it is saved', async ({ page, host }) => {
  host.setNow(new Date(2026, 2, 23, 10));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 15 });
  await openSignedIn(page, host, 'maya.patel');
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByRole('heading', { name: 'Session 16 of 36' })).toBeVisible();
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  await page.getByLabel('Notes', { exact: true }).fill('Patient dozed off in train 40; woke without distress');
  await page.getByLabel('Trains delivered').fill('74');
  await page.waitForTimeout(800);

  // The window goes away without saving (a crash, a power cut): the next open offers the draft.
  await page.goto('about:blank');
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('');
  await screenshot(page, '38-session-draft');
  await page.getByRole('button', { name: 'Restore what was typed' }).click();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Patient dozed off in train 40; woke without distress');
  await expect(page.getByLabel('Trains delivered')).toHaveValue('74');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);

  await page.getByLabel('Pulses delivered').fill(String(74 * 40));
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByTestId('sessions-done')).toContainText('16 / 36');
  const detail = await host.invoke('courses:get', { id: courseId });
  expect(detail.sessions.at(-1)?.fields.notes).toBe('Patient dozed off in train 40; woke without distress');

  // Saved: the next session's form starts clean, with nothing to offer.
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByRole('heading', { name: 'Session 17 of 36' })).toBeVisible();
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
});

test('a half-entered PHQ-9 is offered back after the window closed, and cancelling discards it', async ({ page, host }) => {
  host.setNow(new Date(2026, 2, 23, 10));
  await seedDemoCourse(host.dispatch, { sessions: 15 });
  await openSignedIn(page, host, 'maya.patel');
  const form = `${host.url}/#/patients/1/phq9/new`;
  const choose = (item: number, label: string) => page.getByRole('radio', { name: `Item ${item}: ${label}`, exact: true });
  await page.goto(form);
  await choose(1, 'Nearly every day').check();
  await choose(2, 'Several days').check();
  await page.waitForTimeout(800);

  await page.goto('about:blank');
  await page.goto(form);
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  await page.getByRole('button', { name: 'Restore what was typed' }).click();
  await expect(choose(1, 'Nearly every day')).toBeChecked();
  await expect(choose(2, 'Several days')).toBeChecked();
  await expect(page.getByTestId('phq9-live')).toHaveText('2 of 9 answered');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(form);
  await expect(page.getByRole('heading', { name: 'PHQ-9', exact: true })).toBeVisible();
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
});
