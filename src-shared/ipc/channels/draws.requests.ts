import { z } from '../zod';
import type { DrawChannel } from './draws';
import { fileToken, recordId, text } from './fields';
import { supervisorPassword } from './users.requests';

export const drawsRequests = {
  'draws:prepare': z.object({ taskId: recordId }).strict(),
  'draws:commit': z
    .object({
      drawId: recordId,
      place: text('抽取地点', 100).min(1, '请填写抽取地点'),
      operator: text('操作人员', 50).min(1, '请填写操作人员'),
      supervisor: text('监督人员', 50).min(1, '请填写监督人员'),
      supervisorPassword,
    })
    .strict(),
  'draws:witness': z
    .object({
      drawId: recordId,
      name: text('见证人', 50).min(1, '请填写见证人姓名'),
      role: text('见证人身份', 50).optional(),
      value: text('见证值', 200).min(1, '请填写见证值'),
      kind: z.enum(['witness', 'public'], { error: '见证值类型不正确' }).default('witness'),
    })
    .strict(),
  'draws:witness-repeats': z.object({ name: text('见证人', 50), value: text('见证值', 200) }).strict(),
  'draws:reveal': z.object({ drawId: recordId }).strict(),
  'draws:seal': z.object({ drawId: recordId, supervisorPassword }).strict(),
  'draws:void': z.object({ drawId: recordId, reason: text('作废理由', 500).min(1, '请填写作废理由') }).strict(),
  'draws:amend': z
    .object({
      drawId: recordId,
      packageNo: z.number({ error: '名单包号必须是数字' }).int().min(1, '名单包号无效'),
      out: text('被替换人员的执法证号', 50).min(1, '请指定被替换的人员'),
      reason: text('递补理由', 500).min(1, '请填写递补理由'),
    })
    .strict(),
  'draws:get': z
    .object({
      drawId: recordId.optional(),
      taskId: recordId.optional(),
      packagePage: z.number().int().min(1).default(1),
      packagePageSize: z.number().int().min(1).max(500, '每页最多 500 个名单包').default(50),
    })
    .strict()
    .refine((v) => v.drawId !== undefined || v.taskId !== undefined, '请指定抽取或任务'),
  'draws:ceremony-state': z.object({ taskId: recordId }).strict(),
  'draws:reveal-position': z.object({ taskId: recordId }).strict(),
  'draws:reveal-move': z
    .object({
      taskId: recordId,
      move: z.enum(['next', 'previous', 'pause', 'resume', 'summary'], { error: '投影翻屏操作不正确' }),
    })
    .strict(),
  'draws:reveal-fit': z
    .object({ taskId: recordId, perScreen: z.number().int().min(1, '每屏至少 1 个名单包').max(100) })
    .strict(),
  'draws:export-proof': z
    .object({
      drawId: recordId,
      fileToken,
      /** The clerk's answer: also save the offline verify page beside the proof. */
      verifyPage: z.boolean({ error: '请选择是否同时保存离线验证页' }),
    })
    .strict(),
  'draws:export-record': z
    .object({
      drawId: recordId,
      part: z.enum(['commit', 'result'], { error: '记录表部分应为 commit 或 result' }),
      fileToken,
    })
    .strict(),
  'draws:export-list': z.object({ drawId: recordId, fileToken }).strict(),
  'ceremony:open': z.object({ taskId: recordId }).strict(),
} satisfies Record<DrawChannel, z.ZodType>;
