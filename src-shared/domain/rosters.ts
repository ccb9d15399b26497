/**
 * The records of 一单两库 as an import produces them, with each field's Chinese label: tables, previews, templates and
 * messages take their names from here, so a field is named once. Text is NFC and trimmed, codes upper-case ASCII; '' is
 * "not given" for free text, null for codes, enums and dates (a NOT NULL column never holds a fake value).
 */

export const ENTITY_TYPES = ['企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** 信用风险等级: A lowest risk (无事不扰) … D highest (江西 seed). */
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const REG_STATUSES = ['存续', '注销', '吊销'] as const;
export type RegStatus = (typeof REG_STATUSES)[number];

export const INSPECTOR_STATUSES = ['在岗', '请假', '调离'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];

/** 在库 may be drawn; 暂停 is kept but not drawn (e.g. a declared conflict for a season); 退出 has left the pool. */
export const EXPERT_STATUSES = ['在库', '暂停', '退出'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

/** 事项类别 as the national template uses it: 一般检查事项 / 重点检查事项. */
export const ITEM_LEVELS = ['一般', '重点'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];
/** 停用: no longer offered to new tasks; the tasks and draws that name it keep it. */
export const ITEM_STATUSES = ['启用', '停用'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The four 检查方式 of 004 §三; a published list writes free text ("现场检查、书面检查等"), kept in `method`. */
export const CHECK_METHOD_KINDS = ['实地', '书面', '网络监测', '委托专业机构'] as const;
export type CheckMethodKind = (typeof CHECK_METHOD_KINDS)[number];

export interface EntityRecord {
  /** 统一社会信用代码, 18 chars; null on old rows that have only a 注册号. */
  uscc: string | null;
  /** 注册号 (15 digits) — the key when uscc is null. */
  regNo: string | null;
  name: string;
  /** The name was built from the operator (a 个体工商户 without a 字号): shown 待核实, masked where published. */
  nameFromOperator: boolean;
  entityType: EntityType;
  /** 行业/业态 as the file writes it (no fixed list: counties use their own). */
  industry: string;
  address: string;
  /** 所属片区 */
  area: string;
  /** 管辖单位: the 市场监管所 that supervises it. */
  office: string;
  /** 法定代表人/负责人/经营者 */
  legalRep: string;
  phone: string;
  /** null: not yet graded (a new entity). */
  creditGrade: CreditGrade | null;
  regStatus: RegStatus;
  tags: string[];
  /** ISO date YYYY-MM-DD. */
  lastInspectedOn: string | null;
}

export interface InspectorRecord {
  name: string;
  /** 执法证号, the unique key. */
  badgeNo: string;
  /** 所属单位/部门 */
  office: string;
  /** 业务专长/执法资质 (食品、特种设备、广告、计量、药品…) */
  tags: string[];
  status: InspectorStatus;
  phone: string;
}

export interface ExpertRecord {
  name: string;
  /** 身份证号 or 资格证书编号: the unique key. Never published (福安 seed §(二)3). */
  idOrCertNo: string;
  /** 工作单位 (会计师事务所、检测机构…) */
  organisation: string;
  /** 专业领域 */
  tags: string[];
  phone: string;
  status: ExpertStatus;
}

/** One 检查子项: a row of the 一户一表 record sheet. */
export interface ItemSubItem {
  content: string;
  /** 检查依据 of this row (all lines). */
  basis: string;
  method: string;
}

export interface ItemRecord {
  /** 编制单位 (the department that published the line: 省市场监管局, 省公安厅 …) */
  compiler: string;
  /** 序号 as printed ("1", "12-3", "（一）"): text, since lists number in many ways. */
  seqNo: string;
  /**
   * 事项分类/领域 (食品安全, 特种设备 …) when the list has such a column; '' otherwise. Not the national
   * template's 事项类别 column, which holds 一般/重点 and is `level`.
   */
  category: string;
  /** 抽查类别 (登记事项检查, 公示信息检查 …) */
  checkType: string;
  /** 抽查事项 / 事项名称 — one item per name. */
  name: string;
  /** 检查对象, every line. */
  targets: string;
  level: ItemLevel;
  /** 检查方式 as published (every line). */
  method: string;
  /** The 检查方式 kinds the text names; empty when it names none we know. */
  methodKinds: CheckMethodKind[];
  /** 检查主体, every line. */
  authority: string;
  /** 检查依据: the full text, every line, including those on continuation rows. */
  basis: string;
  /** 备注 */
  remarks: string;
  /** At least one. */
  subItems: ItemSubItem[];
}

export type RosterKind = 'entities' | 'inspectors' | 'experts' | 'items';
export const ROSTER_KINDS: readonly RosterKind[] = ['items', 'entities', 'inspectors', 'experts'];

export const ROSTER_LABELS: Record<RosterKind, string> = {
  items: '随机抽查事项清单',
  entities: '检查对象名录库',
  inspectors: '执法检查人员名录库',
  experts: '专家库',
};

/** The entity's fields as columns (import, export, edit form); nameFromOperator is shown as 待核实, not a column. */
export const ENTITY_FIELD_LABELS: Record<Exclude<keyof EntityRecord, 'nameFromOperator'>, string> = {
  uscc: '统一社会信用代码',
  regNo: '注册号',
  name: '名称',
  entityType: '主体类型',
  industry: '行业',
  address: '住所（经营场所）',
  area: '所属片区',
  office: '管辖单位',
  legalRep: '法定代表人（负责人）',
  phone: '联系电话',
  creditGrade: '信用风险等级',
  regStatus: '登记状态',
  tags: '标签',
  lastInspectedOn: '最近被抽查日期',
};

export const INSPECTOR_FIELD_LABELS: Record<keyof InspectorRecord, string> = {
  name: '姓名',
  badgeNo: '执法证号',
  office: '所属单位（部门）',
  tags: '业务专长（资质）',
  status: '状态',
  phone: '联系电话',
};

export const EXPERT_FIELD_LABELS: Record<keyof ExpertRecord, string> = {
  name: '姓名',
  idOrCertNo: '证件号码（证书编号）',
  organisation: '工作单位',
  tags: '专业领域',
  phone: '联系电话',
  status: '状态',
};

export const ITEM_FIELD_LABELS: Record<keyof ItemRecord, string> = {
  compiler: '编制单位',
  seqNo: '序号',
  category: '事项分类',
  checkType: '抽查类别',
  name: '抽查事项',
  targets: '检查对象',
  level: '事项类别',
  method: '检查方式',
  methodKinds: '检查方式分类',
  authority: '检查主体',
  basis: '检查依据',
  remarks: '备注',
  subItems: '检查子项',
};

export const ITEM_SUB_ITEM_FIELD_LABELS: Record<keyof ItemSubItem, string> = {
  content: '检查内容',
  basis: '检查依据',
  method: '检查方式',
};

/** The key a roster upserts by, in the order tried. */
export const ROSTER_KEYS = {
  entities: ['uscc', 'regNo'],
  inspectors: ['badgeNo'],
  experts: ['idOrCertNo'],
  items: ['compiler', 'name', 'targets'],
} as const satisfies { [K in RosterKind]: readonly string[] };
