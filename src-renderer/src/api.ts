import type { Api } from '@shared/ipc/client';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or by the e2e harness (browser); nothing else crosses over. */
    api: Api;
  }
}

export function api(): Api {
  if (!window.api) throw new Error('window.api 不可用：请在桌面程序中打开本页面');
  return window.api;
}
