import type { Channel, Res } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Services } from '../services';

export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

/** Thin: each channel is one service call. Logic lives in services, validation in the schemas. */
export function createHandlers(s: Services): Handlers {
  return {
    'app:info': () => s.app.info(),
    'settings:get': () => s.settings.get(),
    'settings:set': (req) => s.settings.set(req),
    'audit:list': (req) => s.audit.list(req),
  };
}
