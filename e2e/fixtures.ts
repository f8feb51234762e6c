import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/main/demo/demoAccounts';
import type { Dispatch } from '../src/main/ipc/dispatch';
import type { Channel } from '../src/shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../src/shared/ipc/contract';
import { ELECTRON_BINARY_ENV } from '../tools/electron-e2e/electronBinary';
import type { PostgresConnection } from '../src/main/db/postgres';
import { newSecret, TOKEN_HEADER } from '../tools/web-host/access';
import { keySecretBox } from '../tools/web-host/keySecretBox';
import { startWebHost, type WebHost } from '../tools/web-host/server';
import { type ElectronHost, launchElectronHost, notInElectron } from './electronHost';
import { readyToStart } from './readiness';

const rendererDir = resolve(import.meta.dirname, '../out/renderer');
const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export interface HostHandle {
  readonly url: string;
  /** The web host's start-up token (the Electron app has none). */
  readonly token?: string;
  readonly dbFile: string;
  /** Where the host writes exported files (the app would ask with a save dialog). */
  readonly exportsDir: string;
  /** The host's dispatch, for seeding through the contract. */
  readonly dispatch: Dispatch;
  /** Stops the host and starts a new one on the same database file, as an app restart would; `whileStopped` runs in between. */
  restart(whileStopped?: () => void): Promise<void>;
  /** Fixes the host's clock (null: real time again), for tests that span several days. */
  setNow(now: Date | null): void;
  /**
   * Calls a contract channel directly (as of `at`, if given) signed in as `staffId` (default 1,
   * the account the first-run screen creates), failing the test on an error result.
   */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>, at?: string, staffId?: number): Promise<ChannelOutput<C>>;
}

/** The password setUpClinic gives the first account. */
export const FIRST_PASSWORD = 'first account password';

interface SpecFixtures {
  host: HostHandle;
  /** The launched Electron app under npm run test:electron; null on the web host. */
  electronApp: ElectronHost | null;
}

type HostFixtures = Parameters<typeof base.extend<SpecFixtures>>[0];

/**
 * A web host on a fresh folder, as a handle the specs use; with `postgres`, its clinic is on that
 * server (several handles on one database are several workstations of one clinic).
 */
