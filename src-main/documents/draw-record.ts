import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DrawRecordCommit, DrawRecordResult } from '@shared/domain/documents';
import { wrapText } from './fonts';
import { formatCount, formatDateTime, groupHex, numberedLines } from './format';
import { layoutList, type ListLayout, type ListSpec } from './list-pages';
import {
  DocText,
  FORM_LAYOUT,
  hashText,
  labelCell,
  LIST_END,
  listEndRow,
  MONO,
  pageFooter,
  PORTRAIT_MARGINS,
  renderPdf,
  SANS,
  signatureTable,
  spanFill,
  titleBlock,
  valueCell,
  verifyLine,
  type SignatureRole,
} from './pdf';

/**
 * 随机抽取情况记录表, the paper record of a draw (DRAW-SPEC.md §3, §7). Part one is printed at 承诺, before any witness
 * speaks, with the two hashes the witnesses sign; part two at 封存 and after every 递补, with the seed, the counts per
 * stratum, the amendments and the full list.
 */

// Width arrays are copied into each table: pdfmake writes its measurements into the array it is given.
const FORM_WIDTHS = [78, '*', 78, '*'];
const RECORD_TITLE = '随机抽取情况记录表';
const FORM_FONT_SIZE = 9.5;
/** Blank witness lines on part one (names are not known to the program before the ceremony). */
const BLANK_WITNESS_LINES = 3;
/** Closes every list of the record, so nothing can be added below it by hand. */

function taskHeader(dt: DocText, c: DrawRecordCommit): Content {
  return {
    columns: [
      { text: dt.t(`单位：${c.bureauName}`), width: '*' },
      { text: dt.t(`任务编号：${c.taskNumber}`), width: 'auto', alignment: 'right' },
    ],
    margin: [0, 10, 0, 4],
    fontSize: 10,
  };
}

function row(dt: DocText, label: string, value: string | Content, span = 3): TableCell[] {
  const cell =
    typeof value === 'string' ? valueCell(dt, value, span) : ({ stack: [value], colSpan: span } as TableCell);
  return [labelCell(dt, label), cell, ...spanFill(span)];
}

function pairRow(dt: DocText, l1: string, v1: string, l2: string, v2: string): TableCell[] {
  return [labelCell(dt, l1), valueCell(dt, v1), labelCell(dt, l2), valueCell(dt, v2)];
}

/** A labelled SHA-256 value: 8 groups of 8 hex in the mono face, with the value's name above it. */
function hashBlock(dt: DocText, caption: string, hex: string): Content {
  return { stack: [{ text: dt.t(caption), fontSize: 8.5, color: '#333333' }, hashText(groupHex(hex))] };
}

function subTable(
  dt: DocText,
  widths: (number | string)[],
  header: string[],
  rows: (string | Content)[][],
  last: boolean,
): Content {
  const end = listEndRow(dt, widths.length);
  return {
    table: {
      widths,
      headerRows: 1,
      body: [
        header.map((h) => labelCell(dt, h)),
        ...rows.map((r) =>
          r.map((v) =>
            typeof v === 'string' ? ({ text: dt.t(v), alignment: 'center' } as TableCell) : (v as TableCell),
          ),
        ),
        ...(last ? [end] : []),
      ],
    },
    layout: FORM_LAYOUT,
    fontSize: 9.5,
  };
}

/*
 * A form row is never split across pages (dontBreakRows) — but pdfmake 0.3 silently DROPS a row taller than a page.
 * So every value that can grow without bound (items, scope, the witness list, nested tables) is cut into pieces that
 * each fit a page, printed as rows "检查事项", "检查事项(续)", ….
 */
/** Width a little under the form's value cell (~410 pt), so pdfmake never re-wraps a piece cut here. */
const PIECE_WIDTH = 380;
const PIECE_LINES = 36;
const PIECE_TABLE_ROWS = 12;

function textPieces(text: string): string[] {
  const pieces: string[] = [];
  let cur: string[] = [];
  let lines = 0;
  const flush = () => {
    if (cur.length) pieces.push(cur.join('\n'));
    cur = [];
    lines = 0;
  };
  for (const para of text.split('\n')) {
    const visual = wrapText(para, 'regular', FORM_FONT_SIZE, PIECE_WIDTH);
    if (visual.length > PIECE_LINES) {
      flush();
      for (let i = 0; i < visual.length; i += PIECE_LINES) pieces.push(visual.slice(i, i + PIECE_LINES).join('\n'));
      continue;
    }
    if (lines + visual.length > PIECE_LINES) flush();
    cur.push(para);
    lines += visual.length;
  }
  flush();
  return pieces.length ? pieces : [''];
}

