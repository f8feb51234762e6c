import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/main/demo/demoAccounts';
import { seedDemoCourse } from '../tools/seed/demoCourse';
import { validateBundle } from '../tools/fhir/validate';
import { expect, screenshot, signIn, test, travelTo } from './fixtures';

test('a technician exports the course as a FHIR R4 Bundle beside the PDF and CSV exports', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { courseId } = await seedDemoCourse(host.dispatch);
  await travelTo(page, host, '2026-05-01T10:00:00', `/courses/${courseId}`);
  await signIn(page, 'sam.okafor', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Export FHIR' }).click();
  await expect(page.getByTestId('export-result')).toContainText('MRN-004217-vance-course-fhir-2026-03-02.json');
  await screenshot(page, '64-course-fhir-exported');
  const bundle = JSON.parse(readFileSync(join(host.exportsDir, 'MRN-004217-vance-course-fhir-2026-03-02.json'), 'utf8')) as { resourceType: string; entry: unknown[] };
  expect(bundle.resourceType).toBe('Bundle');
  // 1 Patient, 2 Practitioners, 1 Condition, 96 Observations (8 PHQ-9s), 36 Procedures, 4 MedicationStatements (the demo's trials).
  expect(bundle.entry).toHaveLength(140);
  expect(validateBundle(bundle as never)).toEqual([]);
});
