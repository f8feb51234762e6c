import { addDays, format } from 'date-fns';
import { expect, type HostHandle, screenshot, screenshotOf, setUpClinic, test, travelTo } from './fixtures';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const START = new Date(2026, 2, 2); // Monday 2 March 2026

/** A patient with a 10 Hz course, an MT and `sessions` weekday sessions from 2 March 2026. */
async function treatedPatient(host: HostHandle, mrn: string, lastName: string, sessions: number) {
  const patient = await host.invoke('patients:create', {
    mrn, firstName: 'Test', lastName, dateOfBirth: '1975-05-05', sex: 'female', primaryDiagnosis: 'F33.1', referringPsychiatrist: '', notes: '',
  }, '2026-03-01T09:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
    burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36,
    schedule: '', authorizedSessions: 36, authorizationReference: '', startDate: iso(START), notes: '', safetyOverrideReason: '',
  }, '2026-03-01T09:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-01', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-01T09:00:00');
  let day = START;
  for (let n = 0; n < sessions; day = addDays(day, 1)) {
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    const at = `${iso(day)}T09:00:00`;
    const prepared = await host.invoke('sessions:prepare', { courseId: course.id }, at);
    await host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, at);
    n++;
  }
  return { patient, course };
}

async function score(host: HostHandle, patientId: number, date: Date, total: number) {
  const answers = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.max(0, Math.min(3, total - 3 * i)) : 0));
  await host.invoke('phq9:create', { patientId, assessedOn: iso(date), answers, difficulty: 'somewhat', notes: '' }, `${iso(date)}T12:00:00`);
}

