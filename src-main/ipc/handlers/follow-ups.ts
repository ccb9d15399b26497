import type { FollowUpChannel } from '@shared/ipc/channels/follow-ups';
import type { HandlersFor, Services } from './types';

export function followUpHandlers(s: Services): HandlersFor<FollowUpChannel> {
  return {
    'follow-ups:list': (req) => s.results.followUps(req),
    'follow-ups:update': (req) => s.results.updateFollowUp(req),
    'follow-ups:close': (req) => s.results.closeFollowUp(req),
  };
}
