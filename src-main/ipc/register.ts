import { ipcMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '@shared/ipc/transport';
import type { Dispatch } from './dispatch';

/**
 * Electron's side of the one dispatch path. The sender check uses the frame that sent the message
 * (not the window's URL), so a subframe could never borrow the main frame's trust.
 */
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    dispatch(event.senderFrame?.url ?? '', channel, payload),
  );
}
