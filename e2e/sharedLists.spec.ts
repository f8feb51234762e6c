import { expect, prescribedCourse, screenshot, setUpClinic, test, travelTo } from './fixtures';

test('a session logged at another workstation shows on this today list without reloading', async ({ page, host }) => {
  test.setTimeout(90_000);
  await travelTo(page, host, '2026-03-02T08:00:00', '/');
  await setUpClinic(page, host);
  const course = await prescribedCourse(host, { protocolId: 1, rmtPctMso: 60, mrn: 'MRN-0001', firstName: 'Ada', lastName: 'Lovelace' });
  await travelTo(page, host, '2026-03-02T09:30:00', '/today');
  const row = page.getByTestId('today-MRN-0001');
  await expect(row).toContainText('To do');
  await expect(page.getByTestId('today-summary')).toContainText('1 of 1 course(s) still to treat today');

  // Another workstation (here: the same clinic database through the contract, outside this page) logs the session.
  const prepared = await host.invoke('sessions:prepare', { courseId: course.id }, '2026-03-02T09:30:00');
  await host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, '2026-03-02T09:30:00');
  await expect(row).toContainText('Done');
  await expect(page.getByTestId('today-summary')).toContainText('0 of 1 course(s) still to treat today');
  await screenshot(page, '24-today-refreshed-from-elsewhere');
});
