import type { StatsChannel } from '@shared/ipc/channels/stats';
import type { HandlersFor, Services } from './types';

export type StatsHandlers = HandlersFor<StatsChannel>;

export function statsHandlers(s: Services): StatsHandlers {
  return {
    'stats:view': (req) => s.stats.view(req),
    'stats:export': (req) => s.stats.export(req),
  };
}
