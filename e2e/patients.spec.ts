import { createPatient, expect, fillPatientForm, FIRST_PASSWORD, screenshot, setUpClinic, signIn, test } from './fixtures';

const ada = {
  mrn: 'MRN-0042',
  lastName: 'Lovelace',
  firstName: 'Ada',
  dateOfBirth: '1980-12-10',
  sex: 'Female',
  diagnosis: 'F33.2',
  referring: 'Dr. Grace Hopper, Northside Psychiatry',
} as const;

test('first run creates the first staff member, then shows an empty patient list', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome — set up your clinic' })).toBeVisible();
  await screenshot(page, '01-first-run');
  await page.getByRole('button', { name: 'Create account and start' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('A username has at least 3 characters')).toBeVisible();
  await expect(page.getByText('A password has at least 10 characters')).toBeVisible();
  await page.getByLabel('Your name').fill('Dr. Maya Patel');
  await page.getByLabel('Username').fill('maya.patel');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account and start' }).click();
  await expect(page.getByText('A password has at least 10 characters')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(FIRST_PASSWORD);
  await screenshot(page, '01b-first-run-password');
  await page.getByRole('button', { name: 'Create account and start' }).click();
  await expect(page.getByTestId('acting-staff')).toHaveText('Dr. Maya Patel');
  await expect(page.getByTestId('empty-state')).toHaveText(/No active courses/);
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByTestId('empty-state')).toHaveText(/No patients yet/);
  await screenshot(page, '02-patients-empty');
});

test('create, find, edit a patient; the data survives a restart', async ({ page, host }) => {
  await setUpClinic(page, host);
  await createPatient(page, ada);
  await expect(page.getByTestId('banner-name')).toHaveText('LOVELACE, Ada');
  await expect(page.getByTestId('banner-dob')).toHaveText('10/12/1980');
  await expect(page.getByText('Major depressive disorder, recurrent, severe without psychotic features')).toBeVisible();
  await screenshot(page, '04-patient-detail');

  await createPatient(page, { ...ada, mrn: 'MRN-0043', lastName: 'Turing', firstName: 'Alan', sex: 'Male', diagnosis: 'F32.1' });
  await createPatient(page, { ...ada, mrn: 'MRN-0100', lastName: 'Hopper', firstName: 'Grace', diagnosis: 'F33.1' });

  // Search as you type, by name in any order or by MRN.
  await page.getByRole('link', { name: 'Patients' }).click();
  const rows = page.getByRole('table', { name: 'Patients' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await screenshot(page, '05-patient-list');
  const search = page.getByLabel('Find a patient');
  await search.pressSequentially('ada love');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('LOVELACE, Ada');
  await search.fill('mrn-0043');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('TURING, Alan');
  await search.fill('nobody');
  await expect(page.getByTestId('empty-state')).toHaveText(/No patient matches “nobody”/);
  await screenshot(page, '06-search-no-match');

  // Open by keyboard: search, arrow down, Enter.
  await search.fill('hopper');
  await expect(rows).toHaveCount(1);
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('banner-name')).toHaveText('HOPPER, Grace');

  // Edit with the E key; the change shows in the history with before and after.
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { name: 'Edit patient details' })).toBeVisible();
  await page.getByLabel('Notes').fill('Prefers morning appointments.');
  await page.getByLabel('First name').fill('Grace B.');
  await screenshot(page, '07-patient-edit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('banner-name')).toHaveText('HOPPER, Grace B.');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('First name: Grace → Grace B.');
  await expect(history).toContainText('Notes: — → Prefers morning appointments.');
  await expect(history).toContainText('Dr. Maya Patel');

  // Restart the host on the same file: everything is still there.
  // A restarted app has nobody signed in.
  await host.restart();
  await page.goto(`${host.url}/#/patients?q=hopper`);
  await signIn(page, 'maya.patel', FIRST_PASSWORD);
  await expect(page.getByLabel('Find a patient')).toHaveValue('hopper');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByText('Prefers morning appointments.').first()).toBeVisible();
});

test('field errors stand next to their fields and keep what was typed; duplicate MRN is refused', async ({ page, host }) => {
  await setUpClinic(page, host);
  await createPatient(page, ada);

  // Alt+N opens a new patient from where focus starts on Patients (the search box), typing nothing there.
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByLabel('Find a patient')).toBeFocused();
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.getByText('MRN is required')).toBeVisible();
  await expect(page.getByText('Last name is required')).toBeVisible();
  await expect(page.getByText('Choose the sex recorded for this patient')).toBeVisible();

  await fillPatientForm(page, { ...ada, mrn: 'MRN 7!', dateOfBirth: '2999-01-01', diagnosis: 'depression' });
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.getByText('MRN may contain only letters, digits and hyphens')).toBeVisible();
  await expect(page.getByText('This date cannot be in the future')).toBeVisible();
  await expect(page.getByText('Enter an ICD-10 code such as F33.2')).toBeVisible();
  // The error is tied to its input for assistive technology.
  await expect(page.getByLabel('MRN')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Last name')).toHaveValue('Lovelace');
  await screenshot(page, '08-field-errors');

  // Fix the fields but reuse an MRN (in other case): the server says who has it.
  await page.getByLabel('MRN').fill('mrn-0042');
  await page.getByLabel('Date of birth').fill('1979-05-01');
  await page.getByLabel('Primary diagnosis (ICD-10)').fill('f33.1');
  await page.getByLabel('First name').fill('Augusta');
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.getByText('MRN mrn-0042 is already used by Lovelace, Ada').first()).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveValue('Augusta');
  await screenshot(page, '09-duplicate-mrn');

  await page.getByLabel('MRN').fill('MRN-0077');
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.getByTestId('banner-name')).toHaveText('LOVELACE, Augusta');
  await expect(page.getByText('Major depressive disorder, recurrent, moderate')).toBeVisible();
});

test('archive needs a reason, hides the patient, and can be undone', async ({ page, host }) => {
  await setUpClinic(page, host);
  await createPatient(page, ada);
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByRole('button', { name: 'Archive patient' }).click();
  await expect(page.getByText('Reason is required')).toBeVisible();
  await page.getByLabel('Reason').fill('Duplicate of MRN-0001');
  await screenshot(page, '10-archive-dialog');
  await page.getByRole('button', { name: 'Archive patient' }).click();
  await expect(page.getByText('Archived record')).toBeVisible();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('Reason: Duplicate of MRN-0001');
  await screenshot(page, '11-patient-archived');

  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByLabel('Include archived').check();
  await expect(page.getByRole('table', { name: 'Patients' })).toContainText('Archived');
  await page.getByRole('table', { name: 'Patients' }).locator('tbody tr').first().click();
  await page.getByRole('button', { name: 'Restore patient' }).click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
});

test('leaving a form with unsaved changes asks first', async ({ page, host }) => {
  await setUpClinic(page, host);
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('Last name').fill('Unsaved');
  await page.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByText('Leave without saving?')).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Last name')).toHaveValue('Unsaved');
});
