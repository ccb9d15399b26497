import type { AuditChannel } from '@shared/ipc/channels/audit';
import type { HandlersFor, Services } from './types';

export function auditHandlers(s: Services): HandlersFor<AuditChannel> {
  return {
    'audit:list': (req) => s.audit.list(req),
    'audit:count': (req) => s.audit.count(req),
    'audit:actors': () => s.audit.actors(),
    'audit:export': (req) => s.audit.export(req),
    'audit:export-progress': (req) => s.audit.exportProgress(req.jobId),
    'audit:export-cancel': (req) => s.audit.exportCancel(req.jobId),
    'audit:verify': () => s.audit.verify(),
  };
}
