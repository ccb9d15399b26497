/**
 * The Excel 一户一表: one workbook per 名单包, one worksheet per entity, laid out like the printed sheet. Cells to fill are
 * unlocked with drop-downs (all three spreadsheet programs offer them alike); the rest is protected without a password,
 * so rows are not moved by mistake but can be unprotected on purpose.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CHECK_METHODS,
  END_STATES,
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  ROW_OUTCOMES,
  vocabularyText,
} from '@shared/domain/results';
import { seedPrefix, taskNames, type DrawSheets, type EntitySheet, type SheetPackage } from '@shared/domain/sheets';
import { SHEET_TITLE } from './pdf-sheet';
import { windowText } from './pdf-parts';
import { Grid, heightFor } from './xlsx-grid';
import {
  CHOICE_COL,
  ID_COL,
  LAST_VISIBLE,
  layoutChecksum,
  LAYOUT_VERSION,
  NO,
  sheetName,
  TEXT_COL,
  YES,
  type SheetIdentity,
} from './xlsx-layout';
import { formatCount } from '@shared/domain/counts';

const YES_NO = [YES, NO] as const;
const WIDTHS = [14, 34, 24, 12, 11, 26];

function header(g: Grid, draw: DrawSheets, sheet: EntitySheet, pkg: SheetPackage): void {
  const { names, numbers } = taskNames(sheet);
  g.next(30);
  g.text(1, 6, SHEET_TITLE, 'title');
  g.next();
  g.text(1, 6, draw.bureauName, 'center');
  const row = (label: string, value: string) => {
    g.next(heightFor(value.length, 60));
    g.text(1, 1, label, 'label');
    g.text(2, 6, value);
  };
  const pair = (l1: string, v1: string, l2: string, v2: string | null) => {
    g.next(heightFor(Math.max(v1.length, v2?.length ?? 0), 26));
    g.text(1, 1, l1, 'label');
    g.text(2, 3, v1);
    g.text(4, 4, l2, 'label');
    if (v2 === null) g.input(5, undefined, undefined, 6);
    else g.text(5, 6, v2);
  };
  row('任务名称', names);
  pair('任务编号', numbers, '名单包', `第 ${pkg.no} 包（共 ${formatCount(pkg.entities.length)} 户）`);
  row('被检查单位', sheet.name);
  pair('统一社会信用代码/注册号', sheet.code, '检查时间', windowText(sheet.startDate, sheet.endDate));
  row('住所（经营场所）', sheet.address);
  pair('法定代表人（负责人）/电话', [sheet.legalRep, sheet.phone].filter(Boolean).join(' / '), '联络员/电话', null);
  const team = pkg.team
    .map((m) => (m.isExpert ? `${m.name}（专家）` : `${m.name}（执法证号：${m.badgeNo}）`))
    .join('；');
  row('检查组成员', team);
}

function dates(g: Grid): void {
  for (const [label, kind] of [
    ['实际检查日期', 'inspectedOn'],
    ['整改期限', 'deadline'],
  ] as const) {
    g.next();
    g.text(1, 1, label, 'label');
    g.text(2, 4, kind === 'deadline' ? '责令改正的填写，格式如 2026-06-30' : '格式如 2026-05-20');
    g.input(CHOICE_COL, undefined, undefined, TEXT_COL, true);
    g.mark({ kind });
  }
}

function members(g: Grid, pkg: SheetPackage): void {
  pkg.team.forEach((m, i) => {
    g.option(i === 0 ? '到场检查人员' : '', m.isExpert ? `${m.name}（专家）` : `${m.name}（${m.badgeNo}）`, YES_NO);
    g.mark({ kind: 'member', id: m.id });
  });
}

function items(g: Grid, sheet: EntitySheet): void {
  g.next(20);
  ['序号', '检查内容', '检查依据', '检查方法', '检查结果', '发现问题情况'].forEach((h, i) =>
    g.text(i + 1, i + 1, h, 'label'),
  );
  sheet.items.forEach((item, i) => {
    g.next();
    g.text(1, 6, `${i + 1}. ${item.name}`, 'heading');
    for (const r of item.rows) {
      g.next(heightFor(Math.max(r.content.length * 0.75, r.basis.length), 16, 2));
      g.text(1, 1, r.label, 'center');
      g.text(2, 2, r.content);
      g.text(3, 3, r.basis);
      g.text(4, 4, r.method, 'center');
      g.input(CHOICE_COL, ROW_OUTCOMES, '选择 符合 / 不符合 / 不涉及');
      g.input(TEXT_COL);
      g.mark({ kind: 'row', itemId: r.itemId, subItemId: r.subItemId });
    }
  });
}

function choices(g: Grid): void {
  const block = (label: string, kind: 'method' | 'category' | 'followUp', options: readonly string[]) =>
    options.forEach((o, i) => {
      g.option(i === 0 ? label : '', o === '其他' ? '其他（在右侧写明措施）' : vocabularyText(o), YES_NO, o === '其他');
      g.mark({ kind, index: i });
    });
  block('核查方式（可多选，选“是”）', 'method', CHECK_METHODS);
  block('检查结果（可多选，选“是”）', 'category', RESULT_CATEGORIES);
  block('后续处置措施（可多选，选“是”）', 'followUp', FOLLOW_UPS);
  g.option('检查对象状态', '检查时发现已注销、吊销、迁出或已关闭停业的，在右侧选择', END_STATES);
  g.mark({ kind: 'endState' });
  g.next(36);
  g.text(1, 1, '备注', 'label');
  g.input(2, undefined, undefined, 6);
  g.mark({ kind: 'note' });
}

function signatures(g: Grid): void {
  const date = '年      月      日';
  const pairs = [
    ['被检查单位意见：', '法定代表人（负责人）（签字或盖章）：', '检查人员签名：', '检查人员（签字）：'],
    ['组长审核意见：', '组长（签字）：', '结果公示审批意见：', '审批人（签字）：'],
  ];
  for (const [t1, s1, t2, s2] of pairs) {
    g.next(84);
    g.text(1, 3, `${t1}\n\n\n${s1}\n${' '.repeat(40)}${date}`, 'top');
    g.text(4, 6, `${t2}\n\n\n${s2}\n${' '.repeat(24)}${date}`, 'top');
  }
}

/**
 * A worksheet set up for A4 before its first row: the streaming writer writes the sheet's properties (fit to page) as
 * it opens the sheet, and reads the print area, set at the end, only when the workbook is committed.
 */
