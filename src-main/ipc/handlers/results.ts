import type { ResultChannel } from '@shared/ipc/channels/results';
import type { HandlersFor, Services } from './types';

export function resultHandlers(s: Services): HandlersFor<ResultChannel> {
  return {
    'results:tasks': () => s.results.tasks(),
    'results:entities': (req) => s.results.entities(req),
    'results:sheet': (req) => s.results.sheet(req),
    'results:save': (req) => s.results.save(req),
    'results:review': (req) => s.results.review(req),
    'results:choose-files': () => s.results.chooseFiles(),
    'results:import-preview': (req) => s.results.importPreview(req),
    'results:import': (req) => s.results.importConfirm(req),
    'results:import-progress': (req) => s.results.importProgress(req.jobId),
    'results:import-cancel': (req) => s.results.importCancel(req.jobId),
  };
}
