import { z } from '../zod';
import type { PublishChannel } from './publish';
import { empty, fileToken } from './fields';

const jobId = z
  .string({ error: '任务标识无效' })
  .min(1, '任务标识无效')
  .max(64, '任务标识无效')
  .regex(/^[A-Za-z0-9_-]+$/, '任务标识无效');

const scope = z.union(
  [
    z.object({ taskNo: z.string().trim().min(1, '请选择抽查任务').max(100, '任务编号过长') }).strict(),
    z
      .object({ year: z.number({ error: '请选择年度' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效') })
      .strict(),
  ],
  { error: '请选择一个抽查任务或一个年度' },
);

export const publishRequests = {
  'publish:choices': empty,
  'publish:choose-folder': empty,
  'publish:run': z.object({ scope, folderToken: fileToken, jobId }).strict(),
  'publish:progress': z.object({ jobId }).strict(),
  'publish:cancel': z.object({ jobId }).strict(),
} satisfies Record<PublishChannel, z.ZodType>;
