import { z } from '../zod';
import type { AppChannel } from './app';
import { empty, fileName } from './fields';

const dialogFilterPurpose = z.enum(
  [
    'import',
    'export',
    'template',
    'rejections',
    'plan-xlsx',
    'plan-pdf',
    'proof',
    'record',
    'draw-list',
    'disclosure-xlsx',
    'disclosure-pdf',
    'stats-xlsx',
    'stats-pdf',
  ],
  { error: '用途不正确' },
);

export const appRequests = {
  'app:info': empty,
  'app:switch-database': z.object({ mode: z.enum(['open', 'create'], { error: '请选择打开还是新建数据库' }) }).strict(),
  'dialog:open-file': z.object({ purpose: z.literal('import') }).strict(),
  'dialog:save-file': z
    .object({ purpose: dialogFilterPurpose, defaultName: fileName('默认文件名', 120).optional() })
    .strict(),
} satisfies Record<AppChannel, z.ZodType>;
