import type { Browser, Page } from '@playwright/test';
import { TOKEN_HEADER } from '../tools/web-host/access';
import { onServer, startPostgresServer } from '../test/support/postgresServer';
import { expect, type HostHandle, prescribedCourse, screenshot, setUpClinic, signIn, startHostHandle, test, travelTo } from './fixtures';

/**
 * Two workstations of one clinic (the treatment room and the psychiatrist's office), each its own
 * host process, on one PostgreSQL database: what one writes, the other sees; what both edit, the
 * second is told about.
 */
let server: Awaited<ReturnType<typeof startPostgresServer>>;
const DATABASE = 'clinic_two_rooms';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startPostgresServer();
  await onServer(server.connection, [`CREATE DATABASE ${DATABASE}`]);
});

test.afterAll(async () => {
  await server?.stop();
});

async function workstation(browser: Browser, host: HostHandle): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { [TOKEN_HEADER]: host.token ?? '' } });
  return context.newPage();
}

test('a session logged in the treatment room shows in the office, and a conflicting edit is refused with who changed it', async ({ browser }) => {
  test.setTimeout(180_000);
  const room = await startHostHandle({ postgres: { ...server.connection, database: DATABASE } });
  const office = await startHostHandle({ postgres: { ...server.connection, database: DATABASE } });
  try {
    const roomPage = await workstation(browser, room);
    const officePage = await workstation(browser, office);

    // The office sets the clinic up on the server; the room's technician is added there.
    await travelTo(officePage, office, '2026-03-02T08:00:00', '/');
    await setUpClinic(officePage, office);
    const course = await prescribedCourse(office, { protocolId: 1, rmtPctMso: 60, mrn: 'MRN-0001', firstName: 'Ada', lastName: 'Lovelace' });
    const { staff: tech, oneTimePassword } = await office.invoke('staff:create', { name: 'Tom Okafor', username: 'tom.okafor', role: 'technician', trainedRater: false }, '2026-03-02T08:00:00');
    await room.invoke('auth:changePassword', { currentPassword: oneTimePassword, newPassword: 'tom own password' }, '2026-03-02T08:00:00', tech.id);
    const first = await office.invoke('sessions:prepare', { courseId: course.id }, '2026-03-02T09:30:00');
    await office.invoke('sessions:create', { ...first.values, fiveCmDistanceCm: 5 }, '2026-03-02T09:30:00');

    // The office signs out for the night (no idle sign-out racing the next morning's page).
    await officePage.getByRole('button', { name: 'Sign out' }).click();
    await expect(officePage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // Both workstations at 09:30 the next day; the room signs in as the technician.
    room.setNow(new Date('2026-03-03T09:30:00'));
    await roomPage.clock.setFixedTime(new Date('2026-03-03T09:30:00'));
    await roomPage.goto(`${room.url}/#/today`);
    await signIn(roomPage, 'tom.okafor', 'tom own password');
    await travelTo(officePage, office, '2026-03-03T09:30:00', '/today');
    const officeRow = officePage.getByTestId('today-MRN-0001');
    await expect(officeRow).toContainText('To do');

    // The technician logs the session in the room, through the room's own screens.
    await roomPage.getByRole('button', { name: 'Log session for LOVELACE, Ada' }).click();
    await expect(roomPage.getByRole('heading', { name: /^Session 2 of/ })).toBeVisible();
    await roomPage.getByRole('button', { name: 'Save session' }).first().click();
    await expect(roomPage.getByTestId('today-MRN-0001')).toContainText('Done');

    // The office's list, untouched, shows it within the refresh interval.
    await expect(officeRow).toContainText('Done', { timeout: 5_000 });
    await screenshot(officePage, '150-clinic-server-office-sees-room-session');

    // Both open Ada's details; the office saves first, the room's later save is refused and kept.
    const patientId = course.patientId;
    await officePage.goto(`${office.url}/#/patients/${patientId}/edit`);
    await roomPage.goto(`${room.url}/#/patients/${patientId}/edit`);
    await expect(officePage.getByRole('heading', { name: 'Edit patient details' })).toBeVisible();
    await expect(roomPage.getByRole('heading', { name: 'Edit patient details' })).toBeVisible();
    await officePage.getByLabel('Notes').fill('Prefers morning appointments.');
    await officePage.getByRole('button', { name: 'Save changes' }).click();
    await expect(officePage.getByTestId('banner-name')).toHaveText('LOVELACE, Ada');

    await roomPage.getByLabel('Referring psychiatrist').fill('Dr. Ines Ferreira');
    await roomPage.getByRole('button', { name: 'Save changes' }).click();
    await expect(roomPage.getByRole('alert').filter({ hasText: 'changed by Dr. Maya Patel at' })).toBeVisible();
    await expect(roomPage.getByLabel('Referring psychiatrist')).toHaveValue('Dr. Ines Ferreira');
    await screenshot(roomPage, '151-clinic-server-conflicting-edit');
  } finally {
    await room.close();
    await office.close();
  }
});
