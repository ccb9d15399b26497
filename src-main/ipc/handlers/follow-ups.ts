import type { FollowUpChannel } from '@shared/ipc/channels/follow-ups';
import type { HandlersFor, Services } from './types';

export type FollowUpHandlers = HandlersFor<FollowUpChannel>;

export function followUpHandlers(s: Services): FollowUpHandlers {
  return {
    'followUps:list': (req) => s.results.followUps(req),
    'followUps:update': (req) => s.results.updateFollowUp(req),
    'followUps:close': (req) => s.results.closeFollowUp(req),
  };
}
