import { z } from '../zod';
import type { ItemChannel } from './items';
import { text } from './fields';

/** One check sub-item as the clerk leaves it (items:update-sub-items): `id` for a kept one, none for a new one. */
export const subItemDraft = z
  .object({
    id: z.number().int().positive().optional(),
    content: text('检查内容', 5000).min(1, '检查内容不能为空'),
    basis: text('检查依据', 20000).default(''),
    method: text('检查方式', 1000).default(''),
  })
  .strict();

export const itemsRequests = {
  'items:query': z
    .object({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
      search: text('搜索内容', 100).optional(),
      compiler: text('编制单位', 100).optional(),
      level: z.enum(['一般', '重点']).optional(),
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
} satisfies Record<ItemChannel, z.ZodType>;
