import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ELECTRON_BINARY_ENV, findElectronBinary } from './electronBinary';

/**
 * npm run test:electron: the Playwright e2e specs in the Electron app (Playwright's `_electron`)
 * when an Electron binary is installed; otherwise it says so and exits 0.
 */
const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(root);

if (!binary) {
  console.log(
    'test:electron skipped: no Electron binary is installed (node_modules/electron has no dist/; Electron downloads it on ' +
      'first launch, which needs the internet). The same specs run in Chromium against the web host (npm run test:e2e), ' +
      'and the built main bundle is started under Node with a stand-in for Electron (npm run test:boot).',
  );
  process.exit(0);
}

if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
  console.log('test:electron: no display; Electron needs one on Linux (run it under xvfb-run).');
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;

const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
console.log(`test:electron: running the e2e specs in ${binary}`);
process.exit(
  run('npx', ['playwright', 'test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)], { ...process.env, [ELECTRON_BINARY_ENV]: binary }),
);
