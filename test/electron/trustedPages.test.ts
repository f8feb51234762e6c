import { describe, expect, it } from 'vitest';
import { isTrustedSender, isTrustedUrl, trustedPages } from '../../src/main/electron/trustedPages';

const packaged = trustedPages('app', 'renderer', undefined);
const development = trustedPages('app', 'renderer', 'http://localhost:5173/');
const top = (url: string) => ({ url, parent: null });

describe('trusted pages (scheme and host, not URL.origin)', () => {
  it('Node gives app:// the opaque origin, which is why origins are not compared', () => {
    expect(new URL('app://renderer/index.html').origin).toBe('null');
  });

  it('answers the app window and the hidden report window', () => {
    expect(isTrustedSender(top('app://renderer/index.html'), packaged)).toBe(true);
    expect(isTrustedSender(top('app://renderer/index.html#/report/12'), packaged)).toBe(true);
    expect(isTrustedSender(top('app://renderer/'), packaged)).toBe(true);
  });

  it('refuses a subframe of the app page', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: {} }, packaged)).toBe(false);
  });

  it('refuses a missing frame (destroyed before the call arrived)', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
  });

  it('refuses other schemes, look-alike hosts, ports and credentials', () => {
    for (const url of [
      'file:///home/user/index.html',
      'https://renderer/index.html',
      'http://renderer/index.html',
      'app://renderer.evil/index.html',
      'app://evil.renderer/index.html',
      'app://renderer:8080/index.html',
      'app://user@renderer/index.html',
      'app://rendere/index.html',
      'appx://renderer/index.html',
      'about:blank',
      'data:text/html,<p>hi</p>',
      '',
      'not a url',
    ]) {
      expect(isTrustedSender(top(url), packaged), url).toBe(false);
    }
  });

  it('trusts the dev server only when one is configured, and only its host and port', () => {
    expect(isTrustedUrl('http://localhost:5173/#/today', packaged)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/#/today', development)).toBe(true);
    expect(isTrustedUrl('app://renderer/index.html', development)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', development)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', development)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', development)).toBe(false);
  });

  it('applies the same rule to navigation', () => {
    expect(isTrustedUrl('app://renderer/index.html#/patients', packaged)).toBe(true);
    expect(isTrustedUrl('https://example.org/', packaged)).toBe(false);
  });
});
