/**
 * The 一户一表 export through the product path: `npx tsx bench/sheets-export.ts [--large 10000] [--small 1000]
 * [--heap MB] [--only small|large|cancel] [--cancel-at N]`. Builds once, in bench/out/sheets-export.sqlite, a demo county with two sealed
 * draws (10,000 and 1,000 entities; the task's three items with twelve check rows each, packages of 8) and exports
 * them through SheetExportJobs — the worker the 一户一表 page and the CLI use — into bench/out/sheets-export-run/.
 * Prints wall and CPU time (all threads), files, the peak RSS sampled every 50 ms and the worker's heap, a trace
 * every tenth of the way, and the time from a cancel (asked after a tenth of the large draw) to the job stopped.
 * The small draw gives the figures: PDF ≤ 15 s, Excel ≤ 5 s, peak RSS ≤ 500 MB.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetExportProgress, SheetFormat } from '@shared/ipc/channels/sheets';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { createServices, type Services } from '../src-main/app/services';
import { defaultContext } from '../src-main/app/context';
import { openDatabase } from '../src-main/db/connection';
import { all, column, first, insertEach, qb } from '../src-main/db/sql';
import { loadDemoData } from '../src-main/demo/demo-data';
import { createDemoPlan } from '../src-main/demo/plan-demo';
import { drawOutline } from '../src-main/sheets/draw-list';
import { EXPORT_HEAP_MB, SheetExportJobs } from '../src-main/sheets/export-job';
import type { SheetOutline } from '../src-main/sheets/export';
import { measured, type Figure } from './timing';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;
const LARGE = Number(option('large', '10000'));
const SMALL = Number(option('small', '1000'));
const HEAP = Number(option('heap', String(EXPORT_HEAP_MB)));
const ONLY = option('only', 'both');
const CANCEL_AT = Number(option('cancel-at', String(LARGE / 10)));
const OUT = join(__dirname, 'out');
const DB = join(OUT, 'sheets-export.sqlite');
const RUN_DIR = join(OUT, 'sheets-export-run');
const taskName = (n: number) => `一户一表基准 ${n} 户`;

/** The task's items brought to twelve check rows each (the demo list has four or five). */
function twelveRows(raw: Parameters<typeof all>[0], itemIds: number[]): void {
  const insert = insertEach(
    raw,
    (row: { item_id: number; ordinal: number; content: string; basis: string; method: string }) =>
      qb.insertInto('item_sub_items').values(row),
  );
  for (const itemId of itemIds) {
    const have = column(raw, qb.selectFrom('item_sub_items').select('ordinal').where('item_id', '=', itemId));
    for (let ordinal = have.length + 1; ordinal <= 12; ordinal++)
      insert({
        item_id: itemId,
        ordinal,
        content: `检查经营场所是否保持整洁，食品贮存条件是否符合要求，第${ordinal}项检查内容`,
        basis: `《中华人民共和国食品安全法》第${30 + ordinal}条`,
        method: '现场检查',
      });
  }
}

async function sealedDraw(services: Services, raw: Parameters<typeof all>[0], entities: number): Promise<void> {
  const { taskId } = createDemoPlan(services, raw, new Date(), {
    name: taskName(entities),
    scope: { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] },
    ratio: { mode: 'fixed', count: entities },
    excludeRecentYears: 0,
    packageSize: 8,
    maxPackagesPerInspector: 1000,
    clusterBy: 'none',
    requiredTags: [],
  });
  // The sheets read the items' check rows when they are made, so adding them after the task is saved is the same.
  const itemIds = services.tasks.get(taskId).items.map((item) => item.id);
  if (entities === LARGE) raw.transaction(() => twelveRows(raw, itemIds)).immediate();
  const { id } = await services.draws.prepare({ taskId });
  services.draws.commit({ drawId: id, place: '会议室', operator: '张敏', supervisor: '刘强' });
  for (const w of DEMO_WITNESSES) services.draws.witness({ drawId: id, ...w });
  await services.draws.reveal({ drawId: id });
  await services.draws.seal({ drawId: id });
}

/** The bench database with both sealed draws, made once. */
async function database(): Promise<void> {
  if (existsSync(DB)) return;
  mkdirSync(OUT, { recursive: true });
  const started = performance.now();
  const conn = await openDatabase(DB, { migrate: true });
  loadDemoData(conn.raw, { entities: 4 * LARGE, actor: 'bench', now: new Date() });
  const services = createServices(conn, defaultContext('bench'));
  try {
    for (const n of [LARGE, SMALL]) await sealedDraw(services, conn.raw, n);
  } finally {
    await services.draws.dispose();
    await conn.close();
  }
  console.log(`bench database made in ${((performance.now() - started) / 1000).toFixed(0)} s: ${DB}`);
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0).padStart(4);

interface Figures extends Figure {
  peakRss: number;
  peakHeap: number;
  files: number;
  stopMs: number | null;
  outcome: string;
}

