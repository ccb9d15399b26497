import { z } from '../zod';
import type { StatsChannel } from './stats';
import { fileToken, planYear, text } from './fields';

const filter = {
  year: planYear.optional(),
  department: text('部门', 100).nullable().optional(),
  office: text('管辖单位', 100).nullable().optional(),
};

export const statsRequests = {
  'stats:view': z.object(filter).strict(),
  'stats:export': z
    .object({ ...filter, format: z.enum(['pdf', 'xlsx'], { error: '导出格式只能是 PDF 或 Excel' }), fileToken })
    .strict(),
} satisfies Record<StatsChannel, z.ZodType>;
