import { expect, screenshot, signIn, test } from './fixtures';

test('open the demo clinic from the first-run screen, look around, and go back to the empty clinic untouched', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome — set up your clinic' })).toBeVisible();
  await screenshot(page, '50-first-run-with-demo');

  await page.getByRole('button', { name: 'Open the demo clinic' }).click();
  await expect(page.getByTestId('demo-banner')).toContainText('Demo clinic: generated patients, not real records.');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('demo-sign-in-hint')).toContainText('maya.patel (psychiatrist)');
  await screenshot(page, '51-demo-sign-in');
  await signIn(page, 'maya.patel', 'demo-password');

  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect.poll(() => page.getByRole('button', { name: 'Log session' }).count()).toBeGreaterThan(3);
  await screenshot(page, '52-demo-today');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('dashboard-count')).toHaveText(/^\d{3,} course\(s\)$/);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await screenshot(page, '53-demo-dashboard');

  await page.getByRole('button', { name: 'Back to my clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome — set up your clinic' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  const own = await host.invoke('app:info', {});
  expect(own).toMatchObject({ demo: false, staffCount: 0 });
});
