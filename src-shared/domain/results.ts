/**
 * 检查结果: what a team found at one entity, as the record sheet (一户一表) asks it, and the rules that make an entry
 * consistent. The categories and options are the standard ones (DOMAIN.md, 004 §八); every list is multi-select.
 */

export const RESULT_CATEGORIES = [
  '未发现问题',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况、弄虚作假',
  '通过登记的住所(经营场所)无法联系',
  '不配合检查,情节严重',
  '未发现开展本次抽查涉及的经营活动',
  '发现问题,依法责令停止',
  '发现问题,依法责令立即改正或者限期改正',
  '发现问题,待后续调查处理',
  '其他情况',
] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

export const CHECK_METHODS = [
  '实地检查',
  '书面检查',
  '网络监测',
  '检验检测',
  '委托专业机构辅助',
  '行政部门检查结果或专业意见',
] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const FOLLOW_UPS = [
  '无需后续处置(未发现问题或已规范、已改正)',
  '停止检查,反馈日常监管部门处理',
  '责令改正,后续跟踪由日常监管部门负责',
  '发现案件线索,移送办案机构',
  '违反其他部门规定,抄告相关部门',
  '其他',
] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * A stored vocabulary value as pages and prints show it, in full-width punctuation. The stored spelling stays as it
 * is: saved results, their audit rows and every existing database hold it verbatim.
 */
export function vocabularyText(value: string): string {
  return value.replaceAll(',', '，').replaceAll('(', '（').replaceAll(')', '）');
}

/** Found at the door: the entity itself has ended, which is recorded instead of findings. */
export const END_STATES = ['注销', '吊销', '迁出', '已关闭停业'] as const;
export type EndState = (typeof END_STATES)[number];

