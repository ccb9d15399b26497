import type { DisclosureChannel } from '@shared/ipc/channels/disclosure';
import type { HandlersFor, Services } from './types';

export function disclosureHandlers(s: Services): HandlersFor<DisclosureChannel> {
  return {
    'disclosure:tasks': () => s.disclosure.tasks(),
    'disclosure:task-preview': (req) => s.disclosure.taskPreview(req.taskId),
    'disclosure:result-preview': (req) => s.disclosure.resultPreview(req),
    'disclosure:publish-task': (req) => s.disclosure.publishTask(req.taskId),
    'disclosure:publish-results': (req) => s.disclosure.publishResults(req),
    'disclosure:export': (req) => s.disclosure.exportAnnouncement(req),
    'disclosure:publications': () => s.disclosure.publications(),
    'disclosure:due': () => s.disclosure.due(),
    'disclosure:settings': () => s.disclosure.settings(),
    'disclosure:save-settings': (req) => s.disclosure.saveSettings(req),
  };
}
