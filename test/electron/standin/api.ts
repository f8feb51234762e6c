/**
 * Every Electron API the app's built bundles touch, in one place. The stand-in module exports
 * exactly `mainModuleExports` (so an import of anything else fails when the bundle links) and
 * each stand-in object answers only the members listed for it here: reading anything else throws.
 * A new Electron call in the product therefore fails the boot test until it is added here, with
 * a stand-in that records it.
 */
export const electronApi = {
  // Objects exported by the `electron` module in the main process.
  app: ['isPackaged', 'getPath', 'getVersion', 'requestSingleInstanceLock', 'quit', 'exit', 'relaunch', 'on', 'whenReady'],
  BrowserWindow: [],
  Menu: ['buildFromTemplate', 'setApplicationMenu'],
  screen: ['getAllDisplays'],
  dialog: ['showErrorBox', 'showSaveDialog'],
  ipcMain: ['handle'],
  net: ['fetch'],
  protocol: ['registerSchemesAsPrivileged', 'handle'],
  session: ['defaultSession'],
  safeStorage: ['isEncryptionAvailable', 'getSelectedStorageBackend', 'encryptString', 'decryptString'],
  // Objects those hand out.
  BrowserWindowInstance: ['webContents', 'loadURL', 'once', 'on', 'show', 'destroy', 'isMinimized', 'restore', 'focus', 'maximize', 'isMaximized', 'getNormalBounds'],
  WebContents: ['id', 'on', 'once', 'setWindowOpenHandler', 'executeJavaScript', 'printToPDF', 'send', 'reload'],
  MenuInstance: [],
  Display: ['workArea'],
  Session: ['setPermissionRequestHandler', 'setPermissionCheckHandler'],
  // What Electron passes to the app's handlers and listeners.
  IpcMainInvokeEvent: ['sender', 'senderFrame', 'frameId', 'processId'],
  WebFrameMain: ['url', 'parent'],
  Event: ['preventDefault', 'url'],
  HandlerDetails: ['url'],
  RenderProcessGoneDetails: ['reason', 'exitCode'],
  // The preload's `electron` module (sandboxed renderer).
  contextBridge: ['exposeInMainWorld'],
  ipcRenderer: ['invoke', 'on', 'removeListener'],
} as const satisfies Record<string, readonly string[]>;

export type ElectronApiName = keyof typeof electronApi;

/** What `import … from 'electron'` may name in the main bundle: the stand-in module's export list. */
export const mainModuleExports = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'net', 'protocol', 'safeStorage', 'screen', 'session'] as const;

/** What the preload's `require('electron')` may read. */
export const preloadModuleExports = ['contextBridge', 'ipcRenderer'] as const;
