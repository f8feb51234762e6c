import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/main/demo/demoAccounts';
import { CHROMIUM_ARGS } from '../web-host/chromiumExports';
import { startWebHost } from '../web-host/server';
import { summarize, type Timing } from './stats';

/** The largest answer to one IPC read (its JSON body as the web host sends it). */
export interface LargestRead {
  channel: string;
  bytes: number;
}

export interface BrowserResult {
  /** A fresh page of the signed-in app: from the page's navigation start to the first frame with the today list's rows in it. */
  todayFirstPaint: Timing;
  /** The course chart of a 36-session course, from the chart's first render to its lines on screen. */
  phq9Chart: Timing;
  /** Opening that course from the today list (as a click does): from the route change to the chart's lines on screen (the course's read, its screen and the chart's code included). */
  courseChart: Timing;
  /** Opening the dashboard from another screen: from its first render (data calls included) to table and cohort chart on screen. */
  dashboard: Timing;
  /** The same in a freshly loaded app right after a change to the data: nothing kept anywhere from an earlier read. */
  dashboardAfterChange: Timing;
  /** That fresh page counted from its navigation start: loading the app, signing in from the session, the dashboard's chunk, its reads and first render. */
  dashboardFreshPage: Timing;
  /** A 36-session course report: print through Chromium, write the file, audit it. */
  report36: Timing & { pages: number | null };
  /** The largest single IPC answer while the dashboard was opened (fresh and from another screen), the today list on the way there left out. */
  dashboardLargestRead: LargestRead;
  /** The largest single IPC answer over everything the browser bench did. */
  largestRead: LargestRead;
}

/** The largest answer the web host sent, overall and while `scope` is set (counted by the host: watching the page's responses over the DevTools protocol slowed the pages being timed). */
function readWatcher() {
  const largest: LargestRead = { channel: '', bytes: 0 };
  const scoped = { scope: false, largest: { channel: '', bytes: 0 } };
  const onAnswer = (channel: string, bytes: number) => {
    if (bytes > largest.bytes) Object.assign(largest, { channel, bytes });
    if (scoped.scope && bytes > scoped.largest.bytes) Object.assign(scoped.largest, { channel, bytes });
  };
  return { largest, scoped, onAnswer };
}

/**
 * Opens the app in a new page of the signed-in context and times the today list's first usable
 * frame from the page's navigation start: the app's own mark `today-rendered` (the first animation
 * frame with the day's rows, useRenderTiming), read over the DevTools protocol. Playwright's
 * waitForFunction would first inject its utility script into the page as the app starts (40 ms
 * of the page's main thread here), which no user's window runs.
 */
async function todayFirstPaint(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  try {
    await page.goto(`${url}/#/today`, { waitUntil: 'commit' });
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const { result } = (await devtools.send('Runtime.evaluate', {
        expression: "performance.getEntriesByName('today-rendered', 'mark')[0]?.startTime ?? null",
        returnByValue: true,
      })) as { result: { value: unknown } };
      if (typeof result.value === 'number') return result.value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('The today list did not appear within 60 s');
  } finally {
    await devtools.detach();
    await page.close();
  }
}

/**
 * Navigates inside the running app (as a user does) and waits for the screen's measure: its
 * duration (from the measured component's first render) and the time from the route change to
 * the measure's end (the screen's chunk, its reads and everything drawn before it included).
 */
async function measureRoute(page: Page, route: string, name: string, onScreen?: () => void): Promise<{ measure: number; fromRoute: number }> {
  // These callbacks run in the page; the tools project has no DOM types.
  const setHash = (hash: string) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  };
  await page.evaluate(setHash, '#/today');
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  onScreen?.();
  const started = await page.evaluate(([r, n]) => {
    performance.clearMeasures();
    performance.clearMarks(`${n}-rendered`);
    const at = performance.now();
    (globalThis as unknown as { location: { hash: string } }).location.hash = r;
    return at;
  }, [`#${route}`, name] as const);
  const handle = await page.waitForFunction((n) => {
    const measure = performance.getEntriesByName(n, 'measure')[0];
    return measure ? [measure.duration, measure.startTime + measure.duration] : null;
  }, name, { timeout: 60_000 });
  const [measure, end] = (await handle.jsonValue()) as [number, number];
  return { measure, fromRoute: end - started };
}

async function measureOnce(page: Page, route: string, name: string, onScreen?: () => void): Promise<number> {
  return (await measureRoute(page, route, name, onScreen)).measure;
}

