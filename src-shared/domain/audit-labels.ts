/**
 * The operation log for people: every action the program writes, its Chinese name; the detail fields' labels; a
 * target such as `draws:12` as 「抽取 12」; a detail as 「标签：前 → 后」 lines instead of JSON.
 */
import { chinaDate, chinaTime } from './china-time';

export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'calendar:enter': '录入节假日安排',
  'demo:load': '加载示例数据',
  'disclosure:publish-task': '公示抽查任务公告',
  'disclosure:publish-results': '公示抽查结果公告',
  'disclosure:export': '导出公告',
  'disclosure:save-settings': '修改公示规则',
  'draws:prepare': '准备抽取',
  'draws:commit': '抽取承诺',
  'draws:witness': '录入见证随机值',
  'draws:reveal': '揭晓抽取结果',
  'draws:seal': '封存抽取记录',
  'draws:amend': '递补检查人员',
  'draws:void': '作废抽取',
  'draws:export-list': '导出抽取名单',
  'follow-ups:update': '更新后续处置',
  'follow-ups:close': '办结后续处置',
  'items:update-sub-items': '修改检查事项子项',
  'items:create': '新增检查事项',
  'items:delete': '删除检查事项',
  'items:set-status': '停用或启用检查事项',
  'items:bulk-retire': '批量停用检查事项',
  'offices:insert': '新增科室',
  'offices:update': '修改科室',
  'offices:delete': '删除科室',
  'plans:create': '新建抽查计划',
  'plans:update': '修改抽查计划',
  'plans:publish': '公示抽查计划',
  'plans:delete': '删除草稿计划',
  'plans:export': '导出抽查计划',
  'publish:package': '生成公示包',
  'results:save': '录入检查结果',
  'results:import': '导入检查结果',
  'results:approve': '审核通过检查结果',
  'results:return': '退回检查结果',
  'results:correct': '更正检查结果',
  'roster:import': '导入名录',
  'roster:update': '修改名录记录',
  'roster:create': '新增名录记录',
  'roster:delete': '删除名录记录',
  'roster:bulk-update': '批量修改名录',
  'roster:export': '导出名录',
  'roster:import-rejections': '导出未导入的行',
  'roster:mapping-remember': '记住列对应',
  'roster:mapping-forget': '忘记列对应',
  'settings:set': '修改系统设置',
  'stats:export': '导出统计分析',
  'sheets:export': '导出一户一表',
  'tasks:create': '新建抽查任务',
  'users:create': '新建用户',
  'users:locked': '用户被锁定',
  'users:change-password': '修改本人密码',
  'users:reset-password': '重置用户密码',
  'users:set-role': '修改用户角色',
  'users:disable': '停用用户',
  'users:enable': '启用用户',
  'users:delete': '删除用户',
  'audit:export': '导出操作日志',
  'tasks:update': '修改抽查任务',
  'tasks:delete': '删除草稿任务',
  'visits:merge': '合并入户检查',
};

const TARGET_NAMES: Record<string, string> = {
  draws: '抽取',
  plans: '抽查计划',
  tasks: '抽查任务',
  result: '检查结果',
  results: '检查结果',
  followUp: '后续处置',
  offices: '科室',
  entities: '检查对象名录',
  inspectors: '执法检查人员名录',
  experts: '专家名录',
  items: '检查事项清单',
  settings: '系统设置',
  publications: '公告',
  stats: '统计分析',
  user: '用户',
  entity: '检查对象',
  calendar: '节假日安排',
  rosters: '名录',
  database: '数据库',
  audit: '操作日志',
};

/** The detail fields the program writes, as a clerk calls them; a field not listed shows under its own name. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  bureauName: '局名称',
  bureauShortName: '局简称',
  defaultRatioBp: '默认抽查比例（万分之）',
  gradeRatioBp: '各信用等级抽查比例（万分之）',
  recentInspectionYears: '近期已检查年数',
  resultDeadlineWorkdays: '结果录入期限（工作日）',
  minTeamSize: '检查组最少人数',
  avoidOwnOffice: '本单位人员不检查本单位对象',
  name: '名称',
  reason: '原因',
  selected: '抽中户数',
  missingEntities: '已不在名录中的户数',
  proofVersion: '抽取记录版本',
  resultIds: '检查结果',
  problems: '有问题的行',
  changed: '修改内容',
  draftTasks: '随之改名的草稿任务',
  new: '新增',
  updated: '更新',
  unchanged: '未变',
  rejected: '未导入',
  rows: '行数',
  file: '文件',
  count: '数量',
  package: '名单包',
  out: '退出人员',
  in: '递补人员',
  filter: '筛选条件',
  role: '角色',
};

export function actionName(action: string): string {
  return AUDIT_ACTION_NAMES[action] ?? action;
}

export function targetName(target: string): string {
  const [kind, id] = target.split(':');
  const name = TARGET_NAMES[kind] ?? kind;
  return id === undefined ? name : `${name} ${id}`;
}

const fieldLabel = (key: string) => AUDIT_FIELD_LABELS[key] ?? key;

/** A value in one short phrase: lists by their length, objects by their fields. */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length <= 5 ? v.map(valueText).join('、') : `共 ${v.length} 项`;
  if (typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${fieldLabel(k)} ${valueText(x)}`)
      .join('，');
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && 'from' in v && 'to' in v;

/** The detail as lines: 「标签：前 → 后」 for a change, 「标签：值」 otherwise. */
export function detailLines(detail: unknown): string[] {
  if (typeof detail !== 'object' || detail === null) return detail === undefined ? [] : [valueText(detail)];
  const { before, after, ...rest } = detail as Record<string, unknown>;
  const lines: string[] = [];
  if (before !== undefined || after !== undefined) lines.push(`${valueText(before)} → ${valueText(after)}`);
  for (const [key, v] of Object.entries(rest)) {
    const label = fieldLabel(key);
    lines.push(isChange(v) ? `${label}：${valueText(v.from)} → ${valueText(v.to)}` : `${label}：${valueText(v)}`);
  }
  return lines;
}

/** When, on China's clock: "2026-03-20 09:30". */
export function auditTime(iso: string): string {
  const t = chinaTime(new Date(iso));
  return `${chinaDate(new Date(iso))} ${t.hour}:${t.minute}`;
}

/** The object picker's choices: one per Chinese name, [kind, name]. */
export const AUDIT_TARGET_KINDS: [string, string][] = [
  ...new Map(Object.entries(TARGET_NAMES).map(([k, n]) => [n, k])),
].map(([name, kind]) => [kind, name]);

/** Every kind shown under the same name as `kind` (检查结果 is written as `result:12` and as `results`). */
export function kindsNamed(kind: string): string[] {
  const name = TARGET_NAMES[kind];
  return name === undefined ? [kind] : Object.keys(TARGET_NAMES).filter((k) => TARGET_NAMES[k] === name);
}
