/**
 * 个体工商户 without a 字号 (empty 名称 in the county's export): imported under their code, named after the operator,
 * flagged 待核实 and counted; drawn like any other entity, with the operator masked in everything the draw publishes.
 * Only a row that leaves nothing to name or identify it by is refused. A real xlsx on a real temp database.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@shared/domain/uscc';
import { confirmImport, type ImportReport } from '../../../src-main/rosters/import';
import { county, storedInputs, type County } from '../../fixtures/county';
import { readPdf } from '../documents/pdf-text';

const AREA = '无字号测试片区';
const body = (prefix: string, n: number) => `${prefix}469006MA5W${String(n).padStart(5, '0')}`;
const code = (prefix: string, n: number) => body(prefix, n) + usccCheckChar(body(prefix, n));
const ZHOU = code('92', 1);
const OUYANG = code('92', 2);
const LI = code('92', 3);
const NAMED = code('92', 4);
const COMPANY = code('91', 5);

let c: County;
let report: ImportReport;

async function nameLessFile(path: string, office: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('市场主体');
  ws.addRow(['统一社会信用代码', '名称', '主体类型', '行业', '所属片区', '管辖单位', '经营者', '信用风险等级']);
  const row = (uscc: string | null, name: string | null, type: string | null, operator: string | null) =>
    ws.addRow([uscc, name, type, '食品销售', AREA, office, operator, 'B']);
  row(ZHOU, null, '个体工商户', '周建国'); // 2
  row(OUYANG, null, '个体工商户', '欧阳明'); // 3
  row(LI, null, null, '李娜'); // 4: 个体工商户 by its code (92)
  row(NAMED, '鑫源餐饮店', '个体工商户', '王强'); // 5
  row(null, null, '个体工商户', null); // 6: neither code nor name
  row(COMPANY, null, '企业', '张三'); // 7: a company without its registered name
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  c = await county(300);
  const office = c.conn.raw.prepare("SELECT name FROM offices WHERE kind = '市场监管所' ORDER BY id").pluck().get();
  const path = join(c.dir, '个体户名录.xlsx');
  await nameLessFile(path, String(office));
  report = await confirmImport(c.conn.raw, { kind: 'entities', path, actor: '测试操作员', now: c.ctx.now() });
});
afterAll(async () => {
  await c.close();
});

describe('the import', () => {
  it('imports the nameless 个体工商户 under their code, named after the operator, and counts them', () => {
    expect(report.counts).toMatchObject({ new: 4, rejected: 2, flagged: 3, namedFromOperator: 3 });
    const rows = c.conn.raw
      .prepare('SELECT uscc, name, legal_rep, entity_type, name_from_operator, flags FROM entities WHERE area = ?')
      .all(AREA);
    expect(rows).toEqual([
      {
        uscc: ZHOU,
        name: '个体工商户（经营者：周建国）',
        legal_rep: '周建国',
        entity_type: '个体工商户',
        name_from_operator: 1,
        flags: '["name.fromOperator"]',
      },
      expect.objectContaining({ uscc: OUYANG, name: '个体工商户（经营者：欧阳明）', name_from_operator: 1 }),
      expect.objectContaining({ uscc: LI, name: '个体工商户（经营者：李娜）', name_from_operator: 1 }),
      expect.objectContaining({ uscc: NAMED, name: '鑫源餐饮店', name_from_operator: 0, flags: '[]' }),
    ]);
  });

  it('refuses only the row with neither code nor name, and a company without its name, each with the reason', () => {
    const reasons = (row: number) => report.problems.filter((p) => p.row === row).map((p) => p.reason);
    expect(reasons(6)).toEqual([
      '缺少统一社会信用代码和注册号，无法确定是哪一户',
      '名称和经营者都为空，无法确定本户的名称，未导入',
    ]);
    expect(reasons(7)).toEqual([
      '名称为空。主体类型为企业，应有登记的名称（只有无字号的个体工商户可按经营者命名），未导入',
    ]);
    expect(c.count(`entities WHERE uscc = '${COMPANY}'`)).toBe(0);
  });

  it('the roster page filters the names awaiting a check (待核实) and shows them marked', () => {
    const page = c.services.rosters.query({ roster: 'entities', filters: { review: ['待核实'] } });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.name, 'nameFromOperator' in r && r.nameFromOperator])).toEqual([
      ['个体工商户（经营者：周建国）', true],
      ['个体工商户（经营者：欧阳明）', true],
      ['个体工商户（经营者：李娜）', true],
    ]);
  });

  it('a later file without the name keeps the name the roster holds, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('市场主体');
    ws.addRow(['统一社会信用代码', '名称', '主体类型', '行业', '所属片区', '经营者', '信用风险等级']);
    ws.addRow([NAMED, null, '个体工商户', '食品销售', AREA, '王强', 'B']);
    const path = join(c.dir, '个体户名录-次年.xlsx');
    await wb.xlsx.writeFile(path);
    const again = await confirmImport(c.conn.raw, { kind: 'entities', path, actor: '测试操作员', now: c.ctx.now() });
    expect(again.counts).toMatchObject({ rejected: 0, flagged: 1, namedFromOperator: 0 });
    expect(again.problems.map((p) => [p.code, p.reason])).toEqual([
      ['name.keptStored', '名称为空，保留名录中已有的名称「鑫源餐饮店」'],
    ]);
    const stored = c.conn.raw.prepare('SELECT name, name_from_operator FROM entities WHERE uscc = ?').get(NAMED);
    expect(stored).toEqual({ name: '鑫源餐饮店', name_from_operator: 0 });
  });

  it('a name the clerk types replaces the built one and clears 待核实', async () => {
    const id = Number(c.conn.raw.prepare('SELECT id FROM entities WHERE uscc = ?').pluck().get(LI));
    const row = await c.services.rosters.update({ roster: 'entities', id, patch: { name: '李记小吃' } });
    expect(row).toMatchObject({ name: '李记小吃', nameFromOperator: false });
    const page = c.services.rosters.query({ roster: 'entities', filters: { review: ['待核实'] } });
    expect(page.total).toBe(2);
  });
});

describe('a draw over the scope', () => {
  let drawId: number;
  beforeAll(async () => {
    const scope = { entityTypes: [], industries: [], areas: [AREA], offices: [], tags: [], grades: [] };
    const taskId = c.publishedTask({ name: '无字号个体户抽查', scope, ratio: { mode: 'uniform', bp: 10000 } });
    drawId = await c.drawAndSeal(taskId);
  });

  it('has them in its frame and draws them', () => {
    const inputs = JSON.parse(storedInputs(c, drawId).toString('utf8')) as {
      strata: { candidates: { code: string }[] }[];
    };
    const frame = inputs.strata.flatMap((s) => s.candidates.map((e) => e.code)).sort();
    expect(frame).toEqual([ZHOU, OUYANG, LI, NAMED].sort());
  });

  it('publishes the operator masked: the record, its PDF and the proof never hold the full name', async () => {
    const names = c.services.draws
      .resultRecord(drawId)
      .packages.flatMap((p) => p.entities.map((e) => e.name))
      .sort();
    expect(names).toEqual(['个体工商户（经营者：周某某）', '个体工商户（经营者：欧阳某某）', '李记小吃', '鑫源餐饮店']);
    const pdf = await readPdf(await c.services.draws.recordPdf(drawId, 'result'));
    expect(pdf.compact).toContain('个体工商户（经营者：周某某）');
    expect(pdf.compact).not.toMatch(/周建国|欧阳明/);
    expect(c.services.draws.proofText(drawId)).not.toMatch(/周建国|欧阳明/);
  });

  it('shows the drawn list masked on the draw page', () => {
    const view = c.services.draws.get({ drawId, packagePage: 1, packagePageSize: 50 })!;
    const names = view.packages.flatMap((p) => p.entities.map((e) => e.name));
    expect(names).toContain('个体工商户（经营者：周某某）');
    expect(names.join()).not.toMatch(/周建国|欧阳明/);
  });
});
