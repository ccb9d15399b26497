/**
 * Bureau settings: the rules DOMAIN.md calls "defaults, editable per bureau in settings".
 * Ratios are integer basis points (1% = 100 bp) — never floats, so quotas match DRAW-SPEC exactly.
 */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';
export const CREDIT_GRADES: readonly CreditGrade[] = ['A', 'B', 'C', 'D'];

export interface Settings {
  /** 机关名称, printed on every sheet and record. */
  bureauName: string;
  /** 机关简称, the prefix of task numbers: 简称 + 抽查〔年〕 + 序号. */
  bureauShortName: string;
  /** 默认抽查比例 when a task does not say otherwise (福安: 原则上不低于 5%). */
  defaultRatioBp: number;
  /** 按信用风险等级的抽查比例 (江西: A 最低 "无事不扰", D 最高). */
  gradeRatioBp: Record<CreditGrade, number>;
  /** 近 N 年内已被抽查的对象可排除 (财政部: 3 年). 0 = no exclusion. */
  recentInspectionYears: number;
  /** 结果录入时限 (工作日), 004 §八: 20. */
  resultDeadlineWorkdays: number;
  /** 每组最少执法人员数: at least 2. */
  minTeamSize: number;
  /** 本单位人员不检查本单位监管的对象 (姜堰 practice). */
  avoidOwnOffice: boolean;
}

/**
 * Settings as read: `bureauSet` is false until the administrator has entered both 机关名称 and 机关简称 — until then
 * the placeholder defaults serve draft tasks only, and publishing a plan or 准备 is refused.
 */
export interface SettingsView extends Settings {
  bureauSet: boolean;
}

/** The bureau's own 科室 and 市场监管所 (the offices list's other kind, 其他部门, is other agencies). */
export const BUREAU_OFFICE_KINDS = ['局机关', '市场监管所'] as const;
export type BureauOfficeKind = (typeof BUREAU_OFFICE_KINDS)[number];

export interface BureauOffice {
  name: string;
  kind: BureauOfficeKind;
  /** Entities, inspectors and experts recorded under this office: such an office cannot be removed. */
  used: number;
}

/** One step of 开始使用 on the home page, done or not from the data (admin: a 管理员 account exists). */
export interface GettingStartedStep {
  key: 'admin' | 'bureau' | 'items' | 'entities' | 'inspectors' | 'plan' | 'draw';
  done: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  bureauName: '某县市场监督管理局',
  bureauShortName: '某市监',
  defaultRatioBp: 500,
  gradeRatioBp: { A: 300, B: 500, C: 1000, D: 3000 },
  recentInspectionYears: 3,
  resultDeadlineWorkdays: 20,
  minTeamSize: 2,
  avoidOwnOffice: true,
};

/** Chinese labels, shared by the settings page and error messages. */
export const SETTINGS_LABELS: Record<keyof Settings, string> = {
  bureauName: '机关名称',
  bureauShortName: '机关简称',
  defaultRatioBp: '默认抽查比例',
  gradeRatioBp: '按信用等级抽查比例',
  recentInspectionYears: '近几年内已抽查对象可排除（年）',
  resultDeadlineWorkdays: '结果录入时限（工作日）',
  minTeamSize: '每组最少执法人员数',
  avoidOwnOffice: '本单位人员不检查本单位对象',
};
