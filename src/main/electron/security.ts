import { app, session, type WebFrameMain } from 'electron';

/** Origins the renderer may be loaded from: the app protocol, or the dev server in development. */
export function trustedOrigins(appOrigin: string, devServerUrl: string | undefined): Set<string> {
  const origins = new Set([appOrigin]);
  if (devServerUrl) origins.add(new URL(devServerUrl).origin);
  return origins;
}

/** IPC is answered only for our own page's top frame — never an iframe or a foreign page. */
export function isTrustedSender(frame: WebFrameMain | null, origins: Set<string>): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return origins.has(new URL(frame.url).origin);
  } catch {
    return false;
  }
}

/** Denies navigation away, new windows, webviews and every permission request. */
export function lockDown(origins: Set<string>): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!origins.has(new URL(event.url).origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
