import type { StatsChannel } from '@shared/ipc/channels/stats';
import type { HandlersFor, Services } from './types';

export function statsHandlers(s: Services): HandlersFor<StatsChannel> {
  return {
    'stats:view': (req) => s.stats.view(req),
    'stats:export': (req) => s.stats.export(req),
  };
}
