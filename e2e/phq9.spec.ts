import Database from 'better-sqlite3';
import { addDays, format } from 'date-fns';
import { expect, type HostHandle, screenshot, screenshotOf, setUpClinic, test, travelTo } from './fixtures';
import { readyToStart } from './readiness';
import { TREATMENT_START as START, treatedPatient } from './treatedPatient';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

async function score(host: HostHandle, patientId: number, date: Date, total: number) {
  const answers = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.max(0, Math.min(3, total - 3 * i)) : 0));
  await host.invoke('phq9:create', { patientId, assessedOn: iso(date), answers, difficulty: 'somewhat', notes: '' }, `${iso(date)}T12:00:00`);
}

test('enter PHQ-9s, see the course chart with 1, 5 and 60 points and the dashboard', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { patient, course } = await treatedPatient(host, { mrn: 'MRN-0100', firstName: 'Test', lastName: 'Hopper', sessions: 30 });

  // Opened from the course; an incomplete form names the missing items and keeps the answers given.
  await travelTo(page, host, '2026-03-02T08:00:00', `/courses/${course.id}`);
  await page.getByRole('button', { name: 'Enter PHQ-9' }).click();
  await expect(page.getByRole('heading', { name: 'PHQ-9', exact: true })).toBeVisible();
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
  // Saved: back where the form was opened from, with no "Leave without saving?" on the way, and stored once.
  await expect(page).toHaveURL(new RegExp(`#/courses/${course.id}$`));
  await expect(page.getByText('Leave without saving?')).toHaveCount(0);
  await expect(page.getByTestId('outcome-none')).toBeVisible();
  expect(await host.invoke('phq9:listForPatient', { patientId: patient.id })).toHaveLength(1);
  await expect(page.getByTestId('phq9-part')).toHaveText('Baseline');
  // A second PHQ-9 on the same day is refused next to the date, naming the first; nothing is stored.
  await page.getByRole('button', { name: 'Enter PHQ-9' }).click();
  await page.getByLabel('Date completed').fill('2026-03-02');
  for (let item = 1; item <= 9; item++) await page.getByRole('radio', { name: `Item ${item}: Several days`, exact: true }).check();
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(page.getByText(/A PHQ-9 is already recorded for 02\/03\/2026 \(total 17, entered by Dr\. Maya Patel\)/).first()).toBeVisible();
  await expect(page.getByLabel('Date completed')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '30b-phq9-same-day-refused');
  expect(await host.invoke('phq9:listForPatient', { patientId: patient.id })).toHaveLength(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/courses/${course.id}$`));
  await expect(page.getByTestId('phq9-chart')).toBeVisible();
  await screenshotOf(page.getByTestId('phq9-chart'), '31-chart-1-point');

  for (const [week, total] of [[1, 15], [2, 12], [3, 8], [4, 7]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await page.reload();
  await expect(page.getByTestId('outcome-baseline')).toHaveText('17');
  await expect(page.getByTestId('outcome-end')).toHaveText('7');
  await expect(page.getByTestId('outcome-change')).toHaveText('-10');
  await expect(page.getByTestId('outcome-response')).toHaveText('Yes');
  await expect(page.getByTestId('outcome-remission')).toHaveText('No');
  await expect(page.getByText('first reached week 3')).toBeVisible();
  await screenshot(page, '32-course-with-phq9');
  await screenshotOf(page.getByTestId('phq9-chart'), '32-chart-5-points');
  // The tooltip joins the chart when the pointer comes to it; the pointer's next move over a point
  // shows that point's date, part, total and items.
  const week1 = page.getByTestId('phq9-chart').locator('.phq9-treatment-dot').nth(1);
  const tooltip = page.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toHaveCount(0);
  await week1.hover();
  await expect(tooltip).toBeAttached();
  // As a hand does, the pointer keeps moving over the point (a move can reach the page before the
  // tooltip has finished joining the chart).
  await expect(async () => {
    await week1.hover({ position: { x: 2, y: 2 } });
    await week1.hover({ position: { x: 4, y: 4 } });
    await expect(tooltip).toContainText('PHQ-9 15', { timeout: 1_000 });
  }).toPass();
  await expect(tooltip).toContainText('Items: 3 3 3 3 3 0 0 0 0');
  await screenshotOf(page.getByTestId('phq9-chart'), '32b-chart-tooltip');

  // A second course with 60 PHQ-9s (every day) still reads at a glance.
  const dense = await treatedPatient(host, { mrn: 'MRN-0200', firstName: 'Test', lastName: 'Turing', sessions: 30 });
  for (let i = 0; i < 60; i++) await score(host, dense.patient.id, addDays(START, i), Math.max(2, 22 - Math.round(i * 0.3 + (i % 3))));
  await page.goto(`${host.url}/#/courses/${dense.course.id}`);
  await expect(page.getByTestId('phq9-chart')).toBeVisible();
  await expect(page.getByTestId('phq9-chart').locator('.recharts-line-dot')).toHaveCount(60);
  // The last session is on 10 April: PHQ-9s from 18 April on are follow-ups, drawn apart.
  await expect(page.getByTestId('phq9-chart').locator('.phq9-follow-up-dot')).toHaveCount(13);
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
  const { patient } = await treatedPatient(host, { mrn: 'MRN-0300', firstName: 'Test', lastName: 'Curie', sessions: 0 });
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
  // The bar names the patient and links to them.
  await expect(page.getByTestId('item9-alert-bar').getByRole('link', { name: /\(MRN-0300\)/ })).toBeVisible();
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
  const { patient, course } = await treatedPatient(host, { mrn: 'MRN-0300', firstName: 'Test', lastName: 'Hopper', sessions: 20 });
  for (const [week, total] of [[0, 18], [1, 14], [2, 8], [3, 3]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByTestId('outcome-end')).toHaveText('3');
  await expect(page.getByTestId('outcome-remission')).toHaveText('Yes');

  await page.getByRole('button', { name: 'Mark the PHQ-9 of 23/03/2026 as entered in error' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark PHQ-9 as entered in error' });
  await dialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(dialog.getByLabel('What was wrong')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('What was wrong').fill('Answers were those of another patient');
  await dialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('outcome-end')).toHaveText('8');
  await expect(page.getByTestId('outcome-remission')).toHaveText('No');
  const table = page.getByRole('table', { name: 'PHQ-9 assessments' });
  await expect(table).toContainText('Entered in error Dr. Maya Patel');
  await expect(table).toContainText('Answers were those of another patient');
  await screenshot(page, '37-phq9-entered-in-error');
});

test('follow-ups after the end are drawn apart on the chart and labelled; the dashboard rates say n and a Wilson interval', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpClinic(page, host);
  host.setNow(new Date(2026, 6, 1, 12));
  const { patient, course } = await treatedPatient(host, { mrn: 'MRN-0400', firstName: 'Test', lastName: 'Lamarr', sessions: 30 });
  for (const [week, total] of [[0, 19], [2, 13], [4, 8], [6, 6]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await host.invoke('courses:end', { courseId: course.id, version: (await host.invoke('courses:get', { id: course.id })).course.version, status: 'completed', on: '2026-04-13', reason: '' }, '2026-04-13T12:00:00');
  // One and three months later: durability, never the end of treatment.
  for (const [date, total] of [['2026-05-11', 7], ['2026-06-29', 12]] as const) await score(host, patient.id, new Date(`${date}T12:00:00`), total);
  await travelTo(page, host, '2026-07-01T12:00:00', `/courses/${course.id}`);
  await expect(page.getByTestId('outcome-end')).toHaveText('6');
  const chart = page.getByTestId('phq9-chart');
  await expect(chart.locator('.phq9-treatment-dot')).toHaveCount(4);
  await expect(chart.locator('.phq9-follow-up-dot')).toHaveCount(2);
  await expect(chart.getByText('Follow-up →')).toBeVisible();
  await expect(page.getByText('Follow-up (after the end of treatment)')).toBeVisible();
  const table = page.getByRole('table', { name: 'PHQ-9 assessments' });
  await expect(table.getByTestId('phq9-part')).toHaveText(['Follow-up', 'Follow-up', 'End of treatment', 'During treatment', 'During treatment', 'Baseline']);
  await screenshotOf(chart, '38-chart-follow-ups');
  await screenshot(page, '38-course-follow-ups');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('cohort-completers-n')).toHaveText('1');
  await expect(page.getByTestId('cohort-completers-response')).toContainText('100.0% (1 of 1)');
  await expect(page.getByTestId('cohort-completers-response')).toContainText('95% CI 20.7%–100.0% (Wilson)');
  await expect(page.getByTestId('cohort-itt-n')).toHaveText('1');
  await expect(page.getByTestId('dashboard-MRN-0400')).toContainText('6');
  await screenshot(page, '39-dashboard-rates');
});

test('an accelerated course charts by treatment day', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpClinic(page, host);
  const patient = await host.invoke('patients:create', {
    mrn: 'MRN-0500', firstName: 'Test', lastName: 'Cole', dateOfBirth: '1980-01-01', sex: 'male', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  }, '2026-03-01T09:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 5, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'theta_burst', intensityPctMt: 90, frequencyHz: 50,
    burstFrequencyHz: 5, pulsesPerBurst: 3, trainDurationS: 2, interTrainIntervalS: 8, trains: 60, sessionsPerDay: 10, plannedSessions: 50,
    schedule: '', authorizedSessions: 50, authorizationReference: '', startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, '2026-03-01T09:00:00');
  await readyToStart(host, course.id, '2026-03-01', '2026-03-01T09:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-02T08:00:00');
  await score(host, patient.id, START, 24);
  for (let d = 0; d < 5; d++) {
    for (const time of ['09:00', '10:00']) {
      const at = `${iso(addDays(START, d))}T${time}:00`;
      const prepared = await host.invoke('sessions:prepare', { courseId: course.id }, at);
      await host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, at);
    }
  }
  for (const [d, total] of [[2, 15], [4, 9]] as const) await score(host, patient.id, addDays(START, d), total);
  await travelTo(page, host, '2026-03-07T12:00:00', `/courses/${course.id}`);
  const chart = page.getByTestId('phq9-chart');
  await expect(chart.getByText('Treatment day (day 1 = first session)')).toBeVisible();
  for (const label of ['Day 1', 'Day 3', 'Day 5']) await expect(chart.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByTestId('outcome-end')).toHaveText('9');
  await screenshotOf(chart, '39b-chart-accelerated');
});

test('a psychiatrist sees the courses whose outcome changed with the date-window rules until marked seen', async ({ page, host }) => {
  await setUpClinic(page, host);
  host.setNow(new Date(2026, 3, 20, 12));
  const { course } = await treatedPatient(host, { mrn: 'MRN-0600', firstName: 'Test', lastName: 'Noether', sessions: 10 });
  // What migration 0011 records for an existing clinic (its own test covers the computation).
  const raw = new Database(host.dbFile);
  const dated = (id: number, on: string, total: number) => ({ id, on, total });
  raw.prepare('INSERT INTO outcome_rule_changes (course_id, rule_change, recorded_at, before_json, after_json) VALUES (?, ?, ?, ?, ?)').run(
    course.id, '0011_assessment_windows', '2026-04-20T10:00:00.000Z',
    JSON.stringify({ baseline: dated(2, '2026-03-09', 9), latest: dated(3, '2026-03-20', 12), change: 3, response: false, remission: false }),
    JSON.stringify({ baseline: dated(1, '2026-02-27', 20), latest: dated(3, '2026-03-20', 12), change: -8, response: false, remission: false }),
  );
  raw.close();
  await page.goto(`${host.url}/#/dashboard`);
  const notice = page.getByTestId('outcome-rule-changes');
  await expect(notice).toContainText('1 course outcome(s) changed with the new assessment rules');
  await expect(page.getByTestId('outcome-rule-change-MRN-0600')).toContainText('9 → 12 (no response, no remission)');
  await expect(page.getByTestId('outcome-rule-change-MRN-0600')).toContainText('20 → 12 (no response, no remission)');
  await screenshot(page, '39c-outcome-rule-changes');
  await notice.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('dashboard-count')).toBeVisible();
  await expect(page.getByTestId('outcome-rule-changes')).toHaveCount(0);
});

test('a course with a baseline below 10 shows its numbers and says "not rated"', async ({ page, host }) => {
  await setUpClinic(page, host);
  host.setNow(new Date(2026, 2, 20, 12));
  const { patient, course } = await treatedPatient(host, { mrn: 'MRN-0700', firstName: 'Test', lastName: 'Franklin', sessions: 10 });
  for (const [week, total] of [[0, 8], [1, 5], [2, 3]] as const) await score(host, patient.id, addDays(START, 7 * week), total);
  await page.goto(`${host.url}/#/courses/${course.id}`);
  await expect(page.getByTestId('outcome-baseline')).toHaveText('8');
  await expect(page.getByTestId('outcome-end')).toHaveText('3');
  await expect(page.getByTestId('outcome-not-rated')).toHaveText('Baseline below 10: not rated');
  await expect(page.getByTestId('outcome-response')).toHaveCount(0);
  await screenshotOf(page.getByTestId('outcome'), '39d-outcome-not-rated');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('dashboard-MRN-0700').getByTestId('not-rated')).toBeVisible();
});
