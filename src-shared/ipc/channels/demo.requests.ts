import { z } from '../zod';
import type { DemoChannel } from './demo';
import { jobId } from './fields';

export const demoRequests = {
  'demo:load': z
    .object({
      entities: z
        .number()
        .int()
        .min(100, '示例检查对象至少 100 户')
        .max(1_000_000, '示例检查对象最多 1000000 户')
        .default(30000),
      jobId: jobId.optional(),
    })
    .strict(),
  'demo:progress': z.object({ jobId }).strict(),
  'demo:cancel': z.object({ jobId }).strict(),
} satisfies Record<DemoChannel, z.ZodType>;
