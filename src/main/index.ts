import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import { DatabaseOpenError, openDatabase } from './db';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, registerAppScheme, serveRenderer } from './electron/appProtocol';
import { electronClinicSwitcher, isDemoLaunch } from './electron/clinicSwitcher';
import { createElectronExports } from './electron/electronExports';
import { registerIpc } from './electron/ipc';
import { lockDown } from './electron/security';
import { trustedPages } from './electron/trustedPages';
import { createMainWindow, preloadFile } from './electron/window';
import { createDispatch } from './ipc/dispatch';
import { HostSessions } from './ipc/hostSession';
import { newestGoodBackupNote } from './backup/backups';
import { BackupService } from './backup/service';
import { type AppLog, createFileLog, dispatchErrorLogger } from './log/appLog';

const DATABASE_FILE = 'tms-course-tracker.sqlite';
const DEMO_DATABASE_FILE = 'demo-clinic.sqlite';
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

registerAppScheme();

let log: AppLog | null = null;

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
  const db = await openDatabase(file, {
    onBackup: (path) => appLog.info(`Database backed up to ${path} before updating its schema`),
    onIntegrityProblem: (problems) => appLog.error(`Database check found damage: ${problems.slice(0, 5).join('; ')}`),
    onBackgroundCheck: (kind, result) => appLog.info(`Background ${kind}: ${result.ok ? 'ok' : 'PROBLEMS'}`),
  });
  const backups = new BackupService(db, file, {
    // After a restore the app relaunches on the restored file, once the renderer has had the answer.
    swap: async (replace) => {
      await db.destroy();
      await replace();
      setTimeout(() => {
        app.relaunch();
        app.quit();
      }, 200);
      return { restarting: true };
    },
    onError: (error) => appLog.error('Backup failed', error),
  });
  const stopBackups = backups.startSchedule();
  // Stop the backup schedule before the database closes.
  app.on('will-quit', () => {
    stopBackups();
    void db.destroy();
  });
  const url = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const preload = preloadFile(import.meta.dirname);
  let window: BrowserWindow | null = null;
  const sessions = new HostSessions<number>();
  const exports = createElectronExports(url, preload, () => window, sessions);
  registerIpc(
    createDispatch(db, {
      appVersion: app.getVersion(),
      exports,
      clinics: electronClinicSwitcher(demo, demoFile),
      backups,
      validateOutput: !app.isPackaged,
      logError: dispatchErrorLogger(appLog),
      logPath: appLog.path,
      verifyAuditAtStart: true,
      onAuditChainBroken: (s) => appLog.error(`Audit log chain broken at entry ${s.ok ? '' : s.firstBrokenId}`),
    }),
    pages,
    sessions,
  );
  window = createMainWindow(preload, url);
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
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
      const note = error instanceof DatabaseOpenError && error.file ? newestGoodBackupNote(error.file) : null;
      const message =
        (error instanceof DatabaseOpenError ? error.message : `TMS Course Tracker could not start: ${String(error)}`) + (note ? `\n\n${note}` : '');
      dialog.showErrorBox('TMS Course Tracker', message);
      app.exit(1);
    });
}
