import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/main/demo/demoAccounts';
import { seedDemoCourse } from '../tools/seed/demoCourse';
import { expect, openSignedIn, screenshot, test, travelTo } from './fixtures';

/** Presses Tab (as a person would, looking at the focus ring) until `target` has focus. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 80): Promise<void> {
  await expect(target).toBeVisible();
  for (let n = 0; n < most; n++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('a routine session, a PHQ-9 and an item-9 acknowledgement without the mouse', async ({ page, host }) => {
  test.setTimeout(180_000);
  // Sam's clinic day, 30 March: Eleanor's course is 20 sessions in and her weekly PHQ-9 is due.
  host.setNow(new Date(2026, 2, 30, 10));
  await seedDemoCourse(host.dispatch, { sessions: 20 });
  await openSignedIn(page, host, 'sam.okafor');
  await travelTo(page, host, '2026-03-30T10:00:00', '/today');

  // The start page: focus is on the screen, not lost on the page body.
  const today = page.getByRole('heading', { name: 'Today', level: 1 });
  await expect(today).toBeFocused();

  // 1. The routine session: Tab to "Log session", Enter, then Ctrl+Enter saves the prefilled form.
  await tabTo(page, page.getByRole('button', { name: 'Log session for VANCE, Eleanor' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Session 21 of 36', level: 1 })).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(today).toBeFocused();
  await expect(page.getByTestId('today-MRN-004217')).toContainText('Done');

  // 2. The weekly PHQ-9: focus starts on item 1; a digit answers an item and moves to the next.
  await tabTo(page, page.getByRole('button', { name: 'PHQ-9 weekly due' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'PHQ-9', level: 1 })).toBeVisible();
  await expect(page.getByTestId('phq9-item-1')).toBeFocused();
  for (const digit of '21211110') await page.keyboard.press(digit);
  // Saving with item 9 unanswered: the form names what is missing and goes back to it.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('error-summary')).toContainText('Item 9');
  await expect(page.getByTestId('phq9-item-9')).toBeFocused();
  await page.keyboard.press('1');
  await expect(page.getByTestId('phq9-live')).toContainText('Total 10');
  await expect(page.getByTestId('error-summary')).toBeHidden();
  await screenshot(page, '180-keyboard-phq9');
  await page.keyboard.press('Control+Enter');

  // 3. Item 9 was positive. A technician cannot acknowledge it: the dialog says to tell a psychiatrist.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Item 9 positive');
  await expect(dialog.getByRole('button', { name: 'I will tell a psychiatrist' })).toBeFocused();
  await screenshot(page, '181-keyboard-tell-psychiatrist');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Back where Sam started; the alert bar names Eleanor.
  await expect(today).toBeFocused();
  await expect(page.getByTestId('item9-alert-bar')).toContainText('VANCE, Eleanor (MRN-004217)');
  await expect(page.getByTestId('today-MRN-004217')).not.toContainText('PHQ-9 due');

  // 4. Sam signs out; Dr. Patel signs in with the keyboard and acknowledges from the alert bar.
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('maya.patel');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(today).toBeFocused({ timeout: 30_000 });
  await tabTo(page, page.getByRole('link', { name: 'Review now' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Suicide-item alerts', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Acknowledge' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('What was done')).toBeFocused();
  await page.keyboard.type('Seen by Dr. Patel today: passive thoughts, no plan; safety plan reviewed');
  await screenshot(page, '182-keyboard-acknowledge');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('empty-state')).toHaveText('No open alerts.');
  await expect(page.getByTestId('item9-alert-bar')).toBeHidden();
  await screenshot(page, '183-keyboard-alerts-after');
});
