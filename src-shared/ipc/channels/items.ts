import type { ItemDetail, ItemRow, RosterPage } from '../../domain/roster-views';

export const ITEM_CHANNELS = [
  'items:query',
  'items:get',
  'items:update-sub-items',
  'items:create',
  'items:delete',
  'items:set-status',
  'items:bulk-retire',
  'items:compilers',
] as const;
export type ItemChannel = (typeof ITEM_CHANNELS)[number];

export interface ItemResponses {
  'items:query': RosterPage<ItemRow>;
  'items:get': ItemDetail;
  'items:update-sub-items': ItemDetail;
  /** An item added by hand, with one check sub-item (its name), as the import makes it. */
  'items:create': ItemDetail;
  /** Only an item no task names; the refusal suggests 停用. */
  'items:delete': { deleted: number };
  'items:set-status': ItemDetail;
  /** Every 启用 item the list's filter shows, retired together. */
  'items:bulk-retire': { changed: number };
  /** Each 编制单位 of the list with its items, by name. */
  'items:compilers': { name: string; items: number }[];
}

export type ItemErrorCode =
  | 'items.countChanged'
  | 'items.duplicate'
  | 'items.inUse'
  | 'items.notFound'
  | 'items.noSubItems'
  | 'items.subItemNotFound'
  | 'items.subItemTwice';
