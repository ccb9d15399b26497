import { z } from 'zod';
import type { Channel } from './contract';

/**
 * A zod schema per channel request: the only shape a payload may have when it crosses into the
 * privileged side. `unknown` comes in, a typed value goes out (or a typed error). Messages are Chinese
 * because they can reach a clerk verbatim.
 */
const basisPoints = z
  .number({ error: '比例必须是数字' })
  .int('比例必须是整数基点(1% = 100)')
  .min(1, '比例不能小于 0.01%')
  .max(10000, '比例不能超过 100%');

const settingsPatch = z
  .object({
    bureauName: z.string().trim().min(1, '机关名称不能为空').max(100, '机关名称过长'),
    bureauShortName: z.string().trim().min(1, '机关简称不能为空').max(20, '机关简称过长'),
    defaultRatioBp: basisPoints,
    gradeRatioBp: z.object({ A: basisPoints, B: basisPoints, C: basisPoints, D: basisPoints }).strict(),
    recentInspectionYears: z.number().int('年数必须是整数').min(0, '年数不能为负').max(10, '年数不能超过 10'),
    resultDeadlineWorkdays: z.number().int('工作日必须是整数').min(1, '时限至少 1 个工作日').max(120, '时限过长'),
    minTeamSize: z.number().int('人数必须是整数').min(2, '每组至少 2 名执法人员').max(10, '每组人数过多'),
    avoidOwnOffice: z.boolean(),
  })
  .partial()
  .strict();

const empty = z.object({}).strict();

export const requestSchemas = {
  'app:info': empty,
  'settings:get': empty,
  'settings:set': settingsPatch,
  'audit:list': z
    .object({
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: z.number().int().positive().optional(),
    })
    .strict(),
} as const satisfies Record<Channel, z.ZodType>;

export type Req<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ParsedReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
