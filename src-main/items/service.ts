/**
 * 随机抽查事项清单: paged query, one item with its check sub-items, the clerk's edit of those sub-items, and items
 * added, retired (停用) and deleted by hand.
 * Imports go through roster-service (kind 'items').
 */
import type { Kysely } from 'kysely';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { Database } from '../db/schema';
import { bulkRetire, createItem, deleteItem, setItemStatus } from './manual';
import { getItem, itemCompilers, queryItems } from './query';
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
    create: async (req: ParsedReq<'items:create'>) => getItem(db, await createItem(db, ctx, req)),
    delete: (id: number) => deleteItem(db, ctx, id),
    async setStatus(req: ParsedReq<'items:set-status'>) {
      await setItemStatus(db, ctx, req.id, req.status);
      return getItem(db, req.id);
    },
    bulkRetire: (req: ParsedReq<'items:bulk-retire'>) => bulkRetire(db, ctx, req),
    compilers: () => itemCompilers(db),
  };
}
