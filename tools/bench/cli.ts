import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { giveDemoAccounts } from '../../src/main/demo/demoAccounts';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { runBrowserBench } from './browserBench';
import { initialJavaScript } from './bundleSize';
import { runDataBench } from './dataBench';
import { connectionFrom } from '../postgresAddress';
import { loadClinicIntoPostgres } from './postgresClinic';

/**
 * `npm run bench [-- --engine sqlite|postgres] [--db FILE --today YYYY-MM-DD] [--patients N] [--runs N] [--no-browser]
 *   [--postgres postgres://USER:PASSWORD@HOST:PORT/DATABASE[?tls=off]]`
 * Without --db it generates a clinic (10,000 patients, seed 1) into a temporary file. It never
 * writes to --db: writes go to a copy. With --engine postgres it starts a throwaway PostgreSQL
 * server on loopback, copies the clinic into it and runs the data bench there (our services and
 * the raw-SQL baseline both on PostgreSQL); the browser bench runs on SQLite only (the web host
 * opens a SQLite file), so it is skipped then. With --postgres it uses that database instead of
 * copying (a clinic copied there earlier, e.g. 100,000 patients, whose copy takes minutes): the
 * bench writes sessions and PHQ-9s to it, so never point it at a clinic's real server. The last
 * line printed is one JSON object.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    today: { type: 'string', default: '2026-11-25' },
    patients: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '50' },
    'no-browser': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'sqlite' },
    postgres: { type: 'string' },
  },
});
const engine = values.engine;
if (engine !== 'sqlite' && engine !== 'postgres') {
  console.error(`--engine must be sqlite or postgres, not ${engine}`);
  process.exit(2);
}
const loadAtStart = loadavg();
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'tms-bench-'));
try {
  const dbFile = values.db ? resolve(values.db) : join(dir, 'clinic.sqlite');
  let generated = null;
  if (!values.db && !values.postgres) {
    const started = performance.now();
    const counts = await generateClinic(dbFile, { patients: Number(values.patients), seed: 1, today: values.today });
    await giveDemoAccounts(dbFile);
    generated = { ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
    console.error(`Generated ${counts.patients} patients, ${counts.courses} courses, ${counts.sessions} sessions, ${counts.phq9} PHQ-9 in ${generated.seconds} s`);
  }
  let data;
  let postgres = null;
  if (engine === 'postgres' && values.postgres) {
    data = await runDataBench({ engine, connection: connectionFrom(values.postgres) }, values.today, runs);
  } else if (engine === 'postgres') {
    const server = await loadClinicIntoPostgres(dbFile, (line) => console.error(`  copy: ${line}`));
    try {
      postgres = { loadSeconds: server.seconds, rows: server.rows };
      console.error(`Copied into PostgreSQL (${server.connection.host}:${server.connection.port}) in ${server.seconds} s`);
      data = await runDataBench({ engine, connection: server.connection }, values.today, runs);
    } finally {
      await server.stop();
    }
  } else {
    data = await runDataBench({ engine, dbFile, workFile: join(dir, 'work.sqlite') }, values.today, runs);
  }
  for (const [name, r] of Object.entries(data)) {
    console.error(`${name.padEnd(18)} ours ${r.ours.median.toFixed(2).padStart(8)} ms (p95 ${r.ours.p95.toFixed(2)})   raw ${r.raw.median.toFixed(2).padStart(8)} ms (p95 ${r.raw.p95.toFixed(2)})   ×${r.ratio}`);
  }
  const browser = values['no-browser'] || engine === 'postgres' ? null : await runBrowserBench(join(dir, 'work.sqlite'), join(dir, 'exports'), values.today, Math.min(runs, 20));
  if (browser) {
    for (const [name, t] of Object.entries(browser)) {
      if ('median' in t) console.error(`${name.padEnd(20)} ${t.median.toFixed(1).padStart(8)} ms (p95 ${t.p95.toFixed(1)})`);
      else console.error(`${name.padEnd(20)} ${(t.bytes / 1e6).toFixed(2).padStart(8)} MB (${t.channel})`);
    }
  }
  const bundle = initialJavaScript(join(import.meta.dirname, '../../out/renderer'));
  console.error(`initial JavaScript   ${(bundle.bytes / 1e6).toFixed(2)} MB in ${bundle.files.length} files`);
  const machine = { cpus: cpus().length, node: process.version, loadAverage: { atStart: loadAtStart.map((x) => Math.round(x * 100) / 100), atEnd: loadavg().map((x) => Math.round(x * 100) / 100) } };
  console.log(JSON.stringify({ engine, browserEngine: browser ? 'sqlite' : null, machine, today: values.today, generated, postgres, data, browser, initialJavaScriptBytes: bundle.bytes }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
