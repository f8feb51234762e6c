import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { readWindowState, writeWindowState } from './windowState';

export interface MainWindowOptions {
  /** Where the window's size and position are kept between runs (userData). */
  stateFile: string;
  /** The application log: crashes of the page's process are written there. */
  log: (message: string) => void;
}

/** More crashes than this within a minute stop the automatic reloads (something is wrong with the page itself). */
const MAX_RELOADS_PER_MINUTE = 3;

export function createMainWindow(preloadPath: string, url: string, options: MainWindowOptions): BrowserWindow {
  const state = readWindowState(options.stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'TMS Course Tracker',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      writeWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Not remembering the window's place is no reason to keep it from closing.
    }
  });
  // A crashed page reloads where it was; the form drafts kept in the page's storage are offered back.
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`The window's page process ended (${details.reason}, exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    const now = Date.now();
    while (reloads.length > 0 && (reloads[0] ?? now) < now - 60_000) reloads.shift();
    if (reloads.length >= MAX_RELOADS_PER_MINUTE) {
      options.log('Not reloading again: the page crashed more than 3 times in a minute');
      return;
    }
    reloads.push(now);
    window.webContents.reload();
  });
  void window.loadURL(url);
  return window;
}

export function preloadFile(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
