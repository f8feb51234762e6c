import { expect, firstSignIn, type HostHandle, prescribedCourse, screenshot, setUpClinic, test, travelTo } from './fixtures';

const courseFor = (host: HostHandle, protocolId: number, rmtPctMso: number) =>
  prescribedCourse(host, { protocolId, rmtPctMso, mrn: `MRN-R${protocolId}`, firstName: 'Rita', lastName: 'Levi' });

async function logSession(host: HostHandle, courseId: number, at: string, edit: Record<string, unknown> = {}) {
  const prepared = await host.invoke('sessions:prepare', { courseId }, at);
  return host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, ...edit, cosign: null }, at);
}

test('a threshold re-determined mid-course doses the next session; the old dose needs a psychiatrist', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const { oneTimePassword } = await host.invoke('staff:create', { name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' });
  const course = await courseFor(host, 1, 70);
  await logSession(host, course.id, '2026-03-02T09:00:00');
  // Bupropion was started: the threshold drops to 55 on 9 March.
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-09', rmtPctMso: 55, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: 'Bupropion started' }, '2026-03-09T08:30:00');

  await travelTo(page, host, '2026-03-09T09:30:00', `/courses/${course.id}`);
  await firstSignIn(page, 'sam.okafor', oneTimePassword);
  await page.goto(`${host.url}/#/courses/${course.id}/sessions/new`);
  const dosing = page.getByTestId('dosing-threshold');
  await expect(dosing).toContainText('Dosed from the 55% MSO threshold of 09/03/2026 (EMG, 0 days old');
  await expect(page.getByLabel('Output (% MSO)')).toHaveValue('66');
  // Back-dated to 6 March, the session would be dosed from 2 March's threshold.
  await page.getByLabel('Date').fill('2026-03-06');
  await expect(dosing).toContainText('Dosed from the 70% MSO threshold of 02/03/2026');
  await page.getByLabel('Date').fill('2026-03-09');
  await page.getByLabel('Output (% MSO)').fill('84');
  const override = page.getByTestId('override-needed');
  await expect(override).toContainText('84% MSO is 153% of the 55% MSO threshold of 09/03/2026; 120% MT gives 66% MSO');
  await screenshot(page, '27b-session-threshold-changed');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  const cosign = page.getByRole('dialog', { name: 'Psychiatrist co-signature' });
  await expect(cosign).toContainText('84% MSO is 153% of the 55% MSO threshold');
  await cosign.getByRole('button', { name: 'Back to the form' }).click();
  await page.getByLabel('Output (% MSO)').fill('66');
  await expect(override).toBeHidden();
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByTestId('sessions-done')).toHaveText('2 / 36');
});

test('an accelerated course refuses a session too soon after the last; a course under review takes none until cleared', async ({ page, host }) => {
  test.setTimeout(120_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const course = await courseFor(host, 5, 60);
  const navigated = { positionMethod: 'neuronavigation', mniX: -38, mniY: 44, mniZ: 26, navigationSystem: 'Localite' };
  await logSession(host, course.id, '2026-03-02T09:00:00', navigated);

  // 20 minutes later: the protocol needs 50 between sessions.
  await travelTo(page, host, '2026-03-02T09:20:00', `/courses/${course.id}/sessions/new`);
  const override = page.getByTestId('override-needed');
  await expect(override).toContainText('09:20 is 20 min from the 09:00 session; the protocol needs at least 50 min between sessions.');
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByText('Give the reason (at least 5 characters)')).toBeVisible();
  await screenshot(page, '27c-session-too-soon');
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  // A syncope in the next session flags the course: the form says so before anything is typed.
  await logSession(host, course.id, '2026-03-02T10:00:00', { ...navigated, trainsDelivered: 20, pulsesDelivered: 600, adverseEvents: [{ event: 'syncope', description: 'Fainted after train 20' }] });
  await travelTo(page, host, '2026-03-02T11:00:00', `/courses/${course.id}/sessions/new`);
  await expect(override).toContainText('The course is flagged for psychiatrist review (Syncope in session 2 on 02/03/2026): no session until a psychiatrist clears it or overrides.');
  await screenshot(page, '27d-session-under-review');
  await page.getByRole('button', { name: 'Cancel' }).first().click();
  await page.getByTestId('flag-review_required').getByRole('button', { name: 'Review…' }).click();
  const review = page.getByRole('dialog', { name: 'Psychiatrist review' });
  await review.getByLabel('Review note').fill('Vasovagal; continue after a snack');
  await review.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(page.getByTestId('flag-review_required')).toBeHidden();
  await page.getByRole('button', { name: 'Log session' }).click();
  await expect(page.getByTestId('dosing-threshold')).toContainText('Dosed from the 60% MSO threshold of 02/03/2026');
  await expect(override).toBeHidden();
  await page.getByRole('button', { name: 'Save session' }).first().click();
  await expect(page.getByTestId('sessions-done')).toHaveText('3 / 50');
});
