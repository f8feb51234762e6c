import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations';
import { APP_PAGE } from './support/bootMain';
import { createCourse } from './support/clinicData';
import { startApp } from './support/startApp';

describe('IPC in the built main bundle', () => {
  it("answers the app's own page in its top frame", async () => {
    const { main, own } = await startApp();
    const result = await main.invoke('app:info', {}, own);
    expect(result).toMatchObject({
      ok: true,
      value: { schemaVersion: migrations.length, databasePath: join(main.folders.userData, 'tms-course-tracker.sqlite'), demo: false, staffCount: 0 },
    });
    // The hidden report window loads the same page at a report route.
    expect(await main.invoke('app:info', {}, { ...own, url: `${APP_PAGE}#/report/1` })).toMatchObject({ ok: true });
    // Contract errors come back as results, never thrown.
    expect(await main.invoke('nope:nothing', {}, own)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    // Nobody is signed in at this window yet: refused before the input is even read.
    expect(await main.invoke('patients:get', { id: 'x' }, own)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await createCourse(main, own);
    expect(await main.invoke('patients:get', { id: 'x' }, own)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses subframes, other origins and look-alikes', async () => {
    const { main, own } = await startApp();
    const refused = [
      { ...own, top: false },
      { ...own, url: 'https://evil.example/' },
      { ...own, url: 'app://renderer.evil/index.html' },
      { ...own, url: 'app://evil/index.html' },
      { ...own, url: 'app://user@renderer/index.html' },
      { ...own, url: 'http://localhost:5173/' },
      { ...own, url: `file://${join(main.folders.root, 'index.html')}` },
      { ...own, url: 'about:blank' },
      { ...own, url: '' },
    ];
    for (const sender of refused) {
      expect(await main.invoke('app:info', {}, sender), JSON.stringify(sender)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Refused: not the app window.' },
      });
    }
  });
});
