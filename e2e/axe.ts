import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Waits for the page's finite animations and transitions (a dialog fading in) to end: axe run
 * mid-fade measures a half-faded text's contrast. Spinners, which never end, are not waited for.
 */
export async function transitionsDone(page: Page): Promise<void> {
  // At most 2 s: a paused or very long animation must not hold the test until its timeout.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
}

/** WCAG 2.1 A and AA problems axe finds on the page, as "rule (impact): target — summary" lines. */
export async function violations(page: Page): Promise<string[]> {
  await transitionsDone(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown'}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`.slice(0, 300)));
}
