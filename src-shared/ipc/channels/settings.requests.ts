import { z } from 'zod';
import type { SettingsChannel } from './settings';
import { basisPoints, empty } from './fields';

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

export const settingsRequests = {
  'settings:get': empty,
  'settings:set': settingsPatch,
} satisfies Record<SettingsChannel, z.ZodType>;
