import type { PlanSummary, PlanVersionView, PlanView } from '../../domain/plans';
import type { ScopePreview, TaskView } from '../../domain/tasks';

export const PLAN_CHANNELS = [
  'plans:list',
  'plans:get',
  'plans:save',
  'plans:publish',
  'plans:delete',
  'plans:versions',
  'plans:export',
  'tasks:list',
  'tasks:get',
  'tasks:save',
  'tasks:delete',
  'tasks:scope-preview',
] as const;
export type PlanChannel = (typeof PLAN_CHANNELS)[number];

export interface PlanResponses {
  'plans:list': PlanSummary[];
  'plans:get': PlanView;
  /** Creates a draft, or edits one; on a published plan the change is published as the next version (reason required). */
  'plans:save': PlanView;
  /** 草稿 → 已公示, version 1. */
  'plans:publish': PlanView;
  /** A draft plan never published, with its tasks (none prepared). */
  'plans:delete': { deleted: true };
  /** Every published version, newest first, as it was published. */
  'plans:versions': PlanVersionView[];
  'plans:export': { fileName: string; version: number };
  'tasks:list': TaskView[];
  'tasks:get': TaskView;
  /** On a published plan the change is published as the next version of the plan (changeReason required). */
  'tasks:save': TaskView;
  /** A task of a draft plan, never prepared. */
  'tasks:delete': { deleted: true };
  /** Live counts for the task page: entities in scope per grade and what each grade will draw. */
  'tasks:scope-preview': ScopePreview;
}

export type PlanErrorCode =
  | 'plan.alreadyPublished'
  | 'plan.duplicate'
  | 'plan.empty'
  | 'plan.emptyScope'
  | 'plan.invalid'
  | 'plan.noSuchVersion'
  | 'plan.notDeletable'
  | 'plan.notFound'
  | 'plan.notPublished'
  | 'plan.reasonRequired'
  | 'task.drawCommitted'
  | 'task.invalid'
  | 'task.notDeletable'
  | 'task.notFound'
  | 'task.unknownConflict';
