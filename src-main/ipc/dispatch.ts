import { isAppError, type ErrorCode } from '@shared/errors';
import type { IpcResult } from '@shared/ipc/contract';
import type { Channel } from '@shared/ipc/contract';
import { requestSchemas } from '@shared/ipc/schemas';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  handlers: Handlers;
  /** Decides whether a call may come from this frame URL (Electron: our app:// page; e2e: the harness page). */
  isTrustedSender: (senderUrl: string) => boolean;
  /** Unexpected failures are logged here with their stack (never shown to the clerk). Default: console.error. */
  logError?: (channel: string, error: unknown) => void;
  /** Refuses (throws AppError) a call the signed-in user's role may not make: src-main/users/channel-roles.ts. */
  authorize?: (channel: Channel) => void;
}

export type Dispatch = (senderUrl: string, channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

/**
 * The one path every call takes, in Electron and in the browser harness alike:
 * check the sender → find the channel → parse the payload → call the handler → wrap the result.
 * Nothing throws across the boundary: every failure becomes `{ ok: false, error: { code, message } }`.
 */
export function createDispatch({
  handlers,
  isTrustedSender,
  logError = logToConsole,
  authorize,
}: DispatchOptions): Dispatch {
  return async (senderUrl, channel, payload) => {
    if (!isTrustedSender(senderUrl)) {
      return fail('ipc.untrustedSender', '拒绝来自非本程序页面的调用');
    }
    if (typeof channel !== 'string' || !Object.hasOwn(requestSchemas, channel)) {
      return fail('ipc.unknownChannel', `未知的调用通道：${String(channel).slice(0, 80)}`);
    }
    const name = channel as Channel;
    // Who may call it is decided before the payload is even read.
    try {
      authorize?.(name);
    } catch (e) {
      if (isAppError(e)) return fail(e.code, e.message);
      logError(name, e);
      return fail('app.internal', INTERNAL_MESSAGE);
    }
    const parsed = requestSchemas[name].safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '请求'}:${i.message}`);
      return fail('ipc.invalidRequest', `请求参数不正确：${issues.join('；')}`, { issues: parsed.error.issues });
    }
    try {
      const handler = handlers[name] as (req: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      // An 'app.internal' AppError carries a stack in its message (workers): it is logged like any other bug.
      if (isAppError(e) && e.code !== 'app.internal') return fail(e.code, e.message, e.details);
      logError(name, e);
      return fail('app.internal', INTERNAL_MESSAGE);
    }
  };
}

/** What the clerk reads about a bug: no stack, no English; the details are in the log. */
export const INTERNAL_MESSAGE = '程序内部错误，操作未完成，详情已记入日志。';

function logToConsole(channel: string, error: unknown): void {
  console.error(`[ipc ${channel}]`, error instanceof Error ? (error.stack ?? error.message) : error);
}

function fail(code: ErrorCode, message: string, details?: unknown): IpcResult<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}
