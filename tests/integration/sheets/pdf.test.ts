/**
 * The sheets' PDFs opened back with pdf.js: each entity's notice and record sheet with its header, items, choices,
 * signature boxes, and a footer numbering that entity's own pages with the task number and the seed's first digits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawSheets } from '@shared/domain/sheets';
import { loadSheets } from '../../../src-main/sheets/load';
import { renderDrawPdf, renderPackagePdf } from '../../../src-main/sheets/pdf-render';
import { readPdf } from '../documents/pdf-text';
import { sealedDraw, type SealedDraw } from './sealed-draw';

let s: SealedDraw;
let draw: DrawSheets;

beforeAll(async () => {
  s = await sealedDraw();
  draw = loadSheets(s.c.conn.raw, s.drawId);
}, 120_000);
afterAll(() => s.c.close());

const squash = (t: string) => t.replace(/\s+/g, '');

describe('loadSheets', () => {
  it('gives every package, entity, team and item row of the sealed draw', () => {
    expect(draw.packages.length).toBeGreaterThan(1);
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    const sheet = draw.packages[0].entities[0];
    expect(sheet.tasks.map((t) => t.id)).toEqual([s.taskId]);
    expect(sheet.items.length).toBeGreaterThan(0);
    expect(sheet.items.every((i) => i.rows.length > 0)).toBe(true);
    expect(draw.packages[0].team.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a draw that is not sealed, in Chinese', async () => {
    const revealed = await s.c.revealed('未封存的任务');
    expect(() => loadSheets(s.c.conn.raw, revealed)).toThrow('尚未封存');
    expect(() => loadSheets(s.c.conn.raw, 999_999)).toThrow('没有找到这次抽取');
  }, 60_000);
});

describe('PDF 一户一表 and 随机抽查通知书', () => {
  it('prints one package: per entity a notice then a record sheet, pages numbered per sheet', async () => {
    const pkg = draw.packages[0];
    const pdf = await renderPackagePdf(draw, pkg);
    const r = await readPdf(pdf);
    const seed16 = draw.seed.slice(0, 16);
    r.pages.forEach((p) => {
      expect(p.width).toBeCloseTo(595.28, 0);
      expect(squash(p.text)).toContain(`种子：${seed16}`);
      expect(squash(p.text)).toContain(squash(`任务编号：${draw.taskNumber}`));
    });
    const notices = r.pages.filter((p) => p.text.includes('随机抽查通知书'));
    expect(notices).toHaveLength(pkg.entities.length);
    const sheet = pkg.entities[0];
    const all = squash(r.all);
    for (const text of [
      '市场监管领域随机抽查情况记录表',
      `被检查单位${sheet.name}`,
      `统一社会信用代码/注册号${sheet.code}`,
    ]) {
      expect(all).toContain(squash(text));
    }
    for (const text of [
      '一、抽查检查事项',
      '二、检查时间和检查方法',
      '三、需要准备的资料',
      '联系人：',
      draw.bureauName,
    ]) {
      expect(all).toContain(squash(text));
    }
    expect(all).toContain(squash(`1.${sheet.items[0].name}`));
    expect(all).toContain(squash(sheet.items[0].rows[0].content));
    expect(all).toContain('□符合□不符合□不涉及');
    for (const text of [
      '□实地检查',
      '□未发现问题',
      '□其他',
      '被检查单位意见',
      '法定代表人（负责人）（签字或盖章）',
      '检查人员签名',
      '组长审核意见',
      '结果公示审批意见',
    ]) {
      expect(all).toContain(squash(text));
    }
    expect(all).toContain(squash(`执法证号：${pkg.team[0].badgeNo}`));
    // Each record sheet numbers its own pages: its first page says 第 1 页 共 n 页 with n its own count.
    const sheetStarts = r.pages.filter((p) => p.text.includes('市场监管领域随机抽查情况记录表'));
    expect(sheetStarts).toHaveLength(pkg.entities.length);
    for (const p of sheetStarts) expect(squash(p.text)).toMatch(/第1页共(\d)页/);
    const last = r.pages[r.pages.length - 1];
    const [, x, y] = /第(\d+)页共(\d+)页/.exec(squash(last.text))!;
    expect(x).toBe(y);
  }, 60_000);

  it('prints the whole draw in one file', async () => {
    const r = await readPdf(await renderDrawPdf(draw, { notices: false }));
    const total = draw.packages.reduce((n, p) => n + p.entities.length, 0);
    expect(r.pages.filter((p) => p.text.includes('市场监管领域随机抽查情况记录表'))).toHaveLength(total);
    expect(r.all).not.toContain('随机抽查通知书');
  }, 60_000);
});