function tablePieces(
  dt: DocText,
  widths: (number | string)[],
  header: string[],
  rows: (string | Content)[][],
): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < rows.length; i += PIECE_TABLE_ROWS)
    out.push(subTable(dt, widths, header, rows.slice(i, i + PIECE_TABLE_ROWS), i + PIECE_TABLE_ROWS >= rows.length));
  return out.length ? out : [subTable(dt, widths, header, [], true)];
}

/** One labelled value as one or more rows (label, then label(续)). */
function rows(dt: DocText, label: string, pieces: (string | Content)[]): TableCell[][] {
  return pieces.map((p, i) => row(dt, i === 0 ? label : `${label}（续）`, p));
}

function commitFormRows(dt: DocText, c: DrawRecordCommit): TableCell[][] {
  const totalCandidates = c.strata.reduce((s, x) => s + x.candidates, 0);
  const totalQuota = c.strata.reduce((s, x) => s + x.quota, 0);
  const strataRows = c.strata.map((s) => [s.label, formatCount(s.candidates), s.ratio, formatCount(s.quota)]);
  strataRows.push(['合计', formatCount(totalCandidates), '', formatCount(totalQuota)]);
  return [
    row(dt, '抽查任务', c.taskName),
    row(dt, '检查主体', c.inspectingBody),
    ...rows(dt, '检查事项', textPieces(`${numberedLines(c.items)}\n${LIST_END}`)),
    pairRow(dt, '承诺时间', formatDateTime(c.committedAt), '抽取地点', c.place),
    pairRow(dt, '操作人员', c.operator, '监督人员', c.supervisor),
    ...rows(dt, '检查对象范围', textPieces(c.scope)),
    ...rows(
      dt,
      '抽取数量',
      tablePieces(dt, ['*', 70, '*', 60], ['层级', '范围内户数', '抽查比例', '应抽户数'], strataRows),
    ),
    row(
      dt,
      '检查人员',
      `执法检查人员名录库中符合条件 ${formatCount(c.inspectorPoolSize)} 人；每个检查组 ${c.teamSize} 人，每个名单包至多 ${c.packageSize} 户` +
        `（分包后余下不足 ${c.packageSize} 户的，单独成一包）。`,
    ),
    row(dt, '抽取规则', `${c.protocol}（先承诺、后由见证人提供随机值的公开可验证随机抽取）`),
    row(dt, '输入摘要', hashBlock(dt, 'inputDigest:SHA-256（检查对象、人员、规则等全部抽取输入）', c.inputDigest)),
    row(dt, '承诺值', hashBlock(dt, 'nonceCommit:SHA-256（程序生成的随机数，抽取后揭示）', c.nonceCommit)),
  ];
}

/** Both parts: title, task line, the bordered form, a note, how to verify, the signature lines. */
function recordContent(
  dt: DocText,
  c: DrawRecordCommit,
  subtitle: string,
  form: TableCell[][],
  note: string,
  roles: SignatureRole[],
  signing: string,
): Content[] {
  return [
    ...titleBlock(dt, RECORD_TITLE, subtitle),
    taskHeader(dt, c),
    { table: { widths: [...FORM_WIDTHS], body: form, dontBreakRows: true }, layout: FORM_LAYOUT },
    { text: dt.t(note), fontSize: 9, margin: [0, 6, 0, 0] },
    { text: dt.t(verifyLine(c.taskNumber)), fontSize: 9, margin: [0, 3, 0, 0] },
    signatureTable(dt, roles, signing),
  ];
}

function baseDoc(dt: DocText, c: DrawRecordCommit, part: string, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PORTRAIT_MARGINS,
    info: {
      title: `${RECORD_TITLE}（${part}）${c.taskNumber}`,
      subject: c.taskName,
      creator: 'ssj-desk',
      producer: 'ssj-desk',
    },
    defaultStyle: { font: SANS, fontSize: FORM_FONT_SIZE, lineHeight: 1.2 },
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            text: dt.t(`${RECORD_TITLE}（${part}） ${c.taskNumber}`),
            fontSize: 8,
            color: '#555555',
            alignment: 'right',
            margin: [48, 24, 48, 0],
          },
    footer: pageFooter,
    content: [...content, ...dt.glyphNote()],
  };
}

