/**
 * 随机抽查事项清单: paged query, one item with its check sub-items, and the clerk's edit of those sub-items.
 * Imports go through roster-service (kind 'items').
 */
import type { Kysely } from 'kysely';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { Database } from '../db/schema';
import { getItem, queryItems } from './query';
import { updateSubItems } from './sub-items';

export type { ItemSubItemDraft } from './sub-items';

export function createItemService(db: Kysely<Database>, ctx: ServiceContext) {
  return {
    query: (req: ParsedReq<'items:query'>) => queryItems(db, req),
    get: (id: number) => getItem(db, id),
    async updateSubItems(req: ParsedReq<'items:update-sub-items'>) {
      await updateSubItems(db, ctx, req);
      return getItem(db, req.itemId);
    },
  };
}
