/**
 * 年度抽查工作计划: drafts until published (已公示, version 1); after that every change to the plan or its tasks publishes the
 * next version at once, with its reason, in the same transaction. Each version freezes its 公示 document and task
 * settings, so old versions stay readable.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PlanInput, PlanView } from '@shared/domain/plans';
import type { ScopePreview, TaskInput, TaskView } from '@shared/domain/tasks';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import { previewPool, type PoolPreviewRequest } from '../draws/inspector-pool';
import { previewScope, type ScopeRequest } from '../draws/scope';
import { deletePlan, deleteTask } from './plan-delete';
import { exportPlan, type PlanExportDeps } from './plan-export';
import { getPlan, listPlans, planPublication, planVersions } from './plan-read';
import { publishChange, publishPlan, savePlan } from './plan-write';
import { saveTask, type PublishChange } from './task-save';
import { readTask, readTasksOfPlan } from './tasks';

export type { PlanRenderers } from './plan-export';

export function createPlanService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: PlanExportDeps) {
  return {
    list: (year?: number) => listPlans(raw, year),
    get: (id: number) => getPlan(raw, id),
    save(input: PlanInput): PlanView {
      return getPlan(raw, savePlan(raw, ctx, input));
    },
    publish(id: number): PlanView {
      publishPlan(raw, ctx, id);
      return getPlan(raw, id);
    },
    delete(id: number): { deleted: true } {
      deletePlan(raw, ctx, id);
      return { deleted: true };
    },
    publishChange: (planId: number, reason: string) => publishChange(raw, ctx, planId, reason),
    versions: (planId: number) => planVersions(raw, planId),
    publication: (planId: number, version?: number) => planPublication(raw, planId, version),
    exportPlan: (req: ParsedReq<'plans:export'>) => exportPlan(raw, ctx, deps, req),
  };
}

/** The task page's scope, and its inspector side for the pool's count (a TaskView serves as one too). */
type ScopePreviewRequest = ScopeRequest & { pool?: PoolPreviewRequest };

/** Live counts for the task page: what the scope holds per grade, what each grade will draw, the inspector pool. */
function scopePreview(raw: BetterSqlite3.Database, request: ScopePreviewRequest): ScopePreview {
  const preview = previewScope(raw, request);
  if (!request.pool) return preview;
  const { pool, notices } = previewPool(raw, request.pool, preview.expected);
  return { ...preview, pool, notices: [...preview.notices, ...notices] };
}

export function createTaskService(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  deps: { publishChange: PublishChange },
) {
  return {
    list: (planId: number): TaskView[] => readTasksOfPlan(raw, planId),
    get: (id: number): TaskView => readTask(raw, id),
    save(input: TaskInput): TaskView {
      return readTask(raw, saveTask(raw, ctx, input, deps.publishChange));
    },
    delete(id: number): { deleted: true } {
      deleteTask(raw, ctx, id);
      return { deleted: true };
    },
    scopePreview: (request: ScopePreviewRequest) => scopePreview(raw, request),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
export type TaskService = ReturnType<typeof createTaskService>;
