/**
 * A temp database whose services answer through the real IPC dispatch (schema parse, handler, {ok,value} wrap),
 * with the open/save dialog answered by `dialogPath()` — as the e2e harness injects it.
 */
import { createDispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createServices } from '../../../src-main/app/services';
import { ipcCall, type IpcCall } from '../../fixtures/ipc-call';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

export type { IpcCall };

export async function ipcTestDb(dialogPath: () => string | null): Promise<{ t: TestDb; call: IpcCall }> {
  const t = await createTestDb();
  t.services = createServices(t.conn, t.ctx, { fileDialog: async () => dialogPath() });
  const dispatch = createDispatch({
    handlers: createHandlers(t.services),
    isTrustedSender: (u) => u.startsWith('app://ssj/'),
  });
  return { t, call: ipcCall((channel, payload) => dispatch('app://ssj/index.html', channel, payload)) };
}
