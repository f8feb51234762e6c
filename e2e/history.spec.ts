import AxeBuilder from '@axe-core/playwright';
import { expect, type HostHandle, screenshot, setUpClinic, test, travelTo } from './fixtures';

/** A patient with a 10 Hz course and its first motor threshold (2 March 2026). */
async function patientWithCourse(host: HostHandle) {
  const patient = await host.invoke('patients:create', {
    mrn: 'MRN-0150', firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1976-12-09', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  }, '2026-03-01T09:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
    burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36,
    schedule: '', authorizedSessions: 36, authorizationReference: '', startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, '2026-03-01T09:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-02T09:00:00');
  return { patient, course };
}

test('treatment history: trials, psychotherapy and medications; a benzodiazepine dose change asks the course for a new motor threshold', async ({ page, host }) => {
  test.setTimeout(180_000);
  await travelTo(page, host, '2026-03-04T08:00:00', '/');
  await setUpClinic(page, host);
  const { patient, course } = await patientWithCourse(host);
  await travelTo(page, host, '2026-03-04T08:00:00', `/patients/${patient.id}`);
  const history = page.getByRole('region', { name: 'Treatment history' });
  await expect(history.getByText('No antidepressant trial recorded.')).toBeVisible();

  // A trial with the end before the start and no outcome: each message next to its field, the values kept.
  await history.getByRole('button', { name: 'Add trial' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add antidepressant trial' });
  await dialog.getByLabel('Drug', { exact: true }).selectOption('Sertraline');
  await dialog.getByLabel('Dose', { exact: true }).fill('200 mg daily');
  await dialog.getByLabel('Started on').fill('2025-01-06');
  await dialog.getByLabel('Ended on').fill('2024-12-01');
  await dialog.getByRole('button', { name: 'Add trial' }).click();
  await expect(dialog.getByText('The end cannot be before the start')).toBeVisible();
  await expect(dialog.getByText('Choose the outcome')).toBeVisible();
  await expect(dialog.getByLabel('Dose', { exact: true })).toHaveValue('200 mg daily');
  await screenshot(page, '150-history-trial-errors');
  await dialog.getByLabel('Ended on').fill('2025-04-14');
  await dialog.getByLabel('Adequate dose and duration').check();
  await dialog.getByLabel('Outcome', { exact: true }).selectOption({ label: 'No response' });
  await dialog.getByRole('button', { name: 'Add trial' }).click();
  await expect(dialog).toBeHidden();
  const trials = history.getByRole('table', { name: 'Antidepressant trials' });
  await expect(trials).toContainText('Sertraline');
  await expect(trials).toContainText('SSRI');

  await history.getByRole('button', { name: 'Add trial' }).click();
  await dialog.getByLabel('Drug', { exact: true }).selectOption('Aripiprazole');
  await dialog.getByLabel('Dose', { exact: true }).fill('5 mg');
  await dialog.getByLabel('Started on').fill('2025-05-01');
  await dialog.getByLabel('Ended on').fill('2025-06-10');
  await dialog.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Intolerable side effects' });
  await dialog.getByLabel('Outcome note').fill('Akathisia');
  await dialog.getByRole('button', { name: 'Add trial' }).click();
  await expect(trials).toContainText('Atypical antipsychotic (augmentation)');

  await history.getByRole('button', { name: 'Add psychotherapy' }).click();
  const therapy = page.getByRole('dialog', { name: 'Add psychotherapy trial' });
  await therapy.getByLabel('Type', { exact: true }).selectOption({ label: 'Cognitive behavioural therapy (CBT)' });
  await therapy.getByLabel('Started on').fill('2024-09-02');
  await therapy.getByLabel('Ended on').fill('2024-12-16');
  await therapy.getByLabel('Sessions', { exact: true }).fill('16');
  await therapy.getByRole('button', { name: 'Add psychotherapy' }).click();
  await expect(history.getByRole('table', { name: 'Psychotherapy trials' })).toContainText('16');

  // A long-standing benzodiazepine is flagged but asks for nothing; its dose change does.
  await history.getByRole('button', { name: 'Add medication' }).click();
  const medication = page.getByRole('dialog', { name: 'Add current medication' });
  await medication.getByRole('combobox', { name: 'Drug' }).fill('Clonazepam');
  await expect(medication.getByText('Benzodiazepine: raises the motor threshold.', { exact: false })).toBeVisible();
  await medication.getByLabel('Dose', { exact: true }).fill('0.5 mg at night');
  await medication.getByLabel('Started on').fill('2024-01-10');
  await medication.getByRole('button', { name: 'Add medication' }).click();
  await expect(medication).toBeHidden();
  const medications = history.getByRole('table', { name: 'Current medications' });
  await expect(medications).toContainText('Benzodiazepine: raises the motor threshold');
  await screenshot(page, '151-history-panel');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);

  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByRole('heading', { name: /10 Hz/ }).first()).toBeVisible();
  await expect(page.getByTestId('threshold-recheck')).toHaveCount(0);

  await page.goto(`${host.url}/#/patients/${patient.id}`);
  await history.getByRole('button', { name: 'Change or stop Clonazepam' }).click();
  const change = page.getByRole('dialog', { name: 'Change Clonazepam' });
  await change.getByLabel('New dose').fill('1 mg at night');
  await change.getByLabel('Changed on').fill('2026-03-04');
  await change.getByRole('button', { name: 'Record dose change' }).click();
  await expect(change).toBeHidden();
  await expect(medications).toContainText('1 mg at night');

  await page.goto(`${host.url}/#/courses/${course.id}`);
  const notice = page.getByTestId('threshold-recheck');
  await expect(notice).toContainText('Clonazepam changed on');
  await screenshot(page, '152-course-threshold-recheck');
  await notice.getByRole('button', { name: 'Record threshold' }).click();
  const mt = page.getByRole('dialog', { name: 'Record resting motor threshold' });
  await mt.getByLabel('Resting MT (% MSO)').fill('63');
  await mt.getByLabel('Measured on').fill('2026-03-04');
  await mt.getByRole('button', { name: 'Record threshold' }).click();
  await expect(mt).toBeHidden();
  await expect(notice).toHaveCount(0);
});
