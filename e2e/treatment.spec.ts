import { addStaff, createPatient, expect, FIRST_PASSWORD, firstSignIn, screenshot, setUpClinic, test, travelTo } from './fixtures';
import { readyToStart } from './readiness';

const ada = { mrn: 'MRN-0042', lastName: 'Lovelace', firstName: 'Ada', dateOfBirth: '1980-12-10', sex: 'Female', diagnosis: 'F33.2' } as const;

test('prescribe a course, record an MT, log sessions from the today list, correct one, override above the prescription', async ({ page, host }) => {
  test.setTimeout(240_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  await createPatient(page, ada);

  // Prescribe: the 10 Hz protocol is copied in; impossible parameters are refused next to their fields.
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expect(page.getByTestId('preview-pulses')).toHaveText('3000');
  await expect(page.getByTestId('preview-duration')).toContainText('2224 s');
  await page.getByLabel('Trains', { exact: true }).fill('0');
  await page.getByLabel('Pattern').selectOption({ label: 'Theta burst' });
  await page.getByLabel('Frequency within a burst (Hz)').fill('20');
  await page.getByLabel('Burst frequency (Hz)').fill('5');
  await page.getByLabel('Pulses per burst').fill('5');
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expect(page.getByText('Trains must be more than 0')).toBeVisible();
  await page.getByLabel('Trains', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expect(page.getByText('5 pulses at 20 Hz do not fit between bursts at 5 Hz')).toBeVisible();
  await screenshot(page, '20-prescribe-refused');
  await page.getByLabel('Protocol').selectOption({ label: '10 Hz rTMS, left DLPFC (FDA-cleared)' });
  await page.getByLabel('Pattern').selectOption({ label: 'Repetitive TMS' });
  await expect(page.getByTestId('preview-pulses')).toHaveText('3000');
  // A start more than a year from today is a slip of the year: refused next to the field.
  await page.getByLabel('Start date').fill('2062-03-02');
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expect(page.getByText('More than a year from today: start between 02/03/2025 and 02/03/2027')).toBeVisible();
  await page.getByLabel('Start date').fill('2026-03-02');
  await page.getByLabel('Payer-authorized sessions').fill('30');
  await screenshot(page, '21-prescribe');
  await page.getByRole('button', { name: 'Prescribe course' }).click();
  await expect(page.getByTestId('course-status')).toHaveText('Planned');
  await expect(page.getByTestId('flag-mt_missing')).toBeVisible();
  // The safety screening (cleared) and the consent, as e2e/screening.spec.ts enters them on this screen.
  await readyToStart(host, 1, '2026-03-02');

  // Motor threshold: the dose in %MSO follows it.
  await page.getByRole('button', { name: 'Record MT' }).click();
  await page.getByLabel('Resting MT (% MSO)').fill('60');
  await expect(page.getByText('Prescribed 120% MT = 72% MSO at this threshold')).toBeVisible();
  await page.getByRole('button', { name: 'Record threshold' }).click();
  await expect(page.getByTestId('current-mt')).toHaveText('60% MSO');
  await screenshot(page, '22-course-ready');

  // A technician logs the first session from the today list.
  await firstSignIn(page, 'sam.okafor', await addStaff(page, 'Sam Okafor', 'sam.okafor'));
  // A technician sees no psychiatrist's actions.
  await page.goto(`${host.url}/#/courses/1`);
  await expect(page.getByRole('button', { name: 'Log session' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'End course…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Authorization' })).toHaveCount(0);
  await screenshot(page, '22b-course-as-technician');
  await page.getByRole('link', { name: 'Today' }).click();
  await screenshot(page, '23-today');
  await page.getByRole('button', { name: 'Log session for LOVELACE, Ada' }).click();
  await expect(page.getByRole('heading', { name: 'Session 1 of 36' })).toBeVisible();
  await expect(page.getByLabel('Output (% MSO)')).toHaveValue('72');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByText('Enter the distance from the motor hotspot')).toBeVisible();
  await page.locator('label').filter({ hasText: /^Beam F3$/ }).click();
  await page.getByLabel('Tragus to tragus (cm)').fill('36');
  await page.getByLabel('Nasion to inion (cm)').fill('38');
  // Inches typed for centimetres: refused next to the field, with its adult range.
  await page.getByLabel('Head circumference (cm)').fill('23');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByText('Head circumference must be between 45 and 70 cm (adult range)')).toBeVisible();
  // The failed save says so above the form and puts the cursor in the field in error.
  await expect(page.getByTestId('error-summary')).toContainText('Not saved: 1 field needs attention');
  await expect(page.getByTestId('error-summary')).toContainText('Head circumference (cm)');
  await expect(page.getByLabel('Head circumference (cm)')).toBeFocused();
  await page.getByLabel('Head circumference (cm)').fill('60');
  await expect(page.getByTestId('error-summary')).toBeHidden();
  await expect(page.getByTestId('beam-result')).toHaveText('Mark X = 6.95 cm along the circumference from Fpz, Y = 9.79 cm from Cz.');
  await screenshot(page, '24-session-first');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  // Saved from the today list: back to the today list, where the course is done for today.
  await expect(page.getByTestId('today-MRN-0042')).toContainText('Done');
  await page.getByRole('button', { name: 'Course' }).click();
  await expect(page.getByTestId('sessions-done')).toHaveText('1 / 36');
  await expect(page.getByTestId('course-status')).toHaveText('Active');

  // Routine sessions on the next days: two actions each from the today list.
  for (const [day, expected] of [['2026-03-03', '2 / 36'], ['2026-03-04', '3 / 36']] as const) {
    await travelTo(page, host, `${day}T09:00:00`, '/today');
    let actions = 0;
    await page.getByRole('button', { name: 'Log session for LOVELACE, Ada' }).click();
    actions++;
    await expect(page.getByText(/Filled in from the prescription and the previous session/)).toBeVisible();
    await page.getByRole('button', { name: 'Save session' }).first().click();
    actions++;
    await expect(page.getByTestId('today-MRN-0042')).toContainText('Done');
    await page.getByRole('button', { name: 'Course' }).click();
    await expect(page.getByTestId('sessions-done')).toHaveText(expected);
    expect(actions).toBeLessThanOrEqual(3);
  }
  await expect(page.getByTestId('cumulative-pulses')).toHaveText('9,000');
  await travelTo(page, host, '2026-03-04T11:00:00', '/today');
  await expect(page.getByTestId('today-MRN-0042')).toContainText('Done');

  // Correct session 2: the history keeps what it said before and why.
  await page.getByRole('button', { name: 'Course' }).click();
  await page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(2).getByRole('link', { name: 'Correct' }).click();
  await page.getByLabel('Coil angle (° from midline)').fill('40');
  await page.getByRole('button', { name: 'Save correction' }).first().click();
  await expect(page.getByText('Reason for the correction is required')).toBeVisible();
  await page.getByLabel('Reason for the correction').fill('Angle misread from the chart');
  await page.getByRole('button', { name: 'Save correction' }).first().click();
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('Corrected');
  await page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(2).getByRole('link', { name: 'Correct' }).click();
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('Reason: Angle misread from the chart');
  await expect(history).toContainText('Coil angle: 45 → 40');
  await expect(history).toContainText('Sam Okafor');
  await screenshot(page, '25-session-correction');
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  // Above the prescription: the psychiatrist co-signs at the technician's screen with her own password.
  await travelTo(page, host, '2026-03-05T09:00:00', '/today');
  await page.getByRole('button', { name: 'Log session for LOVELACE, Ada' }).click();
  await page.getByLabel('Intensity (% MT)').fill('130');
  await page.getByLabel('Output (% MSO)').fill('78');
  await expect(page.getByTestId('override-needed')).toContainText('130% MT is above the prescribed 120% MT.');
  await page.getByLabel('Reason', { exact: true }).fill('Phone order: MT drift, raise to 130%');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  const cosign = page.getByRole('dialog', { name: 'Psychiatrist co-signature' });
  await expect(cosign).toContainText('130% MT is above the prescribed 120% MT.');
  await cosign.getByLabel("Psychiatrist's username").fill('maya.patel');
  await cosign.getByLabel("Psychiatrist's password").fill('not her password');
  await cosign.getByRole('button', { name: 'Co-sign and save' }).click();
  await expect(cosign.getByRole('alert', { name: 'Not co-signed' })).toContainText('incorrect');
  await cosign.getByLabel("Psychiatrist's password").fill(FIRST_PASSWORD);
  await screenshot(page, '26-session-cosign');
  await cosign.getByRole('button', { name: 'Co-sign and save' }).click();
  await expect(page.getByTestId('today-MRN-0042')).toContainText('Done');
  await page.getByRole('button', { name: 'Course' }).click();
  await expect(page.getByTestId('sessions-done')).toHaveText('4 / 36');
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('Override: Dr. Maya Patel');
  await screenshot(page, '27-course');
});

