import type { RosterChannel } from '@shared/ipc/channels/rosters';
import type { HandlersFor, Services } from './types';

export function rosterHandlers(s: Services): HandlersFor<RosterChannel> {
  return {
    'roster:query': (req) => s.rosters.query(req),
    'roster:filter-options': (req) => s.rosters.filterOptions(req.roster),
    'roster:update': (req) => s.rosters.update(req),
    'roster:create': (req) => s.rosters.create(req),
    'roster:delete': (req) => s.rosters.delete(req),
    'roster:bulk-update': (req) => s.rosters.bulkUpdate(req),
    'roster:bulk-progress': (req) => s.rosters.bulkProgress(req.jobId),
    'roster:bulk-cancel': (req) => s.rosters.bulkCancel(req.jobId),
    'roster:import-detect': (req) => s.rosters.importDetect(req),
    'roster:import-preview': (req) => s.rosters.importPreview(req),
    'roster:import-confirm': (req) => s.rosters.importConfirm(req),
    'roster:import-cancel': (req) => s.rosters.importCancel(req.jobId),
    'roster:import-rejections': (req) => s.rosters.importRejections(req),
    'job:progress': (req) => s.rosters.jobProgress(req.jobId),
    'roster:export': (req) => s.rosters.exportView(req),
    'roster:template': (req) => s.rosters.template(req),
  };
}
