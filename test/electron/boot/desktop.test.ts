import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_COMMAND_CHANNEL } from '../../../src/shared/ipc/appCommands';
import { startApp } from './support/startApp';
import { waitFor } from './support/waitFor';

const STATE_FILE = 'window-state.json';

describe('the app as a desktop app', () => {
  it('reopens the window where and as big as it was, maximized if it was', async () => {
    const saved = { x: 200, y: 120, width: 1400, height: 900, maximized: true };
    const { main } = await startApp({ prepare: ({ userData }) => writeFileSync(join(userData, STATE_FILE), JSON.stringify(saved)) });
    const [created] = await main.calls('new BrowserWindow');
    expect(created?.args[0]).toMatchObject({ x: 200, y: 120, width: 1400, height: 900 });
    expect(await main.calls('BrowserWindow.maximize')).toHaveLength(1);
  });

  it('does not reopen off-screen when the display it was on is gone, and remembers the place on close', async () => {
    const saved = { x: 2600, y: 100, width: 1300, height: 820, maximized: false };
    const { main, window } = await startApp({
      prepare: ({ userData }) => writeFileSync(join(userData, STATE_FILE), JSON.stringify(saved)),
      answers: { normalBounds: { x: 40, y: 30, width: 1366, height: 768 }, isMaximized: false },
    });
    const [created] = await main.calls('new BrowserWindow');
    expect(created?.args[0]).toMatchObject({ width: 1300, height: 820 });
    expect(created?.args[0]).not.toHaveProperty('x');
    expect(await main.calls('BrowserWindow.maximize')).toEqual([]);
    expect(await main.request({ kind: 'emitWindow', window, event: 'close' })).toBe(1);
    expect(JSON.parse(readFileSync(join(main.folders.userData, STATE_FILE), 'utf8'))).toEqual({ x: 40, y: 30, width: 1366, height: 768, maximized: false });
  });

  it('reloads a crashed page (its drafts are kept in the page’s storage), but not more than 3 times a minute, nor after a clean exit', async () => {
    const { main, window } = await startApp();
    for (let i = 0; i < 4; i++) {
      expect(await main.request({ kind: 'renderProcessGone', webContents: window, reason: 'crashed', exitCode: 139 })).toBe(1);
    }
    await main.request({ kind: 'renderProcessGone', webContents: window, reason: 'clean-exit', exitCode: 0 });
    expect(await main.calls('WebContents.reload')).toHaveLength(3);
    const log = readFileSync(join(main.folders.userData, 'logs', 'app.log'), 'utf8');
    expect(log).toContain("The window's page process ended (crashed, exit code 139)");
    expect(log).toContain('Not reloading again');
  });

  it('sets an application menu whose commands reach the main window’s page', async () => {
    const { main, window } = await startApp();
    expect(await main.calls('Menu.setApplicationMenu')).toHaveLength(1);
    await main.request({ kind: 'clickMenu', path: ['&File', 'Backups…'] });
    await main.request({ kind: 'clickMenu', path: ['&Help', 'About TMS Course Tracker'] });
    await waitFor(async () => (await main.calls('WebContents.send')).length === 2, 'two commands sent');
    const sent = await main.calls('WebContents.send');
    expect(sent.map((c) => [c.target, ...c.args])).toEqual([
      [`WebContents#${window}`, APP_COMMAND_CHANNEL, 'open-backups'],
      [`WebContents#${window}`, APP_COMMAND_CHANNEL, 'open-about'],
    ]);
  });
});
