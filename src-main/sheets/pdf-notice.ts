/**
 * 随机抽查通知书 to one entity: 一、抽查检查事项 二、检查时间和检查方法 三、需要准备的资料, the contact (the team's
 * first member), the bureau's name and the date of the sealed draw, with room for the seal and the entity's receipt.
 */
import {
  NOTICE_MATERIALS,
  sheetRows,
  type DrawSheets,
  type EntitySheet,
  type SheetPackage,
} from '@shared/domain/sheets';
import { formatDate } from '../documents/format';
import { windowText } from './pdf-parts';
import type { Blocks } from './pdf-pages';

export const NOTICE_TITLE = '随机抽查通知书';

const SIZE = 11;

/** The check methods the sheet's rows name, in first-seen order (实地检查 when none is given). */
function methodsOf(sheet: EntitySheet): string {
  const methods = [...new Set(sheetRows(sheet).flatMap((r) => r.method.split(/[、,,;;/\s]+/).filter(Boolean)))];
  return methods.length ? methods.join('、') : '实地检查';
}

export function notice(b: Blocks, draw: DrawSheets, sheet: EntitySheet, pkg: SheetPackage, seq: number): void {
  const leader = pkg.team[0];
  const numbers = sheet.tasks.map((t) => t.number).join('、');
  const para = (text: string, gap = 4) => b.para(text, { size: SIZE, gap });
  const heading = (text: string) => b.para(text, { size: SIZE, bold: true, gap: 10 });
  b.para(draw.bureauName, { bold: true, size: 14, align: 'center' });
  b.para(NOTICE_TITLE, { bold: true, size: 20, align: 'center', gap: 6 });
  b.para(`${draw.taskNumber}-${pkg.no}-${seq}`, { size: 10, align: 'right', gap: 8 });
  para(`${sheet.name}（${sheet.codeKind}：${sheet.code}）：`, 10);
  b.para(
    `根据“双随机、一公开”监管工作安排，经随机抽取（抽查任务编号：${numbers}），你单位被确定为本次抽查检查对象。` +
      '本局将依法对你单位开展随机抽查检查，现将有关事项通知如下：',
    { size: SIZE, gap: 4 },
  );
  heading('一、抽查检查事项');
  sheet.items.forEach((item, i) => para(`${i + 1}. ${item.name}`));
  heading('二、检查时间和检查方法');
  para(`检查时间：${windowText(sheet.startDate, sheet.endDate)}期间，具体时间由检查组另行商定。`);
  para(`检查方法：${methodsOf(sheet)}。检查人员不少于两名，检查时出示执法证件。`);
  heading('三、需要准备的资料');
  NOTICE_MATERIALS.forEach((m, i) => para(`${i + 1}. ${m}`));
  b.para('请你单位予以配合，如实提供有关资料和情况。无正当理由拒绝、阻碍检查的，将依法处理并记入信用记录。', {
    size: SIZE,
    gap: 10,
  });
  para(`联系人：${leader?.name ?? ''}\u3000\u3000联系电话：${leader?.phone ?? ''}`, 14);
  const right = (text: string, gap: number, inset: number) =>
    b.para(text, { size: SIZE, align: 'right', gap, indent: 0 }).cells.forEach((c) => (c.w -= inset));
  right(draw.bureauName, 40, 24);
  right('（公章）', 6, 60);
  right(formatDate(draw.sealedAt), 6, 24);
  para('被检查单位签收：年      月      日', 40);
  b.glyphNote();
}
