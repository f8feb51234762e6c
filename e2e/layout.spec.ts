import { seedDemoCourse } from '../tools/seed/demoCourse';
import { expect, openSignedIn, test, travelTo } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a person sees at 1280×800 without scrolling (the viewport, not the full page). */
async function viewShot(page: Page, name: string): Promise<void> {
  const dir = resolve(import.meta.dirname, '../screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Badges whose text does not fit (shown with an ellipsis). */
function cutBadges(page: Page): Promise<string[]> {
  return page.locator('.mantine-Badge-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent ?? ''));
}

test('at 1280×800: the course outcome above the fold, nothing cut or wrapped', async ({ page, host }) => {
  test.setTimeout(180_000);
  host.setNow(new Date(2026, 2, 30, 10));
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 20 });
  await openSignedIn(page, host, 'maya.patel');
  await travelTo(page, host, '2026-03-30T10:00:00', `/courses/${courseId}`);
  await expect(page.getByTestId('phq9-chart')).toBeVisible();
  await viewShot(page, '200-course-fold');
  // The chart is whole above the fold, with the outcome beside it; PHQ-9 is shown once.
  const chart = await page.getByTestId('phq9-chart').boundingBox();
  expect((chart?.y ?? 900) + (chart?.height ?? 0)).toBeLessThanOrEqual(800);
  await expect(page.getByTestId('outcome-remission')).toBeInViewport();
  await expect(page.getByTestId('phq9-chart')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'PHQ-9 assessments' })).toHaveCount(1);
  // No badge cut short ("17 · MODERATELY…").
  expect(await cutBadges(page)).toEqual([]);
  await page.getByRole('table', { name: 'PHQ-9 assessments' }).scrollIntoViewIfNeeded();
  await viewShot(page, '201-course-phq9-table');
  await travelTo(page, host, '2026-03-30T10:00:00', '/protocols');
  await viewShot(page, '202-protocols');
  // Durations on one line ("37 min 04 s", not "37 min 04 / s").
  const durations = page.getByRole('cell', { name: /^\d+ min \d+ s$/ });
  await expect(durations).toHaveCount(5);
  const lines = await durations.evaluateAll((cells) => cells.map((cell) => {
    const text = cell.ownerDocument.createRange();
    text.selectNodeContents(cell);
    return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
  }));
  expect(lines).toEqual([1, 1, 1, 1, 1]);
  await travelTo(page, host, '2026-03-30T10:00:00', '/patients/1/courses/new');
  await viewShot(page, '203-prescribe');
  // The prescription's fields line up: every row on the same four columns.
  const left = async (label: string) => (await page.getByLabel(label, { exact: true }).boundingBox())?.x;
  expect(await left('Protocol')).toBe(await left('Pattern'));
  expect(await left('Target')).toBe(await left('Frequency (Hz)'));
  expect(await left('Coil')).toBe(await left('Trains'));
  expect(await left('Authorization reference')).toBe(await left('Sessions per day'));
});
