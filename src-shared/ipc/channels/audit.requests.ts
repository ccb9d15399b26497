import { z } from '../zod';
import type { AuditChannel } from './audit';
import { calendarDate, fileToken, jobId, text } from './fields';

/** What the 操作日志 page filters by: person, action, object (kind, and one record of it), a range of local dates. */
const filter = {
  actor: text('操作人', 100).optional(),
  action: text('操作', 100).optional(),
  targetKind: text('对象类别', 50).optional(),
  targetId: text('对象编号', 50).optional(),
  from: calendarDate('起始日期').optional(),
  to: calendarDate('截止日期').optional(),
};

const dateOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const DATE_ORDER = { message: '起始日期不能晚于截止日期', path: ['to'] };

const auditFilter = z.object(filter).strict().refine(dateOrder, DATE_ORDER);

export const auditRequests = {
  'audit:list': z
    .object({
      ...filter,
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: z.number().int().positive().optional(),
    })
    .strict()
    .refine(dateOrder, DATE_ORDER),
  'audit:count': auditFilter,
  'audit:actors': z.object({}).strict(),
  'audit:export': z
    .object({ ...filter, fileToken, jobId: jobId.optional() })
    .strict()
    .refine(dateOrder, DATE_ORDER),
  'audit:export-progress': z.object({ jobId }).strict(),
  'audit:export-cancel': z.object({ jobId }).strict(),
  'audit:verify': z.object({}).strict(),
} satisfies Record<AuditChannel, z.ZodType>;
