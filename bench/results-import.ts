/**
 * Importing filled workbooks at scale: `npx tsx bench/results-import.ts [--count 1000]`. Builds once, in
 * bench/out/results-import/, a sealed draw in packages of one (three items of twelve check rows) and its first N
 * workbooks filled; then, on a fresh copy of that database, times the preview and 确认导入 through the results
 * service as the page calls it (the import worker), each beside the bare exceljs `xlsx.load` of the same files, the
 * total against the 10 s target, and the longest stall of this (the main) thread's event loop. For contrast it also
 * times the preview run in-process on this thread, as before the worker.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createServices } from '../src-main/app/services';
import { openDatabase } from '../src-main/db/connection';
import { enterResultFiles, readResultFiles } from '../src-main/results/import-files';
import { packRead } from '../src-main/results/import-job';
import { FIXTURE_NOW, importFixture } from './results-import-fixture';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('--count') ?? 1000);
const TARGET_S = 10;

interface Figure {
  wall: number;
  cpu: number;
  stallMs: number;
}

/** Wall and process CPU (every thread) of `work`, and the longest event-loop delay of this thread meanwhile. */
async function timed<T>(label: string, work: () => Promise<T>, bare?: Figure): Promise<[T, Figure]> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The histogram's first tick only sets its baseline: let it pass before the work (which may block at once).
  await new Promise((resolve) => setTimeout(resolve, 30));
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const out = await work();
  const wall = (performance.now() - t) / 1000;
  // A synchronous block is recorded only when the loop turns again.
  await new Promise((resolve) => setTimeout(resolve, 20));
  loop.disable();
  const c = process.cpuUsage(cpu0);
  const figure = { wall, cpu: (c.user + c.system) / 1e6, stallMs: loop.max / 1e6 };
  const parts = [
    `${label.padEnd(44)} ${wall.toFixed(2).padStart(6)} s (CPU ${figure.cpu.toFixed(2)} s)`,
    `  longest main-thread stall ${figure.stallMs.toFixed(0).padStart(5)} ms`,
  ];
  if (bare) parts.push(`  ${(figure.cpu / bare.cpu).toFixed(2)}× the bare load's CPU`);
  console.log(parts.join(''));
  return [out, figure];
}

/** exceljs alone: every file read and loaded, nothing looked at. */
async function bareLoad(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  }
}

async function main() {
  const dir = join(__dirname, 'out', 'results-import');
  const fixture = await importFixture(dir, count);
  const dbPath = join(dir, 'run.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  copyFileSync(fixture.dbPath, dbPath);
  const conn = await openDatabase(dbPath, { migrate: true }); // the fixture may predate the newest schema
  const ctx = { actor: () => '基准测试', now: () => FIXTURE_NOW };
  const services = createServices(conn, ctx);
  const results = services.results;
  console.log(`${fixture.files.length} filled workbooks, one sheet each (3 items × 12 check rows)`);

  // What the machine alone does to this thread's timers (other jobs' load): the floor of every stall below.
  await timed('  idle, 2 s (the noise floor)', () => new Promise((resolve) => setTimeout(resolve, 2000)));
  const [, bare] = await timed('  bare exceljs xlsx.load of the same files', () => bareLoad(fixture.files));
  const [read] = await timed('  before: read on this thread', () =>
    readResultFiles(conn.raw, fixture.files, { fileName: basename }),
  );
  await timed('  before: dry run on this thread', async () => enterResultFiles(conn.raw, ctx, read, { dryRun: true }));
  const clone = performance.now();
  structuredClone(read);
  const cloneMs = performance.now() - clone;
  const packed = packRead(read).length / 2 ** 20;
  console.log(
    `  the read sheets: structuredClone ${cloneMs.toFixed(0)} ms; packed as JSON bytes ${packed.toFixed(1)} MiB`,
  );
  const tokens = fixture.files.map((f) => services.files.issue(f, 'open').token);
  // The first call starts both threads (from sources here, compiled by tsx; the app starts the built files): eight
  // files are the fewest the import worker reads with its second reader.
  await timed('  worker start + eight workbooks', () => results.importPreview({ files: tokens.slice(0, 8) }));
  const [{ previewId, report }, preview] = await timed(
    'preview in the worker (read + check)',
    () => results.importPreview({ files: tokens, jobId: 'bench-preview' }),
    bare,
  );
  console.log(`  ${report.files} files, ${report.entered} to enter, ${report.problems.length} problems`);
  const [done, confirm] = await timed('确认导入 in the worker (one transaction)', () =>
    results.importConfirm({ previewId, jobId: 'bench-confirm' }),
  );
  console.log(`  ${done.entered} entered`);
  const share = (f: Figure, key: 'wall' | 'cpu') => `${((100 * f[key]) / TARGET_S).toFixed(0)} %`;
  const total = { wall: preview.wall + confirm.wall, cpu: preview.cpu + confirm.cpu, stallMs: 0 };
  console.log(
    `preview + 确认导入: CPU ${total.cpu.toFixed(2)} s = ${share(total, 'cpu')} of the ${TARGET_S} s target` +
      ` (wall ${total.wall.toFixed(2)} s = ${share(total, 'wall')}); bare load CPU ${share(bare, 'cpu')}`,
  );
  await services.draws.dispose();
  await conn.close();
}

void main();