/** Samples the RSS of the whole process (main, worker, native buffers) until stopped; returns the peak. */
function rssSampler(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

interface RunSpec {
  drawId: number;
  outline: SheetOutline;
  format: SheetFormat;
  trace: boolean;
  /** Ask for a cancel once this many entities are done. */
  cancelAt?: number;
}

async function exportRun(spec: RunSpec): Promise<Figures> {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR);
  const jobs = new SheetExportJobs(HEAP);
  await jobs.cancel('warm'); // the worker started, as the page's stays between exports
  const stopRss = rssSampler();
  let peakHeap = 0;
  let cancelledAt: number | null = null;
  let traced = -1;
  const every = Math.max(1, Math.floor(spec.outline.packages.reduce((n, p) => n + p.entities, 0) / 10));
  const jobId = `bench-${spec.format}`;
  const t0 = performance.now();
  const line = (p: Omit<SheetExportProgress, 'jobId' | 'running'>, heap: number) =>
    console.log(
      `    ${String(p.entitiesDone).padStart(6)}/${p.entitiesTotal} entities  ${String(p.filesDone).padStart(5)}/${p.filesTotal} files` +
        `  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  RSS ${mib(process.memoryUsage.rss())} MiB  worker heap ${mib(heap)} MiB`,
    );
  const [outcome, figure] = await measured(() =>
    jobs.run({ jobId, dbPath: DB, drawId: spec.drawId, dir: RUN_DIR, format: spec.format }, spec.outline, (p) => {
      peakHeap = Math.max(peakHeap, p.heapUsed);
      if (spec.trace && p.entitiesDone % every === 0 && p.entitiesDone !== traced) {
        traced = p.entitiesDone;
        line(p, p.heapUsed);
      }
      if (spec.cancelAt !== undefined && cancelledAt === null && p.entitiesDone >= spec.cancelAt) {
        cancelledAt = performance.now();
        console.log(`    cancel asked at ${p.entitiesDone} entities, ${p.filesDone} files written`);
        void jobs.cancel(jobId);
      }
    }),
  );
  const peakRss = stopRss();
  const stopMs = cancelledAt === null ? null : performance.now() - cancelledAt;
  await jobs.close();
  const files = outcome.outcome === 'done' ? outcome.files.length : readdirSync(RUN_DIR).length;
  return { ...figure, peakRss, peakHeap, files, stopMs, outcome: outcome.outcome };
}

function report(label: string, f: Figures, limitS?: number): void {
  const limit = limitS ? `  limit ${limitS} s: ${f.wall <= limitS ? 'met' : 'NOT met'}` : '';
  console.log(
    `  ${label.padEnd(34)} ${f.wall.toFixed(1).padStart(6)} s (CPU ${f.cpu.toFixed(1)} s)  ${String(f.files).padStart(5)} files` +
      `  peak RSS ${mib(f.peakRss)} MiB (limit 500: ${f.peakRss <= 500 * 2 ** 20 ? 'met' : 'NOT met'})  worker heap ≤ ${mib(f.peakHeap)} MiB${limit}`,
  );
}

async function main() {
  await database();
  const conn = await openDatabase(DB, { migrate: true });
  const drawOf = (n: number) =>
    first(
      conn.raw,
      qb
        .selectFrom('draws as d')
        .innerJoin('tasks as t', 't.id', 'd.task_id')
        .select('d.id')
        .where('t.name', '=', taskName(n))
        .where('d.state', '=', 'sealed'),
    )!.id;
  const draws = new Map(
    [LARGE, SMALL].map((n) => [n, { drawId: drawOf(n), outline: drawOutline(conn.raw, drawOf(n)) }]),
  );
  console.log(`worker heap limit ${HEAP} MiB; each sheet: 3 items × 12 check rows, with its 随机抽查通知书`);
  if (ONLY === 'both' || ONLY === 'small') {
    const small = draws.get(SMALL)!;
    console.log(`\n${SMALL} entities (${small.outline.packages.length} packages):`);
    report('PDF (packages + combined, one pass)', await exportRun({ ...small, format: 'pdf', trace: false }), 15);
    report('Excel (one workbook per package)', await exportRun({ ...small, format: 'xlsx', trace: false }), 5);
    report('PDF and Excel', await exportRun({ ...small, format: 'both', trace: false }));
  }
  const large = draws.get(LARGE)!;
  if (ONLY === 'both' || ONLY === 'large') {
    console.log(`\n${LARGE} entities (${large.outline.packages.length} packages), PDF and Excel:`);
    report('PDF and Excel', await exportRun({ ...large, format: 'both', trace: true }));
  }
  if (ONLY !== 'small') {
    console.log(`\n${LARGE} entities, PDF and Excel, cancelled after ${CANCEL_AT} (the combined PDF half made):`);
    const stopped = await exportRun({ ...large, format: 'both', trace: false, cancelAt: CANCEL_AT });
    console.log(
      `  ${stopped.outcome} ${stopped.stopMs!.toFixed(0)} ms after the cancel was asked (files removed included); ` +
        `${stopped.files} files left in the folder`,
    );
  }
  await conn.close();
  rmSync(RUN_DIR, { recursive: true, force: true });
}

void main();
