import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { seedDemoCourse } from '../tools/seed/demoCourse';
import { transitionsDone } from './axe';
import { expect, type HostHandle, openSignedIn, test, travelTo } from './fixtures';

/**
 * Every rule axe runs by default (WCAG A/AA and its best practices), every impact: the screens and
 * dialogs the older accessibility spec does not open (forms of every scale, treatment history,
 * screening and consent, import, backups, audit, the calendar, the planned-time dialog…).
 */
async function violations(page: Page, where: string): Promise<string[]> {
  await transitionsDone(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact ?? 'unknown'}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`.slice(0, 400)));
}

const AT = '2026-03-30T10:00:00';

/** A second patient whose course is prescribed but not ready: no screening, no consent, no threshold. */
async function unreadyCourse(host: HostHandle) {
  const patient = await host.invoke('patients:create', {
    mrn: 'MRN-5150', firstName: 'Nora', lastName: 'Unready', dateOfBirth: '1970-01-20', sex: 'female', primaryDiagnosis: 'F32.2', referringPsychiatrist: '', notes: '',
  }, AT);
  return host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10, burstFrequencyHz: null,
    pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36, schedule: '', authorizedSessions: 36,
    authorizationReference: '', startDate: '2026-03-31', notes: '', safetyOverrideReason: '',
  }, AT);
}

/** Eleanor's course (20 sessions, an open item-9 alert) and Nora's unready one, signed in as Dr. Patel; `visit` and `dialog` collect what axe finds. */
async function prepare(page: Page, host: HostHandle) {
  host.setNow(new Date(AT));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 20 });
  const unready = await unreadyCourse(host);
  // An open suicide-item alert, for the acknowledgement dialog.
  await host.invoke('assessments:create', { patientId: 1, scale: 'phq9', assessedOn: '2026-03-30', answers: [2, 1, 2, 1, 1, 1, 1, 0, 1], difficulty: null, notes: '' }, AT);
  await openSignedIn(page, host, 'maya.patel');
  await travelTo(page, host, AT, '/today');
  const found: string[] = [];
  const visit = async (route: string, ready: Locator) => {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#${route}`);
    await expect(ready).toBeVisible();
    const seen = await violations(page, route);
    for (const v of seen) console.log(v);
    found.push(...seen);
  };
  const dialog = async (route: string, ready: Locator, open: Locator, name: string) => {
    // The screen itself is scanned by its own visit: here only with the dialog open.
    await page.goto('about:blank');
    await page.goto(`${host.url}/#${route}`);
    await expect(ready).toBeVisible();
    await open.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const seen = await violations(page, `${route} · ${name}`);
    for (const v of seen) console.log(v);
    found.push(...seen);
  };
  const h1 = page.getByRole('heading', { level: 1 });
  return { found, visit, dialog, h1, courseId, unready };
}

test('patient, prescription, protocol, course and admin screens: no axe violation of any impact', async ({ page, host }) => {
  test.setTimeout(600_000);
  const { found, visit } = await prepare(page, host);
  // Screens.
  await visit('/patients/1', page.getByRole('heading', { name: 'Antidepressant trials (3)' }).or(page.getByText('Antidepressant trials')).first());
  await visit('/patients/new', page.getByLabel('MRN'));
  await visit('/patients/1/edit', page.getByLabel('MRN'));
  await visit('/patients/1/courses/new', page.getByLabel('Protocol'));
  await visit('/protocols/new', page.getByLabel('Name', { exact: false }).first());
  await visit('/protocols/1/revise', page.getByLabel('Name', { exact: false }).first());
  expect(found).toEqual([]);
});

test('the assessment form of every scale and the session correction: no axe violation of any impact', async ({ page, host }) => {
  test.setTimeout(600_000);
  const { found, visit, h1, courseId, unready } = await prepare(page, host);
  for (const scale of ['gad7', 'madrs', 'hamd17', 'cgi_s', 'cgi_i']) await visit(`/patients/1/assessments/${scale}/new`, page.getByTestId(`${scale}-item-1`));
  await visit(`/courses/${unready.id}`, page.getByRole('button', { name: 'Record screening…' }));
  await visit(`/courses/${courseId}/sessions/1/correct`, page.getByLabel('Reason for the correction'));
  await visit('/import', h1);
  await visit('/backups', h1);
  await visit('/audit', h1);
  await visit('/staff', page.getByLabel('Date format'));
  await visit('/no-such-screen', h1);

  expect(found).toEqual([]);
});

test('the today and patient dialogs: no axe violation of any impact', async ({ page, host }) => {
  test.setTimeout(600_000);
  const { found, dialog, h1 } = await prepare(page, host);
  // Dialogs and popovers.
  await dialog('/today', page.getByRole('table', { name: "Today's courses" }), page.getByRole('button', { name: /Change the planned time/ }).first(), 'planned time');
  await dialog('/patients/1', h1, page.getByRole('button', { name: 'Add trial' }), 'trial');
  await dialog('/patients/1', h1, page.getByRole('button', { name: 'Add psychotherapy' }), 'psychotherapy');
  await dialog('/patients/1', h1, page.getByRole('button', { name: 'Add medication' }), 'medication');
  await dialog('/patients/1', h1, page.getByRole('button', { name: /^Correct the .* trial$/ }).first(), 'correct trial');
  expect(found).toEqual([]);
});

test('the course and alert dialogs, the calendar and the unsaved-changes dialog: no axe violation of any impact', async ({ page, host }) => {
  test.setTimeout(600_000);
  const { found, visit, dialog, h1, courseId, unready } = await prepare(page, host);
  await dialog(`/courses/${unready.id}`, h1, page.getByRole('button', { name: 'Record screening…' }), 'screening');
  await dialog(`/courses/${unready.id}`, h1, page.getByRole('button', { name: 'Record consent…' }), 'consent');
  await dialog(`/courses/${courseId}`, h1, page.getByRole('button', { name: /Mark the PHQ-9 of .* as entered in error/ }).first(), 'PHQ-9 entered in error');
  await dialog(`/courses/${courseId}`, h1, page.getByRole('button', { name: 'Change the planned time' }), 'course planned time');
  await dialog('/protocols', h1, page.getByRole('button', { name: 'Retire' }).first(), 'retire protocol');
  await dialog('/alerts', h1, page.getByRole('button', { name: 'Acknowledge' }).first(), 'acknowledge');
  // The calendar behind a date field.
  await visit('/patients/1/assessments/gad7/new', page.getByTestId('gad7-item-1'));
  await page.getByRole('button', { name: 'Open calendar' }).click();
  await expect(page.getByRole('dialog').or(page.locator('.mantine-Popover-dropdown')).first()).toBeVisible();
  found.push(...(await violations(page, 'calendar')));
  // Leaving a form with changes: the unsaved-changes dialog.
  await visit('/patients/new', page.getByLabel('MRN'));
  await page.getByLabel('MRN').fill('MRN-9');
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await violations(page, 'unsaved changes')));

  expect(found).toEqual([]);
});
