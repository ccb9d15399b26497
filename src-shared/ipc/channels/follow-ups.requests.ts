import { z } from '../zod';
import type { FollowUpChannel } from './follow-ups';
import { isoDate, recordId, text } from './fields';

/** The closing note: required, so the form shows the same message the program refuses with. */
export const closingNote = text('完结情况说明', 500).min(1, '请填写完结情况说明');

export const followUpsRequests = {
  'follow-ups:list': z
    .object({
      taskId: recordId.optional(),
      status: z.enum(['open', 'closed', 'all'], { error: '状态不正确' }).default('open'),
      overdueOnly: z.boolean().default(false),
    })
    .strict(),
  'follow-ups:update': z
    .object({
      id: recordId,
      measure: text('后续处置措施', 200).min(1, '请填写后续处置措施').optional(),
      office: text('负责单位', 100).optional(),
      dueOn: isoDate.nullable().optional(),
    })
    .strict(),
  'follow-ups:close': z.object({ id: recordId, closedOn: isoDate, note: closingNote }).strict(),
} satisfies Record<FollowUpChannel, z.ZodType>;