test('the protocol library shows computed doses; revising adds a revision', async ({ page, host }) => {
  await setUpClinic(page, host);
  await page.getByRole('link', { name: 'Protocols' }).click();
  const table = page.getByRole('table', { name: 'Protocols' });
  await expect(table.getByRole('row').filter({ hasText: 'iTBS, left DLPFC' }).first()).toContainText('600');
  await screenshot(page, '28-protocols');
  await table.getByRole('row').filter({ hasText: 'Deep TMS' }).getByRole('button', { name: 'Revise' }).click();
  await page.getByLabel('Trains', { exact: true }).fill('50');
  await expect(page.getByTestId('preview-pulses')).toHaveText('1800');
  await page.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Deep TMS' })).toContainText('rev. 2');

  // Retiring needs a reason; the protocol then leaves the current list and stays in the history.
  await table.getByRole('button', { name: 'Retire 1 Hz rTMS, right DLPFC' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retire 1 Hz rTMS, right DLPFC' });
  await dialog.getByRole('button', { name: 'Retire protocol' }).click();
  await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Reason').fill('Replaced by iTBS for right-sided protocols');
  await screenshot(page, '29-protocol-retire');
  await dialog.getByRole('button', { name: 'Retire protocol' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: '1 Hz rTMS' })).toHaveCount(0);
  await page.getByLabel('Show superseded and retired revisions').check();
  await expect(table.getByRole('row').filter({ hasText: '1 Hz rTMS' })).toContainText('retired');
});
