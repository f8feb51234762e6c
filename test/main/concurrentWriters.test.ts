import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { patientInput } from '../support/fixtures';
import { ok, tempDir } from '../support/tempDatabase';
import { twoWriters } from '../../tools/crashtest/twoWriters';

describe('two processes writing one file', () => {
  it('every write waits its turn: none fails, every acknowledged write is in the file', async () => {
    // Each writer runs for this long (ms); `npm run twowriters -- --seconds 15` measures longer.
    const durationMs = 3000;
    const { file, results, patients } = await twoWriters(durationMs);
    rmSync(dirname(file), { recursive: true, force: true });
    expect(results.map((r) => r.failed)).toEqual([0, 0]);
    expect(results.every((r) => r.ok > 0)).toBe(true);
    expect(patients).toBe(results[0]!.ok + results[1]!.ok);
  }, 60_000);
});

describe('a write that cannot get the lock', () => {
  it('answers busy, with a message saying nothing was saved, and saves nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    const db = await openDatabase(file, { busyTimeoutMs: 50 });
    const dispatch = createDispatch(db);
    ok(await dispatch('staff:createFirst', { name: 'Admin', username: 'admin', role: 'admin', password: 'admin password 1' }));
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await dispatch('patients:create', patientInput(), { now: new Date(), staffId: 1 });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('busy');
        expect(result.error.message).toMatch(/busy.*Nothing was saved.*what you typed is kept/);
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const after = ok(await dispatch('patients:search', { query: '' }, { now: new Date(), staffId: 1 }));
    expect(after.total).toBe(0);
    await db.destroy();
  });
});
