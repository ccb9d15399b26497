/**
 * For bench/results-import.ts: a demo county whose three task items have twelve check rows each, a task drawn in
 * packages of one and sealed, and its first `count` packages exported as workbooks and filled as a clerk would
 * (tests/integration/sheets/fill.ts). Built once into `dir`; later runs reuse it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createServices } from '../src-main/app/services';
import { openDatabase } from '../src-main/db/connection';
import { all, qb, run } from '../src-main/db/sql';
import { loadDemoData } from '../src-main/demo/demo-data';
import { DEMO_TASK_ITEMS, demoTaskInput } from '../src-main/demo/plan-demo';
import { loadSheets } from '../src-main/sheets/load';
import { renderPackageWorkbook } from '../src-main/sheets/xlsx-write';
import { fillFirstSheet, openWorkbook, saveWorkbook } from '../tests/integration/sheets/fill';
import { drawAndSeal } from '../tests/fixtures/county';

export interface ImportFixture {
  dbPath: string;
  files: string[];
  drawId: number;
}

/** The clock the fixture was made with: the task window and the filled inspection date (2026-12-01) fit it. */
export const FIXTURE_NOW = new Date('2026-11-23T09:00:00.000Z');

/** Tops the demo task's items up to twelve check rows each (the demo list has two to five). */
function twelveRowsEach(raw: BetterSqlite3.Database): void {
  const items = all(raw, qb.selectFrom('items').select('id').where('name', 'in', DEMO_TASK_ITEMS));
  for (const { id } of items) {
    const have = all(raw, qb.selectFrom('item_sub_items').select('ordinal').where('item_id', '=', id)).length;
    for (let k = have + 1; k <= 12; k++) {
      const row = {
        item_id: id,
        ordinal: k,
        content: `第${k}项检查内容（基准测试）`,
        basis: '《食品安全法》',
        method: '现场检查',
      };
      run(raw, qb.insertInto('item_sub_items').values(row));
    }
  }
}

async function build(dir: string, count: number): Promise<ImportFixture> {
  const dbPath = join(dir, 'template.sqlite');
  const conn = await openDatabase(dbPath, { migrate: true });
  const ctx = { actor: () => '基准测试', now: () => FIXTURE_NOW };
  const services = createServices(conn, ctx);
  // About one demo entity in eight is a food seller or restaurant, the task's scope.
  loadDemoData(conn.raw, { entities: count * 9, actor: '基准测试', now: FIXTURE_NOW });
  twelveRowsEach(conn.raw);
  const plan = services.plans.save({ year: 2026, title: '基准测试计划' });
  const overrides = {
    name: '结果导入基准测试',
    ratio: { mode: 'uniform' as const, bp: 10000 },
    excludeRecentYears: 0,
    requiredTags: [],
    packageSize: 1,
    maxPackagesPerInspector: 100,
  };
  const task = services.tasks.save(demoTaskInput(conn.raw, plan.id, FIXTURE_NOW, overrides));
  services.plans.publish(plan.id);
  const drawId = await drawAndSeal(services, task.id);
  const draw = loadSheets(conn.raw, drawId);
  if (draw.packages.length < count) throw new Error(`only ${draw.packages.length} packages drawn, ${count} wanted`);
  mkdirSync(join(dir, 'workbooks'), { recursive: true });
  const files: string[] = [];
  for (const pkg of draw.packages.slice(0, count)) {
    const wb = await openWorkbook(await renderPackageWorkbook(draw, pkg));
    fillFirstSheet(
      wb.worksheets[0],
      pkg.team.map((m) => m.id),
    );
    const path = join(dir, 'workbooks', `第${pkg.no}包.xlsx`);
    writeFileSync(path, await saveWorkbook(wb));
    files.push(path);
  }
  await services.draws.dispose();
  await conn.close();
  return { dbPath, files, drawId };
}

export async function importFixture(dir: string, count: number): Promise<ImportFixture> {
  const index = join(dir, `fixture-${count}.json`);
  // The index names its files relative to `dir`, so a copied or moved bench/out still finds them.
  const within = (f: ImportFixture, to: (path: string) => string) => ({
    ...f,
    dbPath: to(f.dbPath),
    files: f.files.map(to),
  });
  if (existsSync(index))
    return within(JSON.parse(readFileSync(index, 'utf8')) as ImportFixture, (p) => resolve(dir, p));
  mkdirSync(dir, { recursive: true });
  console.log(`building the fixture in ${dir} (once)…`);
  const fixture = await build(dir, count);
  writeFileSync(index, JSON.stringify(within(fixture, (p) => relative(dir, p))));
  return fixture;
}
