/**
 * 随机抽查通知书 to one entity: 一、抽查检查事项 二、检查时间和检查方法 三、需要准备的资料, the contact (the team's
 * first member), the bureau's name and the date of the sealed draw, with room for the seal and the entity's receipt.
 */
import type { Content } from 'pdfmake/interfaces';
import {
  NOTICE_MATERIALS,
  sheetRows,
  type DrawSheets,
  type EntitySheet,
  type SheetPackage,
} from '@shared/domain/sheets';
import { formatDate } from '../documents/format';
import type { DocText } from '../documents/pdf';
import { lines, PAGE_WIDTH, MARGINS, windowText } from './pdf-parts';

export const NOTICE_TITLE = '随机抽查通知书';

const WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
const SIZE = 11;

function para(dt: DocText, text: string, extra: object = {}): Content {
  return { ...(lines(dt, text, WIDTH, SIZE) as object), margin: [0, 3, 0, 0], ...extra } as Content;
}

function heading(dt: DocText, text: string): Content {
  return { ...(lines(dt, text, WIDTH, SIZE, true) as object), margin: [0, 8, 0, 2] } as Content;
}

/** The check methods the sheet's rows name, in first-seen order (实地检查 when none is given). */
function methodsOf(sheet: EntitySheet): string {
  const methods = [...new Set(sheetRows(sheet).flatMap((r) => r.method.split(/[、,,;;/\s]+/).filter(Boolean)))];
  return methods.length ? methods.join('、') : '实地检查';
}

export function notice(dt: DocText, draw: DrawSheets, sheet: EntitySheet, pkg: SheetPackage, seq: number): Content[] {
  const leader = pkg.team[0];
  const numbers = sheet.tasks.map((t) => t.number).join('、');
  return [
    { text: dt.t(draw.bureauName, true), bold: true, fontSize: 14, alignment: 'center' },
    { text: dt.t(NOTICE_TITLE, true), bold: true, fontSize: 20, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: dt.t(`${draw.taskNumber}-${pkg.no}-${seq}`), fontSize: 10, alignment: 'right', margin: [0, 6, 0, 6] },
    para(dt, `${sheet.name}(${sheet.codeKind}:${sheet.code}):`),
    para(
      dt,
      `根据“双随机、一公开”监管工作安排,经随机抽取(抽查任务编号:${numbers}),你单位被确定为本次抽查检查对象。` +
        '本局将依法对你单位开展随机抽查检查,现将有关事项通知如下:',
    ),
    heading(dt, '一、抽查检查事项'),
    ...sheet.items.map((item, i) => para(dt, `${i + 1}. ${item.name}`)),
    heading(dt, '二、检查时间和检查方法'),
    para(dt, `检查时间:${windowText(sheet.startDate, sheet.endDate)}期间,具体时间由检查组另行商定。`),
    para(dt, `检查方法:${methodsOf(sheet)}。检查人员不少于两名,检查时出示执法证件。`),
    heading(dt, '三、需要准备的资料'),
    ...NOTICE_MATERIALS.map((m, i) => para(dt, `${i + 1}. ${m}`)),
    para(dt, '请你单位予以配合,如实提供有关资料和情况。无正当理由拒绝、阻碍检查的,将依法处理并记入信用记录。', {
      margin: [0, 8, 0, 0],
    }),
    para(dt, `联系人:${leader?.name ?? ''}\u3000\u3000联系电话:${leader?.phone ?? ''}`, { margin: [0, 12, 0, 0] }),
    { text: dt.t(draw.bureauName), fontSize: SIZE, alignment: 'right', margin: [0, 36, 24, 0] },
    { text: dt.t('(公章)'), fontSize: SIZE, alignment: 'right', margin: [0, 4, 60, 0] },
    { text: dt.t(formatDate(draw.sealedAt)), fontSize: SIZE, alignment: 'right', margin: [0, 4, 24, 0] },
    para(dt, '被检查单位签收:                        年      月      日', { margin: [0, 36, 0, 0] }),
  ];
}
