/**
 * What a 公示包 publishes, read from the database: the bureau, the plans and tasks of the chosen task or year, each
 * sealed draw's proof with every candidate's standing, and the lists as the announcements publish them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawProof } from '@shared/draw';
import { gradeLabel } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { sealedDrawsWithTask } from '../draws/sealed';
import { proofText } from '../draws/exports';
import { all, first, qb } from '../db/sql';
import { readSettings } from '../plans/tasks';
import { taskLists, type TaskLists } from './lists';
import { drawStandings, packageOf } from './standings';

/** The task or the year a package is made of. */
export type PublishScope = { taskNo: string } | { year: number };

/** One sealed draw to publish: its task, the proof text as exported, and the proof parsed. */
export interface PublishedDraw {
  taskId: number;
  drawId: number;
  /** Folder of the task inside the package, e.g. "tasks/task-7". */
  dir: string;
  proofText: string;
  proof: DrawProof;
  lists: TaskLists;
  /** The list files written into the task's folder. */
  files: { name: string; label: string }[];
}

export interface SiteStratum {
  name: string;
  label: string;
  candidates: number;
  quota: number;
  cutoffKey: string | null;
  /** Candidate codes in rank order and their draw numbers. */
  codes: string[];
  keys: string[];
}

export interface SiteTask {
  /** The 抽查任务公告's title. */
  title: string;
  number: string;
  name: string;
  plan: string;
  drawKind: string;
  year: number;
  period: string;
  inspectingBody: string;
  items: string[];
  scope: string;
  sealedAt: string;
  seed: string;
  inputDigest: string;
  howToVerify: string;
  dir: string;
  strata: SiteStratum[];
  /** Package number of each drawn code. */
  packages: Record<string, number>;
  /** 抽中名单: 序号, 名称, 代码, 管辖单位. */
  drawn: [number, string, string, string][];
  /** Published results: 代码, 检查完成日期, 检查结果, 备注. */
  results: [string, string, string, string][];
  /** The list files in the task's folder. */
  files: { name: string; label: string }[];
}

/** The data of index.html (written as data/site.js): everything the search needs, nothing more. */
export interface SiteData {
  bureau: string;
  title: string;
  generatedAt: string;
  plans: { title: string; year: number; tasks: number[] }[];
  tasks: SiteTask[];
  /** Published name of each code the lists name (a candidate not drawn is published by its code only). */
  names: Record<string, string>;
}

/** The sealed draws the scope names; refused in Chinese when there is nothing (sealed) to publish. */
export function sealedDrawsOf(raw: BetterSqlite3.Database, scope: PublishScope): { taskId: number; drawId: number }[] {
  if ('taskNo' in scope) {
    const task = first(raw, qb.selectFrom('tasks').select(['id', 'name']).where('number', '=', scope.taskNo));
    if (!task) throw new AppError('publish.taskNotFound', `没有编号为「${scope.taskNo}」的抽查任务。`);
    const draw = first(raw, sealedDrawsWithTask().select('d.id').where('t.id', '=', task.id));
    if (!draw) throw new AppError('publish.notSealed', `抽查任务「${task.name}」还没有已封存的抽取，封存后才能公示。`);
    return [{ taskId: task.id, drawId: draw.id }];
  }
  const rows = all(
    raw,
    sealedDrawsWithTask()
      .select(['t.id as taskId', 'd.id as drawId'])
      .where('t.year', '=', scope.year)
      .orderBy('t.plan_id')
      .orderBy('t.seq'),
  );
  if (rows.length === 0) throw new AppError('publish.noData', `${scope.year} 年没有已封存的抽取，没有可以公示的内容。`);
  return rows;
}

export function publishedDraw(
  raw: BetterSqlite3.Database,
  taskId: number,
  drawId: number,
  today: string,
): PublishedDraw {
  const text = proofText(raw, drawId);
  const proof = JSON.parse(text) as DrawProof;
  return {
    taskId,
    drawId,
    dir: `tasks/task-${taskId}`,
    proofText: text,
    proof,
    lists: taskLists(raw, taskId, today),
    files: [],
  };
}

function siteTask(draw: PublishedDraw): SiteTask {
  const { drawn, results } = draw.lists;
  const t = drawn.task;
  return {
    title: drawn.title,
    number: t.taskNumber,
    name: t.taskName,
    plan: `${t.planName}（${t.planNumber}）`,
    drawKind: t.drawKind,
    year: drawn.year,
    period: `${t.startDate} 至 ${t.endDate}`,
    inspectingBody: [t.bureauName, ...t.joiningDepartments].join('、'),
    items: t.items,
    scope: t.scope,
    sealedAt: drawn.draw.sealedAt,
    seed: draw.proof.seed,
    inputDigest: draw.proof.commitment.inputDigest,
    howToVerify: drawn.draw.howToVerify,
    dir: draw.dir,
    strata: drawStandings(draw.proof).map((s) => ({ ...s, label: gradeLabel(s.name) })),
    packages: Object.fromEntries(packageOf(draw.proof)),
    drawn: drawn.rows.map((r) => [r.seq, r.name, r.code, r.office]),
    results: (results?.rows ?? []).map((r) => [r.code, r.inspectedOn, r.result, r.note]),
    files: draw.files,
  };
}

function planTitle(raw: BetterSqlite3.Database, taskId: number): { id: number; title: string; year: number } {
  const plan = first(
    raw,
    qb
      .selectFrom('tasks as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .select(['p.id', 'p.title', 'p.year'])
      .where('t.id', '=', taskId),
  );
  if (!plan) throw new AppError('publish.taskNotFound', '抽查任务所属的抽查计划已不存在。');
  return plan;
}

/** The site's data for the draws, tasks grouped under their plans in the order given. */
export function siteData(raw: BetterSqlite3.Database, draws: readonly PublishedDraw[], now: Date): SiteData {
  const settings = readSettings(raw);
  const plans = new Map<number, SiteData['plans'][number]>();
  const tasks = draws.map((draw, index) => {
    const plan = planTitle(raw, draw.taskId);
    const entry = plans.get(plan.id) ?? { title: plan.title, year: plan.year, tasks: [] };
    entry.tasks.push(index);
    plans.set(plan.id, entry);
    return siteTask(draw);
  });
  const names: Record<string, string> = {};
  for (const draw of draws) {
    for (const row of draw.lists.drawn.rows) names[row.code] = row.name;
    for (const row of draw.lists.results?.rows ?? []) names[row.code] = row.name;
  }
  const years = [...new Set(tasks.map((t) => t.year))].join('、');
  return {
    bureau: settings.bureauName,
    title: `${settings.bureauName}${years}年度“双随机、一公开”抽查公示`,
    generatedAt: now.toISOString(),
    plans: [...plans.values()],
    tasks,
    names,
  };
}
