import { z } from '../zod';
import type { SettingsChannel } from './settings';
import { RECENT_YEARS, RESULT_DEADLINE_WORKDAYS, TEAM_SIZE } from '../../domain/number-rules';
import { BUREAU_OFFICE_KINDS } from '../../domain/settings';
import { basisPoints, empty, ruledNumber } from './fields';

const settingsPatch = z
  .object({
    bureauName: z.string().trim().min(1, '机关名称不能为空').max(100, '机关名称过长'),
    bureauShortName: z.string().trim().min(1, '机关简称不能为空').max(20, '机关简称过长'),
    defaultRatioBp: basisPoints,
    gradeRatioBp: z.object({ A: basisPoints, B: basisPoints, C: basisPoints, D: basisPoints }).strict(),
    recentInspectionYears: ruledNumber(RECENT_YEARS),
    resultDeadlineWorkdays: ruledNumber(RESULT_DEADLINE_WORKDAYS),
    minTeamSize: ruledNumber(TEAM_SIZE),
    avoidOwnOffice: z.boolean(),
  })
  .partial()
  .strict();

const officeName = z.string().trim().min(1, '科室或所的名称不能为空').max(50, '科室或所的名称过长');

export const settingsRequests = {
  'settings:get': empty,
  'settings:set': settingsPatch,
  'settings:offices': empty,
  'settings:office-add': z
    .object({ name: officeName, kind: z.enum(BUREAU_OFFICE_KINDS, { error: '请选择局机关科室或市场监管所' }) })
    .strict(),
  'settings:office-remove': z.object({ name: officeName }).strict(),
  'settings:getting-started': empty,
} satisfies Record<SettingsChannel, z.ZodType>;
