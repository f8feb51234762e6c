import { describe, expect, it } from 'vitest';
import { APP_PAGE } from './support/bootMain';
import { startApp } from './support/startApp';

describe('lock-down in the built main bundle', () => {
  it('denies navigation away, new windows and webviews in every web contents', async () => {
    const { main, window } = await startApp();
    expect(await main.request({ kind: 'webContentsCreated', webContents: window })).toBe(1);
    const navigate = (url: string) => main.request({ kind: 'emitWebContents', webContents: window, event: 'will-navigate', url });
    for (const url of ['https://evil.example/', 'app://renderer.evil/index.html', 'app://evil/', 'file:///etc/passwd', 'http://localhost:5173/']) {
      expect(await navigate(url), url).toEqual({ listeners: 1, prevented: true });
    }
    expect(await navigate(`${APP_PAGE}#/patients`)).toEqual({ listeners: 1, prevented: false });
    for (const url of ['https://evil.example/', APP_PAGE]) {
      expect(await main.request({ kind: 'openWindow', webContents: window, url }), url).toEqual({ action: 'deny' });
    }
    const webview = await main.request({ kind: 'emitWebContents', webContents: window, event: 'will-attach-webview', url: 'https://evil.example/' });
    expect(webview).toEqual({ listeners: 1, prevented: true });
  });

  it('denies every permission request and check', async () => {
    const { main, window } = await startApp();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await main.request({ kind: 'requestPermission', webContents: window, permission }), permission).toBe(false);
      expect(await main.request({ kind: 'checkPermission', webContents: window, permission, origin: 'app://renderer' }), permission).toBe(false);
    }
  });
});
