import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileLog, dispatchErrorLogger } from '../../src/main/log/appLog';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { patientInput } from '../support/fixtures';
import { tempDatabase, tempDir } from '../support/tempDatabase';

describe('application log', () => {
  it('rotates by size, keeping a fixed number of old files, readable by the user only', () => {
    const dir = tempDir();
    const log = createFileLog(dir, { maxBytes: 200, keep: 3 });
    for (let i = 0; i < 40; i += 1) log.info(`event number ${i} with some padding to fill the line`);
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2', 'app.log.3']);
    expect(statSync(log.path).size).toBeLessThanOrEqual(200);
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(log.path, 'utf8')).toContain('event number 39');
  });

  it("dispatch's internal errors are logged with channel and stack, never the call's input", async () => {
    const dir = tempDir();
    const log = createFileLog(dir);
    const { db } = await tempDatabase();
    const dispatch = createDispatch(db, { logError: dispatchErrorLogger(log) });
    await db.destroy();
    // The database is closed: an unexpected failure, with a patient's details in the input.
    const result = await dispatch('patients:create', patientInput({ lastName: 'Lovelace-Secret', mrn: 'MRN-SECRET' }), { now: new Date(), staffId: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const text = readFileSync(log.path, 'utf8');
    expect(text).toMatch(/ERROR dispatch patients:create: /);
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toMatch(/Lovelace|SECRET|Ada/);
  });
});
