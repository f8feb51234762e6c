import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/main/demo/demoAccounts';
import { seedDemoCourse } from '../tools/seed/demoCourse';
import { expect, screenshot, signIn, test, travelTo } from './fixtures';

const shots = join(import.meta.dirname, '../screenshots');

function pdfText(file: string): { text: string; pages: number } {
  execFileSync('qpdf', ['--check', file]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), pages };
}

test('the authorization packet and the extension request print from the course, with the facts and no claim of coverage', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { courseId } = await seedDemoCourse(host.dispatch, { sessions: 15 });
  await travelTo(page, host, '2026-03-24T10:00:00', `/courses/${courseId}`);
  await signIn(page, 'maya.patel', DEMO_PASSWORD);
  await expect(page.getByTestId('sessions-done')).toHaveText('15 / 36');

  await page.getByRole('button', { name: 'Payer PDFs ▾' }).click();
  await page.getByRole('menuitem', { name: 'TMS prior authorization packet' }).click();
  await expect(page.getByTestId('packet-export-result')).toContainText('MRN-004217-vance-authorization-packet-2026-03-02.pdf', { timeout: 30_000 });
  await screenshot(page, '170-course-packet-exported');
  // Rendered first, to be looked at whatever the checks below find.
  execFileSync('pdftoppm', ['-png', '-r', '60', join(host.exportsDir, 'MRN-004217-vance-authorization-packet-2026-03-02.pdf'), join(shots, '171-authorization-packet')]);
  const packet = pdfText(join(host.exportsDir, 'MRN-004217-vance-authorization-packet-2026-03-02.pdf'));
  for (const expected of ['TMS prior authorization packet', 'VANCE, Eleanor', 'MRN-004217', 'F33.2', 'Major depressive',
    '4 trials, 3 at an adequate dose and duration; 4 classes: SSRI, SNRI, NDRI, Atypical antipsychotic (augmentation).',
    'Outcomes: 2 no response, 1 partial response, 1 intolerable side effects.', 'Sertraline', '200 mg daily', 'Insomnia and',
    'Cognitive behavioural therapy (CBT)', 'Behavioural activation', '27 Feb 2026', '36 sessions planned', '3000 pulses',
    'positive: Medications that change cortical excitability', 'Cleared by Dr. Maya Patel', 'TMS consent v3 (2026)', 'Escitalopram 20 mg daily',
    'It does not state or imply that treatment is covered']) {
    expect(packet.text, expected).toContain(expected);
  }
  expect(packet.text).toMatch(/PHQ-9\s+27 Feb 2026\s+21 \/ 27\s+Severe/);
  expect(packet.text).not.toMatch(/\b(approved|eligible|meets (the )?criteria|medically necessary)\b/i);
  for (let p = 1; p <= packet.pages; p++) expect(packet.text).toContain(`Page ${p} of ${packet.pages}`);
  expect(existsSync(join(shots, '171-authorization-packet-1.png'))).toBe(true);

  await page.getByRole('button', { name: 'Payer PDFs ▾' }).click();
  await page.getByRole('menuitem', { name: 'TMS course extension request' }).click();
  await expect(page.getByTestId('packet-export-result')).toContainText('MRN-004217-vance-extension-request-2026-03-02.pdf', { timeout: 30_000 });
  execFileSync('pdftoppm', ['-png', '-r', '60', join(host.exportsDir, 'MRN-004217-vance-extension-request-2026-03-02.pdf'), join(shots, '172-extension-request')]);
  writeFileSync(join(shots, '172-extension-request.txt'), pdfText(join(host.exportsDir, 'MRN-004217-vance-extension-request-2026-03-02.pdf')).text);
  const extension = pdfText(join(host.exportsDir, 'MRN-004217-vance-extension-request-2026-03-02.pdf'));
  for (const expected of ['TMS course extension request', 'VANCE, Eleanor', 'Sessions delivered', 'Response so far (PHQ-9)', 'Scores over time',
    'It does not state or imply that treatment is covered']) {
    expect(extension.text, expected).toContain(expected);
  }
  // 15 delivered of 30 authorized, 36 planned; PHQ-9 from 21 to 15 (-28.6%): no response yet.
  expect(extension.text).toMatch(/15\s+30\s+36\s+2 Mar 2026/);
  expect(extension.text).toMatch(/21 \(27 Feb 2026\)\s+15 \(16 Mar 2026\)\s+-6\s+-28\.6%\s+Not yet\s+Not yet/);
  expect(extension.text).not.toMatch(/\b(approved|eligible|meets (the )?criteria|medically necessary)\b/i);
  expect(existsSync(join(shots, '172-extension-request-1.png'))).toBe(true);

  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('TMS prior authorization packet PDF saved to');
  await expect(history).toContainText('TMS course extension request PDF saved to');
});
