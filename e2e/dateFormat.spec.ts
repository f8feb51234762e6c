import { createPatient, expect, screenshot, setUpClinic, test } from './fixtures';

test('one clinic-wide date format: offered from the locale at first run, changed in the clinic settings, used by screens, inputs and errors', async ({ page, host }) => {
  await page.goto(host.url);
  // The browser's locale is en-GB (playwright.config): day, month, year.
  await expect(page.getByLabel('Date format')).toHaveValue('dd/MM/yyyy');
  await setUpClinic(page, host);

  // Typed in the clinic's order.
  await createPatient(page, { mrn: 'MRN-0700', lastName: 'Moreau', firstName: 'Lea', dateOfBirth: '05/03/1979', sex: 'Female', diagnosis: 'F33.2' });
  await expect(page.getByTestId('banner-dob')).toHaveText('05/03/1979');

  await page.getByRole('link', { name: 'Staff' }).click();
  const clinic = page.getByRole('form', { name: 'Clinic' });
  await clinic.getByLabel('Date format').selectOption('MM/dd/yyyy');
  await clinic.getByRole('button', { name: 'Save' }).click();
  await expect(clinic.getByText('Saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Find a patient').fill('moreau');
  await page.getByRole('row', { name: /MOREAU, Lea/ }).click();
  await expect(page.getByTestId('banner-dob')).toHaveText('03/05/1979');

  // A date that is none in MM/DD/YYYY is refused next to its field, naming the format.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const dob = page.getByLabel('Date of birth');
  await expect(dob).toHaveValue('03/05/1979');
  await dob.fill('25/11/1979');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Enter a real date as MM/DD/YYYY')).toBeVisible();
  await expect(dob).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '06-date-format-refused');
  await dob.fill('11/25/1979');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('banner-dob')).toHaveText('11/25/1979');
});
