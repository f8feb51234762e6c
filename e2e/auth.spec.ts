import { seedDemoCourse } from '../tools/seed/demoCourse';
import { expect, openSignedIn, screenshot, signIn, test } from './fixtures';

test('the window locks itself after 10 idle minutes, keeps the half-filled session form for the same person, and starts clean for another', async ({ page, host }) => {
  test.setTimeout(120_000);
  const now = new Date(2026, 2, 23, 10);
  host.setNow(now);
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 15 });
  await page.clock.install({ time: now });
  await openSignedIn(page, host, 'sam.okafor');
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByRole('heading', { name: 'Session 16 of 36' })).toBeVisible();
  await page.getByLabel('Notes', { exact: true }).fill('Mild scalp discomfort in the first trains');
  await page.getByLabel('Trains delivered').fill('74');
  await page.waitForTimeout(800);

  // Ten minutes without input: the lock screen covers the form, which stays underneath.
  await page.clock.fastForward('10:30');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Session 16 of 36' })).toBeHidden();
  await expect(page.getByLabel('Username')).toHaveValue('sam.okafor');
  await screenshot(page, '05-lock');
  // Main signed the window out too: nothing can be read or written until someone signs in.
  // (This callback runs in the page; the e2e project has no DOM types.)
  const refused = await page.evaluate(() => (globalThis as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke('patients:search', {}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

  await signIn(page, 'sam.okafor', 'demo-password');
  await expect(page.getByRole('heading', { name: 'Session 16 of 36' })).toBeVisible();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Mild scalp discomfort in the first trains');
  await expect(page.getByLabel('Trains delivered')).toHaveValue('74');

  // Locked again, and a psychiatrist signs in at this window: a fresh screen, none of Sam's typing.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, 'maya.patel', 'demo-password');
  await expect(page.getByTestId('acting-staff')).toHaveText('Dr. Maya Patel');
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByRole('heading', { name: 'Session 16 of 36' })).toBeVisible();
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('');

  // Sam's draft is still Sam's.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam.okafor', 'demo-password');
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await expect(page.getByTestId('draft-notice')).toBeVisible();
});

test('a session above the prescription saved as pending is not counted until the psychiatrist signs it from her own sign-in', async ({ page, host }) => {
  test.setTimeout(120_000);
  host.setNow(new Date(2026, 2, 23, 10));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 15 });
  await openSignedIn(page, host, 'sam.okafor');
  await page.goto(`${host.url}/#/courses/${courseId}/sessions/new`);
  await page.getByLabel('Intensity (% MT)').fill('125');
  await page.getByLabel('Reason', { exact: true }).fill('Patient asked to go on after MT drift; Dr. Patel not in clinic');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await page.getByRole('dialog', { name: 'Psychiatrist co-signature' }).getByRole('button', { name: 'Save as pending co-signature' }).click();
  const panel = page.getByTestId('pending-sessions');
  await expect(panel).toContainText('Sam Okafor');
  await expect(page.getByTestId('sessions-done')).toContainText('15 / 36');
  await expect(panel.getByRole('button', { name: 'Sign' })).toHaveCount(0);
  await expect(page.getByTestId('pending-cosign-bar')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'maya.patel', 'demo-password');
  await expect(page.getByTestId('acting-staff')).toHaveText('Dr. Maya Patel');
  // She sees it on every screen, and goes to the course from there.
  await expect(page.getByTestId('pending-cosign-bar')).toContainText('1 session above the prescription waits');
  await page.getByTestId('pending-cosign-bar').getByRole('link', { name: /vance, eleanor/i }).click();
  await expect(panel.getByRole('button', { name: 'Sign' })).toBeVisible();
  await screenshot(page, '26b-pending-cosignature');
  await panel.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByTestId('sessions-done')).toContainText('16 / 36');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('pending-cosign-bar')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('Override: Dr. Maya Patel');
});
