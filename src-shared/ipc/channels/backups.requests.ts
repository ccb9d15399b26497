import { z } from '../zod';
import { KEEP_DAYS, type BackupChannel } from './backups';
import { empty, fileToken } from './fields';

export const backupsRequests = {
  'backups:overview': empty,
  'backups:set-keep-days': z
    .object({
      keepDays: z
        .number({ error: '请填写保留天数' })
        .int('保留天数必须是整数')
        .min(KEEP_DAYS.min, `保留天数至少 ${KEEP_DAYS.min} 天`)
        .max(KEEP_DAYS.max, `保留天数最多 ${KEEP_DAYS.max} 天`),
    })
    .strict(),
  'backups:create': empty,
  'backups:choose-restore': empty,
  'backups:restore': z.object({ fileToken }).strict(),
  'backups:export-package': empty,
  'backups:choose-package': empty,
  'backups:import-package': z.object({ fileToken }).strict(),
} satisfies Record<BackupChannel, z.ZodType>;
