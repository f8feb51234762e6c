import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { DatabaseOpenError, LATEST_SCHEMA_VERSION, openDatabase } from '../../src/main/db';
import { engineOf } from '../../src/main/db/engines/engine';
import { runPostgresMigrations } from '../../src/main/db/migrate';
import { connectPostgres } from '../../src/main/db/postgres';
import { onServer } from '../support/postgresServer';

let created = 0;

/** An empty database on the test server (no template), dropped after the block. */
async function emptyDatabase(): Promise<{ name: string; drop: () => Promise<void> }> {
  const server = inject('postgres');
  const name = `open_${process.pid}_${++created}`;
  await onServer(server, [`CREATE DATABASE ${name}`]);
  return { name, drop: () => onServer(server, [`DROP DATABASE ${name} WITH (FORCE)`]) };
}

describe('openDatabase on a PostgreSQL server', () => {
  it('migrates an empty database once when two workstations start at the same time', async () => {
    const { name, drop } = await emptyDatabase();
    const server = { ...inject('postgres'), database: name };
    try {
      const [a, b] = await Promise.all([openDatabase(server), openDatabase(server)]);
      expect(await engineOf(a).schemaVersion(a)).toBe(LATEST_SCHEMA_VERSION);
      // Migration 0002 seeds five protocols: seeded once, not twice.
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM protocols`.execute(b)).rows).toEqual([{ n: 5 }]);
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM tms_schema_version`.execute(b)).rows).toEqual([{ n: 1 }]);
      await Promise.all([a.destroy(), b.destroy()]);
    } finally {
      await drop();
    }
  });

  it('refuses a server whose schema is newer than this app and changes nothing on it', async () => {
    const { name, drop } = await emptyDatabase();
    const server = { ...inject('postgres'), database: name };
    try {
      const db = await openDatabase(server);
      await sql`UPDATE tms_schema_version SET version = 999`.execute(db);
      const tables = async () => (await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(db)).rows;
      const before = await tables();
      const error = await openDatabase(server).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect(error).toMatchObject({ reason: 'too_new' });
      expect((error as Error).message).toMatch(/newer version.*schema 999.*Nothing was changed/);
      expect(await tables()).toEqual(before);
      expect((await sql<{ version: number }>`SELECT version FROM tms_schema_version`.execute(db)).rows).toEqual([{ version: 999 }]);
      await db.destroy();
    } finally {
      await drop();
    }
  });

  it('rolls a failing migration back whole and keeps the previous version', async () => {
    const { name, drop } = await emptyDatabase();
    const db = connectPostgres({ ...inject('postgres'), database: name });
    try {
      const list = [
        { name: '0001_ok', postgres: async (k: typeof db) => void (await sql`CREATE TABLE a (x integer)`.execute(k)) },
        {
          name: '0002_breaks',
          postgres: async (k: typeof db) => {
            await sql`CREATE TABLE b (x integer)`.execute(k);
            await sql`INSERT INTO missing_table VALUES (1)`.execute(k);
          },
        },
      ];
      await expect(runPostgresMigrations(db, list)).rejects.toMatchObject({ reason: 'migration_failed', message: expect.stringMatching(/schema 2 \(0002_breaks\).*left at schema 1/) });
      expect(await engineOf(db).schemaVersion(db)).toBe(1);
      const names = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`.execute(db)).rows;
      expect(names).toEqual([{ name: 'a' }, { name: 'tms_schema_version' }]);
    } finally {
      await db.destroy();
      await drop();
    }
  });

  it('survives the server closing an idle connection (a restart, an administrator) and reconnects on the next query', async () => {
    const { name, drop } = await emptyDatabase();
    const lost: Error[] = [];
    const db = connectPostgres({ ...inject('postgres'), database: name }, { onConnectionLost: (error) => lost.push(error) });
    try {
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]?.pid;
      await onServer(inject('postgres'), [`SELECT pg_terminate_backend(${String(pid)})`]);
      await expect.poll(() => lost.length).toBe(1);
      expect(lost[0]).toMatchObject({ code: '57P01' });
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
      await drop();
    }
  });
});
