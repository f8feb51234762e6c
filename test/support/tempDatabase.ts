import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, inject } from 'vitest';
import { openDatabase } from '../../src/main/db';
import { openPostgresDatabase } from '../../src/main/db/postgres';
import type { DB } from '../../src/main/db/schema';
import { createDispatch, type Dispatch, type DispatchContext } from '../../src/main/ipc/dispatch';
import { onServer, TEMPLATE_DATABASE } from './postgresServer';

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

/** The password every staff member made by the test helpers ends up with. */
export const TEST_PASSWORD = 'correct horse battery';

/**
 * Test shorthand for "signed in as": an `actorId` in a test's input is taken out of the input
 * and handed to dispatch as the signed-in staff id, as a host would; without one, the call runs
 * as staff 1 (the first account), and `{ staffId: null }` in the context means nobody signed in. Staff created through
 * `staff:create` have their one-time password changed to TEST_PASSWORD, so they can act at once.
 * `dispatch` itself never sees an actorId.
 */
function actingDispatch(real: Dispatch): Dispatch {
  const run = async (channel: string, input: unknown, context?: DispatchContext) => {
    // Unless the test says otherwise, it reads and writes as the clinic's first account (id 1).
    let staffId = context?.staffId !== undefined ? context.staffId : 1;
    let rest = input;
    if (input && typeof input === 'object' && 'actorId' in input) {
      const { actorId, ...others } = input as { actorId: unknown };
      if (typeof actorId === 'number') staffId = actorId;
      rest = others;
    }
    const ctx: DispatchContext = { ...context, now: context?.now ?? new Date(), staffId };
    const result = await real(channel, rest, ctx);
    if (channel === 'staff:create' && result.ok) {
      const created = result.value as { staff: { id: number }; oneTimePassword: string };
      const changed = await real('auth:changePassword', { currentPassword: created.oneTimePassword, newPassword: TEST_PASSWORD }, { now: ctx.now, staffId: created.staff.id });
      if (!changed.ok) throw new Error(`Could not ready the new staff member: ${changed.error.message}`);
    }
    return result;
  };
  return run as Dispatch;
}

/** The engine the tests run on: SQLite files, or PostgreSQL under `npm run test:pg` (vitest.pg.config.ts). */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.TMS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let databases = 0;

/** A fresh PostgreSQL database copied from the migrated template, dropped after the test. */
async function tempPostgresDatabase(): Promise<{ db: Kysely<DB>; file: string }> {
  const server = inject('postgres');
  const name = `test_${process.pid}_${++databases}`;
  // FILE_COPY copies the template's files: about twice as fast as the default for a small database.
  await onServer(server, [`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} STRATEGY FILE_COPY`]);
  const db = await openPostgresDatabase({ ...server, database: name });
  cleanups.push(async () => {
    await db.destroy();
    // Dropped while the next test runs; the server and its folder go at the end of the run anyway.
    onServer(server, [`DROP DATABASE ${name} WITH (FORCE)`]).catch(() => {});
  });
  // As the About box names it (the engine's location).
  return { db, file: `postgres://${server.user}@${server.host}:${server.port}/${name}` };
}

/** A real database file on disk (or, under `npm run test:pg`, a PostgreSQL database), migrated, closed after the test. */
export async function tempDatabase(): Promise<{ db: Kysely<DB>; file: string; dispatch: Dispatch; rawDispatch: Dispatch }> {
  const { db, file } = TEST_ENGINE === 'postgres' ? await tempPostgresDatabase() : await tempSqliteDatabase();
  const rawDispatch = createDispatch(db, { appVersion: '1.2.3' });
  return { db, file, dispatch: actingDispatch(rawDispatch), rawDispatch };
}

/** Another connection to a database `tempDatabase` made, as a second workstation has; closed after the test. */
export async function secondConnection(file: string): Promise<{ db: Kysely<DB>; dispatch: Dispatch }> {
  const db = TEST_ENGINE === 'postgres' ? await openPostgresDatabase({ ...inject('postgres'), database: file.slice(file.lastIndexOf('/') + 1) }) : await openDatabase(file);
  cleanups.push(() => db.destroy());
  return { db, dispatch: actingDispatch(createDispatch(db, { appVersion: '1.2.3' })) };
}

async function tempSqliteDatabase(): Promise<{ db: Kysely<DB>; file: string }> {
  const file = join(tempDir(), 'clinic.sqlite');
  const db = await openDatabase(file);
  cleanups.push(() => db.destroy());
  return { db, file };
}

/** A clinic's first account (a psychiatrist, id 1), with TEST_PASSWORD. */
export function firstAccount(name = 'Dr. Maya Patel', username = 'maya.patel') {
  return { name, username, role: 'psychiatrist' as const, password: TEST_PASSWORD };
}

export const at = (iso: string) => ({ now: new Date(iso) });

/** Unwraps a successful result or fails the test with the error. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
