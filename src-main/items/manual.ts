/**
 * Items added, retired (停用) and deleted by hand, each with its change-log rows and its audit row in one transaction.
 * A retired item stays in the tasks and draws that name it; only an item no task names may be deleted.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ItemStatus } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import { methodKindsOf } from '@shared/import/items';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { changeJson, logRosterChange } from '../rosters/change-log';
import type { Database } from '../db/schema';
import { itemKeyOf } from '../rosters/import-specs';
import { filteredItems, itemNotFound } from './query';

type Trx = Transaction<Database>;

const recordKeyOf = (itemKey: string) => `item:${itemKey.replaceAll('\u0001', '/')}`;

interface Change {
  id: number;
  itemKey: string;
  action: 'insert' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  batch?: string;
}

const logChange = (trx: Trx, ctx: ServiceContext, c: Change) =>
  logRosterChange(trx, ctx, {
    at: ctx.now().toISOString(),
    roster: 'items',
    record_id: c.id,
    record_key: recordKeyOf(c.itemKey),
    action: c.action,
    batch: c.batch,
    before: changeJson(c.before),
    after: changeJson(c.after),
  });

const audit = (trx: Trx, ctx: ServiceContext, action: string, target: string, detail: unknown) =>
  appendAudit(trx, { actor: ctx.actor(), action, target, detail }, ctx.now());

/** A new item with one check sub-item (its name, basis and method), as the import makes an item without 检查内容. */
export async function createItem(db: Kysely<Database>, ctx: ServiceContext, req: ParsedReq<'items:create'>) {
  const at = ctx.now().toISOString();
  const itemKey = itemKeyOf(req);
  return db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('items').select('id').where('item_key', '=', itemKey).executeTakeFirst();
    if (same)
      throw new AppError(
        'items.duplicate',
        '事项清单中已有编制单位、抽查类别、抽查事项和检查对象都相同的事项，不能重复添加。',
        { field: 'name' },
      );
    const row = {
      item_key: itemKey,
      compiler: req.compiler,
      seq_no: req.seqNo,
      category: req.category,
      check_type: req.checkType,
      name: req.name,
      targets: req.targets,
      level: req.level,
      method: req.method,
      method_kinds: JSON.stringify(methodKindsOf(req.method)),
      authority: req.authority,
      basis: req.basis,
      remarks: req.remarks,
      created_at: at,
      updated_at: at,
    };
    const { id } = await trx.insertInto('items').values(row).returning('id').executeTakeFirstOrThrow();
    const subItem = { ordinal: 1, content: req.name, basis: req.basis, method: req.method };
    await trx
      .insertInto('item_sub_items')
      .values({ item_id: id, ...subItem })
      .execute();
    await logChange(trx, ctx, { id, itemKey, action: 'insert', before: null, after: { ...row, sub_items: [subItem] } });
    await audit(trx, ctx, 'items:create', `items:${id}`, { name: req.name });
    return id;
  });
}

/** Deletes an item no task names; otherwise refuses, suggesting 停用. */
export async function deleteItem(db: Kysely<Database>, ctx: ServiceContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw itemNotFound(id);
    const task = await trx
      .selectFrom('task_items')
      .innerJoin('tasks', 'tasks.id', 'task_items.task_id')
      .select('tasks.name')
      .where('task_items.item_id', '=', id)
      .executeTakeFirst();
    if (task)
      throw new AppError(
        'items.inUse',
        `不能删除：抽查任务「${task.name}」已选用这个事项。可改为停用：停用后不再供新任务选择，已有任务和抽取不受影响。`,
      );
    const subItems = await trx.selectFrom('item_sub_items').selectAll().where('item_id', '=', id).execute();
    await trx.deleteFrom('items').where('id', '=', id).execute();
    const after = null;
    await logChange(trx, ctx, {
      id,
      itemKey: before.item_key,
      action: 'delete',
      before: { ...before, sub_items: subItems },
      after,
    });
    await audit(trx, ctx, 'items:delete', `items:${id}`, { name: before.name });
    return { deleted: 1 };
  });
}

export async function setItemStatus(db: Kysely<Database>, ctx: ServiceContext, id: number, status: ItemStatus) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('items').select(['item_key', 'status']).where('id', '=', id).executeTakeFirst();
    if (!before) throw itemNotFound(id);
    if (before.status === status) return;
    const at = ctx.now().toISOString();
    await trx.updateTable('items').set({ status, updated_at: at }).where('id', '=', id).execute();
    const change = { id, itemKey: before.item_key, before: { status: before.status }, after: { status } };
    await logChange(trx, ctx, { ...change, action: 'update' });
    await audit(trx, ctx, 'items:set-status', `items:${id}`, { status });
  });
}

/** Retires every 启用 item the filter shows — exactly the count the clerk confirmed, or none. */
export async function bulkRetire(db: Kysely<Database>, ctx: ServiceContext, req: ParsedReq<'items:bulk-retire'>) {
  const { expected, ...filter } = req;
  return db.transaction().execute(async (trx) => {
    const rows = await filteredItems(trx, { ...filter, status: '启用' })
      .select(['id', 'item_key'])
      .orderBy('id')
      .execute();
    if (rows.length !== expected)
      throw new AppError(
        'items.countChanged',
        `符合筛选条件的启用事项现在是 ${rows.length} 项，不是确认时的 ${expected} 项，未停用任何事项。请核对列表后重试。`,
      );
    const at = ctx.now().toISOString();
    const batch = `bulk-${at}-${randomUUID().slice(0, 8)}`;
    const ids = rows.map((r) => r.id);
    await trx.updateTable('items').set({ status: '停用', updated_at: at }).where('id', 'in', ids).execute();
    for (const r of rows) {
      const change = { id: r.id, itemKey: r.item_key, before: { status: '启用' }, after: { status: '停用' } };
      await logChange(trx, ctx, { ...change, action: 'update', batch });
    }
    await audit(trx, ctx, 'items:bulk-retire', 'items', { batch, filter, changed: rows.length });
    return { changed: rows.length };
  });
}
