import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/contentSecurityPolicy';
import type { AppResponse } from '../standin/protocol.ts';
import { outDir } from './support/bootMain';
import { startApp } from './support/startApp';

const rendererDir = join(outDir, 'renderer');

function served(response: AppResponse | { error: string }): AppResponse {
  if ('error' in response) throw new Error(`Expected a response, got ${response.error}`);
  return response;
}

describe('app:// in the built main bundle', () => {
  it('serves the renderer folder with the Content-Security-Policy header', async () => {
    const { main } = await startApp();
    const asset = readdirSync(join(rendererDir, 'assets')).find((name) => name.endsWith('.js'));
    for (const [url, file] of [
      ['app://renderer/index.html', 'index.html'],
      ['app://renderer/', 'index.html'],
      [`app://renderer/assets/${asset}`, `assets/${asset}`],
    ] as const) {
      const response = served(await main.fetchApp(url));
      expect(response.status, url).toBe(200);
      expect(response.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(Buffer.from(response.body).equals(readFileSync(join(rendererDir, file))), url).toBe(true);
    }
  });

  it('serves nothing outside the renderer folder, and nothing for other hosts', async () => {
    const { main } = await startApp();
    const mainBundle = readFileSync(join(outDir, 'main/index.js'));
    // Refused by the handler's own checks: exactly 404.
    const refused = [
      'app://renderer/%2e%2e%2fmain%2findex.js',
      'app://renderer/..%2fmain%2findex.js',
      'app://renderer/..%2f..%2fpackage.json',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://evil/index.html',
      'app://renderer.evil/index.html',
      'app://main/index.js',
    ];
    for (const url of refused) {
      const response = served(await main.fetchApp(url));
      expect(response.status, url).toBe(404);
      expect(Buffer.from(response.body).includes(mainBundle.subarray(0, 200)), url).toBe(false);
    }
    // The URL parser resolves these dot segments inside the renderer folder, where no such file exists.
    for (const url of ['app://renderer/../main/index.js', 'app://renderer/%2e%2e/main/index.js', 'app://renderer/%2E%2E/%2e%2e/package.json']) {
      const response = await main.fetchApp(url);
      expect('error' in response || response.status === 404, url).toBe(true);
    }
    // Whatever was asked, the handler only ever read files inside the renderer folder.
    const fetched = (await main.calls('net.fetch')).map((call) => fileURLToPath(String(call.args[0])));
    expect(fetched.length).toBeGreaterThan(0);
    for (const path of fetched) expect(path.startsWith(rendererDir + sep), path).toBe(true);
  });
});
