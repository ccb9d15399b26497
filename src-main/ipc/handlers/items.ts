import type { ItemChannel } from '@shared/ipc/channels/items';
import type { HandlersFor, Services } from './types';

export function itemHandlers(s: Services): HandlersFor<ItemChannel> {
  return {
    'items:query': (req) => s.items.query(req),
    'items:get': (req) => s.items.get(req.id),
    'items:update-sub-items': (req) => s.items.updateSubItems(req),
    'items:create': (req) => s.items.create(req),
    'items:delete': (req) => s.items.delete(req.id),
    'items:set-status': (req) => s.items.setStatus(req),
    'items:bulk-retire': (req) => s.items.bulkRetire(req),
    'items:compilers': () => s.items.compilers(),
  };
}
