import type { PublishChannel } from '@shared/ipc/channels/publish';
import type { HandlersFor, Services } from './types';

export type PublishHandlers = HandlersFor<PublishChannel>;

export function publishHandlers(s: Services): PublishHandlers {
  return {
    'publish:choices': () => s.publish.choices(),
    'publish:choose-folder': () => s.publish.chooseFolder(),
    'publish:run': (req) => s.publish.run(req),
    'publish:progress': (req) => s.publish.progress(req.jobId),
    'publish:cancel': (req) => s.publish.cancel(req.jobId),
  };
}
