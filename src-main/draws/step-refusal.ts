/** What the clerk is told when a step of the draw fails for a reason of the program's, not of the draw's. */
import { AppError } from '@shared/errors';

/**
 * How long a step waits for another connection's write (an import of the roster, another clerk's edit) before it
 * gives up: a step's work is done by then, and only its store waits — longer than the 5 s of other connections.
 */
export const STEP_BUSY_TIMEOUT_MS = 30_000;

/** What a step that failed unexpectedly tells the clerk: in Chinese, and that nothing was saved. */
export function stepRefusal(error: unknown): AppError {
  if ((error as { code?: string })?.code?.startsWith('SQLITE_BUSY')) {
    return new AppError(
      'draw.databaseBusy',
      `数据库正被其他操作（如导入名录）占用，等待 ${STEP_BUSY_TIMEOUT_MS / 1000} 秒仍未结束，本步骤未保存任何内容。请等该操作完成后重试。`,
    );
  }
  console.error('draw step failed:', error);
  return new AppError(
    'app.internal',
    `抽取计算时发生程序内部错误，本步骤未保存任何内容：${(error as Error)?.stack ?? String(error)}`,
  );
}
