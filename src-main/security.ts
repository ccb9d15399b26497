import { app, session, type WebContents } from 'electron';
import { isTrustedUrl } from './serving';

/** True for our own page only — used by every IPC call to check its sender frame. */
export function isAppUrl(url: string): boolean {
  // The electron-vite dev server is trusted in development only, never when packaged.
  return isTrustedUrl(url, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
}

/** Guards applied to every web contents the app ever creates (windows, and anything they try to open). */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    if (app.isPackaged) {
      contents.on('devtools-opened', () => contents.closeDevTools());
    }
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
  });
}
