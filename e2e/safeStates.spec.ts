import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, setUpClinic, test, travelTo } from './fixtures';
import { readyToStart } from './readiness';

/** WCAG 2.1 A and AA problems axe finds (as in accessibility.spec.ts). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('authorization below the sessions delivered is refused next to the field; archiving ends the open course and the course view offers nothing new', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const patient = await host.invoke('patients:create', {
    mrn: 'MRN-0200', firstName: 'Grace', lastName: 'Keller', dateOfBirth: '1971-01-09', sex: 'female', primaryDiagnosis: 'F33.1', referringPsychiatrist: '', notes: '',
  }, '2026-03-02T08:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
    burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36,
    schedule: '', authorizedSessions: 30, authorizationReference: 'PA-1', startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, '2026-03-02T08:00:00');
  await readyToStart(host, course.id, '2026-03-02', '2026-03-02T08:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-02T08:00:00');
  for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
    const prepared = await host.invoke('sessions:prepare', { courseId: course.id }, `${day}T09:00:00`);
    await host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, `${day}T09:00:00`);
  }

  await travelTo(page, host, '2026-03-04T17:00:00', `/courses/${course.id}`);
  await page.getByRole('button', { name: 'Authorization' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update payer authorization' });
  await expect(dialog.getByText('At least 3: the sessions already delivered')).toBeVisible();
  await dialog.getByLabel('Sessions authorized in total').fill('2');
  await dialog.getByRole('button', { name: 'Save authorization' }).click();
  await expect(dialog.getByText('At least 3: 3 sessions have already been delivered')).toBeVisible();
  await expect(dialog.getByLabel('Sessions authorized in total')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '50-authorization-below-delivered');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`${host.url}/#/patients/${patient.id}`);
  await page.getByRole('button', { name: 'Archive…' }).click();
  await expect(page.getByTestId('archive-ends-courses')).toContainText('10 Hz rTMS, left DLPFC (FDA-cleared) (active, 3 sessions) is discontinued with the archive');
  await page.getByLabel('Reason').fill('Moved abroad');
  await screenshot(page, '51-archive-ends-course');
  await page.getByRole('button', { name: 'Archive patient' }).click();
  await expect(page.getByText('Archived record')).toBeVisible();

  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByTestId('course-status')).toHaveText('Discontinued');
  await expect(page.getByTestId('patient-archived')).toBeVisible();
  await expect(page.getByText('(Patient archived: Moved abroad)')).toBeVisible();
  for (const name of ['Log session', 'Record MT', 'Authorization', 'Enter PHQ-9']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await screenshot(page, '52-course-of-archived-patient');
  // The course view with its archived notice (dialogs are not scanned, as in accessibility.spec.ts).
  expect(await violations(page)).toEqual([]);
});
