/** 随机抽查事项清单 pages: paged query with search over 事项名称/抽查类别/检查依据, and one item with its sub-items. */
import type { Kysely, Selectable } from 'kysely';
import type { ItemDetail, ItemRow, RosterPage } from '@shared/domain/roster-views';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Database, ItemsTable } from '../db/schema';

type ItemFilter = Pick<ParsedReq<'items:query'>, 'compiler' | 'level' | 'status' | 'search'>;

function itemView(r: Selectable<ItemsTable>, subItemCount: number): ItemRow {
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
    status: r.status,
    subItemCount,
  };
}

/** The items the list's filter shows (the page's query, and what 批量停用 acts on). */
export function filteredItems(db: Kysely<Database>, filter: ItemFilter) {
  let base = db.selectFrom('items');
  if (filter.compiler) base = base.where('compiler', '=', filter.compiler);
  if (filter.level) base = base.where('level', '=', filter.level);
  if (filter.status) base = base.where('status', '=', filter.status);
  const search = filter.search?.trim();
  if (search) {
    // An item list has hundreds of lines, not millions: a LIKE scan is instant and matches any length.
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = ['name', 'check_type', 'basis', 'targets', 'compiler'] as const;
    base = base.where((eb) => eb.or(columns.map((c) => eb(c, 'like', pattern))));
  }
  return base;
}

export async function queryItems(db: Kysely<Database>, req: ParsedReq<'items:query'>): Promise<RosterPage<ItemRow>> {
  const { page, pageSize } = req;
  const base = filteredItems(db, req);
  const search = req.search?.trim();
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
    rows: rows.map((r) => itemView(r, Number(r.sub_item_count ?? 0))),
    searchMode: search ? 'scan' : null,
  };
}

export function itemNotFound(id: number): AppError {
  return new AppError('items.notFound', `事项清单中没有这一项（编号 ${id}），可能已被删除。`);
}

export async function getItem(db: Kysely<Database>, id: number): Promise<ItemDetail> {
  const item = await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw itemNotFound(id);
  const subItems = await db
    .selectFrom('item_sub_items')
    .select(['id', 'ordinal', 'content', 'basis', 'method'])
    .where('item_id', '=', id)
    .orderBy('ordinal')
    .execute();
  return { ...itemView(item, subItems.length), subItems };
}

export async function itemCompilers(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('items')
    .select((eb) => ['compiler', eb.fn.countAll<number>().as('items')])
    .groupBy('compiler')
    .orderBy('compiler')
    .execute();
  return rows.map((r) => ({ name: r.compiler, items: Number(r.items) }));
}
