import { truncateSync } from 'node:fs';
import { ADMIN_PASSWORD, expect, screenshot, setUpAdminClinic, test } from './fixtures';

test('a clinic file cut to 0 bytes opens on the recovery screen; an administrator of the backup restores it', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpAdminClinic(page, host);
  await host.invoke('patients:create', {
    mrn: 'R-1', firstName: 'Test', lastName: 'Kept', dateOfBirth: '1970-05-05', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  });
  const backup = await host.invoke('backups:create', {});

  // A sync tool cut the file short while the app was closed.
  await host.restart(() => truncateSync(host.dbFile, 0));
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'The clinic’s file could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('is empty (0 bytes)');
  await expect(page.getByText('1 patient, 0 courses, 0 sessions')).toBeVisible();
  await page.getByLabel('Administrator’s username').fill('alex');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByLabel('Type the backup’s name to confirm').fill(backup.name);
  await page.getByRole('button', { name: 'Restore this backup in place of the file' }).click();
  await expect(page.getByText('The username or password is incorrect.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await screenshot(page, '21b-recovery-screen');
  await page.getByRole('button', { name: 'Restore this backup in place of the file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText(`The clinic now holds the backup ${backup.name}.`);
  await screenshot(page, '21c-recovery-restored');
  await page.getByRole('button', { name: 'Open the clinic' }).click();
  await page.getByLabel('Username').fill('alex');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('KEPT, Test')).toBeVisible();
});
