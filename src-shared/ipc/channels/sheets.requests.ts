import { z } from '../zod';
import type { SheetChannel } from './sheets';
import { empty, fileToken, recordId } from './fields';

const jobId = z
  .string({ error: '任务标识无效' })
  .min(1, '任务标识无效')
  .max(64, '任务标识无效')
  .regex(/^[A-Za-z0-9_-]+$/, '任务标识无效');

export const sheetsRequests = {
  'sheets:draws': empty,
  'sheets:choose-folder': empty,
  'sheets:export': z
    .object({
      drawId: recordId,
      folderToken: fileToken,
      format: z.enum(['pdf', 'xlsx', 'both'], { error: '格式只能是 PDF、Excel 或两者' }),
      jobId,
    })
    .strict(),
  'sheets:export-progress': z.object({ jobId }).strict(),
  'sheets:export-cancel': z.object({ jobId }).strict(),
} satisfies Record<SheetChannel, z.ZodType>;
