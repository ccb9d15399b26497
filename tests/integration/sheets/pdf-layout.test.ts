/**
 * The record sheet drawn page by page: a long sheet breaks between rows with the column header repeated and every
 * page numbered within its sheet, no line is wider than its cell, and the package files and the combined file made
 * in one pass hold the same pages as when made one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawSheets, EntitySheet, SheetPackage } from '@shared/domain/sheets';
import { textWidth } from '../../../src-main/documents/fonts';
import { DocText } from '../../../src-main/documents/pdf';
import { loadSheets } from '../../../src-main/sheets/load';
import { Blocks, PAD_X } from '../../../src-main/sheets/pdf-pages';
import { renderDrawPdf, renderPackagePdf, writeSheetPdfs } from '../../../src-main/sheets/pdf-render';
import { recordSheet } from '../../../src-main/sheets/pdf-sheet';
import { readPdf } from '../documents/pdf-text';
import { sealedDraw, type SealedDraw } from './sealed-draw';

let s: SealedDraw;
let draw: DrawSheets;
let long: DrawSheets;

const squash = (t: string) => t.replace(/\s+/g, '');
const LONG_CONTENT =
  '检查经营场所是否保持整洁,食品贮存条件是否符合要求,是否有防尘、防蝇、防鼠设施,冷藏冷冻设备是否正常运转并有温度记录,' +
  '食品与非食品是否分开存放,过期变质食品是否及时清理并有销毁记录';

/** One entity whose first item has 30 rows of long 检查内容: its sheet runs over several pages. */
function longSheet(sheet: EntitySheet): EntitySheet {
  const [first, ...rest] = sheet.items;
  const rows = Array.from({ length: 30 }, (_, j) => ({
    ...first.rows[0],
    subItemId: 1000 + j,
    label: `1.${j + 1}`,
    content: `${LONG_CONTENT}(第${j + 1}条)`,
  }));
  return { ...sheet, items: [{ ...first, rows }, ...rest] };
}

beforeAll(async () => {
  s = await sealedDraw();
  draw = loadSheets(s.c.conn.raw, s.drawId);
  const pkg = draw.packages[0];
  const next = draw.packages[1].entities[0];
  long = { ...draw, packages: [{ ...pkg, entities: [longSheet(pkg.entities[0]), next] }] };
}, 120_000);
afterAll(() => s.c.close());

describe('PDF 一户一表 — pages', () => {
  it('breaks a long sheet between rows, repeats the column header and numbers the pages of that sheet', async () => {
    const r = await readPdf(await renderPackagePdf(long, long.packages[0], { notices: false }));
    const first = r.pages.findIndex((p) => p.text.includes('市场监管领域随机抽查情况记录表'));
    const second = r.pages.findIndex((p, i) => i > first && p.text.includes('市场监管领域随机抽查情况记录表'));
    const pages = r.pages.slice(first, second).map((p) => squash(p.text));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`第${i + 1}页共${pages.length}页`);
      if (i < pages.length - 1) expect(text).toContain('序号检查内容检查依据检查方法检查结果发现问题情况');
    });
    expect(pages.join('')).toContain(squash(`${LONG_CONTENT}(第30条)`));
    expect(pages[pages.length - 1]).toContain('结果公示审批意见');
    expect(squash(r.pages[second].text)).toContain('第1页共');
  }, 60_000);

  it('never sets a line wider than its cell', () => {
    const b = new Blocks(new DocText());
    recordSheet(b, long.bureauName, long.packages[0].entities[0], long.packages[0]);
    const cells = b.list.flatMap((block) => block.cells);
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      const room = c.border ? c.w - 2 * PAD_X : c.w;
      for (const line of c.lines) expect(textWidth(line, c.face, c.size)).toBeLessThanOrEqual(room);
    }
    const content = cells.find((c) => c.lines.join('').startsWith(LONG_CONTENT.slice(0, 10)))!;
    expect(content.lines.length).toBeGreaterThan(3);
  });

  it('prints a character no face has as its code, noted on every sheet that has it', async () => {
    const odd = (e: EntitySheet) => ({ ...e, name: `${e.name}\u{E000}` });
    const pkg = long.packages[0];
    const twice = { ...long, packages: [{ ...pkg, entities: pkg.entities.map(odd) }] };
    const r = await readPdf(await renderPackagePdf(twice, twice.packages[0], { notices: false }));
    const notes = r.pages.filter((p) => squash(p.text).includes('U+E000等字超出程序内置字库'));
    expect(notes).toHaveLength(2);
    expect(r.compact).toContain('〔U+E000〕');
  }, 60_000);
});

describe('PDF 一户一表 — files', () => {
  it('makes the package files and the combined file in one pass, page for page', async () => {
    const two = { ...draw, packages: draw.packages.slice(0, 2) };
    const files = new Map<SheetPackage, Buffer[]>();
    const whole: Buffer[] = [];
    const seen: number[] = [];
    await writeSheetPdfs(
      two,
      {
        package: (pkg) => (c) => files.set(pkg, [...(files.get(pkg) ?? []), c]),
        draw: (c) => whole.push(c),
      },
      { onEntity: (done) => seen.push(done) },
    );
    const count = two.packages.reduce((n, p) => n + p.entities.length, 0);
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const alone = await readPdf(await renderDrawPdf(two));
    const combined = await readPdf(Buffer.concat(whole));
    expect(combined.pages.map((p) => p.text)).toEqual(alone.pages.map((p) => p.text));
    let pages = 0;
    for (const pkg of two.packages) {
      const own = await readPdf(Buffer.concat(files.get(pkg)!));
      const single = await readPdf(await renderPackagePdf(two, pkg));
      expect(own.pages.map((p) => p.text)).toEqual(single.pages.map((p) => p.text));
      expect(own.title).toContain(`第${pkg.no}包`);
      pages += own.pages.length;
    }
    expect(combined.pages).toHaveLength(pages);
  }, 120_000);

  it('stops when the progress callback throws (cancel)', async () => {
    const cancel = new Error('已取消');
    await expect(
      writeSheetPdfs(
        draw,
        { draw: () => undefined },
        {
          onEntity: (done) => {
            if (done === 2) throw cancel;
          },
        },
      ),
    ).rejects.toBe(cancel);
  });
});
