import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach } from 'vitest';
import { openDatabase } from '../../src/main/db';
import type { DB } from '../../src/main/db/schema';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A fresh directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tms-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real database file on disk, migrated, closed after the test. */
export async function tempDatabase(): Promise<{ db: Kysely<DB>; file: string; dispatch: Dispatch }> {
  const file = join(tempDir(), 'clinic.sqlite');
  const db = await openDatabase(file);
  cleanups.push(() => db.destroy());
  return { db, file, dispatch: createDispatch(db, { appVersion: '1.2.3' }) };
}

export const at = (iso: string) => ({ now: new Date(iso) });

/** Unwraps a successful result or fails the test with the error. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
