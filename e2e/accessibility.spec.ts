import { seedDemoCourse } from '../tools/seed/demoCourse';
import { violations } from './axe';
import { expect, openSignedIn, test } from './fixtures';

test('the main screens have no WCAG 2.1 AA violations that axe can find', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome — set up your clinic' })).toBeVisible();
  const firstRun = (await violations(page)).map((v) => `first run: ${v}`);
  // An active course, 20 sessions in, seen on a day it is due: the today list and session form have content.
  host.setNow(new Date(2026, 2, 30, 10));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 20 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  firstRun.push(...(await violations(page)).map((v) => `sign in: ${v}`));
  await openSignedIn(page, host, 'maya.patel');
  const screens: Array<[string, string, () => Promise<void>]> = [
    ['today', '/today', () => expect(page.getByRole('button', { name: 'Log session' })).toBeVisible()],
    ['session form', `/courses/${courseId}/sessions/new`, () => expect(page.getByRole('button', { name: 'Save session' }).first()).toBeVisible()],
    ['alerts', '/alerts', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['patients', '/patients', () => expect(page.getByRole('table', { name: 'Patients' })).toBeVisible()],
    ['course', `/courses/${courseId}`, () => expect(page.getByTestId('phq9-chart')).toBeVisible()],
    ['dashboard', '/dashboard', () => expect(page.getByTestId('dashboard-count')).toBeVisible()],
    ['protocols', '/protocols', () => expect(page.getByRole('table', { name: 'Protocols' })).toBeVisible()],
    ['staff', '/staff', () => expect(page.getByRole('table', { name: 'Staff members' })).toBeVisible()],
    ['phq9 form', '/patients/1/phq9/new', () => expect(page.getByRole('heading', { name: /PHQ-9/ }).first()).toBeVisible()],
    ['about', '/about', () => expect(page.getByRole('table', { name: 'About this installation' })).toBeVisible()],
    // Field errors in their red, next to their fields.
    ['new patient, saved empty', '/patients/new', async () => {
      await page.getByRole('button', { name: 'Create patient' }).click();
      await expect(page.getByRole('textbox', { name: /MRN/ })).toHaveAttribute('aria-invalid', 'true');
    }],
    ['report', `/report/${courseId}`, () => expect(page.locator('html[data-report-ready]')).toBeAttached()],
  ];
  const found: string[] = [...firstRun];
  for (const [name, route, ready] of screens) {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#${route}`);
    await ready();
    found.push(...(await violations(page)).map((v) => `${name}: ${v}`));
  }
  // The report is a page of its own: load the app again.
  await page.goto('about:blank');
  await page.goto(`${host.url}/#/today`);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  found.push(...(await violations(page)).map((v) => `lock: ${v}`));
  expect(found).toEqual([]);
});

// A test of its own, so the two run side by side on CI's two workers.
test('the dialogs have no WCAG 2.1 AA violations that axe can find', async ({ page, host }) => {
  test.setTimeout(300_000);
  host.setNow(new Date(2026, 2, 30, 10));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 20 });
  await openSignedIn(page, host, 'maya.patel');
  const found: string[] = [];
  // The course's dialogs (threshold, authorization, end) and the patient's archive dialog: the course's (threshold, authorization, end) and the patient's archive dialog.
  const dialogs: Array<[string, string, string]> = [
    ['record MT dialog', `/courses/${courseId}`, 'Record MT'],
    ['authorization dialog', `/courses/${courseId}`, 'Authorization'],
    ['end course dialog', `/courses/${courseId}`, 'End course…'],
    ['archive dialog', '/patients/1', 'Archive…'],
  ];
  for (const [name, route, button] of dialogs) {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#${route}`);
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `${name}: ${v}`));
  }
  expect(found).toEqual([]);
});
