import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import type { ClinicDatabasePorts } from '../../src/main/clinicDatabase/service';
import { ClinicDatabaseSettingStore } from '../../src/main/clinicDatabase/settingStore';
import { startWorkstation } from '../../src/main/clinicDatabase/startWorkstation';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { keySecretBox } from '../../tools/web-host/keySecretBox';
import { patientInput } from '../support/fixtures';
import { onServer } from '../support/postgresServer';
import { firstAccount, ok, tempDir } from '../support/tempDatabase';

let created = 0;

async function emptyServerDatabase() {
  const server = inject('postgres');
  const name = `channels_${process.pid}_${++created}`;
  await onServer(server, [`CREATE DATABASE ${name}`]);
  return { name, drop: () => onServer(server, [`DROP DATABASE ${name} WITH (FORCE)`]) };
}

/** A workstation on this computer's clinic (an administrator and one patient), its setting in a temp folder. */
async function workstation(secrets = keySecretBox()) {
  const dir = tempDir();
  const file = join(dir, 'clinic.sqlite');
  const db = await openDatabase(file);
  const store = new ClinicDatabaseSettingStore(dir, secrets);
  const restarts: string[] = [];
  const ports: ClinicDatabasePorts = {
    store,
    localFile: file,
    restart: async () => {
      restarts.push(store.read().kind);
      return { restarting: true };
    },
  };
  const dispatch = createDispatch(db, { appVersion: 'test', clinicDatabase: ports, logError: (channel, error) => console.error(channel, error) });
  const now = new Date('2026-11-25T10:00:00.000Z');
  ok(await dispatch('staff:createFirst', { ...firstAccount('Ada Admin', 'ada'), role: 'admin' }, { now, staffId: null }));
  ok(await dispatch('patients:create', patientInput(), { now, staffId: 1 }));
  return { db, dir, file, store, restarts, as: <C extends string>(channel: C, input: unknown) => dispatch(channel, input, { now, staffId: 1 }) };
}

function serverInput(database: string, password: string) {
  const server = inject('postgres');
  return { host: server.host, port: server.port, database, user: server.user, password, tls: 'none' as const, caCertificate: '' };
}

describe('the clinic database channels', () => {
  it('tests, refuses a wrong password as data, moves the clinic, and switches the workstation to the server', async () => {
    const ws = await workstation();
    const { name, drop } = await emptyServerDatabase();
    try {
      const before = ok(await ws.as('clinicDatabase:get', {}));
      expect(before).toMatchObject({ setting: { kind: 'local' }, running: { engine: 'sqlite' }, localClinic: { patients: 1 }, passwordStorageProblem: null });

      expect(ok(await ws.as('clinicDatabase:test', serverInput(name, 'wrong')))).toMatchObject({ ok: false, reason: 'password' });
      // Saving a server that cannot be used is refused, with the reason, and nothing is saved.
      expect(ok(await ws.as('clinicDatabase:save', { kind: 'server', ...serverInput(name, 'wrong') }))).toMatchObject({ saved: false, test: { reason: 'password' } });
      expect(ws.store.read()).toEqual({ kind: 'local' });

      const password = inject('postgres').password;
      expect(ok(await ws.as('clinicDatabase:test', serverInput(name, password)))).toMatchObject({ ok: true, clinic: { state: 'empty' } });
      const moved = ok(await ws.as('clinicDatabase:move', serverInput(name, password)));
      expect(moved).toMatchObject({ patients: 1, restarting: true });
      expect(ws.restarts).toEqual(['server']);

      // The setting file holds the server, never the password.
      const text = readFileSync(join(ws.dir, 'clinic-database.json'), 'utf8');
      expect(JSON.parse(text)).toMatchObject({ kind: 'server', sealedPassword: expect.any(String) });
      expect(text).not.toContain(`"${password}"`);
      const after = ok(await ws.as('clinicDatabase:get', {}));
      expect(after.setting).toMatchObject({ kind: 'server', database: name, hasPassword: true });
      expect(JSON.stringify(after.setting)).not.toContain(password);
      expect(Object.keys(after.setting)).not.toContain('password');
      expect(Object.keys(after.setting)).not.toContain('sealedPassword');

      // The next start opens the server, where the patient now is.
      const started = await startWorkstation(ws.store, ws.file);
      expect(started.kind).toBe('server');
      if (started.kind === 'server') {
        const patients = await started.db.selectFrom('patients').select(['id', 'last_name']).execute();
        expect(patients).toEqual([{ id: 1, last_name: patientInput().lastName }]);
        await started.db.destroy();
      }
      // A second move finds the clinic there.
      const again = await ws.as('clinicDatabase:move', serverInput(name, ''));
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already holds a clinic \(1 patients\)/) } });
    } finally {
      await ws.db.destroy();
      await drop();
    }
  });

  it('refuses to keep a password where the computer has no protected storage for it', async () => {
    const ws = await workstation(keySecretBox('No password store here'));
    const { name, drop } = await emptyServerDatabase();
    try {
      const result = await ws.as('clinicDatabase:save', { kind: 'server', ...serverInput(name, inject('postgres').password) });
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', fields: { password: 'No password store here' } } });
      expect(ws.store.read()).toEqual({ kind: 'local' });
    } finally {
      await ws.db.destroy();
      await drop();
    }
  });

  it('starts on a server that cannot be reached with the problem and this computer’s clinic offered', async () => {
    const ws = await workstation();
    const { name, drop } = await emptyServerDatabase();
    try {
      ok(await ws.as('clinicDatabase:save', { kind: 'server', ...serverInput(name, inject('postgres').password) }));
      await drop();
      const started = await startWorkstation(ws.store, ws.file);
      expect(started).toMatchObject({ kind: 'server_problem', status: { state: 'server', problem: { reason: 'database_missing' }, localClinic: { file: ws.file, patients: 1 } } });
    } finally {
      await ws.db.destroy();
    }
  });

  it('refuses TLS off for a server that is not on this computer, and TLS without a CA certificate', async () => {
    const ws = await workstation();
    const remote = { ...serverInput('clinic', 'x'), host: 'db.clinic.example' };
    const none = await ws.as('clinicDatabase:test', remote);
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { tls: expect.stringMatching(/only a server on this computer/) } } });
    const noCa = await ws.as('clinicDatabase:test', { ...remote, tls: 'required' });
    expect(noCa).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { caCertificate: expect.stringMatching(/CA certificate/) } } });
    await ws.db.destroy();
  });
});
