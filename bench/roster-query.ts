/**
 * Roster query benchmark: `npx tsx bench/roster-query.ts [--entities N]`. Times the 检查对象名录库 page's queries (page 1,
 * filters, sorts, searches of 1, 2, ≥3 characters and a code fragment) on a cached demo database of 1,000,000 entities.
 * Target: each ≤ 100 ms; prints the median and the worst of 7 runs after one warm-up.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/connection';
import { createServices, type Services } from '../src-main/app/services';
import { defaultContext } from '../src-main/app/context';
import { buildDemoDatabase } from './demo-database';

const args = process.argv.slice(2);
const entities = Number(args[args.indexOf('--entities') + 1] || 1_000_000) || 1_000_000;
const OUT = join(__dirname, 'out');
const dbPath = join(OUT, `query-${entities}.sqlite`);
const TARGET_MS = 100;
type RosterQuery = Parameters<Services['rosters']['query']>[0];

/** Builds the demo database once; later runs reuse it from bench/out/. */
async function buildIfMissing(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(dbPath)) {
    const started = performance.now();
    await buildDemoDatabase(dbPath, entities);
    console.log(
      `demo database built: ${entities} entities in ${((performance.now() - started) / 1000).toFixed(1)} s (cached as ${dbPath})`,
    );
  }
}

const CASES: [string, RosterQuery][] = [
  ['page 1 (no filter)', { roster: 'entities', page: 1, pageSize: 50, filters: {} }],
  ['page 200 (no filter)', { roster: 'entities', page: 200, pageSize: 50, filters: {} }],
  ['filter grade D', { roster: 'entities', page: 1, pageSize: 50, filters: { creditGrade: ['D'] } }],
  [
    'filter office + status + type',
    {
      roster: 'entities',
      page: 1,
      pageSize: 50,
      filters: { office: ['东关市场监管所'], status: ['存续'], entityType: ['企业'] },
    },
  ],
  ['filter tag 冷链', { roster: 'entities', page: 1, pageSize: 50, filters: { tags: ['冷链'] } }],
  [
    'sort by name',
    { roster: 'entities', page: 1, pageSize: 50, sort: { field: 'name', direction: 'asc' }, filters: {} },
  ],
  [
    'sort by name desc + filter grade C',
    {
      roster: 'entities',
      page: 1,
      pageSize: 50,
      sort: { field: 'name', direction: 'desc' },
      filters: { creditGrade: ['C'] },
    },
  ],
  ['search 2 chars "鑫源"', { roster: 'entities', page: 1, pageSize: 50, search: '鑫源', filters: {} }],
  ['search 2 chars "汽修"', { roster: 'entities', page: 1, pageSize: 50, search: '汽修', filters: {} }],
  ['search 2 chars "公司" (≈1/3 of rows)', { roster: 'entities', page: 1, pageSize: 50, search: '公司', filters: {} }],
  ['search 1 char "椰"', { roster: 'entities', page: 1, pageSize: 50, search: '椰', filters: {} }],
  ['search 3+ chars "福临药店"', { roster: 'entities', page: 1, pageSize: 50, search: '福临药店', filters: {} }],
  ['search code fragment "MA0001"', { roster: 'entities', page: 1, pageSize: 50, search: '00001', filters: {} }],
  [
    'search 2 chars + filter grade B',
    { roster: 'entities', page: 1, pageSize: 50, search: '餐饮', filters: { creditGrade: ['B'] } },
  ],
];

/** Times one query (7 runs after a warm-up); true when its worst run is within the target. */
function timeCase(s: Services, label: string, req: RosterQuery): boolean {
  s.rosters.query(req); // warm-up
  const times: number[] = [];
  let result!: ReturnType<typeof s.rosters.query>;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    result = s.rosters.query(req);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ok = times[times.length - 1] <= TARGET_MS;
  console.log(
    `  ${label.padEnd(40)} median ${times[3].toFixed(1).padStart(6)} ms  worst ${times[6].toFixed(1).padStart(6)} ms  ` +
      `(${(times[6] / TARGET_MS).toFixed(2)}× of ${TARGET_MS} ms) total ${String(result.total).padStart(7)} rows ${result.rows.length} via ${result.searchMode ?? 'index'} ${ok ? 'OK' : 'OVER'}`,
  );
  return ok;
}

async function main() {
  await buildIfMissing();
  const conn = await openDatabase(dbPath, { migrate: true });
  const s = createServices(conn, defaultContext('bench'));
  const total = conn.raw.prepare('SELECT count(*) FROM entities').pluck().get() as number;
  console.log(`roster query at ${total} entities (${dbPath})`);
  const failures = CASES.filter(([label, req]) => !timeCase(s, label, req)).length;
  await conn.close();
  console.log(failures === 0 ? 'all queries within 100 ms' : `${failures} queries over 100 ms`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
