/**
 * Printed documents at county and city scale: `npx tsx bench/documents.ts [--sizes 1500,50000] [--out DIR]`. Renders
 * part two of the record for each size, the plan and part one, printing seconds, CPU seconds (wall time varies with a
 * shared machine's load), pages, size and peak RSS; --out writes the PDFs there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  renderDrawRecordCommitPdf,
  renderDrawRecordResultPdf,
  renderPlanPdf,
  renderPlanXlsx,
} from '../src-main/documents';
import { sampleCommit, samplePlan, sampleResult } from '../tests/fixtures/documents';
import { measured } from './timing';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '1500,50000').split(',').map(Number);
const outDir = arg('--out');

/** Pages of a PDF written by pdfkit: the /Count of its page tree root. */
function pageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(...counts);
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

async function timed(label: string, work: () => Promise<Buffer>, file?: string): Promise<void> {
  const [buf, { wall: s, cpu: cpuS }] = await measured(work);
  const pdf = buf.subarray(0, 4).toString() === '%PDF';
  const pages = pdf ? `${pageCount(buf)} pages` : 'xlsx';
  console.log(
    `${label.padEnd(34)} ${s.toFixed(2).padStart(7)} s (CPU ${cpuS.toFixed(2)} s)  ${pages.padStart(11)}  ${mib(buf.length).padStart(6)} MiB  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
  );
  if (outDir && file) writeFileSync(join(outDir, file), buf);
}

async function main() {
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  // The first document pays for reading the fonts and their character sets once per process.
  await timed('part one (first document)', () => renderDrawRecordCommitPdf(sampleCommit()), 'commit.pdf');
  await timed('part one', () => renderDrawRecordCommitPdf(sampleCommit()));
  await timed('plan PDF (14 rows)', () => renderPlanPdf(samplePlan()), 'plan.pdf');
  await timed('plan xlsx (14 rows)', () => renderPlanXlsx(samplePlan()), 'plan.xlsx');
  for (const n of sizes) {
    const data = sampleResult(n, 8);
    await timed(
      `part two, ${n.toLocaleString('en-US')} selected`,
      () => renderDrawRecordResultPdf(data),
      `result-${n}.pdf`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