/** Renders the chart and the dashboard in Chromium, and prints a report, against the web host on `workFile`. */
export async function runBrowserBench(workFile: string, exportsDir: string, today: string, runs: number): Promise<BrowserResult> {
  const now = new Date(`${today}T12:00:00`);
  const { largest, scoped, onAnswer } = readWatcher();
  const host = await startWebHost({ dbFile: workFile, rendererDir: resolve('out/renderer'), exportsDir, now: () => now, validateOutput: false, onAnswer });
  // A profile on disk, as the packaged app has: Chromium keeps the V8 code of the app's scripts
  // in its disk cache (the app scheme's `codeCache` privilege in Electron). A default Playwright
  // context is incognito: every fresh page compiled all of the app's JavaScript again.
  const profile = mkdtempSync(join(tmpdir(), 'tms-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
  try {
    const doctor = await host.db.selectFrom('staff').select(['id', 'username']).where('role', '=', 'psychiatrist').where('active', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const courses = await host.db
      .selectFrom('course_progress').select('course_id').where('sessions_done', '=', 36).orderBy('course_id').limit(runs + 3).execute();
    const page = await context.newPage();
    await page.goto(`${host.url}/?token=${host.token}`);
    await page.getByLabel('Username').fill(doctor.username ?? '');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    const todayPaint: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const ms = await todayFirstPaint(context, host.url);
      if (i >= 2) todayPaint.push(ms);
    }

    const chart: number[] = [];
    const courseChart: number[] = [];
    for (const [i, c] of courses.entries()) {
      const { measure, fromRoute } = await measureRoute(page, `/courses/${c.course_id}`, 'phq9-chart');
      if (i >= 3) {
        chart.push(measure);
        courseChart.push(fromRoute);
      }
    }
    const dashboard: number[] = [];
    const afterChange: number[] = [];
    const freshPage: number[] = [];
    // One PHQ-9 per patient per day: each run saves one for another patient.
    // Patients without a PHQ-9 that day (the data benchmark before this one saves some on the same copy).
    const patients = await host.db.selectFrom('courses as c').select('c.patient_id').distinct().where('c.status', '=', 'active')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('assessments as a').select('a.id').whereRef('a.patient_id', '=', 'c.patient_id').where('a.scale', '=', 'phq9').where('a.assessed_on', '=', today))))
      .limit(runs + 2).execute();
    for (let i = 0; i < runs + 2; i++) {
      const patient = patients[i % patients.length];
      if (!patient) throw new Error('no active course');
      // A PHQ-9 saved elsewhere: the next dashboard view reads everything afresh.
      const saved = await host.dispatch('phq9:create', { patientId: patient.patient_id, assessedOn: today, answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], difficulty: 'somewhat', notes: '' }, { now, staffId: doctor.id });
      if (!saved.ok) throw new Error(saved.error.message);
      await page.goto('about:blank');
      scoped.scope = true;
      await page.goto(`${host.url}/#/dashboard`);
      const cold = Number(await (await page.waitForFunction(() => performance.getEntriesByName('dashboard', 'measure')[0]?.duration, null, { timeout: 60_000 })).jsonValue());
      // The same screen counted from the page's navigation start (loading the app and the dashboard's chunk included).
      const fromLoad = Number(await page.evaluate(() => performance.getEntriesByName('dashboard-rendered', 'mark')[0]?.startTime ?? Number.NaN));
      scoped.scope = false;
      // Only the dashboard's own reads count (the way there passes through the today list).
      const warm = await measureOnce(page, '/dashboard', 'dashboard', () => { scoped.scope = true; });
      scoped.scope = false;
      if (i >= 2) {
        afterChange.push(cold);
        freshPage.push(fromLoad);
        dashboard.push(warm);
      }
    }

    const report: number[] = [];
    let pages: number | null = null;
    for (let i = 0; i < Math.min(runs, 7) + 1; i++) {
      const started = performance.now();
      const result = await host.dispatch('reports:exportPdf', { courseId: courses[i % courses.length]?.course_id ?? 0 }, { now, staffId: doctor.id });
      if (!result.ok) throw new Error(result.error.message);
      if (i > 0) report.push(performance.now() - started);
      pages = result.value.pages;
    }
    return {
      todayFirstPaint: summarize(todayPaint), dashboardLargestRead: scoped.largest, largestRead: largest,
      phq9Chart: summarize(chart), courseChart: summarize(courseChart), dashboard: summarize(dashboard), dashboardAfterChange: summarize(afterChange), dashboardFreshPage: summarize(freshPage), report36: { ...summarize(report), pages } };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await host.close();
  }
}
