/**
 * 统计分析 benchmark: `npx tsx bench/stats.ts`. A year of 1,000,000 entities: a copy of the ceremony benchmark's demo
 * roster (bench/out/ceremony-base-1000000.sqlite, built by `npx tsx bench/ceremony.ts`) with 40 sealed draws of 1,250
 * entities each added by SQL in one transaction — 50,000 inspections entered, reviewed, returned or corrected, 5,000
 * problems with follow-ups (more than half closed), 抽查任务公告 and fortnightly 抽查结果公告, some late. Cached in
 * bench/out/. Times the page's queries — the whole view, its parts, and the view filtered to one office — as the median
 * and worst of 5 runs after a warm-up. Target: the view ≤ 1 s.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src-main/db/connection';
import { deadlineWorkdays, workCalendar } from '../src-main/results/calendar';
import { chartsOf } from '../src-main/stats/charts';
import { loadFacts } from '../src-main/stats/facts';
import { scopeRows } from '../src-main/stats/figures';
import { statsView } from '../src-main/stats/view';
import { prng } from '../src-shared/domain/prng';
import { rateText } from '../src-shared/domain/stats';
import { loadText, time } from './timing';

const ENTITIES = 1_000_000;
const TASKS = 40;
const PER_TASK = 1_250;
const PROBLEMS = 5_000;
const CORRECTIONS = 150;
const OUT = join(__dirname, 'out');
const BASE = join(OUT, `ceremony-base-${ENTITIES}.sqlite`);
const dbPath = join(OUT, `stats-${ENTITIES}.sqlite`);
const NOW = new Date('2026-12-28T02:00:00Z');
const TODAY = '2026-12-28';
const TARGET_MS = 1000;
const BUREAU = '示例县市场监督管理局';

const rng = prng(20261228);
const below = (n: number) => Math.floor(rng() * n);
const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const stamp = (date: string) => `${date}T02:00:00.000Z`;
const earlier = (a: string, b: string) => (a < b ? a : b);

/** n distinct members of pool (a partial Fisher–Yates shuffle of a copy). */
function sample<T>(pool: readonly T[], n: number): T[] {
  const copy = pool.slice();
  for (let i = 0; i < n; i++) {
    const j = i + below(copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

interface Drawn {
  taskId: number;
  drawId: number;
  entityId: number;
  office: string;
  start: string;
}

/** The 存续 roster: every entity's office and grade by id, and the ids of each 管辖单位. */
function rosterPools(raw: BetterSqlite3.Database) {
  const sql = `SELECT id, office, credit_grade FROM entities WHERE reg_status = '存续'`;
  const rows = raw.prepare(sql).raw().all() as [number, string, string | null][];
  const all: number[] = [];
  const byOffice = new Map<string, number[]>();
  const info = new Map<number, { office: string; grade: string }>();
  for (const [id, office, grade] of rows) {
    all.push(id);
    if (!byOffice.has(office)) byOffice.set(office, []);
    byOffice.get(office)?.push(id);
    info.set(id, { office, grade: grade ?? '未评级' });
  }
  return { all, byOffice, info, offices: [...byOffice.keys()].sort() };
}

function insertTask(raw: BetterSqlite3.Database, plan: number | bigint, t: number, start: string): number {
  const items = raw.prepare('SELECT id FROM items ORDER BY id').pluck().all() as number[];
  const lead = t % 4 === 0 ? '示例县卫生健康局' : BUREAU;
  const at = stamp(addDays(start, -10));
  const names = [`示例市监抽查〔2026〕${t}号`, `2026年第${t}批双随机抽查`];
  const mode = t % 3 === 0 ? 'uniform' : 'grades';
  const id = Number(
    raw
      .prepare(
        `INSERT INTO tasks (plan_id, year, seq, number, name, lead_department, bureau_name, start_date, end_date,
          ratio_mode, config, created_at, updated_at) VALUES (?, 2026, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
      )
      .run(plan, t, ...names, lead, BUREAU, start, addDays(start, 59), mode, at, at).lastInsertRowid,
  );
  if (t % 5 === 0) raw.prepare(`INSERT INTO task_departments VALUES (?, 1, '示例县商务局')`).run(id);
  for (let k = 0; k < 3; k++)
    raw.prepare('INSERT OR IGNORE INTO task_items VALUES (?, ?, ?)').run(id, k, items[(t + k * 5) % items.length]);
  return id;
}

/** A draw sealed three days before the task starts, as the ceremony leaves it (CHECKs and triggers satisfied). */
function insertSealedDraw(
  raw: BetterSqlite3.Database,
  taskId: number,
  start: string,
): { id: number; sealedOn: string } {
  const sealedOn = addDays(start, -3);
  const nonce = hex(`nonce ${taskId}`);
  const id = Number(
    raw
      .prepare(
        `INSERT INTO draws (task_id, attempt, state, prepared_at, prepared_by, input_digest, summary, committed_at,
          committed_by, place, operator, supervisor, nonce, nonce_commit, revealed_at, seed, result, sealed_at, sealed_by)
         VALUES (?, 1, 'sealed', ?, 'bench', ?, '{}', ?, 'bench', '抽取室', '操作员', '监督员', ?, ?, ?, ?, '{}', ?, 'bench')`,
      )
      .run(
        taskId,
        stamp(addDays(sealedOn, -1)),
        hex(`inputs ${taskId}`),
        `${sealedOn}T01:00:00.000Z`,
        nonce,
        hex(nonce),
        `${sealedOn}T01:30:00.000Z`,
        hex(`seed ${taskId}`),
        stamp(sealedOn),
      ).lastInsertRowid,
  );
  return { id, sealedOn };
}

/** 40 tasks over the year, every other one scoped to one 管辖单位, each drawing 1,250 distinct 存续 entities. */
function tasksAndDraws(raw: BetterSqlite3.Database): Drawn[] {
  const pools = rosterPools(raw);
  const plan = raw
    .prepare(
      `INSERT INTO plans (year, title, status, version, created_at, updated_at)
       VALUES (2026, '2026年度双随机抽查工作计划', '已公示', 1, ?, ?)`,
    )
    .run(stamp('2026-01-04'), stamp('2026-01-04')).lastInsertRowid;
  const selected = raw.prepare(
    `INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no)
     SELECT ?, id, coalesce(uscc, reg_no), ?, ?, ?, ? FROM entities WHERE id = ?`,
  );
  const announce = raw.prepare(
    `INSERT INTO publications (kind, year, bureau_name, serial, title, task_id, draw_id, published_at, published_by, digest)
     VALUES ('抽查任务公告', 2026, ?, ?, '抽查任务公告', ?, ?, ?, 'bench', ?)`,
  );
  const drawn: Drawn[] = [];
  for (let t = 1; t <= TASKS; t++) {
    const start = addDays('2026-01-12', (t - 1) * 8);
    const taskId = insertTask(raw, plan, t, start);
    const draw = insertSealedDraw(raw, taskId, start);
    const scope = t % 2 === 0 ? (pools.byOffice.get(pools.offices[t % pools.offices.length]) ?? []) : pools.all;
    const ranks = new Map<string, number>();
    sample(scope, PER_TASK).forEach((entityId, i) => {
      const { office, grade } = pools.info.get(entityId) ?? { office: '', grade: '' };
      const stratum = t % 3 === 0 ? '全部' : grade;
      const rank = (ranks.get(stratum) ?? 0) + 1;
      ranks.set(stratum, rank);
      selected.run(draw.id, stratum, rank, hex(`${draw.id}:${entityId}`), 1 + Math.floor(i / 50), entityId);
      drawn.push({ taskId, drawId: draw.id, entityId, office, start });
    });
    announce.run(BUREAU, t, taskId, draw.id, stamp(addDays(draw.sealedOn, 1)), hex(`announce ${taskId}`));
  }
  return drawn;
}

/** Picked 3 : 1 : 1 : 1. */
const PROBLEM_KINDS: [category: string, followUp: string, deadline: boolean][] = [
  ['发现问题,依法责令立即改正或者限期改正', '责令改正,后续跟踪由日常监管部门负责', true],
  ['未按规定公示应当公示的信息', '责令改正,后续跟踪由日常监管部门负责', true],
  ['发现问题,待后续调查处理', '发现案件线索,移送办案机构', false],
  ['通过登记的住所(经营场所)无法联系', '停止检查,反馈日常监管部门处理', false],
];
const NO_FOLLOW_UP = '无需后续处置(未发现问题或已规范、已改正)';

interface Planned {
  d: Drawn;
  state: '未录入' | '已录入' | '已审核' | '审核退回';
  inspectedOn: string | null;
  reviewedOn: string;
  id: number;
}

/** Inspected within the task's 60 days (not yet if that is still ahead); most reviewed, a few waiting or returned. */
function plan(drawn: Drawn[]): Planned[] {
  return drawn.map((d) => {
    const inspectedOn = addDays(d.start, below(60));
    const reviewedOn = earlier(addDays(inspectedOn, 1 + below(6)), TODAY);
    if (inspectedOn > addDays(TODAY, -4)) return { d, state: '未录入', inspectedOn: null, reviewedOn, id: 0 };
    const r = rng();
    const fresh = inspectedOn > addDays(TODAY, -10);
    const state = (fresh && r < 0.5) || r < 0.03 ? '已录入' : r < 0.04 ? '审核退回' : '已审核';
    return { d, state, inspectedOn, reviewedOn, id: 0 };
  });
}

function insertResults(raw: BetterSqlite3.Database, planned: Planned[]): Set<Planned> {
  const team = new Map<string, string[]>();
  for (const [badge, office] of raw
    .prepare(`SELECT badge_no, office FROM inspectors WHERE status = '在岗'`)
    .raw()
    .all() as [string, string][])
    team.set(office, [...(team.get(office) ?? []), badge]);
  const anyone = [...team.values()].flat();
  const problems = new Set(
    sample(
      planned.filter((p) => p.state === '已审核'),
      PROBLEMS,
    ),
  );
  const insert = raw.prepare(
    `INSERT INTO results (task_id, draw_id, entity_id, state, inspected_on, inspector_ids, methods, categories, follow_ups,
       correction_deadline, saved_at, saved_by, entered_at, entered_by)
     VALUES (?, ?, ?, ?, ?, ?, '["实地检查"]', ?, ?, ?, ?, 'bench', ?, ?)`,
  );
  const review = raw.prepare(
    `UPDATE results SET state = ?, reviewed_at = ?, reviewed_by = 'bench', return_reason = ? WHERE id = ?`,
  );
  const followUp = raw.prepare(
    `INSERT INTO result_follow_ups (result_id, measure, office, due_on, closed_on, closing_note, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')`,
  );
  for (const p of planned) {
    const pool = team.get(p.d.office) ?? anyone;
    const ids = sample(pool.length >= 2 ? pool : anyone, 2);
    const kind = problems.has(p) ? PROBLEM_KINDS[Math.max(0, below(6) - 2)] : null;
    const category = kind?.[0] ?? (rng() < 0.05 ? '未发现开展本次抽查涉及的经营活动' : '未发现问题');
    const deadline = kind?.[2] && p.inspectedOn ? addDays(p.inspectedOn, 15) : null;
    const entered = p.inspectedOn ? stamp(p.inspectedOn) : null;
    p.id = Number(
      insert.run(
        p.d.taskId,
        p.d.drawId,
        p.d.entityId,
        p.state === '未录入' ? '未录入' : '已录入',
        p.inspectedOn,
        JSON.stringify(ids),
        JSON.stringify(p.inspectedOn ? [category] : []),
        JSON.stringify(p.inspectedOn ? [kind?.[1] ?? NO_FOLLOW_UP] : []),
        deadline,
        entered ?? stamp(p.d.start),
        entered,
        entered ? 'bench' : null,
      ).lastInsertRowid,
    );
    if (p.state === '已审核' || p.state === '审核退回')
      review.run(
        p.state,
        stamp(p.reviewedOn),
        p.state === '审核退回' ? '检查人员签名不全，请补签后重新录入。' : null,
        p.id,
      );
    if (!kind || !p.inspectedOn) continue;
    const closedOn = addDays(p.inspectedOn, 10 + below(50));
    const closed = rng() < 0.7 && closedOn <= TODAY;
    followUp.run(
      p.id,
      kind[1],
      p.d.office,
      deadline,
      closed ? closedOn : null,
      closed ? '已按期完成整改。' : null,
      stamp(p.reviewedOn),
      stamp(closed ? closedOn : p.reviewedOn),
    );
  }
  return problems;
}

/** A few reviewed results corrected ten days after review (the correction is the current result from then on). */
function corrections(raw: BetterSqlite3.Database, planned: Planned[], problems: Set<Planned>): Planned[] {
  const ready = planned.filter((p) => p.state === '已审核' && !problems.has(p) && addDays(p.reviewedOn, 10) <= TODAY);
  const correct = raw.prepare(
    `INSERT INTO results (task_id, draw_id, entity_id, corrects_id, correction_reason, state, inspected_on, inspector_ids,
       methods, categories, follow_ups, saved_at, saved_by, entered_at, entered_by)
     SELECT task_id, draw_id, entity_id, id, '检查人员录入有误，按检查记录表更正。', '已录入', inspected_on, inspector_ids,
       methods, categories, follow_ups, ?, 'bench', ?, 'bench' FROM results WHERE id = ?`,
  );
  const review = raw.prepare(
    `UPDATE results SET state = '已审核', reviewed_at = ?, reviewed_by = 'bench' WHERE id = ?`,
  );
  return sample(ready, CORRECTIONS).map((p) => {
    const reviewedOn = addDays(p.reviewedOn, 10);
    const id = Number(
      correct.run(stamp(addDays(p.reviewedOn, 9)), stamp(addDays(p.reviewedOn, 9)), p.id).lastInsertRowid,
    );
    review.run(stamp(reviewedOn), id);
    return { ...p, reviewedOn, id };
  });
}

/** Fortnightly 抽查结果公告 per task of what was reviewed by then: most in time, some two issues late, a few never. */
function publications(raw: BetterSqlite3.Database, reviewed: Planned[]): void {
  const batches = new Map<number, Map<string, number[]>>();
  const add = (task: number, cut: string, id: number) => {
    const byCut = batches.get(task) ?? new Map<string, number[]>();
    batches.set(task, byCut.set(cut, [...(byCut.get(cut) ?? []), id]));
  };
  for (const p of reviewed) {
    if (rng() < 0.03) continue;
    let cut = addDays(p.d.start, 14);
    while (cut <= p.reviewedOn) cut = addDays(cut, 14);
    if (rng() < 0.08) cut = addDays(cut, 28);
    if (cut < TODAY) add(p.d.taskId, cut, p.id);
    if (rng() < 0.04 && addDays(cut, 14) < TODAY) add(p.d.taskId, addDays(cut, 14), p.id);
  }
  const publication = raw.prepare(
    `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
     VALUES ('抽查结果公告', 2026, ?, '抽查结果公告', ?, ?, 'bench', ?)`,
  );
  const listed = raw.prepare('INSERT INTO publication_results (publication_id, result_id) VALUES (?, ?)');
  for (const [task, byCut] of batches)
    for (const [cut, ids] of [...byCut].sort(([a], [b]) => a.localeCompare(b))) {
      const id = publication.run(BUREAU, task, stamp(cut), hex(`results ${task} ${cut}`)).lastInsertRowid;
      for (const r of ids) listed.run(id, r);
    }
}

/** A consistent copy of the demo roster (VACUUM INTO when its WAL still holds pages), migrated to the latest schema. */
async function copyOfBase(to: string): Promise<void> {
  if (!existsSync(BASE)) throw new Error(`${BASE} is missing: run \`npx tsx bench/ceremony.ts\` once to build it`);
  rmSync(to, { force: true });
  const wal = `${BASE}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const conn = await openDatabase(BASE, { readonly: true });
    conn.raw.prepare('VACUUM INTO ?').run(to);
    await conn.close();
  } else copyFileSync(BASE, to);
  const migrated = await openDatabase(to, { migrate: true });
  if (migrated.backupPath) rmSync(migrated.backupPath);
  await migrated.close();
}

async function buildIfMissing(): Promise<void> {
  if (existsSync(dbPath)) return;
  const started = performance.now();
  const part = `${dbPath}.part`;
  await copyOfBase(part);
  const conn = await openDatabase(part, { migrate: false });
  conn.raw.transaction(() => {
    const planned = plan(tasksAndDraws(conn.raw));
    const problems = insertResults(conn.raw, planned);
    const corrected = corrections(conn.raw, planned, problems);
    publications(conn.raw, [...planned.filter((p) => p.state === '已审核'), ...corrected]);
  })();
  // As the app leaves a database: never analysed, so the plans measured are the ones a clerk gets.
  conn.raw.exec('DROP TABLE IF EXISTS sqlite_stat1');
  await conn.close();
  renameSync(part, dbPath);
  console.log(`built ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  await buildIfMissing();
  const conn = await openDatabase(dbPath, { migrate: true });
  const raw = conn.raw;
  console.log(loadText());
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
  const timing = { calendar: workCalendar(raw), workdays: deadlineWorkdays(raw), today: TODAY };
  time('  figures (arithmetic)', () => scopeRows(facts, timing, { department: null, office: null }));
  time('  charts (arithmetic)', () => chartsOf(facts, { department: null, office: null }));
  for (const f of view.rows[0].figures)
    console.log(`  ${f.label.padEnd(10)} ${rateText(f.rate).padStart(6)}  ${f.numerator} ÷ ${f.denominator}`);
  console.log(
    `  rows: ${view.rows.length} (全局, ${view.departments.length} departments, ${view.offices.length} offices)`,
  );
  await conn.close();
  console.log(loadText());
  console.log(ok.every(Boolean) ? 'the page’s queries are within 1 s' : 'OVER the 1 s target');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
