/**
 * 抽查任务 (one batch within a year's plan): what it inspects, whom, how many and how teams form. Pure types and rules for
 * the task page, the services and the printed plan, in the clerk's Chinese. Mapped onto the ssj-draw/1 inputs by
 * src-main/draws/inputs.ts (field by field in docs/design-notes.md).
 */
import { chineseDay } from './china-time';
import { formatCount } from './counts';

/** A credit grade, or 未评级 for an entity without one (its own stratum, so it is neither favoured nor ignored). */
export const GRADE_KEYS = ['A', 'B', 'C', 'D', '未评级'] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

/** The single stratum of a task that does not draw by credit grade. */
export const ALL_STRATUM = '全部';

export const ENTITY_TYPE_CHOICES = ['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'] as const;

/** 004 §六: 全局内随机、局机关与市场监管所随机、若干所内随机、单一所内随机. */
export const INSPECTOR_SCOPE_KINDS = ['全局', '局机关与所', '若干所', '单一所'] as const;
export type InspectorScopeKind = (typeof INSPECTOR_SCOPE_KINDS)[number];

export interface TaskScope {
  /** Each list: empty = no restriction. Entities are always 存续 only (注销/吊销 are out of scope). */
  entityTypes: string[];
  industries: string[];
  areas: string[];
  /** 管辖单位 of the entities. */
  offices: string[];
  /** Entities holding any of these tags. */
  tags: string[];
  grades: GradeKey[];
}

export type TaskRatio =
  /** 信用规则关联: a ratio per grade, in basis points (1% = 100); 0 draws none of that grade. */
  | { mode: 'grades'; gradeBp: Record<GradeKey, number> }
  /** One ratio for every entity in scope. */
  | { mode: 'uniform'; bp: number }
  /** A fixed number of entities, whatever the scope's size. */
  | { mode: 'fixed'; count: number };

export interface InspectorScope {
  kind: InspectorScopeKind;
  /**
   * 全局: ignored. 局机关与所: the 局机关 departments taking part (empty = all of them), with every 市场监管所.
   * 若干所: the chosen 所 (at least 2). 单一所: exactly one 所.
   */
  offices: string[];
}

export interface TaskConflict {
  /** 执法证号 of the inspector who must not inspect the entity (回避). */
  inspector: string;
  /** USCC (or 注册号) of the entity. */
  entity: string;
  reason: string;
}

/** Everything about a task that decides its draw, stored as one JSON value (tasks.config). */
export interface TaskConfig {
  scope: TaskScope;
  /** Leave out entities inspected within this many years before the task starts; 0 = none. */
  excludeRecentYears: number;
  ratio: TaskRatio;
  teamSize: number;
  packageSize: number;
  maxPackagesPerInspector: number;
  /** 'area': each package holds entities of one 片区 (fewer trips). */
  clusterBy: 'none' | 'area';
  /** Every team holds each of these qualifications at least once. */
  requiredTags: string[];
  inspectorScope: InspectorScope;
  /** Draw from the 专家库 too (在库 experts, with any of expertTags, or all when empty). */
  includeExperts: boolean;
  expertTags: string[];
  avoidOwnOffice: boolean;
  distinctOffices: boolean;
  conflicts: TaskConflict[];
}

/** What the clerk saves (tasks:save). */
export interface TaskInput extends TaskConfig {
  /** Absent: a new task (it gets the next number of the plan's year). */
  id?: number;
  planId: number;
  name: string;
  /** 牵头部门. */
  leadDepartment: string;
  /** 联合抽查: the departments joining the lead one. */
  joiningDepartments: string[];
  itemIds: number[];
  /** ISO dates, inclusive. */
  startDate: string;
  endDate: string;
  /** 抽查频次 as published ("每年1次"). */
  frequency: string;
  /** Required when the plan is already published: the change becomes a new published version with this reason. */
  changeReason?: string;
}

/** The details of a refused tasks:save: the request's field the refusal is about (the editor shows it there). */
export interface TaskRefusal {
  field: keyof TaskInput;
}

/** The rules the editor checks as the clerk types and tasks:save checks again (the messages are the same). */
export const ALL_GRADES_ZERO = '各信用等级的抽查比例不能都为 0';
export const allGradesZero = (gradeBp: Partial<Record<GradeKey, number | null>>): boolean =>
  GRADE_KEYS.every((g) => !gradeBp[g]);
export const periodYearProblem = (planYear: number): string => `开展时间应在计划年度 ${planYear} 年内开始`;

export interface TaskItemRef {
  id: number;
  name: string;
  checkType: string;
  authority: string;
}

