/** The announcements' xlsx and PDF, read back: title, task block, list, the draw's digest and seed, the details. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultAnnouncement, taskAnnouncement } from '../../../src-main/disclosure/announcements';
import { renderAnnouncementPdf } from '../../../src-main/disclosure/announcement-pdf';
import { renderAnnouncementXlsx } from '../../../src-main/disclosure/announcement-xlsx';
import { readPdf } from '../documents/pdf-text';
import { OLD_REG_NO, reviewedCounty, type DisclosureCounty } from './setup';

let c: DisclosureCounty;
beforeAll(async () => {
  c = await reviewedCounty();
});
afterAll(async () => {
  await c.close();
});

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
};

describe('抽查任务公告 files', () => {
  it('writes the xlsx with the task block, the list and the draw check', async () => {
    const a = taskAnnouncement(c.conn.raw, c.taskId);
    const ws = (await workbook(await renderAnnouncementXlsx(a))).getWorksheet('抽查任务公告')!;
    const cells = texts(ws);
    expect(ws.getCell('A1').value).toBe(a.title);
    expect(cells).toEqual(expect.arrayContaining(['抽查任务编号', a.task.taskNumber, '抽查类型', '定向']));
    expect(cells).toEqual(expect.arrayContaining(['序号', '市场主体名称', '统一社会信用代码/注册号', '管辖单位']));
    expect(cells).toEqual(expect.arrayContaining([OLD_REG_NO, '个体工商户（经营者：张**）']));
    expect(cells).toEqual(expect.arrayContaining([a.draw.inputDigest, a.draw.seed]));
  });

  it('writes the PDF with the same, the hashes whole', async () => {
    const a = taskAnnouncement(c.conn.raw, c.taskId);
    const pdf = await readPdf(await renderAnnouncementPdf(a));
    expect(pdf.title).toBe(a.title);
    expect(pdf.compact).toContain(a.title);
    expect(pdf.compact).toContain(OLD_REG_NO);
    expect(pdf.compact).toContain('个体工商户（经营者：张**）');
    expect(pdf.compact).toContain(a.draw.inputDigest);
    expect(pdf.compact).toContain(a.draw.seed);
    expect(pdf.compact).toContain('（预览，尚未公示）');
  });
});

describe('抽查结果公告 files', () => {
  it('writes the list and, on a second sheet, each entity’s 检查事项', async () => {
    const a = resultAnnouncement(c.conn.raw, { taskId: c.taskId }, '2026-12-01');
    const wb = await workbook(await renderAnnouncementXlsx(a));
    const list = texts(wb.getWorksheet('抽查结果公告')!);
    expect(list).toEqual(expect.arrayContaining(['抽查计划编号', '检查完成日期', '检查结果', '备注', '2026-11-24']));
    const details = texts(wb.getWorksheet('检查事项明细')!);
    expect(details).toEqual(expect.arrayContaining(['检查事项', '发现问题', '未发现问题']));
  });

  it('writes the PDF landscape with the details after the list', async () => {
    const a = resultAnnouncement(c.conn.raw, { taskId: c.taskId }, '2026-12-01');
    const pdf = await readPdf(await renderAnnouncementPdf(a));
    expect(pdf.pages[0].width).toBeGreaterThan(pdf.pages[0].height);
    expect(pdf.compact).toContain('检查事项明细');
    expect(pdf.compact).toContain('依法责令立即改正或者限期改正');
  });
});
