import { z } from '../zod';
import type { DemoChannel } from './demo';

export const demoRequests = {
  'demo:load': z
    .object({
      entities: z
        .number()
        .int()
        .min(100, '示例检查对象至少 100 户')
        .max(1_000_000, '示例检查对象最多 1000000 户')
        .default(30000),
    })
    .strict(),
} satisfies Record<DemoChannel, z.ZodType>;
