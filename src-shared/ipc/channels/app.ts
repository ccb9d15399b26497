export const APP_CHANNELS = ['app:info', 'app:switch-database', 'dialog:open-file', 'dialog:save-file'] as const;
export type AppChannel = (typeof APP_CHANNELS)[number];

export interface AppInfo {
  productName: string;
  version: string;
  dbPath: string;
  schemaVersion: number;
  /** Latest schema this build knows. */
  latestSchemaVersion: number;
  /** True when a backup copy was made before migrating at this start. */
  backupPath: string | null;
}

export interface FileChoice {
  /** Opaque: pass it to the channel that reads or writes the file. */
  token: string;
  fileName: string;
}

export interface AppResponses {
  'app:info': AppInfo;
  /** null: the user cancelled the dialog; else the file now open (the page reloads over it). */
  'app:switch-database': { fileName: string; dbPath: string } | null;
  /** null: the user cancelled the dialog. */
  'dialog:open-file': FileChoice | null;
  'dialog:save-file': FileChoice | null;
}

/** The shell's codes: an unexpected failure, the dispatch path's refusals, the file dialog and its tokens. */
export type AppErrorCode =
  | 'app.internal'
  | 'app.busy'
  | 'app.databaseExists'
  | 'app.switchUnavailable'
  | 'ipc.untrustedSender'
  | 'ipc.unknownChannel'
  | 'ipc.invalidRequest'
  | 'dialog.unavailable'
  | 'file.tokenExpired'
  | 'file.tokenMismatch';
