import { z } from '../zod';
import type { ItemChannel } from './items';
import { text } from './fields';
import { ITEM_FIELDS } from '../../import/fields';

/** One check sub-item as the clerk leaves it (items:update-sub-items): `id` for a kept one, none for a new one. */
export const subItemDraft = z
  .object({
    id: z.number().int().positive().optional(),
    content: text('检查内容', 5000).min(1, '检查内容不能为空'),
    basis: text('检查依据', 20000).default(''),
    method: text('检查方式', 1000).default(''),
  })
  .strict();

const itemStatus = z.enum(['启用', '停用'], { error: '状态应为 启用 或 停用' });

/** What the item list shows: the page's filter, also what 批量停用 acts on. */
export const itemFilter = z
  .object({
    search: text('搜索内容', 100).optional(),
    compiler: text('编制单位', 100).optional(),
    level: z.enum(['一般', '重点']).optional(),
    status: itemStatus.optional(),
  })
  .strict();

/** A field of an item typed by hand, with the import's label and length bound. */
function itemText(key: string) {
  const field = ITEM_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`no item field ${key}`);
  return text(field.label, field.maxLength);
}

/** An item typed by hand: the import's columns and bounds; 编制单位 and 抽查事项 required. */
export const itemNew = z
  .object({
    compiler: itemText('compiler').min(1, '编制单位不能为空'),
    seqNo: itemText('seqNo').default(''),
    category: itemText('category').default(''),
    checkType: itemText('checkType').default(''),
    name: itemText('name').min(1, '抽查事项不能为空'),
    targets: itemText('targets').default(''),
    level: z.enum(['一般', '重点'], { error: '事项类别应为 一般 或 重点' }).default('一般'),
    method: itemText('method').default(''),
    authority: itemText('authority').default(''),
    basis: itemText('basis').default(''),
    remarks: itemText('remarks').default(''),
  })
  .strict();

export const itemsRequests = {
  'items:query': itemFilter
    .extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
    })
    .strict(),
  'items:get': z.object({ id: z.number().int().positive() }).strict(),
  // ——— 一单两库 pages: the clerk's edit of an item's check sub-items ———
  'items:update-sub-items': z
    .object({
      itemId: z.number().int().positive(),
      subItems: z
        .array(subItemDraft, { error: '检查子项必须是列表' })
        .min(1, '每个事项至少要有一个检查子项')
        .max(200, '一个事项最多 200 个检查子项'),
    })
    .strict(),
  'items:create': itemNew,
  'items:delete': z.object({ id: z.number().int().positive() }).strict(),
  'items:set-status': z.object({ id: z.number().int().positive(), status: itemStatus }).strict(),
  /** `expected`: the count the clerk confirmed; a different count now is refused, not acted on. */
  'items:bulk-retire': itemFilter
    .extend({ expected: z.number().int().min(1, '没有可停用的事项') })
    .strict()
    .refine((f) => f.compiler !== undefined, { message: '请先按编制单位筛选', path: ['compiler'] }),
  'items:compilers': z.object({}).strict(),
} satisfies Record<ItemChannel, z.ZodType>;
