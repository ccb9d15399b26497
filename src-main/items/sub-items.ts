/**
 * The clerk's edit of an item's check sub-items (the rows of the 一户一表 record sheet): edit the text, split one
 * into several, add, remove, reorder — in one transaction with a change-log row and an audit row.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { logRosterChange } from '../rosters/change-log';
import type { Database } from '../db/schema';
import { itemNotFound } from './query';

type Req = ParsedReq<'items:update-sub-items'>;
/** One sub-item as the clerk leaves it: `id` for a kept one, none for a new one. */
export type ItemSubItemDraft = Req['subItems'][number];
type SubItemText = Pick<ItemSubItemDraft, 'content' | 'basis' | 'method'>;
type StoredSubItem = SubItemText & { id: number; ordinal: number };

/**
 * While a sub-item list is rewritten, its rows are moved out of the way of UNIQUE (item_id, ordinal) by this
 * offset, then given their final ordinals.
 */
const ORDINAL_PARKING = 1_000_000;

const sameText = (a: SubItemText, b: SubItemText) =>
  a.content === b.content && a.basis === b.basis && a.method === b.method;

/** The ids the drafts keep: each must belong to the item, and appear once. */
function keptIds(req: Req, stored: readonly StoredSubItem[]): Set<number> {
  const storedIds = new Set(stored.map((s) => s.id));
  const kept = new Set<number>();
  for (const draft of req.subItems) {
    if (draft.id === undefined) continue;
    if (!storedIds.has(draft.id))
      throw new AppError(
        'items.subItemNotFound',
        `检查子项（编号 ${draft.id}）不属于这个事项，可能已被他人修改。请刷新后重试。`,
      );
    if (kept.has(draft.id))
      throw new AppError(
        'items.subItemTwice',
        `检查子项（编号 ${draft.id}）出现了两次。拆分时只有第一部分保留原编号。`,
      );
    kept.add(draft.id);
  }
  return kept;
}

/** Writes the drafts in order; returns how many sub-items were added and removed. */
async function rewrite(trx: Transaction<Database>, req: Req, stored: readonly StoredSubItem[], kept: Set<number>) {
  await trx
    .updateTable('item_sub_items')
    .set((eb) => ({ ordinal: eb('ordinal', '+', ORDINAL_PARKING) }))
    .where('item_id', '=', req.itemId)
    .execute();
  const removed = stored.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (removed.length > 0) await trx.deleteFrom('item_sub_items').where('id', 'in', removed).execute();
  let added = 0;
  for (const [i, draft] of req.subItems.entries()) {
    const values = { ordinal: i + 1, content: draft.content, basis: draft.basis, method: draft.method };
    if (draft.id !== undefined)
      await trx.updateTable('item_sub_items').set(values).where('id', '=', draft.id).execute();
    else {
      await trx
        .insertInto('item_sub_items')
        .values({ item_id: req.itemId, ...values })
        .execute();
      added++;
    }
  }
  return { added, removed: removed.length };
}

/**
 * Sets an item's sub-items to `subItems`, in order: a draft with an `id` keeps that sub-item, one without is new, a
 * stored one not listed is removed (a split keeps the id on its first part). Ids stay stable so results per sub-item
 * keep pointing at the same row.
 */
export async function updateSubItems(db: Kysely<Database>, ctx: ServiceContext, req: Req): Promise<void> {
  const at = ctx.now();
  await db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'item_key'])
      .where('id', '=', req.itemId)
      .executeTakeFirst();
    if (!item) throw itemNotFound(req.itemId);
    if (req.subItems.length === 0) throw new AppError('items.noSubItems', '每个事项至少要有一个检查子项。');
    const stored = await trx
      .selectFrom('item_sub_items')
      .select(['id', 'ordinal', 'content', 'basis', 'method'])
      .where('item_id', '=', req.itemId)
      .orderBy('ordinal')
      .execute();
    const kept = keptIds(req, stored);
    const unchanged =
      req.subItems.length === stored.length &&
      req.subItems.every((d, i) => d.id === stored[i].id && sameText(d, stored[i]));
    if (unchanged) return;
    const { added, removed } = await rewrite(trx, req, stored, kept);
    const text = (list: readonly SubItemText[]) =>
      list.map((s, i) => ({ ordinal: i + 1, content: s.content, basis: s.basis, method: s.method }));
    await logRosterChange(trx, ctx, {
      at: at.toISOString(),
      roster: 'items',
      record_id: req.itemId,
      record_key: `item:${item.item_key.replaceAll('\u0001', '/')}`,
      action: 'update',
      before: JSON.stringify({ sub_items: text(stored) }),
      after: JSON.stringify({ sub_items: text(req.subItems) }),
    });
    const detail = { before: stored.length, after: req.subItems.length, added, removed };
    await appendAudit(
      trx,
      { actor: ctx.actor(), action: 'items:update-sub-items', target: `items:${req.itemId}`, detail },
      at,
    );
  });
}
