/**
 * 市场监管领域随机抽查情况记录表 of one entity as blocks (pdf-pages.ts): the header, each item with its check rows
 * (the column header repeated on every page the rows run onto), the multi-select blocks and the four signature boxes.
 */
import { CHECK_METHODS, FOLLOW_UPS, RESULT_CATEGORIES, ROW_OUTCOMES, vocabularyText } from '@shared/domain/results';
import { taskNames, type EntitySheet, type SheetMember, type SheetPackage } from '@shared/domain/sheets';
import { BOX, optionLines, windowText } from './pdf-parts';
import { Blocks, CONTENT_WIDTH, PAD_X, type CellSpec } from './pdf-pages';
import { formatCount } from '@shared/domain/counts';

export const SHEET_TITLE = '市场监管领域随机抽查情况记录表';

const GREY = '#f2f2f2';
const label = (text: string, extra: CellSpec = {}): CellSpec => ({
  text,
  bold: true,
  fill: GREY,
  align: 'center',
  ...extra,
});

/** Header: label | value | label | value. */
const HEAD = [100, 160, 90, CONTENT_WIDTH - 350];

/** Full-width spaces: the line breaker drops a line's leading ASCII spaces. */
const DATE_BLANK = '\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

function memberText(m: SheetMember): string {
  return m.isExpert ? `${m.name}（专家，${m.office}）` : `${m.name}（执法证号：${m.badgeNo}）`;
}

function header(b: Blocks, sheet: EntitySheet, pkg: SheetPackage): void {
  const { names, numbers } = taskNames(sheet);
  const legal = [sheet.legalRep, sheet.phone].filter(Boolean).join(' / ');
  const row = (l: string, v: string) => b.row(HEAD, [label(l), { text: v, span: 3 }]);
  const pair = (l1: string, v1: string, l2: string, v2: string) =>
    b.row(HEAD, [label(l1), { text: v1 }, label(l2), { text: v2 }]);
  row('任务名称', names).gap = 10;
  pair('任务编号', numbers, '名单包', `第 ${pkg.no} 包（共 ${formatCount(pkg.entities.length)} 户）`);
  row('被检查单位', sheet.name);
  pair('统一社会信用代码/注册号', sheet.code, '检查时间', windowText(sheet.startDate, sheet.endDate));
  row('住所（经营场所）', sheet.address);
  pair('法定代表人（负责人）/电话', legal, '联络员/电话', '');
  row('检查组成员', pkg.team.map(memberText).join('；'));
  pair('实际检查日期', DATE_BLANK, '整改期限', DATE_BLANK);
}

/** Check rows: 序号 | 检查内容 | 检查依据 | 检查方法 | 检查结果 | 发现问题情况. */
const ROWS = [30, 168, 104, 56, 64, CONTENT_WIDTH - 422];
const OUTCOMES = ROW_OUTCOMES.map((o) => `${BOX}${o}`);

function items(b: Blocks, sheet: EntitySheet): void {
  const titles = ['序号', '检查内容', '检查依据', '检查方法', '检查结果', '发现问题情况'];
  const head = b.row(
    ROWS,
    titles.map((t) => label(t)),
    { gap: 8, keepWithNext: true },
  );
  sheet.items.forEach((item, i) => {
    b.row(ROWS, [{ text: `${i + 1}. ${item.name}`, bold: true, fill: '#fafafa', span: 6 }], {
      keepWithNext: true,
      header: head,
    });
    for (const r of item.rows) {
      b.row(
        ROWS,
        [
          { text: r.label, align: 'center' },
          { text: r.content },
          { text: r.basis },
          { text: r.method, align: 'center' },
          { lines: OUTCOMES },
          { text: '' },
        ],
        { header: head },
      );
    }
  });
}

const CHOICE = [100, CONTENT_WIDTH - 100];

function choices(b: Blocks): void {
  const row = (l: string, options: readonly string[]) =>
    b.row(CHOICE, [label(l, { align: 'left' }), { lines: optionLines(options, CHOICE[1] - 2 * PAD_X) }]);
  const followUps = FOLLOW_UPS.map((f) => (f === '其他' ? '其他：____________________' : vocabularyText(f)));
  row('核查方式（可多选）', CHECK_METHODS).gap = 8;
  row('检查结果（可多选）', RESULT_CATEGORIES.map(vocabularyText));
  row('后续处置措施（可多选）', followUps);
}

const HALF = CONTENT_WIDTH / 2;
const SIGN_HEIGHT = 88;
const DATE_LINE = '年      月      日';

/** Two signature boxes side by side: a title, room to write, the line to sign on and the date. */
function signatureRow(b: Blocks, left: [string, string], right: [string, string], gap: number): void {
  const box = (x: number, [title, sign]: [string, string]) => [
    b.cell(x, HALF, { text: '' }),
    b.cell(x + PAD_X, HALF - 2 * PAD_X, { text: title, bold: true, border: false, dy: 5 }),
    b.cell(x + PAD_X, HALF - 2 * PAD_X, { text: sign, border: false, dy: SIGN_HEIGHT - 38 }),
    b.cell(x + PAD_X, HALF - 6 * PAD_X, { text: DATE_LINE, border: false, align: 'right', dy: SIGN_HEIGHT - 18 }),
  ];
  b.push({ height: SIGN_HEIGHT, gap, cells: [...box(0, left), ...box(HALF, right)], keepWithNext: gap > 0 });
}

function signatures(b: Blocks): void {
  signatureRow(
    b,
    ['被检查单位意见：', '法定代表人（负责人）（签字或盖章）：'],
    ['检查人员签名：', '检查人员（签字）：'],
    8,
  );
  signatureRow(b, ['组长审核意见：', '组长（签字）：'], ['结果公示审批意见：', '审批人（签字）：'], 0);
}

/** The whole sheet of one entity, starting on a new page. */
export function recordSheet(b: Blocks, bureauName: string, sheet: EntitySheet, pkg: SheetPackage): void {
  b.para(SHEET_TITLE, { bold: true, size: 16, align: 'center' });
  b.para(bureauName, { size: 10, align: 'center', gap: 4 });
  header(b, sheet, pkg);
  items(b, sheet);
  choices(b);
  signatures(b);
  b.glyphNote();
}
