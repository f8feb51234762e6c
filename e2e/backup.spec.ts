import { expect, screenshot, setUpAdminClinic, test } from './fixtures';

const patient = (mrn: string, lastName: string) => ({
  mrn,
  firstName: 'Test',
  lastName,
  dateOfBirth: '1970-05-05',
  sex: 'female' as const,
  primaryDiagnosis: 'F33.2',
  referringPsychiatrist: '',
  notes: '',
});

test('an administrator backs up, sees what restoring a backup would lose, confirms and restores', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpAdminClinic(page, host);
  await host.invoke('patients:create', patient('B-1', 'Before'));

  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const table = page.getByRole('table', { name: 'Backups' });
  await expect(table.getByText('By hand')).toBeVisible();
  await expect(table.getByText('Verified')).toBeVisible();
  // How many to keep: a clinic setting, checked next to its field.
  const keep = page.getByRole('form', { name: 'Backups to keep' });
  await keep.getByLabel('Days').fill('0');
  await keep.getByRole('button', { name: 'Save' }).click();
  await expect(keep.getByText('Keep at least 1 daily backup')).toBeVisible();
  await keep.getByLabel('Days').fill('30');
  await keep.getByRole('button', { name: 'Save' }).click();
  await expect(keep.getByRole('status')).toHaveText('Saved: the next backup keeps 30 days, 8 weeks and 12 months.');
  await expect(page.getByText(/keeps the newest backup of each of the last 30 days/)).toBeVisible();
  await screenshot(page, '19-backups');

  await host.invoke('patients:create', patient('A-2', 'After'));
  await page.getByRole('button', { name: /Restore the backup of/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('table', { name: 'Current file and backup compared' })).toContainText('Patients21');
  await expect(dialog.getByText(/1 patient, 0 courses and 0 sessions more than the backup holds/)).toBeVisible();
  const restore = dialog.getByRole('button', { name: 'Replace the clinic’s file with this backup' });
  await expect(restore).toBeDisabled();
  const name = (await dialog.getByText(/^tms-backup-.*\.sqlite$/).textContent()) ?? '';
  await dialog.getByLabel('Type the backup’s name to confirm').fill(name);
  await expect(restore).toBeEnabled();
  await screenshot(page, '20-backup-restore-confirm');

  // Restored: the patient added after the backup is gone, the file it replaced is kept as a backup.
  await restore.click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({ timeout: 30_000 });
  const search = await host.invoke('patients:search', { query: '' });
  expect(search.items.map((p) => p.mrn)).toEqual(['B-1']);
  await screenshot(page, '21-backup-restored');
});
