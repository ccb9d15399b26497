/**
 * 公示: the 抽查任务公告 (a task's sealed draw) and the 抽查结果公告 (reviewed results), as published — every field
 * already passed through the bureau's per-field rules — and those rules with the 公示期.
 */

export const PUBLICATION_KINDS = ['抽查任务公告', '抽查结果公告'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** Who published an announcement and when (null while it is only a preview). */
export interface PublicationStamp {
  id: number;
  publishedAt: string;
  publishedBy: string;
  /** SHA-256 (hex) of the announcement's canonical JSON without this stamp. */
  digest: string;
}

/** The task block both announcements print above their lists. */
export interface AnnouncementTask {
  taskId: number;
  planNumber: string;
  planName: string;
  taskNumber: string;
  taskName: string;
  /** 定向: the task drew by conditions (type, industry, area, office, tag or grade); 不定向: the whole roster. */
  drawKind: '定向' | '不定向';
  items: string[];
  scope: string;
  startDate: string;
  endDate: string;
  /** 检查机关: the bureau the task was made under. */
  bureauName: string;
  joiningDepartments: string[];
  entityCount: number;
}

export interface TaskAnnouncementRow {
  seq: number;
  /** Published name: a 个体工商户 without 字号 as 个体工商户（经营者：张**）. */
  name: string;
  /** 统一社会信用代码 or 注册号, as registered (a 15-digit 注册号 is public and stays). */
  code: string;
  /** 管辖单位; '' when the rule withholds it. */
  office: string;
}

/** What a citizen needs to re-check the draw with the offline verify page. */
export interface DrawCheck {
  drawId: number;
  inputDigest: string;
  seed: string;
  sealedAt: string;
  howToVerify: string;
}

export interface TaskAnnouncement {
  kind: '抽查任务公告';
  /** 「{检查机关}{年}年度第{n}号抽查任务公告」. */
  title: string;
  year: number;
  /** 第{n}号: the published one, or the next free number of the bureau's year in a preview. */
  serial: number;
  task: AnnouncementTask;
  rows: TaskAnnouncementRow[];
  draw: DrawCheck;
  published: PublicationStamp | null;
}

export interface ResultDetailRow {
  seq: number;
  /** 检查事项. */
  item: string;
  /** 未发现问题 / 发现问题 / 不涉及 / 未检查. */
  result: string;
  /** 发现问题情况, only when the rule publishes it ('' otherwise). */
  finding: string;
}

export interface ResultAnnouncementRow {
  seq: number;
  resultId: number;
  planNumber: string;
  planName: string;
  taskNumber: string;
  taskName: string;
  drawKind: '定向' | '不定向';
  /** 检查机关 (with the 联合部门). */
  inspectingBody: string;
  name: string;
  code: string;
  /** 检查完成日期. */
  inspectedOn: string;
  /** 检查结果: the categories, or the end state found at the door. */
  result: string;
  /** 备注: the end state and, when the rule publishes it, the clerk's note. */
  note: string;
  /** 住所(经营场所), 法定代表人(负责人), 检查人员: present only when the rule publishes the field. */
  address?: string;
  legalRep?: string;
  inspectors?: string;
  details: ResultDetailRow[];
}

export type ResultScope = { taskId: number } | { from: string; to: string };

export interface ResultAnnouncement {
  kind: '抽查结果公告';
  title: string;
  bureauName: string;
  year: number;
  scope: ResultScope;
  /** The optional fields the rules publish, in column order. */
  extraFields: ('address' | 'legalRep' | 'inspectors')[];
  rows: ResultAnnouncementRow[];
  /** Reviewed results left out because their 公示期 ended. */
  expired: number;
  published: PublicationStamp | null;
}

export type Announcement = TaskAnnouncement | ResultAnnouncement;

/** 公示: published as is; 遮蔽: masked (a person's name keeps the surname, an address its first characters); 不公示. */
export const FIELD_RULES = ['公示', '遮蔽', '不公示'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export const DISCLOSURE_FIELDS = [
  'entityName',
  'code',
  'office',
  'address',
  'legalRep',
  'phone',
  'idNumber',
  'inspectors',
  'badgeNo',
  'finding',
  'note',
] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];

export interface DisclosureFieldInfo {
  label: string;
  /** The rules a bureau may choose; a single one means the law fixes it. */
  allowed: readonly FieldRule[];
  why: string;
}

export const DISCLOSURE_FIELD_INFO: Record<DisclosureField, DisclosureFieldInfo> = {
  entityName: {
    label: '市场主体名称',
    allowed: ['公示'],
    why: '依法公示；无字号的个体工商户以“个体工商户（经营者：张**）”公示。',
  },
  code: { label: '统一社会信用代码/注册号', allowed: ['公示'], why: '公开的登记标识，15位注册号照常公示。' },
  office: { label: '管辖单位', allowed: ['公示', '不公示'], why: '抽查任务公告的一列。' },
  address: {
    label: '住所（经营场所）',
    allowed: ['公示', '遮蔽', '不公示'],
    why: '个体工商户的住所是个人地址，一律不公示。',
  },
  legalRep: { label: '法定代表人（负责人）', allowed: ['公示', '遮蔽', '不公示'], why: '个人姓名，遮蔽时只留姓氏。' },
  phone: { label: '联系电话', allowed: ['不公示'], why: '个人隐私，一律不公示。' },
  idNumber: { label: '身份证件号码', allowed: ['不公示'], why: '个人隐私，一律不公示。' },
  inspectors: { label: '检查人员姓名', allowed: ['公示', '遮蔽', '不公示'], why: '执法人员姓名。' },
  badgeNo: { label: '执法证号', allowed: ['不公示'], why: '执法人员的证件号，一律不公示。' },
  finding: { label: '发现问题情况', allowed: ['公示', '不公示'], why: '检查人员填写的文字，可能含个人信息。' },
  note: { label: '备注', allowed: ['公示', '不公示'], why: '检查人员填写的文字，可能含个人信息。' },
};

export type FieldRules = Record<DisclosureField, FieldRule>;

export interface DisclosureSettings {
  rules: FieldRules;
  /** 公示期 of a result without 责令改正, in months from its first publication. */
  periodMonths: number;
  /** 公示期 of a result with 责令改正, in months from the 整改完成 date (004 §九: 6). */
  correctionMonths: number;
}

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  rules: {
    entityName: '公示',
    code: '公示',
    office: '公示',
    address: '不公示',
    legalRep: '不公示',
    phone: '不公示',
    idNumber: '不公示',
    inspectors: '不公示',
    badgeNo: '不公示',
    finding: '不公示',
    note: '不公示',
  },
  periodMonths: 36,
  correctionMonths: 6,
};

/** The rule that may not be chosen for a field, as the Chinese refusal; null when every rule is allowed. */
export function ruleProblem(field: DisclosureField, rule: FieldRule): string | null {
  const info = DISCLOSURE_FIELD_INFO[field];
  if (info.allowed.includes(rule)) return null;
  return `“${info.label}”不能设为“${rule}”：${info.why}`;
}

/** A published result's 公示期 and when it comes down. */
export interface DueResult {
  resultId: number;
  taskNumber: string;
  name: string;
  code: string;
  inspectedOn: string;
  /** 责令改正 (from the 整改完成 date) or 一般 (from the first publication). */
  basis: '责令改正' | '一般';
  /** The date the period is counted from. */
  since: string;
  /** The last day it stays published. */
  until: string;
  /** 已到期: leave it out from now on; 即将到期: within 30 days. */
  status: '已到期' | '即将到期';
}

/** A publication as listed on the page. */
export interface PublicationListRow {
  id: number;
  kind: PublicationKind;
  title: string;
  taskNumber: string | null;
  rangeFrom: string | null;
  rangeTo: string | null;
  results: number;
  publishedAt: string;
  publishedBy: string;
}
