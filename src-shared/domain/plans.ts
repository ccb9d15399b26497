/**
 * 年度抽查工作计划: a year's plan, drafted, then published (已公示). Once published, every change — to the plan or to
 * one of its tasks — is itself published at once as the next version, with the reason for it; old versions stay
 * readable as they were published (PlanPublication, src-shared/domain/documents.ts). Pure types.
 */
import type { PlanPublication } from './documents';
import type { TaskView } from './tasks';

export type PlanStatus = '草稿' | '已公示';

export interface PlanSummary {
  id: number;
  year: number;
  title: string;
  status: PlanStatus;
  /** Latest published version; 0 while a draft. */
  version: number;
  taskCount: number;
  updatedAt: string;
}

export interface PlanView extends PlanSummary {
  tasks: TaskView[];
  /** Published versions, newest first (without their content: plans:versions returns it). */
  versions: PlanVersionSummary[];
}

export interface PlanVersionSummary {
  version: number;
  publishedAt: string;
  actor: string;
  /** Null for version 1. */
  reason: string | null;
}

/** One published version as it was: the 公示 document and the task settings behind it. */
export interface PlanVersionView extends PlanVersionSummary {
  planId: number;
  publication: PlanPublication;
  tasks: TaskView[];
}

export interface PlanInput {
  /** Absent: a new draft plan. */
  id?: number;
  year: number;
  title: string;
  /** Required when the plan is already published. */
  changeReason?: string;
}

/** The default title of a year's plan. */
export function defaultPlanTitle(year: number): string {
  return `${year}年度双随机抽查工作计划`;
}
