import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/main/db';
import type { BundleResource } from '../src/main/exchange/fhir/types';
import { createDispatch } from '../src/main/ipc/dispatch';
import { FHIR_SCHEMA_ID, packageVerdict, validateBundle } from './fhir/validate';
import { seedDemoCourse } from './seed/demoCourse';

/**
 * Seeds the demo course into a temporary database, exports it through the app's own channel
 * (`fhir:exportCourse`, as the psychiatrist) and validates the Bundle against the FHIR R4 schema:
 * `npm run fhir:sample -- --out FILE.json`. Exits 1 if the validator finds a problem.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('Usage: npm run fhir:sample -- --out FILE.json');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'tms-fhir-sample-'));
const db = await openDatabase(join(dir, 'demo.sqlite'));
try {
  const dispatch = createDispatch(db, {
    exports: {
      printer: { print: () => Promise.reject(new Error('The FHIR sample prints nothing')) },
      chooseSavePath: async (name) => join(dir, name),
    },
  });
  const { courseId, psychiatristId } = await seedDemoCourse(dispatch);
  const result = await dispatch('fhir:exportCourse', { courseId }, { now: new Date(2026, 4, 1, 10), staffId: psychiatristId });
  if (!result.ok) throw new Error(result.error.message);
  if (!result.value.path) throw new Error('No file was written');
  copyFileSync(result.value.path, resolve(values.out));
  const bundle = JSON.parse(readFileSync(result.value.path, 'utf8')) as BundleResource;
  const counts: Record<string, number> = {};
  for (const e of bundle.entry) counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
  const issues = validateBundle(bundle);
  const whole = packageVerdict(bundle);
  console.log(`Wrote ${resolve(values.out)}: ${bundle.entry.length} resources, ${result.value.bytes} bytes.`);
  for (const issue of issues.slice(0, 20)) console.log(`  ${issue.path}: ${issue.message}`);
  console.log(JSON.stringify({ schema: FHIR_SCHEMA_ID, valid: issues.length === 0 && whole.valid, issues: issues.length, packageValidatorErrors: whole.errors, resources: counts }));
  if (issues.length > 0 || !whole.valid) process.exitCode = 1;
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
