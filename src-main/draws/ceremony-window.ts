/**
 * 投影画面: the operator's page asks for the projector window of a task's draw (ceremony:open). Opening a window is
 * the host's business (Electron's BrowserWindow and `screen` in src-main/window.ts), so it is injected like the file
 * dialog: the e2e harness records the call instead, and the CLI has none. No `electron` import here.
 */
import type { CeremonyWindowInfo } from '@shared/ipc/contract';
import { AppError } from '@shared/errors';
import type BetterSqlite3 from 'better-sqlite3';
import { readTask } from '../plans/tasks';

/** Opens (or brings forward) the projector window on the ceremony route of the task. */
export type OpenCeremonyWindow = (taskId: number) => CeremonyWindowInfo | Promise<CeremonyWindowInfo>;

export function createCeremonyService(raw: BetterSqlite3.Database, openWindow?: OpenCeremonyWindow) {
  return {
    async open(taskId: number): Promise<CeremonyWindowInfo> {
      readTask(raw, taskId);
      if (!openWindow) throw new AppError('ceremony.unavailable', '投影画面只能在桌面程序中打开。');
      return openWindow(taskId);
    },
  };
}
