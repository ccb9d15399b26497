import { z } from '../zod';
import { NAME_PENDING } from '../../domain/entity-names';
import { ROSTER_BROWSE_LIMIT } from '../../domain/roster-views';
import type { RosterChannel } from './rosters';
import { fileToken, gradeValues, isoDate, jobId, tagList, text } from './fields';
import { formatCount } from '../../domain/counts';

const rosterKind = z.enum(['items', 'entities', 'inspectors', 'experts'], { error: '名录类型不正确' });
const queryableRoster = z.enum(['entities', 'inspectors', 'experts'], { error: '名录类型不正确' });

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
    /** Entities: '待核实' keeps only names built from the operator. */
    review: z.array(z.enum([NAME_PENDING])).max(1),
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
  .regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/, '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）');
const regNoText = z
  .string()
  .trim()
  .regex(/^[0-9]{15}$/, '注册号应为 15 位数字');
const phoneText = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{0,30}$/, '联系电话只能包含数字、空格、+、-、括号，最多 30 位');
const personName = text('姓名', 50).min(1, '姓名不能为空');

/** A patch: any of a roster's fields, and nothing else. */
const patchOf = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape).partial().strict();

export const entityPatch = patchOf({
  uscc: usccText.nullable(),
  regNo: regNoText.nullable(),
  name: text('名称', 200).min(1, '名称不能为空'),
  entityType: z.enum(['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'], {
    error: '主体类型应为 企业、个体工商户、农民专业合作社、事业单位 或 社会组织',
  }),
  industry: text('行业', 100),
  address: text('住所（经营场所）', 500),
  area: text('所属片区', 100),
  office: text('管辖单位', 100),
  legalRep: text('法定代表人（负责人）', 100),
  phone: phoneText,
  creditGrade: z.enum(gradeValues, { error: '信用风险等级应为 A、B、C、D 之一' }).nullable(),
  regStatus: z.enum(['存续', '注销', '吊销'], { error: '登记状态应为 存续、注销 或 吊销' }),
  tags: tagList,
  lastInspectedOn: isoDate.nullable(),
});

export const inspectorPatch = patchOf({
  badgeNo: text('执法证号', 50).min(1, '执法证号不能为空'),
  name: personName,
  office: text('所属单位（部门）', 100),
  tags: tagList,
  status: z.enum(['在岗', '请假', '调离'], { error: '状态应为 在岗、请假 或 调离' }),
  phone: phoneText,
});

export const expertPatch = patchOf({
  idOrCertNo: text('证件号码（证书编号）', 50).min(1, '证件号码不能为空'),
  name: personName,
  organisation: text('工作单位', 200),
  tags: tagList,
  phone: phoneText,
  status: z.enum(['在库', '暂停', '退出'], { error: '状态应为 在库、暂停 或 退出' }),
});

const rosterUpdate = z.discriminatedUnion('roster', [
  z.object({ roster: z.literal('entities'), id: z.number().int().positive(), patch: entityPatch }).strict(),
  z.object({ roster: z.literal('inspectors'), id: z.number().int().positive(), patch: inspectorPatch }).strict(),
  z.object({ roster: z.literal('experts'), id: z.number().int().positive(), patch: expertPatch }).strict(),
]);

/** A new record: the patch's fields with the roster's key and name required (the same rules as an edit). */
const rosterCreate = z.discriminatedUnion('roster', [
  z
    .object({
      roster: z.literal('entities'),
      values: entityPatch.required({ name: true, entityType: true }),
    })
    .strict(),
  z
    .object({ roster: z.literal('inspectors'), values: inspectorPatch.required({ badgeNo: true, name: true }) })
    .strict(),
  z.object({ roster: z.literal('experts'), values: expertPatch.required({ idOrCertNo: true, name: true }) }).strict(),
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
    jobId: jobId.optional(),
  })
  .strict();

export const rostersRequests = {
  'roster:query': rosterQuery.refine((q) => q.page * q.pageSize <= ROSTER_BROWSE_LIMIT, {
    message: `只能翻阅前 ${formatCount(ROSTER_BROWSE_LIMIT)} 条：其余请用搜索或筛选找到`,
    path: ['page'],
  }),
  'roster:filter-options': z.object({ roster: queryableRoster }).strict(),
  'roster:update': rosterUpdate,
  'roster:create': rosterCreate,
  'roster:delete': z.object({ roster: queryableRoster, id: z.number().int().positive() }).strict(),
  'roster:bulk-update': bulkUpdate,
  'roster:bulk-progress': z.object({ jobId }).strict(),
  'roster:bulk-cancel': z.object({ jobId }).strict(),
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
      previewId: z.string().uuid('预览标识无效，请重新预览'),
      jobId: jobId.optional(),
      /** Rows kept with a warning (e.g. a USCC check digit) that the clerk did not accept: they are not written. */
      declineRows: z
        .array(z.number().int().min(1), { error: '不接受的行必须是行号列表' })
        .max(100_000, '一次最多不接受 100000 行')
        .optional(),
      /** Values read by synonym that the clerk answered otherwise: another value, or null to import none of their rows. */
      valueChoices: z
        .array(
          z
            .object({
              field: text('字段', 50),
              source: text('取值', 100),
              target: text('对应取值', 20).nullable(),
            })
            .strict(),
        )
        .max(1000, '一次最多调整 1000 个取值')
        .optional(),
    })
    .strict(),
  'roster:import-cancel': z.object({ jobId }).strict(),
  'roster:import-rejections': z.object({ previewId: z.string().uuid('预览标识无效，请重新预览'), fileToken }).strict(),
  'job:progress': z.object({ jobId }).strict(),
  'roster:export': rosterQuery.omit({ page: true, pageSize: true }).extend({ fileToken }).strict(),
  'roster:template': z.object({ kind: rosterKind, fileToken }).strict(),
} satisfies Record<RosterChannel, z.ZodType>;
