import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import { DatabaseOpenError, openDatabase } from './db';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, registerAppScheme, serveRenderer } from './electron/appProtocol';
import { electronClinicSwitcher, isDemoLaunch } from './electron/clinicSwitcher';
import { createElectronExports } from './electron/electronExports';
import { registerIpc } from './electron/ipc';
import { lockDown } from './electron/security';
import { trustedPages } from './electron/trustedPages';
import { installMenu } from './electron/menu';
import { createMainWindow, preloadFile } from './electron/window';
import { createDispatch } from './ipc/dispatch';
import { HostSessions } from './ipc/hostSession';
import { BackupService } from './backup/service';
import { type AppLog, createFileLog, dispatchErrorLogger } from './log/appLog';
import { createRecoveryDispatch } from './recovery/recoveryDispatch';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import type { AuditChainStatus } from '../shared/schemas/audit';
import { ClinicDatabaseSettingStore } from './clinicDatabase/settingStore';
import { startWorkstation } from './clinicDatabase/startWorkstation';
import { createServerProblemDispatch } from './recovery/serverProblemDispatch';
import { safeStorageBox } from './electron/safeStorageBox';

const DATABASE_FILE = 'tms-course-tracker.sqlite';
const DEMO_DATABASE_FILE = 'demo-clinic.sqlite';
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

registerAppScheme();

let log: AppLog | null = null;

/** Closes the database (if `close` is given), lets `replace` swap the file, and relaunches the app on it. */
function relaunchAfter(close?: () => Promise<void>) {
  return async (replace: () => Promise<void>) => {
    await close?.();
    await replace();
    // The renderer gets the answer first, then the app comes back on the restored file.
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 200);
    return { restarting: true };
  };
}

async function start(): Promise<void> {
  const pages = trustedPages(APP_SCHEME, APP_HOST, devServerUrl);
  lockDown(pages);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const demo = isDemoLaunch(process.argv);
  const demoFile = join(app.getPath('userData'), DEMO_DATABASE_FILE);
  const file = demo ? demoFile : join(app.getPath('userData'), DATABASE_FILE);
  log = createFileLog(join(app.getPath('userData'), 'logs'));
  log.info(`TMS Course Tracker ${app.getVersion()} starting on ${file}`);
  const appLog = log;
  const url = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const preload = preloadFile(import.meta.dirname);
  let window: BrowserWindow | null = null;
  const sessions = new HostSessions<number>();
  const windowOptions = { stateFile: join(app.getPath('userData'), 'window-state.json'), log: (message: string) => appLog.info(message) };
  installMenu(app.isPackaged, () => window);
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  // What the clinic's dispatch is given, on a file or a server.
  const dispatchOptions = () => ({
    appVersion: app.getVersion(),
    exports: createElectronExports(url, preload, () => window, sessions),
    clinics: electronClinicSwitcher(demo, demoFile),
    validateOutput: !app.isPackaged,
    logError: dispatchErrorLogger(appLog),
    logPath: appLog.path,
    verifyAuditAtStart: true,
    onAuditChainBroken: (s: AuditChainStatus) => appLog.error(`Audit log chain broken at entry ${s.ok ? '' : s.firstBrokenId}`),
  });
  const localFile = join(app.getPath('userData'), DATABASE_FILE);
  const store = new ClinicDatabaseSettingStore(app.getPath('userData'), safeStorageBox());
  const restart = relaunchAfter();
  const clinicDatabase = { store, localFile, restart: () => restart(async () => {}) };
  // The demo clinic is always this computer's; otherwise the workstation's setting says where the clinic is.
  const workstation = demo ? { kind: 'local' as const } : await startWorkstation(store, localFile);
  if (workstation.kind === 'server_problem') {
    // The start screen says what failed, with "Try again" and "Use this computer's clinic instead".
    appLog.error(`The clinic server ${workstation.status.server} cannot be used (${workstation.status.problem.reason})`);
    const dispatch = createServerProblemDispatch(workstation.status, {
      retry: clinicDatabase.restart,
      useThisComputer: () => restart(async () => store.useLocal()),
      logError: dispatchErrorLogger(appLog),
    });
    registerIpc(dispatch, pages, sessions);
    window = createMainWindow(preload, url, windowOptions);
    return;
  }
  if (workstation.kind === 'server') {
    // Backups of a clinic server are the server's (its administrator's), not this workstation's.
    appLog.info(`Using the clinic server ${workstation.server}`);
    const db = workstation.db;
    app.on('will-quit', () => void db.destroy());
    registerIpc(createDispatch(db, { ...dispatchOptions(), clinicDatabase }), pages, sessions);
    window = createMainWindow(preload, url, windowOptions);
    return;
  }
  let db: Kysely<DB>;
  try {
    db = await openDatabase(file, {
      onBackup: (path) => appLog.info(`Database backed up to ${path} before updating its schema`),
      onIntegrityProblem: (problems) => appLog.error(`Database check found damage: ${problems.slice(0, 5).join('; ')}`),
      onBackgroundCheck: (kind, result) => appLog.info(`Background ${kind}: ${result.ok ? 'ok' : 'PROBLEMS'}`),
    });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError) || !error.file) throw error;
    // The recovery screen says what is wrong and offers the newest verified backup.
    appLog.error(`The clinic file could not be opened (${error.reason})`, error);
    registerIpc(createRecoveryDispatch(file, error, { swap: relaunchAfter(), logError: dispatchErrorLogger(appLog) }), pages, sessions);
    window = createMainWindow(preload, url, windowOptions);
    return;
  }
  const backups = new BackupService(db, file, {
    swap: relaunchAfter(() => db.destroy()),
    onError: (error) => appLog.error('Backup failed', error),
  });
  const stopBackups = backups.startSchedule();
  // Stop the backup schedule before the database closes.
  app.on('will-quit', () => {
    stopBackups();
    void db.destroy();
  });
  registerIpc(createDispatch(db, { ...dispatchOptions(), backups, ...(demo ? {} : { clinicDatabase }) }), pages, sessions);
  window = createMainWindow(preload, url, windowOptions);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log?.error('Start-up failed', error);
      const message = error instanceof DatabaseOpenError ? error.message : `TMS Course Tracker could not start: ${String(error)}`;
      dialog.showErrorBox('TMS Course Tracker', message);
      app.exit(1);
    });
}
