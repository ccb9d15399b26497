/**
 * 抽取名单 for the teams, read back from the xlsx the export wrote: one row per drawn entity with its 名单包, code,
 * address, office and 检查组 (names with offices), header row frozen and printed on every page, formula-looking text
 * kept as text, written through a temp file; refused before 封存.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAWN_LIST_HEADERS } from '../../../src-main/draws/drawn-list';
import { county, type County } from '../../fixtures/county';
import { refusal } from '../../fixtures/refusal';

let c: County;
let drawId: number;
beforeAll(async () => {
  c = await county(3000);
  drawId = await c.drawAndSeal(c.publishedTask());
});
afterAll(async () => {
  await c.close();
});

const exportTo = (name: string, id = drawId) =>
  c.services.draws.exportList({ drawId: id, fileToken: c.services.files.issue(join(c.dir, name), 'save').token });

async function readSheet(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(c.dir, name));
  return wb.getWorksheet('抽取名单')!;
}

describe('抽取名单 (Excel) for the teams', () => {
  it('has one row per drawn entity, package by package, with the team named with offices', async () => {
    const view = c.services.draws.get({ drawId, packagePage: 1, packagePageSize: 1000 })!;
    const drawn = view.packages.flatMap((p) => p.entities.map((e) => ({ no: p.no, code: e.code, team: p.team })));
    expect(await exportTo('名单.xlsx')).toEqual({ fileName: '名单.xlsx', rows: drawn.length });
    const ws = await readSheet('名单.xlsx');
    expect(ws.getRow(3).values).toEqual([undefined, ...DRAWN_LIST_HEADERS]);
    expect(String(ws.getCell('A1').value)).toMatch(/抽取名单$/);
    expect(String(ws.getCell('A2').value)).toContain(`${drawn.length} 户`);
    const rows = Array.from({ length: drawn.length }, (_, i) => ws.getRow(4 + i).values as unknown[]);
    expect(ws.rowCount).toBe(3 + drawn.length);
    expect(rows.map((r) => [r[1], r[4]])).toEqual(drawn.map((d) => [`第 ${d.no} 包`, d.code]));
    const first = drawn[0]!;
    const entity = c.conn.raw
      .prepare('SELECT name, address, office FROM entities WHERE coalesce(uscc, reg_no) = ?')
      .get(first.code) as { name: string; address: string; office: string };
    expect(rows[0]!.slice(2, 7)).toEqual([1, entity.name, first.code, entity.address, entity.office]);
    expect(rows[0]![7]).toBe(first.team.map((m) => `${m.name}（${m.office}）`).join('、'));
  });

  it('is set up to print: header frozen and repeated, landscape A4 one page wide', async () => {
    await exportTo('打印.xlsx');
    const ws = await readSheet('打印.xlsx');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: '3:3',
    });
    expect(readdirSync(c.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a formula-looking name as text and logs the export', async () => {
    const code = c.services.draws.get({ drawId, packagePage: 1, packagePageSize: 1 })!.packages[0]!.entities[0]!.code;
    c.conn.raw.prepare('UPDATE entities SET name = ? WHERE coalesce(uscc, reg_no) = ?').run('=HYPERLINK("x")', code);
    await exportTo('公式.xlsx');
    const cell = (await readSheet('公式.xlsx')).getCell('C4');
    expect(cell.value).toBe(`'=HYPERLINK("x")`);
    expect(cell.formula).toBeUndefined();
    const last = c.conn.raw.prepare('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      action: string;
      detail: string;
    };
    expect([last.action, JSON.parse(last.detail).file]).toEqual(['draws:export-list', '公式.xlsx']);
  });

  it('is refused before 封存, writing no file', async () => {
    const revealed = await c.revealed('未封存的任务');
    expect((await refusal(() => exportTo('未封存.xlsx', revealed))).message).toMatch(/封存后才能导出/);
    expect(readdirSync(c.dir)).not.toContain('未封存.xlsx');
  });
});
