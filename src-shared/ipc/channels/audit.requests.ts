import { z } from 'zod';
import type { AuditChannel } from './audit';

export const auditRequests = {
  'audit:list': z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: z.number().int().positive().optional(),
    })
    .strict(),
  'audit:verify': z.object({}).strict(),
} satisfies Record<AuditChannel, z.ZodType>;
