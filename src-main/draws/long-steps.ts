/**
 * The long steps of the ceremony — 准备, 揭晓, 封存, 递补 — as the main thread sees them: each runs in the draw worker
 * (job.ts), its progress reported to the page and the projector (ceremonyState) while it runs.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CeremonyState, DrawProgress, DrawView } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { DrawJobRequest, DrawJobs } from './job';
import type { StepTimings } from './worker/step-context';
import { currentDrawId, loadDrawRow } from './views';
import { ceremonyState, drawView } from './draw-view';
import { readTask } from '../plans/tasks';
import type { Defaulted } from './ceremony-steps';
import { revealScreen, startReveal, type RevealDeps } from './reveal-position';

/** The draw worker's queue and what the main thread knows of the step running in it. */
export interface LongSteps {
  raw: BetterSqlite3.Database;
  ctx: ServiceContext;
  jobs: DrawJobs;
  /** The step running per task, for the projector. */
  busy: Map<number, DrawProgress>;
  /** Phase timings of the last long step (bench/ceremony.ts prints them). */
  lastTimings: StepTimings;
  onProgress?: (progress: DrawProgress) => void;
}

async function runStep(steps: LongSteps, taskId: number, request: DrawJobRequest): Promise<{ drawId?: number }> {
  const startedAt = steps.ctx.now().toISOString();
  // The roster dates are the tail of 封存 as far as the page and the projector are concerned.
  const step = request.op === 'roster-dates' ? 'seal' : request.op;
  const report = (label: string, done: number, total: number) => {
    const progress: DrawProgress = { taskId, step, label, done, total, startedAt };
    steps.busy.set(taskId, progress);
    steps.onProgress?.(progress);
  };
  report('开始', 0, 1);
  try {
    const value = await steps.jobs.run(request, { actor: steps.ctx.actor(), now: steps.ctx.now() }, (p) =>
      report(p.label, p.done, p.total),
    );
    steps.lastTimings = value.timings;
    return value;
  } finally {
    steps.busy.delete(taskId);
  }
}

const taskOf = (raw: BetterSqlite3.Database, drawId: number) => loadDrawRow(raw, drawId).task_id;

export async function prepare(steps: LongSteps, req: ParsedReq<'draws:prepare'>): Promise<DrawView> {
  readTask(steps.raw, req.taskId);
  const { drawId } = await runStep(steps, req.taskId, { op: 'prepare', taskId: req.taskId });
  return drawView(steps.raw, drawId!);
}

/** 揭晓, then the projector starts on the first screen of the drawn list. */
export async function reveal(steps: LongSteps, reveals: RevealDeps, req: ParsedReq<'draws:reveal'>): Promise<DrawView> {
  const taskId = taskOf(steps.raw, req.drawId);
  await runStep(steps, taskId, { op: 'reveal', drawId: req.drawId });
  startReveal(reveals, taskId, req.drawId);
  return drawView(steps.raw, req.drawId);
}

/**
 * 封存. The drawn entities' 最近被抽查日期 are set by the next step in the worker's queue (rosterDatesStep), which this
 * does not wait for: the ceremony is over once the proof is sealed. A failure there is retried before the next
 * 准备 (catchUpRosterDates), so nothing is lost; settle() waits for it.
 */
export async function seal(steps: LongSteps, req: ParsedReq<'draws:seal'>): Promise<{ draw: DrawView }> {
  const taskId = taskOf(steps.raw, req.drawId);
  await runStep(steps, taskId, { op: 'seal', drawId: req.drawId });
  runStep(steps, taskId, { op: 'roster-dates', drawId: req.drawId }).catch(() => undefined);
  // Not part two of the record: at city scale it is large and the page does not show it (resultRecord / the PDF export).
  return { draw: drawView(steps.raw, req.drawId) };
}

export async function amend(steps: LongSteps, req: ParsedReq<'draws:amend'>): Promise<{ draw: DrawView }> {
  if (req.reason.trim() === '') throw new AppError('draw.amendReason', '递补必须写明理由（如回避、因病请假）。');
  await runStep(steps, taskOf(steps.raw, req.drawId), { op: 'amend', ...req });
  return { draw: drawView(steps.raw, req.drawId) };
}

export function get(
  raw: BetterSqlite3.Database,
  req: Defaulted<ParsedReq<'draws:get'>, 'packagePage' | 'packagePageSize'>,
): DrawView | null {
  const drawId = req.drawId ?? (req.taskId !== undefined ? currentDrawId(raw, req.taskId) : null);
  if (drawId === null) {
    if (req.taskId === undefined) throw new AppError('draw.notFound', '请指定抽取或任务。');
    readTask(raw, req.taskId);
    return null;
  }
  return drawView(raw, drawId, req.packagePage ?? 1, req.packagePageSize ?? 50);
}

export function ceremony(steps: LongSteps, reveals: RevealDeps, req: ParsedReq<'draws:ceremony-state'>): CeremonyState {
  return ceremonyState(steps.raw, req.taskId, steps.busy.get(req.taskId) ?? null, revealScreen(reveals, req.taskId));
}