export type TaskDrawStatus = '未抽取' | '已准备' | '已承诺' | '已揭晓' | '已封存';

export interface TaskView extends TaskConfig {
  id: number;
  planId: number;
  year: number;
  seq: number;
  /** 任务编号: 机关简称 + 抽查〔年〕 + 序号 + 号. */
  number: string;
  name: string;
  leadDepartment: string;
  joiningDepartments: string[];
  items: TaskItemRef[];
  startDate: string;
  endDate: string;
  frequency: string;
  /** The state of the task's current (non-voided) draw. */
  drawStatus: TaskDrawStatus;
  /** Id of that draw, when there is one. */
  drawId: number | null;
  updatedAt: string;
}

/** Live counts for the task page (tasks:scope-preview). */
export interface ScopePreview {
  /** Entities in scope after every filter and the recent-inspection exclusion. */
  total: number;
  /** Left out by the recent-inspection exclusion (would be in scope otherwise). */
  excludedRecent: number;
  /** The entities inspected on or after this date are excluded; null without exclusion. */
  excludedSince: string | null;
  strata: StratumPreview[];
  /** Sum of the quotas: 预计抽查数量. */
  expected: number;
  /** Problems the clerk should see before preparing the draw (empty grade, fixed count too large…). */
  notices: string[];
  /** The inspector side, when the request gave it (tasks:scope-preview `pool`). */
  pool?: PoolPreview;
}

/** Who the task's inspector scope allows right now, and the most packages they can staff. */
export interface PoolPreview {
  /** 在岗 inspectors in scope, experts included (as 准备 reads them). */
  inspectors: number;
  experts: number;
  /** Distinct offices (an expert's organisation counts as one) among them. */
  offices: number;
  /** At least this many packages: 预计抽查数量 ÷ packageSize, rounded up (area clustering can only add more). */
  packagesAtLeast: number;
  /** At most this many teams: inspectors × maxPackagesPerInspector ÷ teamSize, rounded down. */
  teamsAtMost: number;
}

export interface StratumPreview {
  /** 'A' … '未评级', or '全部'. */
  name: string;
  candidates: number;
  ratioBp: number | null;
  quota: number;
}

/** 机关简称 + 抽查〔年〕 + 序号 + 号, e.g. 某市监抽查〔2026〕3号. */
export function formatTaskNumber(shortName: string, year: number, seq: number): string {
  return `${shortName}抽查〔${year}〕${seq}号`;
}

/** quota = ceil(n × bp / 10000) in integers (DRAW-SPEC §10): the same arithmetic as the engine's check. */
export function quotaOf(candidates: number, ratioBp: number): number {
  return Math.floor((candidates * ratioBp + 9999) / 10000);
}

/** 300 → "3%", 250 → "2.5%", 5 → "0.05%": basis points in words, without floating point. */
export function percentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

export function gradeLabel(stratum: string): string {
  return stratum === '未评级' || stratum === ALL_STRATUM ? stratum : `${stratum}级`;
}

/** 抽查比例 as printed in the plan: "A级3%、B级5%、C级10%、D级30%、未评级5%", "5%", "固定抽取50户". */
export function describeRatio(ratio: TaskRatio, grades: readonly GradeKey[] = []): string {
  if (ratio.mode === 'uniform') return percentText(ratio.bp);
  if (ratio.mode === 'fixed') return `固定抽取${formatCount(ratio.count)}户`;
  const shown = grades.length > 0 ? GRADE_KEYS.filter((g) => grades.includes(g)) : GRADE_KEYS;
  return shown.map((g) => `${gradeLabel(g)}${percentText(ratio.gradeBp[g])}`).join('、');
}

/** 检查对象范围 in words, e.g. "登记状态为存续的检查对象；行业：餐饮服务、食品销售；排除近3年内已被抽查的对象". */
export function describeScope(scope: TaskScope, excludeRecentYears: number): string {
  const parts = ['登记状态为存续的检查对象'];
  const list = (label: string, values: readonly string[]) => {
    if (values.length > 0) parts.push(`${label}：${values.join('、')}`);
  };
  list('主体类型', scope.entityTypes);
  list('行业', scope.industries);
  list('片区', scope.areas);
  list('管辖单位', scope.offices);
  list('标签', scope.tags);
  list('信用风险等级', scope.grades.map(gradeLabel));
  if (excludeRecentYears > 0) parts.push(`排除近${excludeRecentYears}年内已被抽查的对象`);
  return parts.join('；');
}

