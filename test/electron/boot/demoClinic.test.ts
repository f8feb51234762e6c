import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainBundle } from './support/bootMain';
import { startApp } from './support/startApp';

describe('the demo-clinic switch in the built main bundle', () => {
  it('builds the demo clinic, then relaunches with --demo-clinic and quits', async () => {
    const { main, own } = await startApp();
    expect(await main.invoke('app:openDemoClinic', {}, own)).toEqual({ ok: true, value: { relaunching: true } });
    // The relaunch waits for the renderer to have its answer (a 200 ms timer): poll for it.
    const relaunch = await main.waitForCall('app.relaunch');
    expect(relaunch.args).toEqual([{ args: [mainBundle, '--demo-clinic'] }]);
    await main.waitForCall('app.quit');
    const apis = (await main.calls()).map((call) => call.api);
    expect(apis.indexOf('app.quit')).toBeGreaterThan(apis.indexOf('app.relaunch'));
    expect(existsSync(join(main.folders.userData, 'demo-clinic.sqlite'))).toBe(true);
  });

  it('opens the demo file when launched with --demo-clinic, and relaunches without the flag to leave', async () => {
    const { main, own } = await startApp({ args: ['--demo-clinic'] });
    expect(await main.invoke('app:info', {}, own)).toMatchObject({ ok: true, value: { demo: true, databasePath: join(main.folders.userData, 'demo-clinic.sqlite') } });
    expect(await main.invoke('app:leaveDemoClinic', {}, own)).toEqual({ ok: true, value: { relaunching: true } });
    const relaunch = await main.waitForCall('app.relaunch');
    expect(relaunch.args).toEqual([{ args: [mainBundle] }]);
    await main.waitForCall('app.quit');
  });
});
