import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { runWriter, type WriterSummary } from './spawnWriter';

/** Prepares a clinic file with one admin (staff id 1), then runs `writers` writer processes on it at once. */
export async function twoWriters(durationMs: number, writers = 2): Promise<{ file: string; results: WriterSummary[]; patients: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tms-writers-'));
  const file = join(dir, 'clinic.sqlite');
  const db = await openDatabase(file);
  const first = await createDispatch(db)('staff:createFirst', { name: 'Admin', username: 'admin', role: 'admin', password: 'admin password 1' });
  if (!first.ok) throw new Error(first.error.message);
  await db.destroy();
  const results = await Promise.all(Array.from({ length: writers }, (_, i) => runWriter(file, `W${i + 1}`, durationMs)));
  const check = await openDatabase(file);
  const row = await check.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await check.destroy();
  return { file, results, patients: Number(row.n) };
}
