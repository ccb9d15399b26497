// The Electron main process: lifecycle only. Everything it does with data goes through services.
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { isAppError } from '@shared/errors';
import { openLiveDatabase, type LiveDatabase } from './app/live-database';
import { defaultDbPath, rememberDbPath, userDataDir } from './db/paths';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { IPC_INVOKE_CHANNEL } from '@shared/ipc/transport';
import { registerAppScheme, serveRenderer } from './protocol';
import { installSecurityGuards, isAppUrl } from './security';
import { createServices } from './app/services';
import type { FileDialog } from './app/file-tokens';
import { defaultContext } from './app/context';
import { closeCeremonyWindow, createMainWindow, openCeremonyWindow } from './window';

app.setName('ssj-desk');
/** The operator's window (the projector window, when open, is a second one: window.ts). */
let mainWindow: BrowserWindow | null = null;
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  installSecurityGuards();
  let live: LiveDatabase | undefined;

  app.on('second-instance', () => {
    // The operator's window, never the projector's (which may be the first in getAllWindows()).
    const win = mainWindow;
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    const ctx = defaultContext(userInfo().username);
    try {
      // A restore or a switch (app/live-database.ts) builds the services again over the reopened database, with the same host parts.
      live = await openLiveDatabase(defaultDbPath(), (conn, reopenDatabase, switchTo) => {
        const switchDatabase = async (path: string, create: boolean) => {
          await switchTo(path, create);
          rememberDbPath(userDataDir(), path);
        };
        const deps = { fileDialog: showFileDialog, openCeremonyWindow, reopenDatabase, switchDatabase };
        const services = createServices(conn, ctx, deps);
        services.backups.startDaily();
        return services;
      });
    } catch (e) {
      // Nothing has been written: say why in Chinese and leave.
      dialog.showErrorBox('无法打开数据库', isAppError(e) ? e.message : `未知错误：${String(e)}`);
      app.exit(1);
      return;
    }
    const opened = live;
    registerIpc(
      createDispatch({
        handlers: opened.handlers,
        isTrustedSender: isAppUrl,
        // The services of the database open now (a restore builds them again, signed out).
        authorize: (channel) => opened.services().users.authorize(channel),
      }),
    );
    serveRenderer(join(__dirname, '../renderer'));
    // The projector window goes with the operator's: closing the operator's window ends the app.
    mainWindow = createMainWindow();
    mainWindow.on('closed', closeCeremonyWindow);
  });

  app.on('window-all-closed', () => {
    void (live?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}

/**
 * Electron's side of the one dispatch path. The sender check uses the frame that sent the message
 * (not the window's URL), so a subframe could never borrow the main frame's trust.
 */
function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    dispatch(event.senderFrame?.url ?? '', channel, payload),
  );
}

/**
 * The only place a file path is chosen in the desktop app: main shows the dialog, services turn the path into an
 * opaque token for the renderer (app/file-tokens.ts).
 */
const showFileDialog: FileDialog = async (request) => {
  // Dialogs belong to the operator's window (the projector shows no controls and must not get a modal sheet).
  const owner = mainWindow && !mainWindow.isDestroyed() ? mainWindow : (BrowserWindow.getFocusedWindow() ?? null);
  if (request.mode === 'folder') {
    const options = { title: request.title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  if (request.mode === 'open') {
    const properties = request.multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const];
    const options = { title: request.title, filters: request.filters, properties };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    if (request.multiple) return result.canceled ? null : result.filePaths;
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options = { title: request.title, filters: request.filters, defaultPath: request.defaultName };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
};