function addSheet(wb: ExcelJS.Workbook, name: string, draw: DrawSheets): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&C第 &P 页 共 &N 页    任务编号：${draw.taskNumber}    种子：${seedPrefix(draw.seed)}`,
    },
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(ID_COL).hidden = true;
  return ws;
}

async function entitySheet(wb: ExcelJS.Workbook, draw: DrawSheets, pkg: SheetPackage, seq: number): Promise<void> {
  const sheet = pkg.entities[seq - 1];
  const ws = addSheet(wb, sheetName(seq, sheet.name), draw);
  const g = new Grid(ws);
  header(g, draw, sheet, pkg);
  dates(g);
  members(g, pkg);
  items(g, sheet);
  choices(g);
  signatures(g);
  const taskIds = sheet.tasks.map((t) => t.id);
  const id = { drawId: draw.drawId, entityId: sheet.entityId, taskIds };
  const identity: SheetIdentity = {
    v: LAYOUT_VERSION,
    ...id,
    markers: g.markers.length,
    checksum: layoutChecksum(id, g.markers),
  };
  ws.getCell(1, ID_COL).value = JSON.stringify(identity);
  ws.pageSetup.printArea = `A1:${LAST_VISIBLE}${g.row}`;
  // No password: the protection guards against slips, and a documented fixed password would protect nothing more.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true });
  ws.commit();
}

/**
 * One package's record sheets as an .xlsx workbook, through exceljs's streaming writer: each worksheet is written out
 * and released when done, and the zip is deflated by Node's zlib instead of a JavaScript one (docs/performance.md).
 */
export async function renderPackageWorkbook(draw: DrawSheets, pkg: SheetPackage): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: 1 } },
  });
  wb.creator = 'ssj-desk';
  wb.title = `${SHEET_TITLE} ${draw.taskNumber} 第${pkg.no}包`;
  for (let seq = 1; seq <= pkg.entities.length; seq++) await entitySheet(wb, draw, pkg, seq);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