/** Part one, printed at 承诺. */
export async function renderDrawRecordCommitPdf(c: DrawRecordCommit): Promise<Buffer> {
  const dt = new DocText();
  const roles: SignatureRole[] = [
    { role: '操作人员', name: c.operator },
    { role: '监督人员', name: c.supervisor },
    ...Array.from({ length: BLANK_WITNESS_LINES }, () => ({ role: '见证人', name: '' })),
  ];
  const content = recordContent(
    dt,
    c,
    '（第一部分 抽取承诺）',
    commitFormRows(dt, c),
    '承诺：上列输入摘要与承诺值在见证人提供随机值之前生成并打印，此后不再改变；抽取结果由二者与见证人随机值唯一确定。',
    roles,
    // Names the two values signed for, so a signature page that comes loose still says what it attests.
    `签字确认（见证人提供随机值之前，已见到输入摘要 ${c.inputDigest.slice(0, 8)}… 与承诺值 ${c.nonceCommit.slice(0, 8)}…）`,
  );
  return renderPdf(baseDoc(dt, c, '第一部分', content));
}

function teamLine(d: DrawRecordResult, p: DrawRecordResult['packages'][number]): string {
  const replacements = new Set(d.amendments.filter((a) => a.packageNo === p.packageNo).map((a) => a.replacement));
  const members = p.team.map(
    (m) => `${m.name}（${m.certNo}，${m.office}）${replacements.has(m.name) ? '〔递补〕' : ''}`,
  );
  return `第 ${p.packageNo} 包 ${formatCount(p.entities.length)} 户  检查组：${members.join('、')}`;
}

/** The packages' sizes as they are: 「（每包 8 户）」 or 「（其中 14 个各 8 户，1 个 5 户）」. */
export function packageSizesText(sizes: number[]): string {
  const bySize = new Map<number, number>();
  for (const n of sizes) bySize.set(n, (bySize.get(n) ?? 0) + 1);
  const groups = [...bySize].sort((a, b) => b[0] - a[0]);
  if (groups.length === 0) return '';
  if (groups.length === 1) return `（每包 ${formatCount(groups[0][0])} 户）`;
  const parts = groups.map(([size, n]) => `${formatCount(n)} 个${n > 1 ? '各' : ''} ${formatCount(size)} 户`);
  return `（其中 ${parts.join('，')}）`;
}

/** The selected list: landscape pages drawn by list-pages.ts, one group per package headed by its team. */
function selectedList(dt: DocText, d: DrawRecordResult, selectedTotal: number): ListLayout {
  const spec: ListSpec = {
    title: `附表：抽中检查对象名单（${formatCount(selectedTotal)} 户，按名单包）`,
    pageHeader: `${RECORD_TITLE}（第二部分）附表 ${d.commit.taskNumber}`,
    columns: [
      { header: '序号', width: 34, face: 'regular', fontSize: 8, align: 'center' },
      { header: '统一社会信用代码', width: 88, face: 'mono', fontSize: 7.5 },
      { header: '检查对象名称', width: 160, face: 'regular', fontSize: 8 },
      { header: '住所（经营场所）', width: '*', face: 'regular', fontSize: 8 },
      { header: '层级（信用等级）', width: 72, face: 'regular', fontSize: 8, align: 'center' },
      { header: '层级内名次', width: 34, face: 'regular', fontSize: 8, align: 'center' },
      { header: '抽取号（SHA-256）', width: 150, face: 'mono', fontSize: 6.8 },
    ],
    groups: [],
    end: LIST_END,
  };
  // Numbered 1..N through the packages: the stratum's rank alone repeats across strata.
  let serial = 0;
  spec.groups = d.packages.map((p) => ({
    heading: teamLine(d, p),
    rows: p.entities.map((e) => [
      String(++serial),
      e.uscc,
      e.name,
      e.address,
      e.stratum,
      String(e.drawNo),
      groupHex(e.key).split('\n'),
    ]),
  }));
  return layoutList(spec, dt);
}

