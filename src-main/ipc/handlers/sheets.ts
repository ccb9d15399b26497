import type { SheetChannel } from '@shared/ipc/channels/sheets';
import type { HandlersFor, Services } from './types';

export type SheetHandlers = HandlersFor<SheetChannel>;

export function sheetHandlers(s: Services): SheetHandlers {
  return {
    'sheets:draws': () => s.sheets.draws(),
    'sheets:choose-folder': () => s.sheets.chooseFolder(),
    'sheets:export': (req) => s.sheets.export(req),
    'sheets:export-progress': (req) => s.sheets.exportProgress(req.jobId),
    'sheets:export-cancel': (req) => s.sheets.exportCancel(req.jobId),
  };
}
