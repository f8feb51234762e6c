import { expect, screenshot, signIn, test } from './fixtures';

test('the dashboard shows one scale at a time (PHQ-9 first) with that scale\'s rules, and reads the course table a page at a time', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the demo clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('demo-sign-in-hint')).toContainText('maya.patel (psychiatrist)');
  await signIn(page, 'maya.patel', 'demo-password');
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();

  // Every read the dashboard makes is small: the course table comes a page at a time.
  const reads: Array<{ channel: string; bytes: number }> = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/__host/invoke')) return;
    const channel = (JSON.parse(response.request().postData() ?? '{}') as { channel?: string }).channel ?? '';
    void response.body().then((body) => reads.push({ channel, bytes: body.length }), () => undefined);
  });

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const count = page.getByTestId('dashboard-count');
  await expect(count).toHaveText(/^\d{3,} course\(s\)$/);
  const courses = Number((await count.textContent())?.split(' ')[0]);
  const scale = page.getByRole('radiogroup', { name: 'Scale' });
  await expect(scale.getByRole('radio', { name: 'PHQ-9' })).toBeChecked();
  await expect(page.getByTestId('cohort-included')).toContainText('Mean PHQ-9 by week');
  await expect(page.getByRole('columnheader', { name: 'Remission (≤ 4)' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mean PHQ-9 by week' })).toBeVisible();
  await screenshot(page, '60-dashboard-phq9');

  // The scales offered are those the clinic has scores on.
  const offered = (await host.invoke('dashboard:cohort', {})).scales;
  expect(offered.slice(0, 3)).toEqual(['phq9', 'gad7', 'madrs']);
  await expect(scale.getByRole('radio')).toHaveCount(offered.length);
  await expect(scale.getByRole('radio', { name: 'GAD-7' })).toBeVisible();
  await scale.getByRole('radio', { name: 'MADRS' }).check();
  await expect(scale.getByRole('radio', { name: 'MADRS' })).toBeChecked();
  await expect(page.getByTestId('cohort-included')).toContainText('Mean MADRS by week');
  await expect(page.getByTestId('cohort-included')).toContainText('baseline MADRS of 20 or more');
  await expect(page.getByTestId('cohort-rates-note')).toContainText('Remission on MADRS: ≤ 10 (Zimmerman et al. 2004). Only courses with a baseline MADRS of 20 or more.');
  await expect(page.getByRole('img', { name: 'Mean MADRS by week' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Baseline MADRS' })).toBeVisible();
  // The same courses, each measured on MADRS where it has one.
  await expect(count).toHaveText(`${courses} course(s)`);
  const madrs = await host.invoke('dashboard:cohort', { scale: 'madrs' });
  const phq9 = await host.invoke('dashboard:cohort', {});
  expect(madrs.includedCourses).toBeGreaterThan(0);
  expect(madrs.includedCourses).not.toBe(phq9.includedCourses);
  await expect(page.getByTestId('cohort-completers-n')).toHaveText(String(madrs.completers.n));
  await screenshot(page, '61-dashboard-madrs');

  // Scrolled to the end, the last courses are read (their page) and drawn.
  const last = await host.invoke('dashboard:courses', { scale: 'madrs', offset: courses - 1, limit: 1 });
  const lastRow = last.rows[0];
  if (!lastRow) throw new Error('no course');
  await page.getByTestId('dashboard-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId(`dashboard-${lastRow.mrn}`).first()).toBeVisible();
  await page.getByTestId('dashboard-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await screenshot(page, '62-dashboard-madrs-last-page');

  const pages = reads.filter((r) => r.channel === 'dashboard:courses');
  expect(pages.length).toBeGreaterThan(2);
  expect(Math.max(...reads.map((r) => r.bytes))).toBeLessThan(1_000_000);
});