/** 计划开展时间: "2026年3月1日至2026年5月31日". */
export function describePeriod(startDate: string, endDate: string): string {
  return `${chineseDay(startDate)}至${chineseDay(endDate)}`;
}

/** 检查主体: "县市场监督管理局(牵头)、县卫生健康委员会" for 联合抽查, the lead department alone otherwise. */
export function describeInspectingBody(leadDepartment: string, joiningDepartments: readonly string[]): string {
  if (joiningDepartments.length === 0) return leadDepartment;
  return [`${leadDepartment}（牵头）`, ...joiningDepartments].join('、');
}

/** The four texts a task is published and shown with: the 公示 table and the draw's task card. */
export function describeTask(task: TaskView) {
  return {
    inspectingBody: describeInspectingBody(task.leadDepartment, task.joiningDepartments),
    scope: describeScope(task.scope, task.excludeRecentYears),
    period: describePeriod(task.startDate, task.endDate),
    ratio: describeRatio(task.ratio, task.scope.grades),
  };
}

/** 执法人员范围 in words, for the record and the task page. */
export function describeInspectorScope(
  scope: InspectorScope,
  joiningDepartments: readonly string[],
  includeExperts: boolean,
): string {
  let text: string;
  switch (scope.kind) {
    case '全局':
      text = '全局内随机（局机关和各市场监管所在岗人员）';
      break;
    case '局机关与所':
      text = `局机关与市场监管所随机（${scope.offices.length > 0 ? scope.offices.join('、') : '局机关各科室'}及各市场监管所）`;
      break;
    case '若干所':
      text = `若干所内随机（${scope.offices.join('、')}）`;
      break;
    case '单一所':
      text = `单一所内随机（${scope.offices.join('、')}）`;
      break;
  }
  if (joiningDepartments.length > 0) text += `；联合部门：${joiningDepartments.join('、')}`;
  if (includeExperts) text += '；含专家库';
  return text;
}

/**
 * Each control of the task page explains itself (the issue asks for it): one Chinese sentence per field, written for
 * a county clerk. The page shows them as help text; the services' error messages use the same words.
 */
export const TASK_FIELD_HELP = {
  name: '任务名称，公示计划和打印记录表时使用，例如“2026年食品经营者双随机抽查”。',
  number: '任务编号由机关简称、年度和序号自动生成，例如“某市监抽查〔2026〕3号”，创建后不再改变。',
  itemIds: '本任务检查的事项，从随机抽查事项清单中选择；一户一表按这些事项的检查子项生成。',
  leadDepartment: '牵头部门：负责组织本次抽查的单位。',
  joiningDepartments: '联合抽查时参加的其他部门；选了联合部门，其执法人员也进入随机选派范围。',
  scope:
    '检查对象范围：按主体类型、行业、片区、管辖单位、标签、信用等级筛选名录库。不选表示不限；注销、吊销的对象一律不抽。',
  excludeRecentYears: '近几年内已被抽查过的对象不再抽取（财政部规定可排除近3年内已检查的对象）；填 0 表示不排除。',
  ratio:
    '抽查比例：可按信用风险等级分别设定（A级最低“无事不扰”，D级最高），也可统一一个比例，或固定抽取户数。每级应抽数 = 范围内户数 × 比例，向上取整。',
  startDate: '计划开展时间的开始日期；抽取通常在开始前进行。',
  endDate: '计划开展时间的结束日期；过了结束日期的任务不能再抽取。',
  frequency: '抽查频次，公示计划时使用，例如“每年1次”。',
  teamSize: '每个检查组的执法人员数，至少 2 人。',
  packageSize: '名单包大小：每个检查组最多检查的对象户数。',
  maxPackagesPerInspector: '每名执法人员最多参加的检查组（名单包）数，防止任务集中在少数人身上。',
  clusterBy: '按片区组包：同一名单包内的对象在同一片区，减少路程。',
  requiredTags: '每个检查组至少要有一名具备这些执法资质的人员，例如检查食品经营者需要“食品”资质。',
  inspectorScope: '执法人员选派范围：全局内随机、局机关与市场监管所随机、若干所内随机或单一所内随机；只选“在岗”人员。',
  includeExperts: '需要专业技术支持时，同时从专家库中随机选派（只选“在库”专家）。',
  avoidOwnOffice: '本单位人员不检查本单位监管的对象（本所人员不查本所对象）。',
  distinctOffices: '同一检查组的成员来自不同单位。',
  conflicts: '需要回避的执法人员与检查对象（例如有亲属关系），抽取时不会把他们分在一起。',
} as const;
