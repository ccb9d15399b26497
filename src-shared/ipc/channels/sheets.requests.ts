import { z } from '../zod';
import type { SheetChannel } from './sheets';
import { empty, fileToken, jobId, recordId } from './fields';

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
