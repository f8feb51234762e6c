import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoCourse } from './seed/demoCourse';
import { seedSntDemoCourse } from './seed/sntCourse';
import { startWebHost } from './web-host/server';

/**
 * Seeds a demo course into a temporary database and prints its report through the same
 * route and Chromium printer the tests use: `npm run report:sample -- --out FILE.pdf [--runs N] [--snt]`
 * (--snt: an accelerated SNT course, billed per treatment day).
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, runs: { type: 'string', default: '1' }, sessions: { type: 'string', default: '36' }, snt: { type: 'boolean', default: false } } });
if (!values.out) {
  console.error('Usage: npm run report:sample -- --out FILE.pdf [--runs N] [--sessions N] [--snt]   (build first: npm run build)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'tms-sample-'));
const host = await startWebHost({ dbFile: join(dir, 'demo.sqlite'), rendererDir: resolve('out/renderer'), exportsDir: join(dir, 'exports'), now: () => new Date(2026, 4, 1, 10) });
try {
  const { courseId, psychiatristId } = values.snt ? await seedSntDemoCourse(host.dispatch) : await seedDemoCourse(host.dispatch, { sessions: Number(values.sessions) });
  const timings: number[] = [];
  let last: { path: string | null; pages: number | null; bytes: number } | null = null;
  for (let run = 0; run < Number(values.runs); run++) {
    const started = performance.now();
    const result = await host.dispatch('reports:exportPdf', { courseId }, { now: new Date(2026, 4, 1, 10), staffId: psychiatristId });
    timings.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    last = result.value;
  }
  if (!last?.path) throw new Error('No file was written');
  copyFileSync(last.path, resolve(values.out));
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`Wrote ${resolve(values.out)}: ${last.pages} pages, ${last.bytes} bytes.`);
  console.log(JSON.stringify({ runs: timings.length, medianMs: Math.round(median), minMs: Math.round(sorted[0] ?? 0), maxMs: Math.round(sorted.at(-1) ?? 0), pages: last.pages }));
} finally {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
