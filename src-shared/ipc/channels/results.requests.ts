import { z } from '../zod';
import {
  CHECK_METHODS,
  END_STATES,
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  RESULT_STATES,
  ROW_OUTCOMES,
} from '../../domain/results';
import type { ResultChannel } from './results';
import { empty, fileToken, jobId, recordId, text } from './fields';

const choices = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.array(z.enum(values, { error: `${label}不正确` }), { error: `${label}必须是列表` }).max(values.length);
/** Kept as typed: a draft may hold a date still being typed; the service says what is wrong with it. */
const typedDate = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(20, `${label}过长`);

const resultEntry = z
  .object({
    inspectedOn: typedDate('检查日期'),
    inspectorIds: z.array(text('检查人员', 40), { error: '检查人员必须是列表' }).max(50),
    methods: choices(CHECK_METHODS, '核查方式'),
    rows: z
      .array(
        z
          .object({
            subItemId: z.number().int('检查内容编号不正确'),
            outcome: z.enum(ROW_OUTCOMES, { error: '检查结果应为符合、不符合或不涉及' }).nullable(),
            finding: text('发现问题情况', 1000),
          })
          .strict(),
      )
      .max(2000),
    categories: choices(RESULT_CATEGORIES, '检查结果'),
    followUps: choices(FOLLOW_UPS, '后续处置措施'),
    followUpOther: text('其他后续处置', 200),
    correctionDeadline: typedDate('整改期限').nullable(),
    endState: z.enum(END_STATES, { error: '登记状态不正确' }).nullable(),
    note: text('备注', 1000),
  })
  .strict();

export const resultsRequests = {
  'results:tasks': empty,
  'results:entities': z
    .object({
      drawId: recordId,
      state: z.enum(RESULT_STATES, { error: '状态不正确' }).optional(),
      query: text('查询', 100).optional(),
      /** Pending results past their deadline, or within the due-soon working days of it (首页「今日待办」). */
      due: z.enum(['overdue', 'dueSoon'], { error: '期限筛选不正确' }).optional(),
      /** 已审核 results no 抽查结果公告 has published yet. */
      unpublished: z.boolean({ error: '未公示筛选必须是是或否' }).optional(),
    })
    .strict(),
  'results:sheet': z.object({ drawId: recordId, entityId: recordId }).strict(),
  'results:save': z
    .object({
      drawId: recordId,
      entityId: recordId,
      taskIds: z.array(recordId).min(1, '检查结果没有对应的抽查任务').max(20),
      entry: resultEntry,
      draft: z.boolean(),
    })
    .strict(),
  'results:review': z
    .object({
      resultIds: z.array(recordId).min(1, '请选择要审核的检查结果').max(20000),
      action: z.enum(['approve', 'return'], { error: '审核操作不正确' }),
      reason: text('退回理由', 500).optional(),
    })
    .strict(),
  'results:choose-files': empty,
  'results:import-preview': z
    .object({
      files: z.array(fileToken).min(1, '请选择要导入的工作簿').max(5000, '一次最多导入 5000 个工作簿'),
      jobId: jobId.optional(),
    })
    .strict(),
  'results:import': z
    .object({ previewId: z.string().uuid('预览已失效，请重新选择文件'), jobId: jobId.optional() })
    .strict(),
  'results:import-progress': z.object({ jobId }).strict(),
  'results:import-cancel': z.object({ jobId }).strict(),
} satisfies Record<ResultChannel, z.ZodType>;
