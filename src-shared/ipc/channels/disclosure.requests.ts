import { z } from 'zod';
import { DISCLOSURE_FIELDS, FIELD_RULES } from '../../domain/disclosure';
import type { DisclosureChannel } from './disclosure';
import { empty, fileToken, isoDate, recordId } from './fields';

const scope = z.union([z.object({ taskId: recordId }).strict(), z.object({ from: isoDate, to: isoDate }).strict()], {
  error: '请选择抽查任务，或填写检查完成日期的起止日期',
});

const rule = z.enum(FIELD_RULES, { error: '公示规则只能是“公示”“遮蔽”或“不公示”' });
const months = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}至少 1 个月`)
    .max(120, `${label}不能超过 120 个月`);

export const disclosureRequests = {
  'disclosure:tasks': empty,
  'disclosure:task-preview': z.object({ taskId: recordId }).strict(),
  'disclosure:result-preview': z.object({ scope }).strict(),
  'disclosure:publish-task': z.object({ taskId: recordId }).strict(),
  'disclosure:publish-results': z.object({ scope }).strict(),
  'disclosure:export': z
    .object({
      announcement: z.union([z.object({ taskId: recordId }).strict(), z.object({ scope }).strict()]),
      format: z.enum(['xlsx', 'pdf'], { error: '格式只能是 Excel 或 PDF' }),
      fileToken,
    })
    .strict(),
  'disclosure:publications': empty,
  'disclosure:due': empty,
  'disclosure:settings': empty,
  'disclosure:save-settings': z
    .object({
      rules: z
        .object(
          Object.fromEntries(DISCLOSURE_FIELDS.map((f) => [f, rule])) as Record<
            (typeof DISCLOSURE_FIELDS)[number],
            typeof rule
          >,
        )
        .strict(),
      periodMonths: months('一般检查结果的公示期'),
      correctionMonths: months('责令改正结果的公示期'),
    })
    .strict(),
} satisfies Record<DisclosureChannel, z.ZodType>;
