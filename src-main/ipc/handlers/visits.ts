import type { VisitChannel } from '@shared/ipc/channels/visits';
import type { HandlersFor, Services } from './types';

export function visitHandlers(s: Services): HandlersFor<VisitChannel> {
  return {
    'visits:proposals': (req) => s.visits.proposals(req),
    'visits:merge': (req) => s.visits.merge(req),
  };
}
