import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, setUpClinic, test, travelTo } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('a course starts only after its safety screening is cleared and consent is recorded; a positive answer needs written clearance', async ({ page, host }) => {
  test.setTimeout(180_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const patient = await host.invoke('patients:create', {
    mrn: 'MRN-0160', firstName: 'Ada', lastName: 'Byron', dateOfBirth: '1979-12-10', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  }, '2026-03-01T09:00:00');
  await host.invoke('history:addMedication', { medication: { patientId: patient.id, drug: 'Clonazepam', dose: '0.5 mg at night', startedOn: '2025-06-01', stoppedOn: null } }, '2026-03-01T09:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
    burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36,
    schedule: '', authorizedSessions: 36, authorizationReference: '', startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, '2026-03-01T09:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-02T08:00:00');

  await travelTo(page, host, '2026-03-02T08:00:00', `/courses/${course.id}`);
  const panel = page.getByRole('region', { name: 'Safety screening and consent' });
  await expect(panel.getByTestId('readiness-status')).toHaveText('Not ready for the first session');
  await expect(panel.getByTestId('readiness-blockers')).toHaveText('Before the first session: Record the TMS safety screening; Record the informed consent.');
  await screenshot(page, '160-course-not-ready');
  expect(await violations(page)).toEqual([]);

  // The first session is refused in main, with what is missing; what was typed stays.
  await page.getByRole('button', { name: 'Log session' }).click();
  await page.getByLabel('Distance anterior to the motor hotspot (cm)').fill('5');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByText('The course cannot start: no TMS safety screening is recorded for this course; no informed consent is recorded for this course.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Distance anterior to the motor hotspot (cm)')).toHaveValue('5');
  await screenshot(page, '161-first-session-refused');

  // The screening: every question answered; the benzodiazepine on the list is shown beside its question.
  await page.goto(`${host.url}/#/courses/${course.id}`);
  await panel.getByRole('button', { name: 'Record screening…' }).click();
  const screening = page.getByRole('dialog', { name: 'TMS safety screening' });
  await expect(screening.getByText('On the medication list: Clonazepam 0.5 mg at night')).toBeVisible();
  await screening.getByRole('button', { name: 'Record screening' }).click();
  await expect(screening.getByRole('alert')).toHaveText('Answer every question: 8 still open.');
  const rows = screening.getByRole('table', { name: 'Screening questions' }).getByRole('row');
  for (let i = 0; i < 8; i++) await rows.nth(i).getByText(i === 6 ? 'Yes' : 'No', { exact: true }).click();
  await screening.getByLabel('Details of any yes').fill('Clonazepam 0.5 mg at night, stable since June 2025');
  await screenshot(page, '162-screening-form');
  expect(await violations(page)).toEqual([]);
  await screening.getByRole('button', { name: 'Record screening' }).click();
  await expect(screening).toBeHidden();
  await expect(panel.getByTestId('screening-summary')).toContainText('positive: Medications that change cortical excitability');
  await expect(panel.getByTestId('readiness-blockers')).toHaveText('Before the first session: A psychiatrist clears the screening; Record the informed consent.');

  // A positive answer is cleared only in writing.
  await panel.getByRole('button', { name: 'Clear…' }).click();
  const clear = page.getByRole('dialog', { name: 'Clear the safety screening' });
  await clear.getByRole('button', { name: 'Clear for TMS' }).click();
  await expect(clear.getByText('Write why TMS is safe despite the positive answer (at least 10 characters)')).toBeVisible();
  await clear.getByLabel('Written clearance (required)').fill('Stable dose; threshold measured on it. Re-measure after any change.');
  await clear.getByRole('button', { name: 'Clear for TMS' }).click();
  await expect(clear).toBeHidden();
  await expect(panel).toContainText('Cleared by Dr. Maya Patel');

  await panel.getByRole('button', { name: 'Record consent…' }).click();
  const consent = page.getByRole('dialog', { name: 'Record informed consent' });
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent.getByText('Consent version is required')).toBeVisible();
  await consent.getByLabel('Version of the consent text').fill('TMS consent v3 (2026)');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent).toBeHidden();
  await expect(panel.getByTestId('readiness-status')).toHaveText('Ready for the first session');
  await screenshot(page, '163-course-ready');

  await page.getByRole('button', { name: 'Log session' }).click();
  await page.getByLabel('Distance anterior to the motor hotspot (cm)').fill('5');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByTestId('sessions-done')).toHaveText('1 / 36');
  await expect(page.getByTestId('course-status')).toHaveText('Active');
  await expect(page.getByRole('region', { name: 'Safety screening and consent' }).getByTestId('readiness-status')).toHaveText('Recorded');
});
