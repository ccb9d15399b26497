import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import type { CeremonyWindowInfo } from '@shared/ipc/contract';
import { APP_ORIGIN } from './serving';

/** webPreferences locked down for every window the app creates. */
export function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !app.isPackaged,
  };
}

/** The app's page at a route (hash routing), from the dev server in development, else from app://. */
function loadRoute(win: BrowserWindow, route: string): void {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const base = !app.isPackaged && devUrl ? devUrl : `${APP_ORIGIN}/index.html`;
  void win.loadURL(route === '/' ? base : `${base}#${route}`);
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '双随机一公开监管工作台',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  win.once('ready-to-show', () => win.show());
  loadRoute(win, '/');
  return win;
}

let ceremonyWindow: BrowserWindow | null = null;

/**
 * 投影画面: a second window on the ceremony route, with no controls (the page polls draws:ceremony-state). Full screen on a
 * non-primary display when one is attached; the same locked webPreferences as every window; one at a time.
 */
export function openCeremonyWindow(taskId: number): CeremonyWindowInfo {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const projector = displays.length > 1 ? (displays.find((d) => d.id !== primary.id) ?? null) : null;
  const route = `/ceremony/${taskId}`;
  if (ceremonyWindow && !ceremonyWindow.isDestroyed()) {
    loadRoute(ceremonyWindow, route);
    ceremonyWindow.show();
    ceremonyWindow.focus();
    return { fullScreen: ceremonyWindow.isFullScreen(), displays: displays.length };
  }
  const area = (projector ?? primary).workArea;
  const win = new BrowserWindow({
    x: area.x + (projector ? 0 : 40),
    y: area.y + (projector ? 0 : 40),
    width: projector ? area.width : Math.min(1280, area.width - 80),
    height: projector ? area.height : Math.min(720, area.height - 80),
    title: '随机抽取 — 投影画面',
    backgroundColor: '#061a33',
    autoHideMenuBar: true,
    show: false,
    webPreferences: secureWebPreferences(),
  });
  win.setMenuBarVisibility(false);
  win.once('ready-to-show', () => {
    // Full screen only once the window sits on the projector's display, so it fills that display and not the primary.
    if (projector) win.setFullScreen(true);
    win.show();
  });
  // F11 puts it on or off full screen (after dragging it onto a projector attached late); nothing else on it reacts.
  win.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'F11') {
      event.preventDefault();
      win.setFullScreen(!win.isFullScreen());
    }
  });
  win.on('closed', () => {
    if (ceremonyWindow === win) ceremonyWindow = null;
  });
  loadRoute(win, route);
  ceremonyWindow = win;
  return { fullScreen: projector !== null, displays: displays.length };
}

/** Closes the projector window with the operator's (the app quits when the operator's window closes). */
export function closeCeremonyWindow(): void {
  if (ceremonyWindow && !ceremonyWindow.isDestroyed()) ceremonyWindow.close();
  ceremonyWindow = null;
}
