/**
 * Messages between a boot test and the child process running the built main bundle with the
 * Electron stand-in (over the child_process IPC channel, structured-clone serialization).
 */

/** What the stand-in's calls return; set at start (environment) and changed by `answer`. */
export interface Answers {
  requestSingleInstanceLock: boolean;
  isMinimized: boolean;
  /** What `webContents.executeJavaScript` resolves to (the report page's ready check). */
  executeJavaScript: unknown;
  /** What `webContents.printToPDF` resolves to, as latin1 text. */
  printToPDF: string;
  showSaveDialog: { canceled: boolean; filePath?: string };
  isMaximized: boolean;
  /** What `getNormalBounds` answers (the window's size and place when not maximized). */
  normalBounds: { x: number; y: number; width: number; height: number };
  /** The work areas `screen.getAllDisplays` answers. */
  displays: Array<{ x: number; y: number; width: number; height: number }>;
}

export interface StandinConfig {
  /** What `app.getPath(name)` answers, per name; other names throw. */
  paths: Record<string, string>;
  version: string;
  isPackaged: boolean;
  answers: Answers;
}

/** The environment variable that carries the config (JSON) to the child. */
export const CONFIG_ENV = 'TMS_ELECTRON_STANDIN_CONFIG';

/** One recorded call: `api` as `app.quit`, `new BrowserWindow`, `WebContents.printToPDF`. */
export interface CallRecord {
  api: string;
  /** The instance called, `BrowserWindow#1` or `WebContents#1`; null for module objects. */
  target: string | null;
  /** The arguments, with functions as "[function]" and stand-in objects by their name. */
  args: unknown[];
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Command =
  | { kind: 'calls' }
  | { kind: 'violations' }
  | { kind: 'ready' }
  | { kind: 'answer'; answers: Partial<Answers> }
  | { kind: 'emitApp'; event: string; args: unknown[] }
  | { kind: 'webContentsCreated'; webContents: number }
  | { kind: 'emitWindow'; window: number; event: string }
  | { kind: 'emitWebContents'; webContents: number; event: string; url: string }
  | { kind: 'openWindow'; webContents: number; url: string }
  | { kind: 'requestPermission'; webContents: number; permission: string }
  | { kind: 'checkPermission'; webContents: number; permission: string; origin: string }
  | { kind: 'invoke'; channel: string; sender: number; frame: { url: string; top: boolean }; args: unknown[] }
  | { kind: 'fetchApp'; url: string }
  | { kind: 'clickMenu'; path: string[] }
  | { kind: 'renderProcessGone'; webContents: number; reason: string; exitCode: number };

export interface Request {
  id: number;
  command: Command;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
