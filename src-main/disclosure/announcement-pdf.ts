/**
 * The announcements as PDF with the program's pdfmake setup (bundled fonts, no file access): the 抽查任务公告 on
 * portrait A4, the 抽查结果公告 on landscape A4 with each entity's 检查事项 after the list.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Announcement, ResultAnnouncement, TaskAnnouncement } from '@shared/domain/disclosure';
import { formatCount, groupHex } from '../documents/format';
import {
  DocText,
  FORM_LAYOUT,
  hashText,
  labelCell,
  LIST_LAYOUT,
  listEndRow,
  pageFooter,
  renderPdf,
  SANS,
  titleBlock,
  valueCell,
} from '../documents/pdf';
import { detailColumns, publishedLine, resultColumns, TASK_LIST, taskBlock, type Column } from './columns';

function table<R>(dt: DocText, columns: Column<R>[], rows: R[], fontSize: number): Content {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const body: TableCell[][] = [
    columns.map((c) => labelCell(dt, c.header, { fontSize })),
    ...rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return typeof v === 'number' ? ({ text: formatCount(v), alignment: 'center' } as TableCell) : valueCell(dt, v);
      }),
    ),
    listEndRow(dt, columns.length),
  ];
  return {
    table: { widths: columns.map((c) => `${((c.width / total) * 100).toFixed(2)}%`), headerRows: 1, body },
    layout: LIST_LAYOUT,
    fontSize,
    margin: [0, 8, 0, 0],
  };
}

function taskContent(dt: DocText, a: TaskAnnouncement): Content[] {
  const block: TableCell[][] = taskBlock(a.task).map(([label, value]) => [
    labelCell(dt, label, { alignment: 'left' }),
    valueCell(dt, value),
  ]);
  return [
    { table: { widths: [96, '*'], body: block }, layout: FORM_LAYOUT, margin: [0, 12, 0, 0] },
    { text: dt.t('抽中的市场主体名单', true), bold: true, fontSize: 12, margin: [0, 14, 0, 0] },
    table(dt, TASK_LIST, a.rows, 9),
    { text: dt.t('抽取验证信息', true), bold: true, fontSize: 12, margin: [0, 14, 0, 4] },
    {
      table: {
        widths: [96, '*'],
        body: [
          [labelCell(dt, '输入摘要', { alignment: 'left' }), hashText(groupHex(a.draw.inputDigest), 10) as TableCell],
          [labelCell(dt, '种子', { alignment: 'left' }), hashText(groupHex(a.draw.seed), 10) as TableCell],
          [labelCell(dt, '验证方法', { alignment: 'left' }), valueCell(dt, a.draw.howToVerify)],
        ],
      },
      layout: FORM_LAYOUT,
    },
  ];
}

function resultContent(dt: DocText, a: ResultAnnouncement): Content[] {
  const details = detailColumns(a);
  return [
    table(dt, resultColumns(a), a.rows, 8),
    { text: dt.t('检查事项明细', true), bold: true, fontSize: 12, margin: [0, 14, 0, 0], pageBreak: 'before' },
    ...a.rows.flatMap((r): Content[] => [
      { text: dt.t(`${r.seq}. ${r.name}（${r.code}）`, true), bold: true, fontSize: 10, margin: [0, 10, 0, 0] },
      table(dt, details, r.details, 9),
    ]),
  ];
}

/** The announcement's PDF bytes. */
export async function renderAnnouncementPdf(a: Announcement): Promise<Buffer> {
  const dt = new DocText();
  const body = a.kind === '抽查任务公告' ? taskContent(dt, a) : resultContent(dt, a);
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: a.kind === '抽查任务公告' ? 'portrait' : 'landscape',
    pageMargins: [40, 40, 40, 48],
    info: { title: a.title, creator: 'ssj-desk', producer: 'ssj-desk' },
    defaultStyle: { font: SANS, fontSize: 10, lineHeight: 1.2 },
    footer: pageFooter,
    content: [
      ...titleBlock(dt, a.title),
      { text: dt.t(publishedLine(a)), alignment: 'center', fontSize: 10, margin: [0, 6, 0, 0] },
      ...body,
      ...dt.glyphNote(),
    ],
  });
}
