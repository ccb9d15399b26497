/** The single Electron IPC channel every typed call travels on (the typed channel name is its first argument). */
export const IPC_INVOKE_CHANNEL = 'ssj:invoke';