export const ROW_OUTCOMES = ['符合', '不符合', '不涉及'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

export const RESULT_STATES = ['未录入', '已录入', '已审核', '审核退回'] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export interface ResultRowEntry {
  subItemId: number;
  outcome: RowOutcome | null;
  finding: string;
}

export interface ResultEntry {
  inspectedOn: string;
  /** Team members present, by their id in the draw (检查员N, or 专家N for an expert; the 执法证号 in older draws). */
  inspectorIds: string[];
  methods: CheckMethod[];
  rows: ResultRowEntry[];
  categories: ResultCategory[];
  followUps: FollowUp[];
  followUpOther: string;
  /** 整改期限, required with 责令改正. */
  correctionDeadline: string | null;
  endState: EndState | null;
  note: string;
}

/** An entry with nothing filled in yet: the given team members present, the given check rows open. */
export function emptyEntry(inspectorIds: string[], subItemIds: readonly number[]): ResultEntry {
  return {
    inspectedOn: '',
    inspectorIds,
    methods: [],
    rows: subItemIds.map((subItemId) => ({ subItemId, outcome: null, finding: '' })),
    categories: [],
    followUps: [],
    followUpOther: '',
    correctionDeadline: null,
    endState: null,
    note: '',
  };
}

/** What the entry is checked against: the task's window and the team of the entity's package. */
export interface ResultContext {
  windowStart: string;
  windowEnd: string;
  teamIds: readonly string[];
  teamNames: ReadonlyMap<string, string>;
}

/** One filled record sheet read back (or entered by hand): which draw and entity, which tasks it answers. */
export interface SheetResult {
  drawId: number;
  entityId: number;
  /** One task, or every task of a merged joint visit; each row's sub-item belongs to one of their items. */
  taskIds: number[];
  entry: ResultEntry;
}

export interface ResultProblem {
  field: keyof ResultEntry;
  message: string;
}

const NO_PROBLEM: ResultCategory = '未发现问题';
const ORDERED_CORRECTION: readonly string[] = [
  '发现问题,依法责令立即改正或者限期改正',
  '责令改正,后续跟踪由日常监管部门负责',
];

function dateProblems(entry: ResultEntry, context: ResultContext): ResultProblem[] {
  if (!entry.inspectedOn) return [{ field: 'inspectedOn', message: '请填写检查日期' }];
  if (entry.inspectedOn < context.windowStart || entry.inspectedOn > context.windowEnd) {
    const window = `${context.windowStart}至${context.windowEnd}`;
    return [{ field: 'inspectedOn', message: `检查日期${entry.inspectedOn}不在任务的检查时间（${window}）内` }];
  }
  return [];
}

function teamProblems(entry: ResultEntry, context: ResultContext): ResultProblem[] {
  const outsiders = entry.inspectorIds.filter((id) => !context.teamIds.includes(id));
  if (outsiders.length > 0) {
    const names = outsiders.map((id) => context.teamNames.get(id) ?? `编号${id}`).join('、');
    return [{ field: 'inspectorIds', message: `${names}不是本检查组成员` }];
  }
  if (entry.inspectorIds.length < 2) return [{ field: 'inspectorIds', message: '到场检查人员至少 2 名' }];
  return [];
}

function findingProblems(entry: ResultEntry): ResultProblem[] {
  const problems: ResultProblem[] = [];
  if (entry.methods.length === 0) problems.push({ field: 'methods', message: '请选择核查方式' });
  if (entry.rows.some((r) => r.outcome === null)) problems.push({ field: 'rows', message: '还有检查内容未填写结果' });
  const failed = entry.rows.filter((r) => r.outcome === '不符合');
  if (failed.some((r) => !r.finding.trim())) {
    problems.push({ field: 'rows', message: '结果为“不符合”的检查内容须填写发现问题情况' });
  }
  if (entry.categories.length === 0) problems.push({ field: 'categories', message: '请选择检查结果' });
  if (entry.categories.includes(NO_PROBLEM)) {
    if (entry.categories.length > 1) {
      problems.push({ field: 'categories', message: '“未发现问题”不能与其他检查结果同时选择' });
    }
    if (failed.length > 0) {
      problems.push({ field: 'categories', message: `检查结果为“未发现问题”，但有 ${failed.length} 项检查内容不符合` });
    }
  }
  return problems;
}

function followUpProblems(entry: ResultEntry): ResultProblem[] {
  const problems: ResultProblem[] = [];
  if (entry.followUps.length === 0) problems.push({ field: 'followUps', message: '请选择后续处置措施' });
  if (entry.followUps.includes('其他') && !entry.followUpOther.trim()) {
    problems.push({ field: 'followUpOther', message: '选择“其他”后续处置时须写明措施' });
  }
  const ordered = [...entry.categories, ...entry.followUps].some((v) => ORDERED_CORRECTION.includes(v));
  if (ordered && !entry.correctionDeadline) {
    problems.push({ field: 'correctionDeadline', message: '责令改正须填写整改期限' });
  }
  if (entry.correctionDeadline && entry.inspectedOn && entry.correctionDeadline < entry.inspectedOn) {
    problems.push({ field: 'correctionDeadline', message: '整改期限不能早于检查日期' });
  }
  return problems;
}

/** Every reason the entry cannot be saved as 已录入, each at its field; empty when it is consistent. */
export function resultProblems(entry: ResultEntry, context: ResultContext): ResultProblem[] {
  const common = [...dateProblems(entry, context), ...teamProblems(entry, context)];
  // An entity found ended at the door has no findings to give: its end state is the result.
  if (entry.endState) return common;
  return [...common, ...findingProblems(entry), ...followUpProblems(entry)];
}

/** Whether the result records a problem, which then needs a follow-up record to closure. */
export function hasProblem(entry: Pick<ResultEntry, 'categories' | 'rows'>): boolean {
  const problemCategory = entry.categories.some((c) => c !== NO_PROBLEM && c !== '未发现开展本次抽查涉及的经营活动');
  return problemCategory || entry.rows.some((r) => r.outcome === '不符合');
}