export async function startHostHandle(options: { postgres?: PostgresConnection } = {}): Promise<HostHandle & { close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tms-e2e-'));
  const dbFile = join(dir, 'clinic.sqlite');
  let fixedNow: Date | null = null;
  const now = () => fixedNow ?? new Date();
  const exportsDir = join(dir, 'exports');
  // One start-up token across restarts, so the test's browser keeps being let in.
  const token = newSecret();
  // The workstation's clinic database setting, in the folder an app keeps it in; one key across restarts.
  const clinicDatabase = { dataFolder: dir, secrets: keySecretBox() };
  const start = () => startWebHost({ dbFile, rendererDir, now, exportsDir, token, clinicDatabase, ...options });
  let current: WebHost = await start();
  return {
    get url() {
      return current.url;
    },
    dbFile,
    exportsDir,
    get dispatch() {
      return current.dispatch;
    },
    async restart(whileStopped) {
      await current.close();
      whileStopped?.();
      current = await start();
    },
    setNow(value) {
      fixedNow = value;
    },
    token,
    async invoke(channel, input, at, staffId = 1) {
      const result = await current.dispatch(channel, input, { now: at ? new Date(at) : now(), staffId });
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async close() {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The specs' host: the web host on loopback, with Chromium's page (npm run test:e2e). */
const webHost: HostFixtures = {
  // Playwright reads fixture dependencies from the destructuring pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  electronApp: async ({}, use) => use(null),
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const handle = await startHostHandle();
    await use(handle);
    await handle.close();
  },
  // The browser shows the host's start-up token on every request, as the printed address does once.
  page: async ({ page, host }, use) => {
    await page.context().setExtraHTTPHeaders({ [TOKEN_HEADER]: host.token ?? '' });
    await use(page);
  },
};

/**
 * The same specs in the Electron app (npm run test:electron): the host launches the built app
 * with Playwright's `_electron`, and `page` is its window instead of a Chromium page. What only
 * the web host can do (set main's clock, restart under the same page) skips the test.
 */
function electronHost(executablePath: string): HostFixtures {
  return {
    // eslint-disable-next-line no-empty-pattern
    electronApp: async ({}, use) => {
      const app = await launchElectronHost(executablePath);
      await use(app);
      await app.close();
    },
    host: async ({ electronApp: app }, use) => {
      if (!app) throw new Error('The Electron app did not start');
      await use({
        url: app.url,
        dbFile: app.dbFile,
        exportsDir: app.exportsDir,
        dispatch: app.dispatch,
        restart: () => notInElectron('restarting the app under the same page'),
        setNow(value) {
          if (value !== null) notInElectron("fixing the main process's clock");
        },
        async invoke(channel, input, at, staffId = 1) {
          if (at) notInElectron("calls as of another time (the app's clock is real)");
          const result = await app.dispatch(channel, input, { now: new Date(), staffId });
          if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
          return result.value as never;
        },
      });
    },
    page: async ({ electronApp: app }, use) => {
      if (!app) throw new Error('The Electron app did not start');
      await use(app.page);
    },
  };
}

const electronBinary = process.env[ELECTRON_BINARY_ENV];

export const test = base.extend<SpecFixtures>(electronBinary ? electronHost(electronBinary) : webHost);

export { expect };

/** Saves a full-page screenshot under screenshots/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // The header is fixed: from the top, a full-page capture shows it once, where it belongs.
  await page.mouse.wheel(0, -100_000);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** First run on an empty database: creates the first (psychiatrist) account, which signs in. */
export async function setUpClinic(page: Page, host: HostHandle, name = 'Dr. Maya Patel', username = 'maya.patel'): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(FIRST_PASSWORD);
  await page.getByRole('button', { name: 'Create account and start' }).click();
  signedInAs.set(page, { username, password: FIRST_PASSWORD });
  await expect(page.getByTestId('acting-staff')).toHaveText(name);
}

/** First run with an administrator as the first account (alex / ADMIN_PASSWORD), signed in. */
export const ADMIN_PASSWORD = 'alex admin password';
export async function setUpAdminClinic(page: Page, host: HostHandle): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Your name').fill('Alex Admin');
  await page.getByLabel('Your role').selectOption({ label: 'Administrator' });
  await page.getByLabel('Username').fill('alex');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Create account and start' }).click();
  signedInAs.set(page, { username: 'alex', password: ADMIN_PASSWORD });
  await expect(page.getByTestId('acting-staff')).toHaveText('Alex Admin');
}

/** The password addStaff's accounts choose after their one-time password. */
export const passwordOf = (username: string) => `${username} own password`;

/**
 * A staff manager adds a colleague on the Staff screen; returns the one-time password shown once.
 * With `signInAs`, the manager signs out and the colleague signs in with it and chooses their own.
 */
export async function addStaff(page: Page, name: string, username: string, role = 'TMS technician'): Promise<string> {
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('table', { name: 'Staff members' })).toContainText(name);
  return (await page.getByTestId('one-time-password-value').textContent()) ?? '';
}

/** Signs out, signs in with a one-time password and chooses the account's own password. */
export async function firstSignIn(page: Page, username: string, oneTimePassword: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The Staff screen has a Username field too: wait until the sign-in screen has replaced it.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, username, oneTimePassword);
  await page.getByLabel('One-time or current password').fill(oneTimePassword);
  await page.getByLabel('New password').fill(passwordOf(username));
  await page.getByRole('button', { name: 'Save password and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  signedInAs.set(page, { username, password: passwordOf(username) });
}

/** Opens the app and signs in (seeded clinics: the demo course's accounts use the demo password). */
export async function openSignedIn(page: Page, host: HostHandle, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(host.url);
  await signIn(page, username, password);
  await expect(page.getByTestId('acting-staff')).toBeVisible();
}

/** Signs in on the sign-in (or lock) screen. */
export async function signIn(page: Page, username: string, password: string, { succeeds = true } = {}): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!succeeds) return;
  signedInAs.set(page, { username, password });
  // Signing in hashes the password (scrypt): on a loaded machine it can take a few seconds.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeHidden({ timeout: 30_000 });
}