/** The rows of part two's form: the commitment, the revealed values, the result and the 递补 made since. */
function resultForm(dt: DocText, d: DrawRecordResult, selectedTotal: number): TableCell[][] {
  const c = d.commit;
  const witnesses = d.participants.witnesses
    .map((w, i) => `${i + 1}. ${w.name}${w.role ? `（${w.role}）` : ''}`)
    .join('  ');
  const entropyRows = d.entropy.map((e, i) => [
    String(i + 1),
    e.isPublicValue ? `${e.name}（公开随机值）` : e.name,
    { ...(dt.code(e.value, 9) as object), alignment: 'left' } as Content,
  ]);
  const strataRows = d.strata.map((s) => [
    s.label,
    formatCount(s.quota),
    formatCount(s.selected),
    { text: groupHex(s.cutoffKey), font: MONO, fontSize: 8, alignment: 'left' } as Content,
  ]);
  const amendmentRows = d.amendments.map((a, i) => [
    String(i + 1),
    `第 ${a.packageNo} 包`,
    a.replaced,
    a.replacement,
    { text: dt.t(a.reason), alignment: 'left' } as Content,
    formatDateTime(a.at),
  ]);

  return [
    row(dt, '抽查任务', c.taskName),
    row(dt, '检查主体', c.inspectingBody),
    pairRow(dt, '承诺时间', formatDateTime(c.committedAt), '封存时间', formatDateTime(d.sealedAt)),
    pairRow(dt, '抽取地点', c.place, '抽取规则', c.protocol),
    pairRow(dt, '操作人员', d.participants.operator, '监督人员', d.participants.supervisor),
    ...rows(dt, '见证人', textPieces(witnesses || '无')),
    ...rows(dt, '检查对象范围', textPieces(c.scope)),
    row(dt, '承诺（第一部分）', {
      stack: [
        hashBlock(dt, 'inputDigest 输入摘要', c.inputDigest),
        { text: '', margin: [0, 2, 0, 0] },
        hashBlock(dt, 'nonceCommit 承诺值', c.nonceCommit),
      ],
    }),
    ...rows(
      dt,
      '见证人随机值',
      tablePieces(dt, [30, 150, '*'], ['顺序', '提供人', '随机值（按录入原样）'], entropyRows),
    ),
    row(dt, '随机数（揭示）', hashBlock(dt, 'nonce：其 SHA-256 应等于上列承诺值', d.nonce)),
    row(dt, '种子', hashBlock(dt, 'seed:SHA-256（规则、输入摘要、随机数、见证人随机值）', d.seed)),
    ...rows(dt, '抽取结果', tablePieces(dt, ['*', 45, 45, 160], ['层级', '应抽', '实抽', '截止抽取号'], strataRows)),
    row(
      dt,
      '名单包与检查组',
      `共抽取检查对象 ${formatCount(selectedTotal)} 户，分为 ${formatCount(d.packages.length)} 个名单包` +
        `${packageSizesText(d.packages.map((p) => p.entities.length))}，每包由检查组实施检查；名单见附表。`,
    ),
    ...rows(
      dt,
      '递补记录',
      d.amendments.length === 0
        ? ['无']
        : tablePieces(
            dt,
            [24, 40, 50, 50, '*', 62],
            ['序号', '名单包', '回避/退出', '递补人员', '原因', '时间'],
            amendmentRows,
          ),
    ),
    ...(d.auditHead
      ? [row(dt, '操作日志链头', hashBlock(dt, '封存时操作日志的最后一条哈希，可用「操作日志校验」核对', d.auditHead))]
      : []),
  ];
}

/** Part two, printed at 封存 and again after each 递补. */
export async function renderDrawRecordResultPdf(d: DrawRecordResult): Promise<Buffer> {
  const dt = new DocText();
  const c = d.commit;
  const selectedTotal = d.packages.reduce((s, p) => s + p.entities.length, 0);
  // Laid out first: the form's footers count the list's pages, and its missing characters join the form's note.
  const list = selectedList(dt, d, selectedTotal);
  const form = resultForm(dt, d, selectedTotal);
  const roles: SignatureRole[] = [
    { role: '操作人员', name: d.participants.operator },
    { role: '监督人员', name: d.participants.supervisor },
    ...d.participants.witnesses.map((w) => ({ role: '见证人', name: w.name })),
  ];
  if (d.participants.witnesses.length === 0) roles.push({ role: '见证人', name: '' });

  const content = recordContent(
    dt,
    c,
    d.amendments.length ? `（第二部分 抽取结果 · 含递补 ${d.amendments.length} 次）` : '（第二部分 抽取结果）',
    form,
    '说明：每户的抽取号 = SHA-256（种子、层级、统一社会信用代码），同一层级内抽取号最小的若干户当选；截止抽取号为该层级最后一户当选者的抽取号，任何检查对象均可据此核对自己是否应当被抽中。',
    roles,
    `签字确认（种子 ${d.seed.slice(0, 8)}…，抽取结果、递补记录及附表名单 ${formatCount(selectedTotal)} 户）`,
  );
  return renderPdf(baseDoc(dt, c, '第二部分', content), { layout: list, dt });
}
