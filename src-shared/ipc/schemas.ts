import { z } from 'zod';
import type { Channel } from './contract';
import { GRADE_KEYS, INSPECTOR_SCOPE_KINDS } from '../domain/tasks';

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

const rosterKind = z.enum(['items', 'entities', 'inspectors', 'experts'], { error: '名录类型不正确' });
const queryableRoster = z.enum(['entities', 'inspectors', 'experts'], { error: '名录类型不正确' });
const fileToken = z.string({ error: '请先选择文件' }).uuid('文件标识无效,请重新选择文件');
const jobId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '任务标识无效');
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
const tagList = z
  .array(text('标签', 30).min(1, '标签不能为空'), { error: '标签必须是列表' })
  .max(20, '标签不能超过 20 个');
const gradeValues = ['A', 'B', 'C', 'D'] as const;

const rosterFilters = z
  .object({
    entityType: z.array(z.enum(['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'])).max(5),
    /** '未评级': no grade yet. */
    creditGrade: z.array(z.enum([...gradeValues, '未评级'])).max(5),
    office: z.array(text('管辖单位', 100)).max(50),
    area: z.array(text('片区', 100)).max(100),
    industry: z.array(text('行业', 100)).max(100),
    /** 登记状态 (entities) or 状态 (inspectors/experts). */
    status: z.array(text('状态', 10)).max(5),
    tags: tagList,
  })
  .partial()
  .strict();

const rosterQuery = z
  .object({
    roster: queryableRoster,
    page: z.number().int().min(1, '页码从 1 开始').default(1),
    pageSize: z.number().int().min(1).max(500, '每页最多 500 条').default(50),
    search: text('搜索内容', 100).optional(),
    sort: z
      .object({
        field: z.enum([
          'id',
          'name',
          'uscc',
          'creditGrade',
          'office',
          'area',
          'entityType',
          'regStatus',
          'lastInspectedOn',
          'updatedAt',
          'badgeNo',
          'status',
        ]),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict()
      .optional(),
    filters: rosterFilters.default({}),
  })
  .strict();

const usccText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/, '统一社会信用代码应为 18 位数字或大写字母(不含 I、O、S、V、Z)');
const regNoText = z
  .string()
  .trim()
  .regex(/^[0-9]{15}$/, '注册号应为 15 位数字');
const phoneText = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{0,30}$/, '联系电话只能包含数字、空格、+、-、括号,最多 30 位');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const entityPatch = z
  .object({
    uscc: usccText.nullable(),
    regNo: regNoText.nullable(),
    name: text('名称', 200).min(1, '名称不能为空'),
    entityType: z.enum(['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'], {
      error: '主体类型应为 企业、个体工商户、农民专业合作社、事业单位 或 社会组织',
    }),
    industry: text('行业', 100),
    address: text('住所(经营场所)', 500),
    area: text('所属片区', 100),
    office: text('管辖单位', 100),
    legalRep: text('法定代表人(负责人)', 100),
    phone: phoneText,
    creditGrade: z.enum(gradeValues, { error: '信用风险等级应为 A、B、C、D 之一' }).nullable(),
    regStatus: z.enum(['存续', '注销', '吊销'], { error: '登记状态应为 存续、注销 或 吊销' }),
    tags: tagList,
    lastInspectedOn: isoDate.nullable(),
  })
  .partial()
  .strict();

export const inspectorPatch = z
  .object({
    badgeNo: text('执法证号', 50).min(1, '执法证号不能为空'),
    name: text('姓名', 50).min(1, '姓名不能为空'),
    office: text('所属单位(部门)', 100),
    tags: tagList,
    status: z.enum(['在岗', '请假', '调离'], { error: '状态应为 在岗、请假 或 调离' }),
    phone: phoneText,
  })
  .partial()
  .strict();

export const expertPatch = z
  .object({
    idOrCertNo: text('证件号码(证书编号)', 50).min(1, '证件号码不能为空'),
    name: text('姓名', 50).min(1, '姓名不能为空'),
    organisation: text('工作单位', 200),
    tags: tagList,
    phone: phoneText,
    status: z.enum(['在库', '暂停', '退出'], { error: '状态应为 在库、暂停 或 退出' }),
  })
  .partial()
  .strict();

const rosterUpdate = z.discriminatedUnion('roster', [
  z.object({ roster: z.literal('entities'), id: z.number().int().positive(), patch: entityPatch }).strict(),
  z.object({ roster: z.literal('inspectors'), id: z.number().int().positive(), patch: inspectorPatch }).strict(),
  z.object({ roster: z.literal('experts'), id: z.number().int().positive(), patch: expertPatch }).strict(),
]);

const bulkUpdate = z
  .object({
    roster: queryableRoster,
    ids: z.array(z.number().int().positive()).min(1, '请先选择记录').max(100_000, '一次最多修改 100000 条'),
    set: z
      .object({
        creditGrade: z.enum(gradeValues, { error: '信用风险等级应为 A、B、C、D 之一' }).nullable(),
        status: text('状态', 10).min(1),
        addTags: tagList,
        removeTags: tagList,
      })
      .partial()
      .strict()
      .refine((v) => Object.keys(v).length > 0, '请指定要修改的内容'),
  })
  .strict();

/** One check sub-item as the clerk leaves it (items:update-sub-items): `id` for a kept one, none for a new one. */
export const subItemDraft = z
  .object({
    id: z.number().int().positive().optional(),
    content: text('检查内容', 5000).min(1, '检查内容不能为空'),
    basis: text('检查依据', 20000).default(''),
    method: text('检查方式', 1000).default(''),
  })
  .strict();

