/**
 * 市场监管领域随机抽查情况记录表 of one entity as pdfmake content: the header, each item with its check rows, the
 * multi-select blocks and the four signature boxes. Widths are fixed so every cell is broken into lines here.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CHECK_METHODS, FOLLOW_UPS, RESULT_CATEGORIES, ROW_OUTCOMES } from '@shared/domain/results';
import { taskNames, type EntitySheet, type SheetMember, type SheetPackage } from '@shared/domain/sheets';
import { FORM_LAYOUT, LIST_LAYOUT, type DocText } from '../documents/pdf';
import { BOX, cell, fill, label, lines, optionCell, windowText } from './pdf-parts';

export const SHEET_TITLE = '市场监管领域随机抽查情况记录表';

/** Header table: label | value | label | value (content widths; padding 5+5 and lines make 515 pt). */
const HEAD = [92, 148, 78, 154];
const HEAD_SPAN3 = HEAD[1] + HEAD[2] + HEAD[3] + 20;
const HEAD_SPAN1 = HEAD[1];

function memberText(m: SheetMember): string {
  return m.isExpert ? `${m.name}(专家,${m.office})` : `${m.name}(执法证号:${m.id})`;
}

function headerTable(dt: DocText, sheet: EntitySheet, pkg: SheetPackage): Content {
  const { names, numbers } = taskNames(sheet);
  const legal = [sheet.legalRep, sheet.phone].filter(Boolean).join(' / ');
  const row = (l: string, v: string): TableCell[] => [
    label(dt, l, HEAD[0]),
    cell(dt, v, HEAD_SPAN3, { colSpan: 3 }),
    ...fill(3),
  ];
  const pair = (l1: string, v1: string, l2: string, v2: string): TableCell[] => [
    label(dt, l1, HEAD[0]),
    cell(dt, v1, HEAD_SPAN1),
    label(dt, l2, HEAD[2]),
    cell(dt, v2, HEAD[3]),
  ];
  const body: TableCell[][] = [
    row('任务名称', names),
    pair('任务编号', numbers, '名单包', `第 ${pkg.no} 包(共 ${pkg.entities.length} 户)`),
    row('被检查单位', sheet.name),
    pair('统一社会信用代码/注册号', sheet.code, '检查时间', windowText(sheet.startDate, sheet.endDate)),
    row('住所(经营场所)', sheet.address),
    pair('法定代表人(负责人)/电话', legal, '联络员/电话', ''),
    row('检查组成员', pkg.team.map(memberText).join(';')),
    pair('实际检查日期', '     年    月    日', '整改期限', '     年    月    日'),
  ];
  return { table: { widths: HEAD, body, dontBreakRows: true }, layout: FORM_LAYOUT, margin: [0, 10, 0, 0] };
}

/** Check rows: 序号 | 检查内容 | 检查依据 | 检查方法 | 检查结果 | 发现问题情况 (padding 3+3, 476 pt of content). */
const ROWS = [22, 168, 100, 50, 54, 82];
const OUTCOMES = ROW_OUTCOMES.map((o) => `${BOX}${o}`);

function itemsTable(dt: DocText, sheet: EntitySheet): Content {
  const header = ['序号', '检查内容', '检查依据', '检查方法', '检查结果', '发现问题情况'].map((h, i) =>
    label(dt, h, ROWS[i]),
  );
  const body: TableCell[][] = [header];
  const full = ROWS.reduce((s, w) => s + w, 0) + 5 * 6;
  sheet.items.forEach((item, i) => {
    body.push([cell(dt, `${i + 1}. ${item.name}`, full, { colSpan: 6, bold: true, fillColor: '#fafafa' }), ...fill(6)]);
    for (const r of item.rows) {
      body.push([
        cell(dt, r.label, ROWS[0], { alignment: 'center' }),
        cell(dt, r.content, ROWS[1]),
        cell(dt, r.basis, ROWS[2]),
        cell(dt, r.method, ROWS[3]),
        { stack: OUTCOMES.map((o) => ({ text: dt.t(o), noWrap: true })) } as TableCell,
        { text: '' } as TableCell,
      ]);
    }
  });
  return {
    table: { widths: ROWS, body, headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1 },
    layout: LIST_LAYOUT,
    fontSize: 9,
    margin: [0, 8, 0, 0],
  };
}

const CHOICE = [92, 380];

function choicesTable(dt: DocText): Content {
  const row = (l: string, options: readonly string[]): TableCell[] => [
    label(dt, l, CHOICE[0], { alignment: 'left' }),
    optionCell(dt, options, CHOICE[1]),
  ];
  const followUps = FOLLOW_UPS.map((f) => (f === '其他' ? '其他:____________________' : f));
  return {
    table: {
      widths: CHOICE,
      body: [
        row('核查方式(可多选)', CHECK_METHODS),
        row('检查结果(可多选)', RESULT_CATEGORIES),
        row('后续处置措施(可多选)', followUps),
      ],
      dontBreakRows: true,
    },
    layout: FORM_LAYOUT,
    fontSize: 9,
    margin: [0, 8, 0, 0],
  };
}

const DATE_LINE = '年      月      日';

function signatureBox(dt: DocText, title: string, signLine: string): TableCell {
  return {
    stack: [
      lines(dt, title, 220, 9, true),
      { text: '', margin: [0, 0, 0, 34] },
      lines(dt, signLine, 220),
      { text: dt.t(DATE_LINE), alignment: 'right', margin: [0, 6, 8, 0] },
    ],
  } as TableCell;
}

function signatures(dt: DocText): Content {
  return {
    table: {
      widths: ['*', '*'],
      body: [
        [
          signatureBox(dt, '被检查单位意见:', '法定代表人(负责人)(签字或盖章):'),
          signatureBox(dt, '检查人员签名:', '检查人员(签字):'),
        ],
        [signatureBox(dt, '组长审核意见:', '组长(签字):'), signatureBox(dt, '结果公示审批意见:', '审批人(签字):')],
      ],
      dontBreakRows: true,
    },
    layout: FORM_LAYOUT,
    fontSize: 9,
    unbreakable: true,
    margin: [0, 8, 0, 0],
  };
}

/** The whole sheet of one entity (starts on a new page as its own section: see pdf-render.ts). */
export function recordSheet(dt: DocText, bureauName: string, sheet: EntitySheet, pkg: SheetPackage): Content[] {
  return [
    { text: dt.t(SHEET_TITLE, true), bold: true, fontSize: 16, alignment: 'center' },
    { text: dt.t(bureauName), fontSize: 10, alignment: 'center', margin: [0, 3, 0, 0] },
    headerTable(dt, sheet, pkg),
    itemsTable(dt, sheet),
    choicesTable(dt),
    signatures(dt),
  ];
}