test('enter PHQ-9s, see the course chart with 1, 5 and 60 points and the dashboard', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { patient, course } = await treatedPatient(host, 'MRN-0100', 'Hopper', 30);

  // An incomplete form names the missing items and keeps the answers given.
  await travelTo(page, host, '2026-03-02T08:00:00', `/patients/${patient.id}/phq9/new`);
  await page.getByLabel('Date completed').fill('2026-03-02');
  for (const [item, value] of [[1, 3], [2, 3], [4, 2], [6, 2], [7, 2], [9, 0]] as const) {
    await page.getByRole('radio', { name: `Item ${item}: ${['Not at all', 'Several days', 'More than half the days', 'Nearly every day'][value]}`, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(page.getByTestId('phq9-missing')).toHaveText('Incomplete: answer items 3, 5 and 8. An incomplete PHQ-9 is not scored.');
  await expect(page.getByText('Answer item 5', { exact: true })).toBeVisible();
  await screenshot(page, '30-phq9-incomplete');
  // Keyboard entry: focus item 3 and type its answer, then the next ones.
  await page.getByTestId('phq9-item-3').focus();
  await page.keyboard.press('2');
  await page.getByTestId('phq9-item-5').focus();
  await page.keyboard.press('2');
  await page.getByTestId('phq9-item-8').focus();
  await page.keyboard.press('1');
  await expect(page.getByTestId('phq9-live')).toContainText('Total 17');
  await expect(page.getByTestId('phq9-live')).toContainText('Moderately severe');
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(page.getByTestId('banner-mrn')).toHaveText('MRN-0100');

  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByTestId('outcome-none')).toBeVisible();
  await expect(page.getByTestId('phq9-chart')).toBeVisible();
  await screenshotOf(page.getByTestId('phq9-chart'), '31-chart-1-point');

  for (const [week, total] of [[1, 15], [2, 12], [3, 8], [4, 7]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await page.reload();
  await expect(page.getByTestId('outcome-baseline')).toHaveText('17');
  await expect(page.getByTestId('outcome-latest')).toHaveText('7');
  await expect(page.getByTestId('outcome-change')).toHaveText('-10');
  await expect(page.getByTestId('outcome-response')).toHaveText('Yes');
  await expect(page.getByTestId('outcome-remission')).toHaveText('No');
  await expect(page.getByText('first reached week 3')).toBeVisible();
  await screenshot(page, '32-course-with-phq9');
  await screenshotOf(page.getByTestId('phq9-chart'), '32-chart-5-points');

  // A second course with 60 PHQ-9s (every day) still reads at a glance.
  const dense = await treatedPatient(host, 'MRN-0200', 'Turing', 30);
  for (let i = 0; i < 60; i++) await score(host, dense.patient.id, addDays(START, i), Math.max(2, 22 - Math.round(i * 0.3 + (i % 3))));
  await page.goto(`${host.url}/#/courses/${dense.course.id}`);
  await expect(page.getByTestId('phq9-chart')).toBeVisible();
  await expect(page.getByTestId('phq9-chart').locator('.recharts-line-dot')).toHaveCount(60);
  await screenshotOf(page.getByTestId('phq9-chart'), '33-chart-60-points');

  // The dashboard shows the same numbers.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const row = page.getByTestId('dashboard-MRN-0100');
  await expect(row).toContainText('17');
  await expect(row).toContainText('-58.8%');
  await expect(page.getByTestId('cohort-included')).toContainText('2 course(s)');
  await screenshot(page, '34-dashboard');
});

test('a positive item 9 raises an alert on every screen until acknowledged by name', async ({ page, host }) => {
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { patient } = await treatedPatient(host, 'MRN-0300', 'Curie', 0);
  await page.goto(`${host.url}/#/patients/${patient.id}/phq9/new`);
  for (let item = 1; item <= 9; item++) {
    await page.getByRole('radio', { name: `Item ${item}: ${item === 9 ? 'Several days' : 'More than half the days'}`, exact: true }).check();
  }
  await expect(page.getByText('Item 9 is positive')).toBeVisible();
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(page.getByRole('dialog', { name: /Item 9 positive/ })).toBeVisible();
  await screenshot(page, '35-item9-dialog');
  await page.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByTestId('item9-alert-bar')).toContainText('1 PHQ-9 item-9 alert');
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByTestId('item9-alert-bar')).toBeVisible();
  await expect(page.getByTestId('today-MRN-0300')).toContainText('Item 9 alert');
  await screenshot(page, '36-today-with-alert');
  await page.getByRole('link', { name: 'Review now' }).click();
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByRole('button', { name: 'Acknowledge' }).last().click();
  await expect(page.getByText('What was done must be at least')).toHaveCount(0);
  await expect(page.getByText(/Say what was done|What was done is required/)).toBeVisible();
  await page.getByLabel('What was done').fill('Risk assessed by Dr. Patel; safety plan updated; no intent or plan');
  await page.getByRole('button', { name: 'Acknowledge' }).last().click();
  await expect(page.getByTestId('empty-state')).toHaveText('No open alerts.');
  await expect(page.getByTestId('item9-alert-bar')).toHaveCount(0);
  await page.goto(`${host.url}/#/patients/${patient.id}`);
  await expect(page.getByText(/acknowledged by Dr. Maya Patel/)).toBeVisible();
});

test('a PHQ-9 saved by mistake is marked entered in error: struck through, out of the outcome and the chart', async ({ page, host }) => {
  await setUpClinic(page, host);
  host.setNow(new Date(2026, 3, 1, 12));
  const { patient, course } = await treatedPatient(host, 'MRN-0300', 'Hopper', 20);
  for (const [week, total] of [[0, 18], [1, 14], [2, 8], [3, 3]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByTestId('outcome-latest')).toHaveText('3');
  await expect(page.getByTestId('outcome-remission')).toHaveText('Yes');

  await page.getByRole('button', { name: 'Mark the PHQ-9 of 23 Mar 2026 as entered in error' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark PHQ-9 as entered in error' });
  await dialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(dialog.getByLabel('What was wrong')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('What was wrong').fill('Answers were those of another patient');
  await dialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('outcome-latest')).toHaveText('8');
  await expect(page.getByTestId('outcome-remission')).toHaveText('No');
  const table = page.getByRole('table', { name: 'PHQ-9 assessments' });
  await expect(table).toContainText('Entered in error Dr. Maya Patel');
  await expect(table).toContainText('Answers were those of another patient');
  await screenshot(page, '37-phq9-entered-in-error');
});
