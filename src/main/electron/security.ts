import { app, session } from 'electron';
import { isTrustedUrl, type TrustedPage } from './trustedPages';

/** Denies navigation away, new windows, webviews and every permission request. */
export function lockDown(pages: readonly TrustedPage[]): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isTrustedUrl(event.url, pages)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
