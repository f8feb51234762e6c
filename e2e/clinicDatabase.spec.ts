import pg from 'pg';
import { onServer, startPostgresServer } from '../test/support/postgresServer';
import { violations } from './axe';
import { expect, screenshot, setUpAdminClinic, test } from './fixtures';

// One throwaway PostgreSQL server for this file only, its tests one after another on it.
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof startPostgresServer>> | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startPostgresServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test('an administrator tests a clinic server, sees a wrong password next to its field, and moves the clinic onto the empty server', async ({ page, host }) => {
  test.setTimeout(180_000);
  if (!server) throw new Error('The PostgreSQL server did not start');
  const { connection } = server;
  await onServer(connection, ['CREATE DATABASE clinic_e2e']);
  await setUpAdminClinic(page, host);
  await host.invoke('patients:create', {
    mrn: 'MOVE-1', firstName: 'Maren', lastName: 'Moved', dateOfBirth: '1971-03-04', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  });

  // Beside the clinic's settings on the Staff screen (administrators).
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('link', { name: 'Clinic database' }).click();
  await expect(page.getByRole('heading', { name: 'Clinic database' })).toBeVisible();
  await expect(page.getByTestId('running-location')).toContainText('On this computer:');
  const form = page.getByRole('form', { name: 'Clinic database' });
  await form.getByLabel('On the clinic server (PostgreSQL)').check();
  await form.getByLabel('Host').fill(connection.host);
  await form.getByLabel('Port').fill(String(connection.port));
  await form.getByLabel('Database').fill('clinic_e2e');
  await form.getByLabel('User').fill(connection.user);
  await form.getByRole('textbox', { name: 'Password' }).fill('not the password');
  // TLS is the default; without TLS only for a server on this computer, as this one is.
  await expect(form.getByLabel("TLS, the server checked against the clinic's CA certificate")).toBeChecked();
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText("Paste the clinic's CA certificate or choose its file")).toBeVisible();
  await form.getByLabel('No TLS (only for a server on this computer)').check();
  await form.getByRole('button', { name: 'Test connection' }).click();
  // The failure stands next to the password; everything typed stays.
  const password = form.getByRole('textbox', { name: 'Password' });
  await expect(password).toHaveAccessibleDescription(`The server refused user ${connection.user} with this password.`);
  await expect(form.getByLabel('Host')).toHaveValue(connection.host);
  await expect(form.getByTestId('connection-detail')).toContainText('28P01');
  await screenshot(page, 'clinic-database-wrong-password');
  // The accessibility spec's screens do not include these (they need a server): axe checks them here.
  const found = (await violations(page)).map((v) => `clinic database form, a failed test: ${v}`);

  await password.fill(connection.password);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Connection works' })).toContainText('The database is empty: no clinic yet.');
  await expect(page.getByText('The server is empty and this computer holds a clinic of 1 patient.')).toBeVisible();
  await screenshot(page, 'clinic-database-empty-server');

  await page.getByRole('button', { name: 'Move the clinic to the server…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move the clinic to the server' });
  await expect(dialog).toContainText('This copies the whole clinic on this computer to clinic_e2e on');
  await screenshot(page, 'clinic-database-move-confirm');
  found.push(...(await violations(page)).map((v) => `move dialog: ${v}`));
  await dialog.getByRole('button', { name: 'Move the clinic' }).click();

  // The host reopens on the server (the app would restart); the page reloads onto it.
  await expect(page.getByTestId('acting-staff')).toHaveText('Alex Admin', { timeout: 30_000 });
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('link', { name: 'Clinic database' }).click();
  await expect(page.getByTestId('running-location')).toContainText(`On the clinic server: postgres://${connection.user}@`);
  await expect(page.getByTestId('running-location')).toContainText('/clinic_e2e');
  await screenshot(page, 'clinic-database-on-server');
  found.push(...(await violations(page)).map((v) => `clinic database on the server: ${v}`));
  expect(found).toEqual([]);
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('Moved, Maren').or(page.getByText('Maren Moved')).first()).toBeVisible();

  // On the server itself: the patient, and the move in its audit log.
  const client = new pg.Client({ ...connection, database: 'clinic_e2e', ssl: false });
  await client.connect();
  try {
    expect((await client.query('SELECT mrn FROM patients')).rows).toEqual([{ mrn: 'MOVE-1' }]);
    expect((await client.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'move_to_server'")).rows).toEqual([{ n: 1 }]);
  } finally {
    await client.end();
  }

  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByText(/Its backups are made on the server, by whoever runs it/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await screenshot(page, 'clinic-database-backups-on-server');

  // The server's database goes away: the next start says what failed and offers this computer's clinic.
  await onServer(connection, ['DROP DATABASE clinic_e2e WITH (FORCE)']);
  await host.restart();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'The clinic server cannot be used' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The server has no database named clinic_e2e.' })).toBeVisible();
  await screenshot(page, 'clinic-database-server-unavailable');
  expect((await violations(page)).map((v) => `server unavailable: ${v}`)).toEqual([]);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'The clinic server cannot be used' })).toBeVisible();
  await page.getByRole('button', { name: "Use this computer's clinic instead" }).click();
  // Back on this computer's file: its clinic (the same people) asks who is signing in.
  await expect(page.getByRole('button', { name: 'Sign in' }).or(page.getByTestId('acting-staff')).first()).toBeVisible({ timeout: 30_000 });
  expect((await host.invoke('app:info', {})).engine).toBe('sqlite');
});
