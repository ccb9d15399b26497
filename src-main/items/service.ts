/**
 * 随机抽查事项清单: paged query with search over 事项名称/抽查类别/检查依据, one item with its check sub-items
 * (the rows of the 一户一表 record sheet), and the clerk's edit of those sub-items (edit the text, split one into
 * several, add, remove, reorder) in one transaction with a change-log row and an audit row. Imports go through
 * roster-service (kind 'items').
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ItemDetail, ItemRow, RosterPage } from '@shared/domain/roster-views';
import { AppError } from '@shared/errors';
import type { subItemDraft } from '@shared/ipc/schemas';
import type { Database, ItemsTable } from '../db/schema';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';

type StoredItem = Omit<ItemsTable, 'id'> & { id: number };

function itemView(r: StoredItem, subItemCount: number): ItemRow {
  return {
    id: r.id,
    compiler: r.compiler,
    seqNo: r.seq_no,
    category: r.category,
    checkType: r.check_type,
    name: r.name,
    targets: r.targets,
    level: r.level,
    method: r.method,
    methodKinds: JSON.parse(r.method_kinds) as string[],
    authority: r.authority,
    basis: r.basis,
    remarks: r.remarks,
    subItemCount,
  };
}

export interface ItemQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  compiler?: string;
  level?: '一般' | '重点';
}

/**
 * While a sub-item list is rewritten, its rows are moved out of the way of UNIQUE (item_id, ordinal) by this
 * offset, then given their final ordinals.
 */
const ORDINAL_PARKING = 1_000_000;

/** One sub-item as the clerk leaves it: `id` for a kept one, none for a new one. */
export type ItemSubItemDraft = z.output<typeof subItemDraft>;
type SubItemText = Pick<ItemSubItemDraft, 'content' | 'basis' | 'method'>;
const sameText = (a: SubItemText, b: SubItemText) =>
  a.content === b.content && a.basis === b.basis && a.method === b.method;

export function createItemService(db: Kysely<Database>, ctx: ServiceContext) {
  async function query(req: ItemQuery): Promise<RosterPage<ItemRow>> {
    const page = req.page ?? 1;
    const pageSize = req.pageSize ?? 50;
    let base = db.selectFrom('items');
    if (req.compiler) base = base.where('compiler', '=', req.compiler);
    if (req.level) base = base.where('level', '=', req.level);
    const search = req.search?.trim();
    if (search) {
      // An item list has hundreds of lines, not millions: a LIKE scan is instant and matches any length.
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or(['name', 'check_type', 'basis', 'targets', 'compiler'].map((c) => eb(c as 'name', 'like', pattern))),
      );
    }
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll('items')
      .select((eb) =>
        eb
          .selectFrom('item_sub_items')
          .whereRef('item_sub_items.item_id', '=', 'items.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('sub_item_count'),
      )
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      total: Number(total),
      page,
      pageSize,
      rows: rows.map((r) => itemView(r as StoredItem, Number(r.sub_item_count ?? 0))),
      searchMode: search ? 'scan' : null,
    };
  }

  async function get(id: number): Promise<ItemDetail> {
    const item = (await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst()) as
      StoredItem | undefined;
    if (!item) throw new AppError('items.notFound', `事项清单中没有这一项(编号 ${id}),可能已被删除。`);
    const subItems = await db
      .selectFrom('item_sub_items')
      .select(['id', 'ordinal', 'content', 'basis', 'method'])
      .where('item_id', '=', id)
      .orderBy('ordinal')
      .execute();
    return { ...itemView(item, subItems.length), subItems };
  }

  /**
   * Sets an item's check sub-items to `subItems`, in that order. A draft with an `id` keeps that sub-item (its
   * text and position may change); one without is new; a stored sub-item not in the list is removed. Splitting one
   * into several is the same call: the first part keeps the id, the others are new. Ids stay stable, so whatever
   * refers to a sub-item later (results per sub-item) keeps pointing at the same row.
   */
  async function updateSubItems(req: { itemId: number; subItems: ItemSubItemDraft[] }): Promise<ItemDetail> {
    const at = ctx.now();
    await db.transaction().execute(async (trx) => {
      const item = await trx
        .selectFrom('items')
        .select(['id', 'item_key'])
        .where('id', '=', req.itemId)
        .executeTakeFirst();
      if (!item) throw new AppError('items.notFound', `事项清单中没有这一项(编号 ${req.itemId}),可能已被删除。`);
      if (req.subItems.length === 0) throw new AppError('items.noSubItems', '每个事项至少要有一个检查子项。');
      const stored = await trx
        .selectFrom('item_sub_items')
        .select(['id', 'ordinal', 'content', 'basis', 'method'])
        .where('item_id', '=', req.itemId)
        .orderBy('ordinal')
        .execute();
      const storedById = new Map(stored.map((s) => [s.id, s]));
      const kept = new Set<number>();
      for (const draft of req.subItems) {
        if (draft.id === undefined) continue;
        if (!storedById.has(draft.id))
          throw new AppError(
            'items.subItemNotFound',
            `检查子项(编号 ${draft.id})不属于这个事项,可能已被他人修改。请刷新后重试。`,
          );
        if (kept.has(draft.id))
          throw new AppError(
            'items.subItemTwice',
            `检查子项(编号 ${draft.id})出现了两次。拆分时只有第一部分保留原编号。`,
          );
        kept.add(draft.id);
      }
      const unchanged =
        req.subItems.length === stored.length &&
        req.subItems.every((d, i) => d.id === stored[i].id && sameText(d, stored[i]));
      if (unchanged) return;

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
      const text = (list: readonly SubItemText[]) =>
        list.map((s, i) => ({ ordinal: i + 1, content: s.content, basis: s.basis, method: s.method }));
      await trx
        .insertInto('roster_changes')
        .values({
          at: at.toISOString(),
          actor: ctx.actor(),
          roster: 'items',
          record_id: req.itemId,
          record_key: `item:${item.item_key.replaceAll('\u0001', '/')}`,
          action: 'update',
          source: 'edit',
          batch: null,
          before: JSON.stringify({ sub_items: text(stored) }),
          after: JSON.stringify({ sub_items: text(req.subItems) }),
        })
        .execute();
      await appendAudit(
        trx,
        {
          actor: ctx.actor(),
          action: 'items:update-sub-items',
          target: `items:${req.itemId}`,
          detail: { before: stored.length, after: req.subItems.length, added, removed: removed.length },
        },
        at,
      );
    });
    return get(req.itemId);
  }

  return { query, get, updateSubItems };
}
