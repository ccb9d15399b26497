/**
 * A temp database whose services answer through the real IPC dispatch (schema parse, handler, {ok,value} wrap),
 * with the open/save dialog answered by `dialogPath()` — as the e2e harness injects it.
 */
import { createDispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createServices } from '../../../src-main/app/services';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

export type IpcCall = <T>(channel: string, payload: unknown) => Promise<T>;

export async function ipcTestDb(dialogPath: () => string | null): Promise<{ t: TestDb; call: IpcCall }> {
  const t = await createTestDb();
  t.services = createServices(t.conn, t.ctx, { fileDialog: async () => dialogPath() });
  const dispatch = createDispatch({
    handlers: createHandlers(t.services),
    isTrustedSender: (u) => u.startsWith('app://ssj/'),
  });
  const call: IpcCall = async <T>(channel: string, payload: unknown) => {
    const res = await dispatch('app://ssj/index.html', channel, payload);
    if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
    return res.value as T;
  };
  return { t, call };
}
