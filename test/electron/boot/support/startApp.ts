import { APP_PAGE, type BootedMain, type BootOptions, bootMain, type Sender } from './bootMain';

export interface StartedApp {
  main: BootedMain;
  /** The main window's id (its WebContents has the same id in the stand-in). */
  window: number;
  /** The app's own page in the main window, top frame: the sender IPC must answer. */
  own: Sender;
}

/** Number of `BrowserWindow#3` / `WebContents#3`. */
export function idOf(target: string | null): number {
  const id = Number(target?.split('#')[1]);
  if (!Number.isInteger(id)) throw new Error(`Not a stand-in instance: ${String(target)}`);
  return id;
}

/** Boots the bundle, resolves `whenReady` and waits until the main window loads its page. */
export async function startApp(options: BootOptions = {}): Promise<StartedApp> {
  const main = bootMain(options);
  await main.waitForCall('app.whenReady');
  await main.ready();
  const window = idOf((await main.waitForCall('BrowserWindow.loadURL')).target);
  return { main, window, own: { webContents: window, url: APP_PAGE, top: true } };
}
