import type { ItemDetail, ItemRow, RosterPage } from '../../domain/roster-views';

export const ITEM_CHANNELS = ['items:query', 'items:get', 'items:update-sub-items'] as const;
export type ItemChannel = (typeof ITEM_CHANNELS)[number];

export interface ItemResponses {
  'items:query': RosterPage<ItemRow>;
  'items:get': ItemDetail;
  'items:update-sub-items': ItemDetail;
}

export type ItemErrorCode = 'items.notFound' | 'items.noSubItems' | 'items.subItemNotFound' | 'items.subItemTwice';
