import { z } from 'zod';
import type { AppChannel } from './app';
import { empty, text } from './fields';

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
    'disclosure-xlsx',
    'disclosure-pdf',
  ],
  { error: '用途不正确' },
);

export const appRequests = {
  'app:info': empty,
  'dialog:open-file': z.object({ purpose: z.literal('import') }).strict(),
  'dialog:save-file': z.object({ purpose: dialogFilterPurpose, defaultName: text('文件名', 120).optional() }).strict(),
} satisfies Record<AppChannel, z.ZodType>;
