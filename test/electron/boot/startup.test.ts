import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations';
import { APP_PAGE, bootMain, outDir } from './support/bootMain';
import { startApp } from './support/startApp';
import { waitFor } from './support/waitFor';

const DATABASE_FILE = 'tms-course-tracker.sqlite';

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

describe('the built main bundle starting', () => {
  it('quits and opens nothing when another instance holds the lock', async () => {
    const main = bootMain({ answers: { requestSingleInstanceLock: false } });
    await main.waitForCall('app.quit');
    const apis = (await main.calls()).map((call) => call.api);
    expect(apis).toEqual(['protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock', 'app.quit']);
    expect(existsSync(join(main.folders.userData, DATABASE_FILE))).toBe(false);
  });

  it('registers the app scheme as privileged before the app is ready', async () => {
    const main = bootMain();
    await main.waitForCall('app.whenReady');
    const [registered] = await main.calls('protocol.registerSchemesAsPrivileged');
    expect(registered?.args).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]]);
    // Nothing is opened before whenReady resolves.
    expect(await main.calls('new BrowserWindow')).toEqual([]);
  });

  it('creates and migrates the database in userData, and opens a locked-down window on the app page', async () => {
    const { main, window } = await startApp();
    const file = join(main.folders.userData, DATABASE_FILE);
    expect(userVersion(file)).toBe(migrations.length);
    const [created] = await main.calls('new BrowserWindow');
    expect(created?.target).toBe(`BrowserWindow#${window}`);
    expect(created?.args[0]).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: join(outDir, 'preload/index.cjs') },
    });
    expect((await main.calls('BrowserWindow.loadURL')).map((call) => call.args)).toEqual([[APP_PAGE]]);
    // Shown once ready to show.
    expect(await main.request({ kind: 'emitWindow', window, event: 'ready-to-show' })).toBe(1);
    await main.waitForCall('BrowserWindow.show');
  });

  it('brings the window back when a second instance starts', async () => {
    const { main } = await startApp({ answers: { isMinimized: true } });
    expect(await main.emitApp('second-instance', ['app'], '/')).toBe(1);
    await main.waitForCall('BrowserWindow.focus');
    expect((await main.calls()).map((call) => call.api).filter((api) => api.startsWith('BrowserWindow.') && api !== 'BrowserWindow.loadURL')).toEqual([
      'BrowserWindow.once',
      'BrowserWindow.on',
      'BrowserWindow.isMinimized',
      'BrowserWindow.restore',
      'BrowserWindow.focus',
    ]);
    expect(await main.emitApp('window-all-closed')).toBe(1);
    expect(await main.calls('app.quit')).toHaveLength(1);
  });

  it('opens the recovery screen, not the app, when the database cannot be read, leaving the file as it was', async () => {
    const garbage = 'This is not a database, just some text.\n'.repeat(200);
    const { main, own } = await startApp({ prepare: ({ userData }) => writeFileSync(join(userData, DATABASE_FILE), garbage) });
    expect((await main.calls('BrowserWindow.loadURL')).map((call) => call.args)).toEqual([[APP_PAGE]]);
    const status = await main.invoke('recovery:status', {}, own);
    expect(status).toMatchObject({ ok: true, value: { state: 'recovery', problem: { kind: 'not_a_database', message: expect.stringContaining('is not a database file') }, restorable: true } });
    // Nothing else is answered from a file that cannot be trusted.
    expect(await main.invoke('patients:search', { query: '' }, own)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await main.calls('app.exit')).toEqual([]);
    expect(await main.calls('dialog.showErrorBox')).toEqual([]);
    expect(readFileSync(join(main.folders.userData, DATABASE_FILE), 'utf8')).toBe(garbage);
  });

  it('closes the database on will-quit', async () => {
    const { main } = await startApp();
    const file = join(main.folders.userData, DATABASE_FILE);
    // While open in WAL mode the write-ahead log exists; closing the last connection checkpoints and removes it.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(await main.emitApp('will-quit')).toBe(1);
    await waitFor(() => !existsSync(`${file}-wal`), 'the database to be closed (its -wal file removed)');
    expect(userVersion(file)).toBe(migrations.length);
  });
});
