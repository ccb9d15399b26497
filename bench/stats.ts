/**
 * 统计分析 benchmark: `npx tsx bench/stats.ts`. A year of 1,000,000 entities (the demo roster), 40 sealed draws
 * drawing 50,000 entities, 50,000 inspections (results, most reviewed and published) and 5,000 problems (follow-ups,
 * half closed), generated once with SQL inserts into bench/out/. Times the page's queries — the whole view, its parts,
 * and the view filtered to one office — as the median and worst of 5 runs after a warm-up. Target: the view ≤ 1 s.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src-main/db/connection';
import { loadDemoData } from '../src-main/demo/demo-data';
import { chartsOf } from '../src-main/stats/charts';
import { loadFacts } from '../src-main/stats/facts';
import { statsView } from '../src-main/stats/view';
import { rateText } from '../src-shared/domain/stats';

const ENTITIES = 1_000_000;
const TASKS = 40;
const PER_TASK = 1_250;
const PROBLEMS = 5_000;
const OUT = join(__dirname, 'out');
const dbPath = join(OUT, `stats-${ENTITIES}.sqlite`);
const NOW = new Date('2026-12-28T02:00:00Z');
const TARGET_MS = 1000;

let seed = 20261228;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const day = (i: number) => new Date(Date.UTC(2026, 0, 5) + i * 86400000).toISOString().slice(0, 10);

function tasksAndDraws(raw: BetterSqlite3.Database, at: string): void {
  const plan = raw
    .prepare(
      `INSERT INTO plans (year, title, status, version, created_at, updated_at) VALUES (2026, '统计基准', '已公示', 1, ?, ?)`,
    )
    .run(at, at).lastInsertRowid;
  const items = raw.prepare('SELECT id FROM items').pluck().all() as number[];
  const task = raw.prepare(
    `INSERT INTO tasks (plan_id, year, seq, number, name, lead_department, bureau_name, start_date, end_date, ratio_mode, config, created_at, updated_at)
     VALUES (?, 2026, ?, ?, ?, ?, '示例县市场监督管理局', ?, ?, ?, '{}', ?, ?)`,
  );
  const hex = '0'.repeat(64);
  const draw = raw.prepare(
    `INSERT INTO draws (task_id, attempt, state, prepared_at, prepared_by, input_digest, summary, committed_at, nonce,
       nonce_commit, seed, result, sealed_at, sealed_by) VALUES (?, 1, 'sealed', ?, 'bench', ?, '{}', ?, ?, ?, ?, '{}', ?, 'bench')`,
  );
  const selected = raw.prepare(
    `INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no) VALUES (?, ?, '', '全部', ?, '', ?)`,
  );
  for (let t = 1; t <= TASKS; t++) {
    const start = day((t * 8) % 300);
    const lead = t % 4 === 0 ? '示例县卫生健康局' : '示例县市场监督管理局';
    const id = task.run(
      plan,
      t,
      `基准${t}`,
      `基准任务${t}`,
      lead,
      start,
      day(((t * 8) % 300) + 60),
      t % 3 === 0 ? 'uniform' : 'grades',
      at,
      at,
    ).lastInsertRowid;
    if (t % 5 === 0) raw.prepare(`INSERT INTO task_departments VALUES (?, 1, '示例县商务局')`).run(id);
    for (let k = 0; k < 3; k++)
      raw.prepare('INSERT OR IGNORE INTO task_items VALUES (?, ?, ?)').run(id, k, items[(t + k * 7) % items.length]);
    const sealedAt = `${start}T02:00:00.000Z`;
    const drawId = draw.run(id, sealedAt, hex, sealedAt, hex, hex, hex, sealedAt).lastInsertRowid;
    const chosen = new Set<number>();
    while (chosen.size < PER_TASK) chosen.add(1 + rand(ENTITIES));
    let rank = 0;
    for (const e of chosen) selected.run(drawId, e, ++rank, 1 + Math.floor(rank / 3));
  }
}

function results(raw: BetterSqlite3.Database, at: string): void {
  const badges = raw.prepare('SELECT badge_no FROM inspectors').pluck().all() as string[];
  const insert = raw.prepare(
    `INSERT INTO results (task_id, draw_id, entity_id, state, inspected_on, inspector_ids, methods, categories, follow_ups,
       saved_at, saved_by, entered_at, entered_by) VALUES (?, ?, ?, '已录入', ?, ?, '["实地检查"]', ?, '[]', ?, 'bench', ?, 'bench')`,
  );
  const rows = raw
    .prepare(
      'SELECT d.task_id, d.id AS draw_id, s.entity_id, t.start_date FROM draw_selected s JOIN draws d ON d.id = s.draw_id JOIN tasks t ON t.id = d.task_id',
    )
    .all() as { task_id: number; draw_id: number; entity_id: number; start_date: string }[];
  rows.forEach((r, i) => {
    const problem = i % 10 === 0;
    const inspected = new Date(new Date(`${r.start_date}T00:00:00Z`).getTime() + rand(40) * 86400000)
      .toISOString()
      .slice(0, 10);
    const team = JSON.stringify([badges[rand(badges.length)], badges[rand(badges.length)]]);
    const categories = problem ? '["发现问题,依法责令立即改正或者限期改正"]' : '["未发现问题"]';
    insert.run(r.task_id, r.draw_id, r.entity_id, inspected, team, categories, at, at);
  });
  raw.exec(`UPDATE results SET state = '已审核', reviewed_at = '${at}', reviewed_by = 'bench' WHERE id % 5 <> 0`);
  raw.exec(`INSERT INTO result_follow_ups (result_id, measure, office, created_at, updated_at, updated_by, closed_on, closing_note)
    SELECT id, '责令改正', '', '${at}', '${at}', 'bench', CASE WHEN id % 2 = 0 THEN date(inspected_on, '+30 days') END,
      CASE WHEN id % 2 = 0 THEN '已整改' END
    FROM results WHERE state = '已审核' AND categories LIKE '%责令%' ORDER BY id LIMIT ${PROBLEMS}`);
  const tasks = raw.prepare('SELECT id FROM tasks').pluck().all() as number[];
  for (const t of tasks) {
    const published = raw
      .prepare(
        `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
        SELECT '抽查结果公告', 2026, '示例县市场监督管理局', '抽查结果公告', ?, date(max(inspected_on), '+25 days') || 'T02:00:00.000Z', 'bench', ?
        FROM results WHERE task_id = ?`,
      )
      .run(t, 'b'.repeat(64), t).lastInsertRowid;
    raw
      .prepare(
        `INSERT INTO publication_results SELECT ?, id FROM results WHERE task_id = ? AND state = '已审核' AND id % 7 <> 0`,
      )
      .run(published, t);
  }
}

async function buildIfMissing(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (existsSync(dbPath)) return;
  const started = performance.now();
  const conn = await openDatabase(dbPath, { migrate: true });
  loadDemoData(conn.raw, { entities: ENTITIES, actor: 'bench', now: NOW });
  const at = NOW.toISOString();
  conn.raw.transaction(() => {
    tasksAndDraws(conn.raw, at);
    results(conn.raw, at);
  })();
  conn.raw.exec('ANALYZE');
  await conn.close();
  console.log(`built ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function time(label: string, work: () => unknown, target?: number): boolean {
  work();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ok = target === undefined || times[4] <= target;
  const verdict = target === undefined ? '' : ok ? `  OK (≤ ${target} ms)` : `  OVER ${target} ms`;
  console.log(
    `  ${label.padEnd(34)} median ${times[2].toFixed(0).padStart(5)} ms  worst ${times[4].toFixed(0).padStart(5)} ms${verdict}`,
  );
  return ok;
}

async function main() {
  await buildIfMissing();
  const conn = await openDatabase(dbPath, { migrate: true });
  const raw = conn.raw;
  const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  console.log(
    `统计分析 at ${count('entities')} entities, ${count('results')} inspections, ${count('result_follow_ups')} problems (${dbPath})`,
  );
  const query = { year: 2026, department: null, office: null };
  const view = statsView(raw, query, NOW);
  const office = view.offices[0];
  const ok = [
    time('stats view (the page)', () => statsView(raw, query, NOW), TARGET_MS),
    time(`stats view, office ${office}`, () => statsView(raw, { ...query, office }, NOW), TARGET_MS),
    time('  facts (all queries)', () => loadFacts(raw, 2026)),
  ];
  const facts = loadFacts(raw, 2026);
  time('  charts (arithmetic)', () => chartsOf(facts, { department: null, office: null }));
  for (const f of view.rows[0].figures)
    console.log(`  ${f.label.padEnd(10)} ${rateText(f.rate).padStart(6)}  ${f.numerator} ÷ ${f.denominator}`);
  console.log(
    `  rows: ${view.rows.length} (全局, ${view.departments.length} departments, ${view.offices.length} offices)`,
  );
  await conn.close();
  console.log(ok.every(Boolean) ? 'the page’s queries are within 1 s' : 'OVER the 1 s target');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
