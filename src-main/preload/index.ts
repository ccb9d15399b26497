import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '@shared/ipc/client';
import type { IpcResult } from '@shared/ipc/contract';
import { IPC_INVOKE_CHANNEL } from '@shared/ipc/transport';

// The renderer gets exactly one object: `window.api`, one function per allow-listed channel.
// No ipcRenderer, no Node, no way to name an arbitrary channel.
contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, req) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, req) as Promise<IpcResult<unknown>>),
);
