import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, setUpAdminClinic, test } from './fixtures';

const HEADER = 'mrn,first_name,last_name,date_of_birth,sex,primary_diagnosis,referring_psychiatrist,notes';
const file = (name: string, ...lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) });

test('an administrator imports patients from CSV: errors listed by row and column, the file fixed and mapped, imported, undone', async ({ page, host }) => {
  test.setTimeout(180_000);
  await setUpAdminClinic(page, host);
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import from CSV', level: 1 })).toBeVisible();
  await expect(page.getByText('No imports yet.')).toBeVisible();
  const chooser = page.locator('input[type="file"]');

  // A file with mistakes: every problem is listed with its row and column; nothing is written.
  await chooser.setInputFiles(file('clinic-patients.csv',
    HEADER,
    'P-100,Ada,Lovelace,1980-12-10,female,F33.2,,',
    'P-101,,Turing,1954-06-23,male,F33.1,,',
    'P 102,Grace,Hopper,1906-12-09,F,F32.2,,',
    'P-100,Alan,Kay,1940-05-17,male,depression,,',
  ));
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText(/4 rows read: 1 patient to create; 3 problems to fix first\. Nothing was written\./);
  const problems = page.getByRole('table', { name: 'Problems in the file' });
  await expect(problems.getByRole('row')).toHaveCount(4);
  await expect(problems.getByRole('row').nth(1)).toHaveText('3first_nameFirst name is required');
  await expect(problems.getByRole('row').nth(2)).toHaveText('4mrnMRN may contain only letters, digits and hyphens');
  await expect(problems.getByRole('row').nth(3)).toHaveText(/^5primary_diagnosisEnter an ICD-10 code such as F33.2$/);
  await expect(page.getByRole('button', { name: 'Import 1 patient' })).toBeDisabled();
  await screenshot(page, '60-import-errors');
  await page.mouse.move(1, 1); // not hovering a button: its hover shade is not what is read
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html} ${n.failureSummary ?? ''}`))).toEqual([]);

  // Fixed in another layout (Surname, DOB as MM/DD/YYYY): the missing column is mapped, then it checks clean.
  await chooser.setInputFiles(file('clinic-patients-fixed.csv',
    'mrn,first_name,Surname,date_of_birth,sex,primary_diagnosis',
    'P-100,Ada,Lovelace,12/10/1980,female,F33.2',
    'P-101,Alan,Turing,06/23/1954,male,F33.1',
    'P-102,Grace,Hopper,12/09/1906,F,F32.2',
    'P-103,Alan,Kay,05/17/1940,M,F33.2',
  ));
  await page.getByRole('combobox', { name: 'Dates in the file' }).click();
  await page.getByRole('option', { name: 'MM/DD/YYYY' }).click();
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(problems.getByRole('row').nth(1)).toHaveText('1last_nameNo column for last_name: add it to the file or choose which column holds it');
  await page.getByRole('combobox', { name: 'Column for last_name' }).click();
  await page.getByRole('option', { name: 'Surname' }).click();
  await expect(page.getByText('check it again before importing')).toBeVisible();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('4 rows read: 4 patients to create. Nothing is written until you confirm.');
  const toCreate = page.getByRole('table', { name: 'Records to create' });
  await expect(toCreate.getByRole('row').nth(1)).toContainText('2P-100LOVELACE, Ada');
  await screenshot(page, '61-import-checked');

  await page.getByRole('button', { name: 'Import 4 patients' }).click();
  await expect(page.getByTestId('import-done')).toContainText('4 patients created from clinic-patients-fixed.csv');
  const recent = page.getByRole('table', { name: 'Recent imports' });
  await expect(recent.getByRole('row').nth(1)).toContainText('clinic-patients-fixed.csv4 patientsAlex Admin');
  await screenshot(page, '62-import-done');

  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('P-103')).toBeVisible();

  // Undone the same day, as a whole, naming who undoes it.
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('button', { name: 'Undo…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('This removes the 4 patients created from clinic-patients-fixed.csv');
  await expect(dialog).toContainText('as done by Alex Admin');
  await screenshot(page, '63-import-undo');
  await dialog.getByRole('button', { name: 'Undo import 1' }).click();
  await expect(recent.getByText('Undone by Alex Admin')).toBeVisible();
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('P-103')).toHaveCount(0);
});
