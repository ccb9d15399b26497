import { z } from '../zod';
import type { VisitChannel } from './visits';
import { planYear, recordId, text } from './fields';

export const visitsRequests = {
  'visits:proposals': z.object({ year: planYear, limit: z.number().int().min(1).max(5000).default(200) }).strict(),
  'visits:merge': z
    .object({
      entityId: recordId,
      taskIds: z.array(recordId).min(2, '合并检查至少需要两个任务').max(20),
      note: text('备注', 500).optional(),
    })
    .strict(),
} satisfies Record<VisitChannel, z.ZodType>;
