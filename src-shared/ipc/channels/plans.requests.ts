import { z } from '../zod';
import {
  FIXED_COUNT,
  GRADE_RATIO_BP,
  MAX_PACKAGES_PER_INSPECTOR,
  PACKAGE_SIZE,
  RECENT_YEARS,
  TEAM_SIZE,
} from '../../domain/number-rules';
import { GRADE_KEYS, INSPECTOR_SCOPE_KINDS } from '../../domain/tasks';
import type { PlanChannel } from './plans';
import { basisPoints, isoDate, planYear, recordId, fileToken, ruledNumber, tagList, text } from './fields';

/** Per-grade ratios may be 0 (that grade is not drawn); a single ratio may not (basisPoints). */
const gradeBasisPoints = ruledNumber(GRADE_RATIO_BP);
const nameList = (label: string, maxItems: number) =>
  z
    .array(text(label, 100).min(1, `${label}不能为空`), { error: `${label}必须是列表` })
    .max(maxItems, `${label}最多 ${maxItems} 个`);
const gradeKey = z.enum(GRADE_KEYS, { error: '信用等级应为 A、B、C、D 或 未评级' });
const taskScope = z
  .object({
    entityTypes: z
      .array(z.enum(['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'], { error: '主体类型不正确' }))
      .max(5)
      .default([]),
    industries: nameList('行业', 200).default([]),
    areas: nameList('片区', 500).default([]),
    offices: nameList('管辖单位', 200).default([]),
    tags: tagList.default([]),
    grades: z.array(gradeKey).max(5).default([]),
  })
  .strict();
const taskRatio = z.discriminatedUnion(
  'mode',
  [
    z
      .object({
        mode: z.literal('grades'),
        gradeBp: z
          .object({
            A: gradeBasisPoints,
            B: gradeBasisPoints,
            C: gradeBasisPoints,
            D: gradeBasisPoints,
            未评级: gradeBasisPoints,
          })
          .strict(),
      })
      .strict(),
    z.object({ mode: z.literal('uniform'), bp: basisPoints }).strict(),
    z
      .object({
        mode: z.literal('fixed'),
        count: ruledNumber(FIXED_COUNT),
      })
      .strict(),
  ],
  { error: '抽查比例方式应为 按信用等级、统一比例 或 固定户数' },
);
const excludeRecentYears = ruledNumber(RECENT_YEARS);
const taskInput = z
  .object({
    id: recordId.optional(),
    planId: recordId,
    name: text('任务名称', 100).min(1, '任务名称不能为空'),
    leadDepartment: text('牵头部门', 100).min(1, '请选择牵头部门'),
    joiningDepartments: nameList('联合部门', 20).default([]),
    itemIds: z
      .array(recordId, { error: '检查事项必须是列表' })
      .min(1, '请至少选择一个检查事项')
      .max(200, '一个任务最多 200 个检查事项'),
    startDate: isoDate,
    endDate: isoDate,
    frequency: text('抽查频次', 50).default('每年1次'),
    scope: taskScope,
    excludeRecentYears,
    ratio: taskRatio,
    teamSize: ruledNumber(TEAM_SIZE),
    packageSize: ruledNumber(PACKAGE_SIZE),
    maxPackagesPerInspector: ruledNumber(MAX_PACKAGES_PER_INSPECTOR),
    clusterBy: z.enum(['none', 'area'], { error: '组包方式应为 不分片区 或 按片区' }).default('none'),
    requiredTags: tagList.default([]),
    inspectorScope: z
      .object({
        kind: z.enum(INSPECTOR_SCOPE_KINDS, { error: '执法人员范围应为 全局、局机关与所、若干所 或 单一所' }),
        offices: nameList('单位', 100).default([]),
      })
      .strict(),
    includeExperts: z.boolean().default(false),
    expertTags: tagList.default([]),
    avoidOwnOffice: z.boolean().default(true),
    distinctOffices: z.boolean().default(false),
    conflicts: z
      .array(
        z
          .object({
            inspector: text('执法证号', 50).min(1, '回避的执法证号不能为空'),
            entity: text('统一社会信用代码', 30).min(1, '回避的检查对象代码不能为空'),
            reason: text('回避理由', 200).default(''),
          })
          .strict(),
      )
      .max(10000, '回避关系最多 10000 条')
      .default([]),
    changeReason: text('修改理由', 500).optional(),
  })
  .strict();

export const plansRequests = {
  'plans:list': z.object({ year: planYear.optional() }).strict(),
  'plans:get': z.object({ id: recordId }).strict(),
  'plans:save': z
    .object({
      id: recordId.optional(),
      year: planYear,
      title: text('计划名称', 100).min(1, '计划名称不能为空'),
      changeReason: text('修改理由', 500).optional(),
    })
    .strict(),
  'plans:publish': z.object({ id: recordId }).strict(),
  'plans:delete': z.object({ id: recordId }).strict(),
  'plans:versions': z.object({ id: recordId }).strict(),
  'plans:export': z
    .object({
      planId: recordId,
      version: z.number().int().min(1).optional(),
      format: z.enum(['xlsx', 'pdf'], { error: '格式应为 xlsx 或 pdf' }),
      fileToken,
    })
    .strict(),
  'tasks:list': z.object({ planId: recordId }).strict(),
  'tasks:get': z.object({ id: recordId }).strict(),
  'tasks:save': taskInput,
  'tasks:delete': z.object({ id: recordId }).strict(),
  'tasks:scope-preview': z
    .object({
      scope: taskScope,
      excludeRecentYears,
      ratio: taskRatio,
      startDate: isoDate,
      // The inspector side, for the pool's live count (optional: the object side alone is previewed too).
      pool: taskInput
        .pick({
          joiningDepartments: true,
          inspectorScope: true,
          includeExperts: true,
          expertTags: true,
          teamSize: true,
          packageSize: true,
          maxPackagesPerInspector: true,
        })
        .strict()
        .optional(),
    })
    .strict(),
} satisfies Record<PlanChannel, z.ZodType>;
