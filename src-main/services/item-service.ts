/**
 * 随机抽查事项清单: paged query with search over 事项名称/抽查类别/检查依据, and one item with its check sub-items
 * (the rows of the 一户一表 record sheet). Imports go through roster-service (kind 'items').
 */
import type { Kysely } from 'kysely';
import type { ItemDetail, ItemRow, RosterPage } from '@shared/domain/roster-views';
import { AppError } from '@shared/errors';
import type { Database, ItemsTable } from '../db/schema';

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

export function createItemService(db: Kysely<Database>) {
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
      .select((eb) => eb.selectFrom('item_sub_items').whereRef('item_sub_items.item_id', '=', 'items.id').select(eb.fn.countAll<number>().as('n')).as('sub_item_count'))
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
    const item = (await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst()) as StoredItem | undefined;
    if (!item) throw new AppError('items.notFound', `事项清单中没有这一项(编号 ${id}),可能已被删除。`);
    const subItems = await db
      .selectFrom('item_sub_items')
      .select(['id', 'ordinal', 'content', 'basis', 'method'])
      .where('item_id', '=', id)
      .orderBy('ordinal')
      .execute();
    return { ...itemView(item, subItems.length), subItems };
  }

  return { query, get };
}
