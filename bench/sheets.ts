/**
 * Record sheets at scale: `npx tsx bench/sheets.ts [--count 1000] [--out DIR]`. Renders the sheets into one PDF and one
 * workbook per package, each figure beside the bare cost of the library call it wraps (pdfmake, exceljs). Limits: PDF ≤
 * 15 s, Excel ≤ 5 s, peak RSS ≤ 500 MB.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { DrawSheets, EntitySheet, SheetItem, SheetMember } from '@shared/domain/sheets';
import { renderPdf, SANS } from '../src-main/documents/pdf';
import { renderDrawPdf } from '../src-main/sheets/pdf-render';
import { renderPackageWorkbook } from '../src-main/sheets/xlsx-write';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('--count') ?? 1000);
const outDir = arg('--out');

function items(n: number): SheetItem[] {
  return [1, 2, 3].map((i) => ({
    id: i,
    taskId: 1,
    name: `第${i}项 食品经营者经营条件和经营行为的检查(样例${n})`,
    rows: Array.from({ length: 12 }, (_, j) => ({
      itemId: i,
      subItemId: i * 100 + j,
      label: `${i}.${j + 1}`,
      content: `检查经营场所是否保持整洁,食品贮存条件是否符合要求,第${j + 1}项检查内容`,
      basis: `《中华人民共和国食品安全法》第${30 + j}条`,
      method: '现场检查',
    })),
  }));
}

function sampleDraw(n: number): DrawSheets {
  const team: SheetMember[] = [
    { id: '46900000001', name: '张敏', office: '城关市场监管所', phone: '13800000001', isExpert: false },
    { id: '46900000002', name: '刘强', office: '城南市场监管所', phone: '13800000002', isExpert: false },
  ];
  const task = { id: 1, number: '某市监抽查〔2026〕1号', name: '食品经营者专项抽查', leadDepartment: '县市场监管局' };
  const entity = (i: number): EntitySheet => ({
    drawId: 1,
    entityId: i + 1,
    code: `92469006MA5T${String(i).padStart(6, '0')}`,
    codeKind: '统一社会信用代码',
    name: `某县样例食品经营部${i + 1}号店`,
    address: `某县城关镇人民路${i + 1}号`,
    legalRep: '王某某',
    phone: '0898-12345678',
    tasks: [{ ...task, startDate: '2026-05-01', endDate: '2026-06-30' }],
    visitId: null,
    startDate: '2026-05-01',
    endDate: '2026-06-30',
    items: items(i),
  });
  const packages = Array.from({ length: Math.ceil(n / 8) }, (_, p) => ({
    no: p + 1,
    area: null,
    team,
    entities: Array.from({ length: Math.min(8, n - p * 8) }, (_, k) => entity(p * 8 + k)),
  }));
  const seed = 'ab'.repeat(32);
  return {
    drawId: 1,
    taskId: 1,
    taskNumber: task.number,
    taskName: task.name,
    bureauName: '某县市场监督管理局',
    seed,
    sealedAt: '2026-04-20T02:00:00Z',
    packages,
  };
}

/** The same pages and cells as plain pdfmake tables: one table a sheet, a page break between sheets. */
function bareDocument(draw: DrawSheets): Content[] {
  return draw.packages.flatMap((p) =>
    p.entities.map((e, i): Content => {
      const body: TableCell[][] = e.items.flatMap((item) =>
        item.rows.map((r) => [r.label, r.content, r.basis, r.method, '□符合', '']),
      );
      return {
        table: { widths: [22, 168, 100, 50, 54, 82], body },
        pageBreak: i === 0 && p.no === 1 ? undefined : 'before',
      };
    }),
  );
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = await run();
  const s = (performance.now() - t) / 1000;
  const c = process.cpuUsage(cpu);
  const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(
    `${label.padEnd(44)} ${s.toFixed(2).padStart(6)} s (CPU ${((c.user + c.system) / 1e6).toFixed(2)} s)  peak RSS ${rss} MiB`,
  );
  return out;
}

async function bareExcel(draw: DrawSheets, cellsPerSheet: number): Promise<void> {
  for (const pkg of draw.packages) {
    const wb = new ExcelJS.Workbook();
    for (const e of pkg.entities) {
      const ws = wb.addWorksheet(String(e.entityId));
      for (let i = 0; i < cellsPerSheet; i++) ws.getCell(Math.floor(i / 7) + 1, (i % 7) + 1).value = `单元格${i}`;
    }
    await wb.xlsx.writeBuffer();
  }
}

async function main() {
  const draw = sampleDraw(count);
  console.log(`${count} record sheets, 3 items × 12 check rows each, ${draw.packages.length} packages`);
  const pdf = await timed('PDF 一户一表 (one document, renderDrawPdf)', () => renderDrawPdf(draw, { notices: false }));
  await timed('  bare pdfmake, same tables, no sections', () =>
    renderPdf({ pageSize: 'A4', defaultStyle: { font: SANS, fontSize: 9 }, content: bareDocument(draw) }),
  );
  const books: Buffer[] = [];
  await timed(`Excel 一户一表 (${draw.packages.length} workbooks)`, async () => {
    for (const pkg of draw.packages) books.push(await renderPackageWorkbook(draw, pkg));
  });
  const first = new ExcelJS.Workbook();
  await first.xlsx.load(books[0] as unknown as ArrayBuffer);
  const ws = first.worksheets[0];
  const cells = ws.rowCount * 7;
  await timed(`  bare exceljs, ${cells} plain cells a sheet`, () => bareExcel(draw, cells));
  console.log(
    `PDF ${(pdf.length / 2 ** 20).toFixed(1)} MiB; workbooks ${(books.reduce((s, b) => s + b.length, 0) / 2 ** 20).toFixed(1)} MiB`,
  );
  if (outDir) {
    writeFileSync(join(outDir, 'sheets-bench.pdf'), pdf);
    writeFileSync(join(outDir, 'sheets-bench-1.xlsx'), books[0]);
  }
}

void main();
