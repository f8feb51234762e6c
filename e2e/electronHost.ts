import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { _electron, type ElectronApplication, type Page, test } from '@playwright/test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/main/db';
import type { DB } from '../src/main/db/schema';
import { createDispatch, type Dispatch } from '../src/main/ipc/dispatch';

const projectRoot = resolve(import.meta.dirname, '..');

export interface ElectronHost {
  readonly app: ElectronApplication;
  readonly page: Page;
  /** The app page's origin: specs go to `${url}/#/route`. */
  readonly url: string;
  readonly dbFile: string;
  readonly exportsDir: string;
  /** A second connection to the app's database file, for seeding through the contract. */
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

function launchEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Production page, not a dev server; userData in the temporary folder on Linux even if the switch below is ignored.
  delete env['ELECTRON_RENDERER_URL'];
  env['XDG_CONFIG_HOME'] = join(dir, 'config');
  return env;
}

/** Launches the built app (out/) with Playwright's `_electron`, on a fresh userData folder. */
export async function launchElectronHost(executablePath: string): Promise<ElectronHost> {
  const dir = mkdtempSync(join(tmpdir(), 'tms-electron-e2e-'));
  let app: ElectronApplication;
  try {
    app = await _electron.launch({
      executablePath,
      // The project folder, so the app runs as package.json describes it (name, main: out/main/index.js).
      args: [projectRoot, `--user-data-dir=${join(dir, 'userData')}`],
      cwd: projectRoot,
      env: launchEnv(dir),
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let db: Kysely<DB> | null = null;
  const close = async () => {
    await db?.destroy();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    // Never let a test touch a real clinic's data.
    if (!userData.startsWith(dir + sep)) throw new Error(`The app's userData (${userData}) is not in the test folder ${dir}`);
    const exportsDir = join(dir, 'exports');
    mkdirSync(exportsDir);
    // The save dialog answers with a file in exportsDir named as the app suggested, as the web host does.
    await app.evaluate(({ dialog }, folder) => {
      const answer = async (...args: unknown[]) => {
        const options = args[args.length - 1] as { defaultPath?: string };
        const name = String(options.defaultPath ?? 'export').split(/[\\/]/).pop() ?? 'export';
        return { canceled: false, filePath: `${folder}/${name}` };
      };
      Object.assign(dialog, { showSaveDialog: answer });
    }, exportsDir);
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // The app created and migrated its file before opening the window.
    const dbFile = join(userData, 'tms-course-tracker.sqlite');
    db = await openDatabase(dbFile);
    const dispatch = createDispatch(db, { appVersion: 'e2e' });
    return { app, page, url: 'app://renderer', dbFile, exportsDir, dispatch, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Skips the running test where the Electron app cannot do what the web host does for it. */
export function notInElectron(what: string): never {
  test.info().skip(true, `Not in the Electron app: ${what}`);
  throw new Error('unreachable: skip() ends the test');
}
