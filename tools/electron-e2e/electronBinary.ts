import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed under node_modules/electron, or null when there is none.
 * Found without `require('electron')`: that call downloads the binary when it is missing,
 * which cannot work offline (and must not be attempted by a test run).
 */
export function findElectronBinary(projectRoot: string): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** The environment variable that carries the binary's path to the e2e fixtures (set: run in Electron). */
export const ELECTRON_BINARY_ENV = 'TMS_E2E_ELECTRON_BINARY';
