/**
 * Record sheets at scale: `npx tsx bench/sheets.ts [--count 1000] [--out DIR] [--steady 10000]`. Renders the sheets
 * into one PDF and one workbook per package, each figure beside the bare cost of the library call it wraps (pdfkit,
 * exceljs) and its ratio to the limit: PDF ≤ 15 s, Excel ≤ 5 s, peak RSS ≤ 500 MB. `--steady N` then writes N
 * entities' package files (PDF and Excel) and prints the RSS as it goes: it must stay flat. Run it as the export
 * worker runs: `node --max-old-space-size=256 --import tsx bench/sheets.ts --steady 10000`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DrawSheets } from '@shared/domain/sheets';
import { fontSetter, openFaces } from '../src-main/documents/list-pages';
import { newPdfKitDocument } from '../src-main/sheets/pdf-draw';
import { renderDrawPdf, writeSheetPdfs } from '../src-main/sheets/pdf-render';
import { renderPackageWorkbook } from '../src-main/sheets/xlsx-write';
import { sampleDraw } from './sheets-fixture';
import { measured, type Figure } from './timing';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('--count') ?? 1000);
const outDir = arg('--out');
const steady = Number(arg('--steady') ?? 0);

/** pdfkit alone: per sheet three pages with every cell's text drawn as one unbroken run and its box stroked. */
async function barePdfkit(draw: DrawSheets): Promise<number> {
  let bytes = 0;
  const { doc: kit, done } = newPdfKitDocument('bare', (c) => (bytes += c.length));
  const { names } = openFaces(kit);
  const font = fontSetter(kit, names);
  for (const p of draw.packages) {
    for (const e of p.entities) {
      const rows = e.items.flatMap((item) => item.rows);
      for (let page = 0; page < 3; page++) {
        kit.addPage({ size: [595.28, 841.89], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
        font.reset();
        font.set('regular', 9);
        rows.slice(page * 13, page * 13 + 13).forEach((r, i) => {
          const y = 60 + i * 55;
          kit.rect(40, y, 515, 55);
          [r.label, r.content, r.basis, r.method, '□符合', '□不符合', '□不涉及'].forEach((t, k) =>
            kit.text(t, 44 + k * 70, y + 4, { lineBreak: false }),
          );
        });
        kit.stroke();
      }
    }
  }
  kit.end();
  await done;
  return bytes;
}

async function timed<T>(label: string, run: () => Promise<T>, limit?: number, bare?: Figure): Promise<[T, Figure]> {
  const [out, { wall, cpu }] = await measured(run);
  const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  const parts = [`${label.padEnd(46)} ${wall.toFixed(2).padStart(6)} s (CPU ${cpu.toFixed(2)} s)  peak RSS ${rss} MiB`];
  if (limit) parts.push(`  = ${((cpu / limit) * 100).toFixed(0)} % of the ${limit} s limit (CPU)`);
  if (bare) parts.push(`  ${(cpu / bare.cpu).toFixed(1)}× the bare library CPU`);
  console.log(parts.join(''));
  return [out, { wall, cpu }];
}

/** exceljs's streaming writer alone (as renderPackageWorkbook uses it): the same number of plain cells a sheet. */
async function bareExcel(draw: DrawSheets, cellsPerSheet: number): Promise<void> {
  for (const pkg of draw.packages) {
    const out = new PassThrough();
    out.resume();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: true,
      zip: { zlib: { level: 1 } },
    });
    for (const e of pkg.entities) {
      const ws = wb.addWorksheet(String(e.entityId));
      for (let i = 0; i < cellsPerSheet; i++) ws.getCell(Math.floor(i / 7) + 1, (i % 7) + 1).value = `单元格${i}`;
      ws.commit();
    }
    await wb.commit();
  }
}

const mib = (n: number) => (n / 2 ** 20).toFixed(1);
const rssNow = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);

/** N entities' package files, PDF then Excel, bytes counted (not kept); the RSS printed every tenth of the way. */
async function steadyRun(n: number): Promise<void> {
  const draw = sampleDraw(n);
  console.log(`\n${n} entities, ${draw.packages.length} package files each of PDF and Excel (bytes counted, not kept)`);
  const every = Math.max(1, Math.floor(n / 10));
  const sample = (done: number) => console.log(`  ${String(done).padStart(6)} entities  RSS ${rssNow()} MiB`);
  let bytes = 0;
  await timed(`PDF, package files + combined file, one pass`, () =>
    writeSheetPdfs(
      draw,
      { package: () => (c) => (bytes += c.length), draw: (c) => (bytes += c.length) },
      { onEntity: (done) => void (done % every === 0 && sample(done)) },
    ),
  );
  console.log(`  ${mib(bytes)} MiB written`);
  bytes = 0;
  let done = 0;
  await timed(`Excel, ${draw.packages.length} workbooks`, async () => {
    for (const pkg of draw.packages) {
      bytes += (await renderPackageWorkbook(draw, pkg)).length;
      done += pkg.entities.length;
      if (done % every < pkg.entities.length) sample(done);
    }
  });
  console.log(`  ${mib(bytes)} MiB written`);
}

async function main() {
  const draw = sampleDraw(count);
  console.log(`${count} record sheets, 3 items × 12 check rows each, ${draw.packages.length} packages`);
  const [bareBytes, barePdf] = await timed('  bare pdfkit: same rows, 3 pages a sheet', () => barePdfkit(draw));
  const [pdf] = await timed(
    'PDF 一户一表 (one document, renderDrawPdf)',
    () => renderDrawPdf(draw, { notices: false }),
    15,
    barePdf,
  );
  let both = 0;
  await timed('PDF with notices: package files + combined, one pass', () =>
    writeSheetPdfs(draw, { package: () => (c) => (both += c.length), draw: (c) => (both += c.length) }),
  );
  const first = new ExcelJS.Workbook();
  const sample = await renderPackageWorkbook(draw, draw.packages[0]);
  await first.xlsx.load(sample as unknown as ArrayBuffer);
  const cells = first.worksheets[0].rowCount * 7;
  const [, bareXlsx] = await timed(`  bare exceljs streaming, ${cells} plain cells a sheet`, () =>
    bareExcel(draw, cells),
  );
  const books: Buffer[] = [];
  await timed(
    `Excel 一户一表 (${draw.packages.length} workbooks)`,
    async () => {
      for (const pkg of draw.packages) books.push(await renderPackageWorkbook(draw, pkg));
    },
    5,
    bareXlsx,
  );
  const xlsxBytes = books.reduce((s, b) => s + b.length, 0);
  console.log(
    `PDF ${mib(pdf.length)} MiB (bare ${mib(bareBytes)} MiB; with notices, all files ${mib(both)} MiB); workbooks ${mib(xlsxBytes)} MiB`,
  );
  if (outDir) {
    writeFileSync(join(outDir, 'sheets-bench.pdf'), pdf);
    writeFileSync(join(outDir, 'sheets-bench-1.xlsx'), books[0]);
  }
  books.length = 0;
  if (steady) await steadyRun(steady);
}

void main();
