/**
 * 一户一表 (市场监管领域随机抽查情况记录表) and 随机抽查通知书 as data: what a sealed draw gives each entity to inspect.
 * loadSheets (src-main/sheets) builds it; the PDF and Excel renderers print it; nothing here reads the database.
 */

/** One row of the sheet: a 检查子项, or the item itself when it has none (then `subItemId` is `-itemId`). */
export interface SheetRow {
  itemId: number;
  subItemId: number;
  /** "1.2": item number, row number. */
  label: string;
  content: string;
  basis: string;
  method: string;
}

export interface SheetItem {
  id: number;
  /** The task (of the visit) this item was drawn for. */
  taskId: number;
  name: string;
  rows: SheetRow[];
}

export interface SheetMember {
  /** Id in the draw: 检查员N, or 专家N for an expert (the 执法证号 in draws sealed before). */
  id: string;
  name: string;
  /** The 执法证号 the team's paper prints; '' for an expert. */
  badgeNo: string;
  office: string;
  phone: string;
  isExpert: boolean;
}

export interface SheetTask {
  id: number;
  number: string;
  name: string;
  leadDepartment: string;
  startDate: string;
  endDate: string;
}

/** One entity of a package: its record sheet and its notice share this data. */
export interface EntitySheet {
  drawId: number;
  entityId: number;
  /** 统一社会信用代码, else the 注册号. */
  code: string;
  codeKind: '统一社会信用代码' | '注册号';
  name: string;
  address: string;
  legalRep: string;
  phone: string;
  /** The task of the draw, and the other tasks of a merged joint visit (进一次门、查多项事). */
  tasks: SheetTask[];
  /** The merged visit (joint_visits.id), or null. */
  visitId: number | null;
  /** The inspection window: the visit's, else the task's. */
  startDate: string;
  endDate: string;
  items: SheetItem[];
}

export interface SheetPackage {
  no: number;
  area: string | null;
  team: SheetMember[];
  entities: EntitySheet[];
}

export interface DrawSheets {
  drawId: number;
  taskId: number;
  taskNumber: string;
  taskName: string;
  bureauName: string;
  /** The draw's seed (hex); sheets print its first 16 digits. */
  seed: string;
  sealedAt: string;
  packages: SheetPackage[];
}

/** The first 16 hex digits of the seed, printed on every page. */
export function seedPrefix(seed: string): string {
  return seed.slice(0, 16);
}

/** 任务名称 / 任务编号 of a sheet: one task, or every task of a merged visit joined with 、. */
export function taskNames(sheet: EntitySheet): { names: string; numbers: string } {
  return {
    names: sheet.tasks.map((t) => t.name).join('、'),
    numbers: sheet.tasks.map((t) => t.number).join('、'),
  };
}

/** Every row of the sheet, item after item. */
export function sheetRows(sheet: EntitySheet): SheetRow[] {
  return sheet.items.flatMap((item) => item.rows);
}

/** What the entity is asked to have ready (随机抽查通知书 三、): the same for every item. */
export const NOTICE_MATERIALS = [
  '营业执照（副本）及与抽查事项有关的许可证件',
  '法定代表人（负责人）身份证明；委托他人配合检查的，提供授权委托书及受托人身份证明',
  '与抽查事项有关的台账、票据、合同、检验检测报告等资料',
  '其他与本次抽查检查有关的资料',
] as const;
