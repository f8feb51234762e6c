import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { addDaysIso } from '../../src/shared/dates';

/**
 * `npm run import:bench [-- --rows N]` (default 10,000): times a CSV import through dispatch on a
 * fresh clinic file, as the app runs it (input validated, output validation off): N patients, then
 * N PHQ-9s for them (the dry run, the confirmed import, the undo). The last line is one JSON object.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'tms-import-bench-'));
const at = { now: new Date('2026-05-01T12:00:00') };
const ms = (started: number) => Math.round(performance.now() - started);

try {
  const db = await openDatabase(join(dir, 'clinic.sqlite'));
  const dispatch = createDispatch(db, { validateOutput: false });
  const first = await dispatch('staff:createFirst', { name: 'Dr. Bench', username: 'bench', role: 'psychiatrist', password: 'a long enough password' }, at);
  if (!first.ok) throw new Error(first.error.message);
  const ctx = { ...at, staffId: first.value.staff.id };
  const sexes = ['female', 'male', 'other', 'unknown'];
  const patients = ['mrn,first_name,last_name,date_of_birth,sex,primary_diagnosis,referring_psychiatrist,notes'];
  for (let i = 0; i < rows; i++) patients.push(`B-${i},Given${i},Family${i % 997},${addDaysIso('1950-01-01', i % 18000)},${sexes[i % 4]},F33.${i % 3},"Dr. Ref, Clinic ${i % 50}",`);
  const phq9 = ['mrn,assessed_on,item1,item2,item3,item4,item5,item6,item7,item8,item9,difficulty,notes'];
  for (let i = 0; i < rows; i++) phq9.push(`B-${i},${addDaysIso('2025-01-01', i % 400)},${[1, 2, 3, 0, 1, 2, 3, 0, 0].map((a) => (a + i) % 4).join(',')},,`);

  const result: Record<string, number> = { rows };
  for (const [kind, lines] of [['patients', patients], ['phq9', phq9]] as const) {
    const input = { kind, fileName: `${kind}.csv`, csv: `${lines.join('\r\n')}\r\n` };
    let started = performance.now();
    const check = await dispatch('import:check', input, ctx);
    result[`${kind}CheckMs`] = ms(started);
    if (!check.ok || check.value.errors.length > 0) throw new Error(`${kind}: ${JSON.stringify(check.ok ? check.value.errors.slice(0, 3) : check.error)}`);
    started = performance.now();
    const batch = await dispatch('import:commit', input, ctx);
    result[`${kind}CommitMs`] = ms(started);
    if (!batch.ok) throw new Error(batch.error.message);
    result[`${kind}Created`] = batch.value.created;
    result[`${kind}Bytes`] = Buffer.byteLength(input.csv);
    console.error(`${kind}: ${rows} rows (${Math.round(Buffer.byteLength(input.csv) / 1024)} KB): dry run ${result[`${kind}CheckMs`]} ms, import ${result[`${kind}CommitMs`]} ms`);
  }
  const list = await dispatch('import:list', {}, ctx);
  if (!list.ok) throw new Error(list.error.message);
  for (const batch of list.value) {
    const started = performance.now();
    const undone = await dispatch('import:undo', { batchId: batch.id }, ctx);
    result[`${batch.kind}UndoMs`] = ms(started);
    if (!undone.ok) throw new Error(undone.error.message);
  }
  console.error(`undo: PHQ-9s ${result.phq9UndoMs} ms, patients ${result.patientsUndoMs} ms`);
  await db.destroy();
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