export interface NewPatient {
  mrn: string;
  lastName: string;
  firstName: string;
  dateOfBirth: string;
  sex: 'Female' | 'Male' | 'Other' | 'Not recorded';
  diagnosis: string;
  referring?: string;
}

export async function fillPatientForm(page: Page, p: NewPatient): Promise<void> {
  await page.getByLabel('MRN').fill(p.mrn);
  await page.getByLabel('Last name').fill(p.lastName);
  await page.getByLabel('First name').fill(p.firstName);
  await page.getByLabel('Date of birth').fill(p.dateOfBirth);
  await page.getByLabel('Sex').selectOption({ label: p.sex });
  await page.getByLabel('Primary diagnosis (ICD-10)').fill(p.diagnosis);
  if (p.referring) await page.getByLabel('Referring psychiatrist').fill(p.referring);
}

export async function createPatient(page: Page, p: NewPatient): Promise<void> {
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'New patient' }).click();
  await fillPatientForm(page, p);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.getByTestId('banner-mrn')).toHaveText(p.mrn);
}

/**
 * Moves both clocks (the page's and the host's) to a moment, then reloads the page at `route`.
 * Main signs out a window idle longer than the clinic's lock time, so after a jump of hours the
 * same person signs in again, as they would at the start of the next clinic day.
 */
export async function travelTo(page: Page, host: HostHandle, localDateTime: string, route: string): Promise<void> {
  const at = new Date(localDateTime);
  host.setNow(at);
  await page.clock.setFixedTime(at);
  // A real reload (a hash change alone keeps the page), as opening the app on that day would.
  await page.goto('about:blank');
  await page.goto(`${host.url}/#${route}`);
  await expect(page.getByRole('heading').first()).toBeVisible();
  const known = signedInAs.get(page);
  if (!known) return;
  // Signed out for being idle across the jump: the sign-in screen, or the lock screen when the page saw it happen first.
  const signInButton = page.getByRole('button', { name: 'Sign in' });
  await expect(page.getByTestId('app-root').or(signInButton).filter({ visible: true }).first()).toBeVisible();
  if (await signInButton.isVisible()) await signIn(page, known.username, known.password);
}

/** Who last signed in on a page, for travelTo. */
const signedInAs = new WeakMap<Page, { username: string; password: string }>();

/** Saves a screenshot of one element (a chart, say) under screenshots/. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await locator.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** A patient with a course of a seeded protocol from 2 March 2026 and a threshold measured that day, through the host. */
export async function prescribedCourse(host: HostHandle, p: { protocolId: number; rmtPctMso: number; mrn: string; firstName: string; lastName: string }) {
  const protocol = (await host.invoke('protocols:list', {})).find((x) => x.id === p.protocolId);
  if (!protocol) throw new Error(`No protocol ${p.protocolId}`);
  const patient = await host.invoke('patients:create', {
    mrn: p.mrn, firstName: p.firstName, lastName: p.lastName, dateOfBirth: '1969-04-22', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '',
  }, '2026-03-02T08:00:00');
  const { id: _id, lineageId: _l, revision: _r, status: _s, createdByName: _c, createdAt: _a, dose: _d, name: _n, reference: _ref, minMinutesBetweenSessions: _m,
    defaultPlannedSessions, notes: _notes, ...stimulation } = protocol;
  const course = await host.invoke('courses:prescribe', {
    ...stimulation, patientId: patient.id, protocolId: p.protocolId, plannedSessions: defaultPlannedSessions, schedule: '', authorizedSessions: defaultPlannedSessions,
    authorizationReference: '', startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, '2026-03-02T08:00:00');
  await readyToStart(host, course.id, '2026-03-02', '2026-03-02T08:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: p.rmtPctMso, method: 'emg', coil: protocol.coil, measuredById: 1, notes: '' }, '2026-03-02T08:00:00');
  return course;
}
