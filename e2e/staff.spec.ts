import { expect, screenshot, setUpClinic, test } from './fixtures';

test('a psychiatrist adds a technician, who then acts under their own name', async ({ page, host }) => {
  await setUpClinic(page, host);
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sam Okafor');
  await page.getByRole('button', { name: 'Add' }).click();
  const table = page.getByRole('table', { name: 'Staff members' });
  await expect(table).toContainText('Sam Okafor');
  await page.getByLabel('Name', { exact: true }).fill('sam okafor');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('This name is already used by another staff member')).toBeVisible();
  await screenshot(page, '12-staff');

  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByRole('heading', { name: 'Who is using the app?' })).toBeVisible();
  await screenshot(page, '03-choose-staff');
  await page.getByRole('listitem').filter({ hasText: 'Sam Okafor' }).click();
  await expect(page.getByTestId('acting-staff')).toHaveText('Sam Okafor');
  await page.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByText('Only psychiatrists and administrators can change this list.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toHaveCount(0);
});
