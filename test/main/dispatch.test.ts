import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db';
import { channels } from '../../src/shared/ipc/channels';
import { refuseInsertsInto } from '../support/failingWrite';
import { at, ok, tempDatabase, TEST_ENGINE, TEST_PASSWORD } from '../support/tempDatabase';

describe('dispatch', () => {
  it('never throws, whatever it is given', async () => {
    const { dispatch } = await tempDatabase();
    const junk: unknown[] = [undefined, null, 0, 'x', [], { id: 'x' }, { actorId: -1 }, Symbol.for('x'), () => 1, new Date(), { __proto__: null }];
    for (const channel of [...channels, 'nope', '', '__proto__', 'constructor']) {
      for (const input of junk) {
        const result = await dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('reports an unknown channel as data', async () => {
    const { dispatch } = await tempDatabase();
    expect(await dispatch('patients:drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown channel: patients:drop' },
    });
  });

  it('returns field errors keyed by input path', async () => {
    const { dispatch } = await tempDatabase();
    const result = await dispatch('staff:createFirst', { name: '  ', username: 'x', role: 'wizard', password: TEST_PASSWORD });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { name: 'Name is required', role: expect.stringMatching(/psychiatrist or administrator/) } },
    });
  });

  it('reports the app, schema and database file', async () => {
    const { dispatch, file } = await tempDatabase();
    expect(ok(await dispatch('app:info', {}))).toEqual({ version: '1.2.3', schemaVersion: LATEST_SCHEMA_VERSION, databasePath: file, engine: TEST_ENGINE, logPath: null, staffCount: 0, demo: false, demoSignIn: null, signInSetupCandidates: [] });
  });

  it('answers demo-clinic calls with "unavailable" where the host cannot switch databases', async () => {
    const { dispatch } = await tempDatabase();
    expect(await dispatch('app:openDemoClinic', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'The demo clinic is not available here.' } });
  });

  it('answers a call with defaults left out', async () => {
    const { dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr Who', username: 'who', role: 'admin', password: TEST_PASSWORD }));
    expect(ok(await dispatch('patients:search', {}))).toEqual({ items: [], total: 0 });
    expect(ok(await dispatch('staff:list', undefined)).map((s) => s.username)).toEqual(['who']);
  });

  it('turns a database constraint that slipped past validation into a clear error, not a crash', async () => {
    const { dispatch, db } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr Who', username: 'who', role: 'admin', password: TEST_PASSWORD }, at('2026-01-01T09:00:00Z')));
    // Break the database under the service: the audit table refuses every insert.
    await refuseInsertsInto(db, 'audit_log', 'blocked');
    const result = await dispatch('patients:create', {
      actorId: 1, mrn: 'A1', firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', sex: 'male', primaryDiagnosis: 'F33.1',
    });
    expect(result.ok).toBe(false);
    // Nothing half-written: the patient insert was rolled back with the failed audit insert.
    expect(await db.selectFrom('patients').selectAll().execute()).toEqual([]);
  });
});
