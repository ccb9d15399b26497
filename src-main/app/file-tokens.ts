/**
 * The renderer never names a file (Electron security checklist): main shows the dialog and returns an opaque token,
 * which this registry turns back into the path. The dialog is injected (Electron's, the e2e harness's, none in the
 * CLI), so this module stays plain Node.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';

/** open/save: a file; folder: a folder to write several files into (a batch export). */
export type FileDialogMode = 'open' | 'save' | 'folder';

export interface FileDialogRequest {
  mode: FileDialogMode;
  title: string;
  /** e.g. [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]; none for a folder. */
  filters: { name: string; extensions: string[] }[];
  defaultName?: string;
  /** An open dialog that lets the user pick several files. */
  multiple?: boolean;
}

/** Shows the dialog; resolves to the chosen path (several when `multiple`), or null when the user cancelled. */
export type FileDialog = (request: FileDialogRequest) => Promise<string | string[] | null>;

export interface FileChoice {
  token: string;
  /** The file's name (not its folder), to show. */
  fileName: string;
}

interface Entry {
  path: string;
  mode: FileDialogMode;
  expires: number;
}

/** Tokens live one hour: long enough for a preview, a mapping dialog and a confirm. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export const noFileDialog: FileDialog = async () => {
  throw new AppError('dialog.unavailable', '此环境不能打开文件对话框。');
};

const MISMATCH: Record<FileDialogMode, string> = {
  open: '请选择要打开的文件。',
  save: '请选择保存位置。',
  folder: '请选择保存文件的文件夹。',
};

export function createFileTokens(dialog: FileDialog, now: () => Date) {
  const entries = new Map<string, Entry>();

  function issue(path: string, mode: FileDialogMode): FileChoice {
    const token = randomUUID();
    entries.set(token, { path, mode, expires: now().getTime() + TOKEN_LIFETIME_MS });
    return { token, fileName: basename(path) };
  }

  return {
    async choose(request: FileDialogRequest): Promise<FileChoice | null> {
      const path = await dialog(request);
      if (Array.isArray(path)) return path[0] ? issue(path[0], request.mode) : null;
      return path ? issue(path, request.mode) : null;
    },
    /** An open dialog for several files: one token each; null when the user cancelled or chose none. */
    async chooseMany(request: Omit<FileDialogRequest, 'mode' | 'multiple'>): Promise<FileChoice[] | null> {
      const chosen = await dialog({ ...request, mode: 'open', multiple: true });
      const paths = chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen];
      return paths.length ? paths.map((p) => issue(p, 'open')) : null;
    },
    /** For main-side callers that already hold a path (the CLI, tests). */
    issue,
    /** The path behind a token, for the purpose it was issued for; a save token is used once. */
    resolve(token: string, mode: FileDialogMode): string {
      const entry = entries.get(token);
      if (!entry || entry.expires < now().getTime()) {
        entries.delete(token);
        throw new AppError('file.tokenExpired', '所选文件已失效，请重新选择文件。');
      }
      if (entry.mode !== mode) throw new AppError('file.tokenMismatch', MISMATCH[mode]);
      if (mode === 'save') entries.delete(token);
      return entry.path;
    },
  };
}

export type FileTokens = ReturnType<typeof createFileTokens>;
