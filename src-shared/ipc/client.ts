import { CHANNELS, type Channel, type IpcResult, type Res } from './contract';
import type { Req } from './schemas';
import type { ErrorCode } from '../errors';

/** The transport: Electron's ipcRenderer.invoke in the preload, a Playwright binding in the e2e harness. */
export type Invoke = (channel: Channel, req: unknown) => Promise<IpcResult<unknown>>;

/** Thrown in the renderer when a call fails; carries the Chinese message to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Api = {
  [C in Channel]: (req?: Req<C>) => Promise<Res<C>>;
};

/**
 * Builds the plain object the renderer calls as `window.api['settings:get']({})`.
 * Used by the preload and by the e2e bridge, so both exercise the same code.
 */
export function createApi(invoke: Invoke): Api {
  const api = {} as Record<Channel, (req?: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    api[channel] = async (req?: unknown) => {
      const result = await invoke(channel, req ?? {});
      if (result.ok) return result.value;
      throw new ApiError(result.error.code, result.error.message, result.error.details);
    };
  }
  return Object.freeze(api) as Api;
}
