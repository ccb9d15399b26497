import { suggestedFileName } from '@shared/domain/file-names';
import type { Req } from '@shared/ipc/contract';
import { api } from '../api';

type SavePurpose = NonNullable<Req<'dialog:save-file'>>['purpose'];

/**
 * Asks main for a save dialog (the renderer never names a path; `defaultName` loses any path characters), then lets `write` fill the chosen file through
 * its token. null: the clerk cancelled the dialog.
 */
export async function saveThroughDialog<T>(
  purpose: SavePurpose,
  defaultName: string,
  write: (token: string) => Promise<T>,
): Promise<T | null> {
  const choice = await api()['dialog:save-file']({ purpose, defaultName: suggestedFileName(defaultName) });
  if (!choice) return null;
  return write(choice.token);
}

/** A job id for a long call whose progress the page polls (job:progress) and may cancel. */
export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
