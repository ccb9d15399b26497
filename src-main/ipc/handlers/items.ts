import type { ItemChannel } from '@shared/ipc/channels/items';
import type { HandlersFor, Services } from './types';

export function itemHandlers(s: Services): HandlersFor<ItemChannel> {
  return {
    'items:query': (req) => s.items.query(req),
    'items:get': (req) => s.items.get(req.id),
    'items:update-sub-items': (req) => s.items.updateSubItems(req),
  };
}
