import { addStaff, expect, firstSignIn, passwordOf, screenshot, setUpClinic, signIn, test } from './fixtures';

test('a psychiatrist adds a technician with a one-time password; the technician signs in, chooses a password and sees no staff management', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpClinic(page, host);
  const oneTime = await addStaff(page, 'Sam Okafor', 'sam.okafor');
  expect(oneTime).toMatch(/^[A-Za-z2-9]{12}$/);
  await expect(page.getByTestId('one-time-password')).toContainText('It works once');
  await page.getByLabel('Name', { exact: true }).fill('sam okafor');
  await page.getByLabel('Username', { exact: true }).fill('sam.okafor');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('This name is already used by another staff member')).toBeVisible();
  await expect(page.getByText('This username is taken')).toBeVisible();
  await screenshot(page, '12-staff');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'sam.okafor', 'wrong password', { succeeds: false });
  await expect(page.getByRole('alert')).toContainText('The username or password is incorrect.');
  await screenshot(page, '03-sign-in');
  await signIn(page, 'sam.okafor', oneTime);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('One-time or current password').fill(oneTime);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save password and continue' }).click();
  await expect(page.getByText('A password has at least 10 characters')).toBeVisible();
  await screenshot(page, '04-change-password');
  await page.getByLabel('New password').fill(passwordOf('sam.okafor'));
  await page.getByRole('button', { name: 'Save password and continue' }).click();
  await expect(page.getByTestId('acting-staff')).toHaveText('Sam Okafor');

  await page.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByText('Only staff managers can change this list.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Reset password/ })).toHaveCount(0);

  // Back as the psychiatrist: a reset gives Sam a new one-time password.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'maya.patel', 'first account password');
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Reset password of Sam Okafor' }).click();
  const reset = (await page.getByTestId('one-time-password-value').textContent()) ?? '';
  expect(reset).not.toBe(oneTime);
  await firstSignIn(page, 'sam.okafor', reset);
});
