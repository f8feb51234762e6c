import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openDatabase } from '../../src/main/db';
import { openPostgresDatabase, type PostgresConnection } from '../../src/main/db/postgres';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { moveClinicToServer } from '../../src/main/clinicDatabase/moveClinic';
import { testServerConnection } from '../../src/main/clinicDatabase/testConnection';
import { openServerClinic } from '../../src/main/clinicDatabase/openServerClinic';
import { MIGRATION_LOCK } from '../../src/main/db/engines/postgres';
import pg from 'pg';
import { verifyAuditChain } from '../../src/main/services/audit';
import type { Actor } from '../../src/main/services/actor';
import { onServer, TEMPLATE_DATABASE } from '../support/postgresServer';
import { tempDir } from '../support/tempDatabase';

let created = 0;

async function database(fromTemplate: boolean): Promise<{ connection: PostgresConnection; drop: () => Promise<void> }> {
  const server = inject('postgres');
  const name = `connect_${process.pid}_${++created}`;
  await onServer(server, [fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}` : `CREATE DATABASE ${name}`]);
  return { connection: { ...server, database: name }, drop: () => onServer(server, [`DROP DATABASE ${name} WITH (FORCE)`]) };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('Test connection against a real server', () => {
  it('reports an empty database, the server version and schema 0', async () => {
    const { connection, drop } = await database(false);
    try {
      const result = await testServerConnection(connection);
      expect(result).toMatchObject({ ok: true, schemaVersion: 0, appSchemaVersion: LATEST_SCHEMA_VERSION, clinic: { state: 'empty' } });
      expect(result.ok && result.serverVersion).toMatch(/^\d+\.\d+/);
    } finally {
      await drop();
    }
  });

  it('reports a migrated database without staff or patients as empty', async () => {
    const { connection, drop } = await database(true);
    try {
      expect(await testServerConnection(connection)).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION, clinic: { state: 'empty' } });
    } finally {
      await drop();
    }
  });

  it('says the password is wrong (28P01)', async () => {
    const { connection, drop } = await database(false);
    try {
      expect(await testServerConnection({ ...connection, password: 'not-the-password' })).toMatchObject({ ok: false, reason: 'password', detail: expect.stringContaining('28P01') });
    } finally {
      await drop();
    }
  });

  it('says the database does not exist (3D000)', async () => {
    const server = inject('postgres');
    expect(await testServerConnection({ ...server, database: 'no_such_clinic' })).toMatchObject({ ok: false, reason: 'database_missing', detail: expect.stringContaining('3D000') });
  });

  it('says nothing answers on a closed port', async () => {
    const server = inject('postgres');
    expect(await testServerConnection({ ...server, database: 'postgres', port: await closedPort() })).toMatchObject({ ok: false, reason: 'unreachable', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('says the server does not offer TLS when TLS is required', async () => {
    const server = inject('postgres');
    expect(await testServerConnection({ ...server, database: 'postgres', tls: {} })).toMatchObject({ ok: false, reason: 'tls_not_offered' });
  });

  it('says the schema is newer than this app, and changes nothing', async () => {
    const { connection, drop } = await database(true);
    try {
      const db = await openPostgresDatabase(connection);
      await sql`UPDATE tms_schema_version SET version = ${LATEST_SCHEMA_VERSION + 1}`.execute(db);
      expect(await testServerConnection(connection)).toMatchObject({ ok: false, reason: 'schema_newer', detail: expect.stringContaining(`schema ${LATEST_SCHEMA_VERSION + 1}`) });
      expect((await sql<{ version: number }>`SELECT version FROM tms_schema_version`.execute(db)).rows).toEqual([{ version: LATEST_SCHEMA_VERSION + 1 }]);
      await db.destroy();
    } finally {
      await drop();
    }
  });

  it('says the user may not read the clinic (42501)', async () => {
    const { connection, drop } = await database(true);
    const role = `reader_${process.pid}_${created}`;
    try {
      await onServer(inject('postgres'), [`CREATE ROLE ${role} LOGIN PASSWORD 'r'`]);
      expect(await testServerConnection({ ...connection, user: role, password: 'r' })).toMatchObject({ ok: false, reason: 'permission', detail: expect.stringContaining('42501') });
    } finally {
      await drop();
      await onServer(inject('postgres'), [`DROP ROLE IF EXISTS ${role}`]);
    }
  });
});

describe('Opening the clinic server at start', () => {
  it('says another workstation is updating the schema instead of waiting on its lock, then opens once it is done', async () => {
    const { connection, drop } = await database(false);
    const other = new pg.Client({ ...connection, ssl: false });
    try {
      await other.connect();
      await other.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      expect(await openServerClinic(connection)).toEqual({ ok: false, problem: { reason: 'migrating', detail: `schema 0 → ${LATEST_SCHEMA_VERSION}` } });
      await other.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      const opened = await openServerClinic(connection);
      expect(opened.ok).toBe(true);
      if (opened.ok) await opened.db.destroy();
    } finally {
      await other.end();
      await drop();
    }
  });

  it('says the schema is newer than this app rather than opening it', async () => {
    const { connection, drop } = await database(true);
    try {
      const db = await openPostgresDatabase(connection);
      await sql`UPDATE tms_schema_version SET version = 999`.execute(db);
      await db.destroy();
      expect(await openServerClinic(connection)).toMatchObject({ ok: false, problem: { reason: 'schema_newer' } });
    } finally {
      await drop();
    }
  });
});

describe('Moving this computer’s clinic to the server', () => {
  const admin = (id: number): Actor => ({ id, name: 'Admin', role: 'admin', mustChangePassword: false });

  it('copies a generated clinic table by table with its ids, identities and audit chain, audited', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 30, seed: 5, today: '2026-11-25' });
    const source = await openDatabase(file);
    const { connection, drop } = await database(false);
    const server = await openPostgresDatabase(connection);
    try {
      const adminId = (await source.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const now = new Date('2026-11-25T10:00:00.000Z');
      const result = await moveClinicToServer(source, { server, description: 'postgres://test' }, { now, actor: admin(adminId) }, file);
      expect(result.patients).toBe(30);
      for (const { table, rows } of result.tables) {
        const local = (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(source)).rows[0]?.n;
        const remote = (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(server)).rows[0]?.n;
        expect({ table, rows: remote }).toEqual({ table, rows: table === 'audit_log' ? (local ?? 0) + 1 : local });
        expect(rows).toBe(local);
      }
      const localAudit = (await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(source)).rows[0]?.n ?? 0;
      expect(await verifyAuditChain(server)).toEqual({ ok: true, entries: localAudit + 1 });
      const last = await server.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(last).toMatchObject({ action: 'move_to_server', entity: 'database', staff_id: adminId, at: now.toISOString() });
      // The same patients, with the same ids.
      const names = (db: typeof source) => db.selectFrom('patients').select(['id', 'last_name', 'first_name']).orderBy('id').execute();
      expect(await names(server)).toEqual(await names(source));
      // Derived progress matches the file's, after the triggers had their say.
      const progress = (db: typeof source) => db.selectFrom('course_progress').selectAll().orderBy('course_id').execute();
      expect(await progress(server)).toEqual(await progress(source));
      // The next patient the server numbers follows the copied ids.
      const maxId = (await source.selectFrom('patients').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number;
      const next = (await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('patients', 'id'))::integer AS id`.execute(server)).rows[0]?.id;
      expect(next).toBe(maxId + 1);
      // Test connection now finds the clinic.
      expect(await testServerConnection(connection)).toMatchObject({ ok: true, clinic: { state: 'clinic', patients: 30 } });
    } finally {
      await source.destroy();
      await server.destroy();
      await drop();
    }
  });

  it('rolls the whole copy back when a table arrives short on the server', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 8, seed: 8, today: '2026-11-25' });
    const source = await openDatabase(file);
    const { connection, drop } = await database(false);
    const server = await openPostgresDatabase(connection);
    try {
      // A server-side trigger that silently drops one side effect (nothing refers to them): the counts must catch it.
      const first = await source.selectFrom('session_side_effects').select(['session_id', 'effect']).orderBy('session_id').orderBy('effect').executeTakeFirstOrThrow();
      const total = (await sql<{ n: number }>`SELECT count(*) AS n FROM session_side_effects`.execute(source)).rows[0]?.n ?? 0;
      await sql`CREATE FUNCTION drop_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.session_id = ${sql.lit(first.session_id)} AND NEW.effect = ${sql.lit(first.effect)} THEN RETURN NULL; END IF; RETURN NEW; END $$`.execute(server);
      await sql`CREATE TRIGGER drop_one BEFORE INSERT ON session_side_effects FOR EACH ROW EXECUTE FUNCTION drop_one()`.execute(server);
      const staffId = (await source.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const ctx = { now: new Date('2026-11-25T10:00:00.000Z'), actor: admin(staffId) };
      await expect(moveClinicToServer(source, { server, description: 'postgres://test' }, ctx, file)).rejects.toThrow(
        `Copying session_side_effects gave ${total - 1} rows on the server for ${total} on this computer; nothing was copied.`,
      );
      for (const table of ['staff', 'patients', 'courses', 'audit_log']) {
        expect((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(server)).rows[0]?.n).toBe(0);
      }
    } finally {
      await source.destroy();
      await server.destroy();
      await drop();
    }
  });

  it('refuses a server that already holds a clinic, and changes nothing', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 5, seed: 6, today: '2026-11-25' });
    const source = await openDatabase(file);
    const { connection, drop } = await database(false);
    const server = await openPostgresDatabase(connection);
    try {
      const adminId = (await source.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const ctx = { now: new Date('2026-11-25T10:00:00.000Z'), actor: admin(adminId) };
      await moveClinicToServer(source, { server, description: 'postgres://test' }, ctx, file);
      const before = (await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(server)).rows[0]?.n;
      await expect(moveClinicToServer(source, { server, description: 'postgres://test' }, ctx, file)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already holds a clinic \(5 patients/) });
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(server)).rows[0]?.n).toBe(before);
    } finally {
      await source.destroy();
      await server.destroy();
      await drop();
    }
  });
});