const dialogFilterPurpose = z.enum(
  ['import', 'export', 'template', 'rejections', 'plan-xlsx', 'plan-pdf', 'proof', 'record'],
  { error: '用途不正确' },
);

const recordId = z.number({ error: '编号必须是数字' }).int('编号必须是整数').positive('编号无效');
const planYear = z
  .number({ error: '年度必须是数字' })
  .int('年度必须是整数')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');
/** Per-grade ratios may be 0 (that grade is not drawn); a single ratio may not (basisPoints). */
const gradeBasisPoints = z
  .number({ error: '比例必须是数字' })
  .int('比例必须是整数基点(1% = 100)')
  .min(0, '比例不能为负')
  .max(10000, '比例不能超过 100%');
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
        count: z
          .number({ error: '户数必须是数字' })
          .int('户数必须是整数')
          .min(1, '固定抽取户数至少为 1')
          .max(2_000_000, '户数过大'),
      })
      .strict(),
  ],
  { error: '抽查比例方式应为 按信用等级、统一比例 或 固定户数' },
);
const excludeRecentYears = z
  .number({ error: '年数必须是数字' })
  .int('年数必须是整数')
  .min(0, '年数不能为负')
  .max(10, '年数不能超过 10');
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
    teamSize: z
      .number({ error: '人数必须是数字' })
      .int('人数必须是整数')
      .min(2, '每组至少 2 名执法人员')
      .max(10, '每组人数过多'),
    packageSize: z
      .number({ error: '户数必须是数字' })
      .int('户数必须是整数')
      .min(1, '名单包至少 1 户')
      .max(100, '名单包最多 100 户'),
    maxPackagesPerInspector: z
      .number({ error: '组数必须是数字' })
      .int('组数必须是整数')
      .min(1, '每人至少可参加 1 个检查组')
      .max(10000, '组数过大'),
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
  'dialog:open-file': z.object({ purpose: z.literal('import') }).strict(),
  'dialog:save-file': z.object({ purpose: dialogFilterPurpose, defaultName: text('文件名', 120).optional() }).strict(),
  'roster:query': rosterQuery,
  'roster:filter-options': z.object({ roster: queryableRoster }).strict(),
  'roster:update': rosterUpdate,
  'roster:bulk-update': bulkUpdate,
  'roster:import-detect': z.object({ kind: rosterKind, fileToken }).strict(),
  'roster:import-preview': z
    .object({
      kind: rosterKind,
      fileToken,
      mapping: z.record(z.string(), z.number().int().min(0).max(16383)).optional(),
      jobId: jobId.optional(),
    })
    .strict(),
  'roster:import-confirm': z
    .object({
      previewId: z.string().uuid('预览标识无效,请重新预览'),
      jobId: jobId.optional(),
      /** Rows kept with a warning (e.g. a USCC check digit) that the clerk did not accept: they are not written. */
      declineRows: z
        .array(z.number().int().min(1), { error: '不接受的行必须是行号列表' })
        .max(100_000, '一次最多不接受 100000 行')
        .optional(),
    })
    .strict(),
  'roster:import-cancel': z.object({ jobId }).strict(),
  'roster:import-rejections': z.object({ previewId: z.string().uuid('预览标识无效,请重新预览'), fileToken }).strict(),
  'job:progress': z.object({ jobId }).strict(),
  'roster:export': rosterQuery.omit({ page: true, pageSize: true }).extend({ fileToken }).strict(),
  'roster:template': z.object({ kind: rosterKind, fileToken }).strict(),
  'items:query': z
    .object({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
      search: text('搜索内容', 100).optional(),
      compiler: text('编制单位', 100).optional(),
      level: z.enum(['一般', '重点']).optional(),
    })
    .strict(),
  'items:get': z.object({ id: z.number().int().positive() }).strict(),
  // ——— 一单两库 pages: the clerk's edit of an item's check sub-items ———
  'items:update-sub-items': z
    .object({
      itemId: z.number().int().positive(),
      subItems: z
        .array(subItemDraft, { error: '检查子项必须是列表' })
        .min(1, '每个事项至少要有一个检查子项')
        .max(200, '一个事项最多 200 个检查子项'),
    })
    .strict(),
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
  'draws:prepare': z.object({ taskId: recordId }).strict(),
  'draws:commit': z
    .object({
      drawId: recordId,
      place: text('抽取地点', 100).min(1, '请填写抽取地点'),
      operator: text('操作人员', 50).min(1, '请填写操作人员'),
      supervisor: text('监督人员', 50).min(1, '请填写监督人员'),
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
  'draws:reveal': z.object({ drawId: recordId }).strict(),
  'draws:seal': z.object({ drawId: recordId }).strict(),
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
  'draws:export-proof': z.object({ drawId: recordId, fileToken }).strict(),
  'draws:export-record': z
    .object({
      drawId: recordId,
      part: z.enum(['commit', 'result'], { error: '记录表部分应为 commit 或 result' }),
      fileToken,
    })
    .strict(),
  'visits:proposals': z.object({ year: planYear, limit: z.number().int().min(1).max(5000).default(200) }).strict(),
  'visits:merge': z
    .object({
      entityId: recordId,
      taskIds: z.array(recordId).min(2, '合并检查至少需要两个任务').max(20),
      note: text('备注', 500).optional(),
    })
    .strict(),
  'ceremony:open': z.object({ taskId: recordId }).strict(),
  'demo:load': z
    .object({
      entities: z
        .number()
        .int()
        .min(100, '示例检查对象至少 100 户')
        .max(1_000_000, '示例检查对象最多 1000000 户')
        .default(30000),
    })
    .strict(),
} as const satisfies Record<Channel, z.ZodType>;

export type Req<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ParsedReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
