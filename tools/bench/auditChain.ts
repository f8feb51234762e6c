import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/main/db';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { recordAccess, verifyAuditChain } from '../../src/main/services/audit';
import { summarize } from './stats';

/**
 * `npx tsx tools/bench/auditChain.ts [--db FILE] [--patients N] [--runs N]`
 * Times verifyAuditChain over a whole clinic's audit log, and one chained audit write
 * (recordAccess: its own transaction, head lookup, hash, insert) beside the same write unchained. Without --db it generates a
 * clinic (10,000 patients, seed 1) into a temporary file; with --db it works on a copy.
 * The last line printed is one JSON object.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    patients: { type: 'string', default: '10000' },
    today: { type: 'string', default: '2026-11-25' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'tms-audit-bench-'));
try {
  const file = join(dir, 'clinic.sqlite');
  let generated = null;
  if (values.db) {
    copyFileSync(resolve(values.db), file);
  } else {
    const started = performance.now();
    const counts = await generateClinic(file, { patients: Number(values.patients), seed: 1, today: values.today });
    generated = { patients: counts.patients, auditEntries: counts.auditEntries, seconds: Math.round((performance.now() - started) / 100) / 10 };
    console.error(`Generated ${counts.patients} patients with ${counts.auditEntries} audit entries in ${generated.seconds} s`);
  }
  const db = await openDatabase(file);
  const { n: rows } = (await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0] ?? { n: 0 };

  const verify: number[] = [];
  let status = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    status = await verifyAuditChain(db);
    verify.push(performance.now() - t);
  }
  if (!status?.ok) throw new Error(`The chain does not verify: ${JSON.stringify(status)}`);
  const verification = summarize(verify);
  console.error(`verifyAuditChain: ${status.entries} entries in ${verification.median.toFixed(0)} ms median (p95 ${verification.p95.toFixed(0)}), ` +
    `${Math.round(status.entries / (verification.median / 1000)).toLocaleString('en')} entries/s`);

  // One chained audit write (recordAccess: its own transaction, head lookup, hash, insert) against
  // the same write before the chain: an unchained insert into a table shaped like audit_log was.
  await sql`CREATE TABLE audit_log_unchained (id INTEGER PRIMARY KEY, at TEXT NOT NULL, staff_id INTEGER NOT NULL REFERENCES staff (id),
    action TEXT NOT NULL, entity TEXT NOT NULL, entity_id INTEGER NOT NULL, before_json TEXT, after_json TEXT, reason TEXT) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_unchained_entity ON audit_log_unchained (entity, entity_id, id)`.execute(db);
  const staff = (await db.selectFrom('staff').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  const chained: number[] = [];
  const unchained: number[] = [];
  const WRITES = 200;
  for (let i = 0; i < WRITES + 20; i++) {
    const now = new Date();
    let t = performance.now();
    await recordAccess(db, { now }, staff, 'patient', 1 + (i % 100));
    const a = performance.now() - t;
    t = performance.now();
    await db.transaction().execute((trx) =>
      sql`INSERT INTO audit_log_unchained (at, staff_id, action, entity, entity_id) VALUES (${now.toISOString()}, ${staff}, 'view', 'patient', ${1 + (i % 100)})`.execute(trx));
    const b = performance.now() - t;
    if (i >= 20) {
      chained.push(a);
      unchained.push(b);
    }
  }
  const chainedWrite = summarize(chained);
  const unchainedWrite = summarize(unchained);
  console.error(`one audit write in its own transaction: chained ${chainedWrite.median.toFixed(3)} ms median (p95 ${chainedWrite.p95.toFixed(3)}), ` +
    `unchained ${unchainedWrite.median.toFixed(3)} ms (p95 ${unchainedWrite.p95.toFixed(3)})`);
  const after = await verifyAuditChain(db);
  if (!after.ok || after.entries !== rows + WRITES + 20) throw new Error(`The chain does not verify after the writes: ${JSON.stringify(after)}`);
  await db.destroy();
  console.log(JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, generated, rows, verifyAuditChain: verification, chainedWrite, unchainedWrite }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
