import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { answers, config, Listeners, nameObject, ready, record, registry, type StandinWebContents, type StandinWindow } from './state.ts';
import { strict, strictRecord } from './strict.ts';

/**
 * The `electron` module as the built main bundle sees it in a boot test. Each call is recorded
 * and answered with a plain value (from `answers`); handlers and listeners are kept for the
 * harness to call. Nothing here imitates what Electron does beyond what a call returns.
 * Its export list is `mainModuleExports` in api.ts (checked by a test).
 */

type Listener = (...args: unknown[]) => unknown;

function createWebContents(id: number): StandinWebContents {
  const listeners = new Listeners();
  const target = {
    id,
    on(event: string, listener: Listener) {
      record('WebContents.on', exposed, [event, listener]);
      listeners.add(event, listener, false);
      return exposed;
    },
    once(event: string, listener: Listener) {
      record('WebContents.once', exposed, [event, listener]);
      listeners.add(event, listener, true);
      return exposed;
    },
    setWindowOpenHandler(handler: Listener) {
      record('WebContents.setWindowOpenHandler', exposed, [handler]);
      contents.windowOpenHandler = handler;
    },
    async executeJavaScript(code: string) {
      record('WebContents.executeJavaScript', exposed, [code]);
      return answers.executeJavaScript;
    },
    async printToPDF(options: object) {
      record('WebContents.printToPDF', exposed, [options]);
      return Buffer.from(answers.printToPDF, 'latin1');
    },
    send: (channel: string, ...args: unknown[]) => record('WebContents.send', exposed, [channel, ...args]),
    reload: () => record('WebContents.reload', exposed, []),
  };
  const exposed = strict('WebContents', target);
  nameObject(exposed, `WebContents#${id}`);
  const contents: StandinWebContents = { id, listeners, windowOpenHandler: null, exposed };
  registry.webContents.set(id, contents);
  return contents;
}

class BrowserWindowStandin {
  constructor(options: object) {
    const id = registry.nextId++;
    const webContents = createWebContents(id);
    const listeners = new Listeners();
    const target = {
      webContents: webContents.exposed,
      async loadURL(url: string) {
        record('BrowserWindow.loadURL', exposed, [url]);
      },
      once(event: string, listener: Listener) {
        record('BrowserWindow.once', exposed, [event, listener]);
        listeners.add(event, listener, true);
        return exposed;
      },
      on(event: string, listener: Listener) {
        record('BrowserWindow.on', exposed, [event, listener]);
        listeners.add(event, listener, false);
        return exposed;
      },
      maximize: () => record('BrowserWindow.maximize', exposed, []),
      isMaximized: () => {
        record('BrowserWindow.isMaximized', exposed, []);
        return answers.isMaximized;
      },
      getNormalBounds: () => {
        record('BrowserWindow.getNormalBounds', exposed, []);
        return { ...answers.normalBounds };
      },
      show: () => record('BrowserWindow.show', exposed, []),
      destroy: () => record('BrowserWindow.destroy', exposed, []),
      isMinimized: () => {
        record('BrowserWindow.isMinimized', exposed, []);
        return answers.isMinimized;
      },
      restore: () => record('BrowserWindow.restore', exposed, []),
      focus: () => record('BrowserWindow.focus', exposed, []),
    };
    const exposed = strict('BrowserWindowInstance', target);
    nameObject(exposed, `BrowserWindow#${id}`);
    record('new BrowserWindow', exposed, [options]);
    const window: StandinWindow = { id, listeners, webContents, exposed };
    registry.windows.set(id, window);
    // A constructor may hand back another object: the app gets the strict proxy.
    return exposed as BrowserWindowStandin;
  }
}

export const BrowserWindow = strict('BrowserWindow', BrowserWindowStandin);

const appTarget = {
  isPackaged: config.isPackaged,
  getPath(name: string) {
    record('app.getPath', null, [name]);
    const path = config.paths[name];
    if (path === undefined) throw new Error(`Electron stand-in: no answer for app.getPath('${name}')`);
    return path;
  },
  getVersion() {
    record('app.getVersion', null, []);
    return config.version;
  },
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock', null, []);
    return answers.requestSingleInstanceLock;
  },
  quit: () => record('app.quit', null, []),
  exit: (code?: number) => record('app.exit', null, [code]),
  relaunch: (options?: object) => record('app.relaunch', null, [options]),
  on(event: string, listener: Listener) {
    record('app.on', null, [event, listener]);
    registry.app.add(event, listener, false);
    return app;
  },
  whenReady() {
    record('app.whenReady', null, []);
    return ready;
  },
};
export const app = strict('app', appTarget);

export const Menu = strict('Menu', {
  buildFromTemplate(template: unknown[]) {
    record('Menu.buildFromTemplate', null, [template]);
    registry.menuTemplate = template;
    return strictRecord('MenuInstance', {});
  },
  setApplicationMenu: (menu: object | null) => record('Menu.setApplicationMenu', null, [menu]),
});

export const screen = strict('screen', {
  getAllDisplays() {
    record('screen.getAllDisplays', null, []);
    return answers.displays.map((workArea) => strictRecord('Display', { workArea }));
  },
});

export const dialog = strict('dialog', {
  showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', null, [title, content]),
  async showSaveDialog(...args: unknown[]) {
    record('dialog.showSaveDialog', null, args);
    return { ...answers.showSaveDialog };
  },
});

export const ipcMain = strict('ipcMain', {
  handle(channel: string, handler: Listener) {
    record('ipcMain.handle', null, [channel, handler]);
    registry.ipcHandlers.set(channel, handler);
  },
});

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged: (schemes: object[]) => record('protocol.registerSchemesAsPrivileged', null, [schemes]),
  handle(scheme: string, handler: Listener) {
    record('protocol.handle', null, [scheme, handler]);
    registry.protocolHandlers.set(scheme, handler);
  },
});

/** Answers file: URLs with the file (a missing one rejects, as a network error); nothing else. */
export const net = strict('net', {
  async fetch(url: string) {
    record('net.fetch', null, [url]);
    if (!url.startsWith('file:')) throw new Error(`Electron stand-in: net.fetch answers only file: URLs, not ${url}`);
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url}`);
    }
  },
});

const defaultSession = strict('Session', {
  setPermissionRequestHandler(handler: Listener | null) {
    record('Session.setPermissionRequestHandler', defaultSession, [handler]);
    registry.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: Listener | null) {
    record('Session.setPermissionCheckHandler', defaultSession, [handler]);
    registry.permissionCheckHandler = handler;
  },
});
nameObject(defaultSession, 'Session#default');

export const session = strict('session', { defaultSession });

/** A machine without a key store (Linux's 'basic_text'): the app must refuse to keep a server password. */
export const safeStorage = strict('safeStorage', {
  isEncryptionAvailable() {
    record('safeStorage.isEncryptionAvailable', null, []);
    return false;
  },
  getSelectedStorageBackend() {
    record('safeStorage.getSelectedStorageBackend', null, []);
    return 'basic_text';
  },
  encryptString(plain: string) {
    record('safeStorage.encryptString', null, [plain.length]);
    throw new Error('Electron stand-in: no key store; encryption is not available');
  },
  decryptString(sealed: Buffer) {
    record('safeStorage.decryptString', null, [sealed.length]);
    throw new Error('Electron stand-in: no key store; decryption is not available');
  },
});
