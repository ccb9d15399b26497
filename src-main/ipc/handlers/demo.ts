import type { DemoChannel } from '@shared/ipc/channels/demo';
import type { HandlersFor, Services } from './types';

export function demoHandlers(s: Services): HandlersFor<DemoChannel> {
  return {
    'demo:load': (req) => s.demo.load(req.entities, req.jobId),
    'demo:progress': (req) => s.demo.progress(req.jobId),
    'demo:cancel': (req) => s.demo.cancel(req.jobId),
  };
}
