import { z } from '../zod';
import type { SettingsChannel } from './settings';
import { RECENT_YEARS, RESULT_DEADLINE_WORKDAYS, TEAM_SIZE } from '../../domain/number-rules';
import { BUREAU_OFFICE_KINDS } from '../../domain/settings';
import { basisPoints, empty, ruledNumber, text } from './fields';

const settingsPatch = z
  .object({
    bureauName: text('机关名称', 100).min(1, '机关名称不能为空'),
    bureauShortName: text('机关简称', 20).min(1, '机关简称不能为空'),
    defaultRatioBp: basisPoints,
    gradeRatioBp: z.object({ A: basisPoints, B: basisPoints, C: basisPoints, D: basisPoints }).strict(),
    recentInspectionYears: ruledNumber(RECENT_YEARS),
    resultDeadlineWorkdays: ruledNumber(RESULT_DEADLINE_WORKDAYS),
    minTeamSize: ruledNumber(TEAM_SIZE),
    avoidOwnOffice: z.boolean(),
  })
  .partial()
  .strict();

const officeName = text('科室或所的名称', 50).min(1, '科室或所的名称不能为空');

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
