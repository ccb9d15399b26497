/**
 * 年度抽查工作计划: create/edit (draft) → publish (已公示, version 1); after that every change — to the plan's title or
 * to any of its tasks — publishes the next version at once, with its reason, in the same transaction as the change.
 * Each version freezes the 公示 document (PlanPublication) and the task settings behind it; old versions stay readable.
 * Export of a version for 公示 as xlsx and PDF goes through the document renderers (src-main/documents).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { PlanPublication, PlanPublicationRow } from '@shared/domain/documents';
import type { PlanInput, PlanSummary, PlanVersionSummary, PlanVersionView, PlanView } from '@shared/domain/plans';
import {
  describeInspectingBody,
  describePeriod,
  describeRatio,
  describeScope,
  type TaskView,
} from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import type { PlansTable, PlanVersionsTable } from '../db/schema';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { previewScope } from '../draws/scope';
import { readSettings, readTasksOfPlan } from './tasks';

type PlanRow = Omit<PlansTable, 'id' | 'created_at'> & { id: number };

/** The renderers, injected: they belong to another module and load a font; tests and the CLI get the real ones. */
export interface PlanRenderers {
  renderPlanPdf(publication: PlanPublication): Promise<Buffer>;
  renderPlanXlsx(publication: PlanPublication): Promise<Buffer>;
}

/** One row of the 公示 table per task; 预计抽查数量 is counted from the roster now. */
export function publicationRow(raw: BetterSqlite3.Database, task: TaskView): PlanPublicationRow {
  const preview = previewScope(raw, task);
  return {
    inspectingBody: describeInspectingBody(task.leadDepartment, task.joiningDepartments),
    taskName: task.name,
    items: task.items.map((item) => item.name),
    scope: describeScope(task.scope, task.excludeRecentYears),
    period: describePeriod(task.startDate, task.endDate),
    ratio: describeRatio(task.ratio, task.scope.grades),
    frequency: task.frequency,
    expectedCount: preview.expected,
  };
}

export function createPlanService(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  deps: { files: FileTokens; renderers: () => Promise<PlanRenderers> },
) {
  function row(id: number): PlanRow {
    const plan = raw.prepare('SELECT id, year, title, status, version, updated_at FROM plans WHERE id = ?').get(id) as
      PlanRow | undefined;
    if (!plan) throw new AppError('plan.notFound', `没有找到年度计划(编号 ${id})。`);
    return plan;
  }

  function summary(plan: PlanRow): PlanSummary {
    const taskCount = raw.prepare('SELECT count(*) FROM tasks WHERE plan_id = ?').pluck().get(plan.id) as number;
    return {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      version: plan.version,
      taskCount,
      updatedAt: plan.updated_at,
    };
  }

  function versionSummaries(planId: number): PlanVersionSummary[] {
    return (
      raw
        .prepare(
          'SELECT version, published_at, actor, reason FROM plan_versions WHERE plan_id = ? ORDER BY version DESC',
        )
        .all(planId) as Pick<PlanVersionsTable, 'version' | 'published_at' | 'actor' | 'reason'>[]
    ).map((v) => ({ version: v.version, publishedAt: v.published_at, actor: v.actor, reason: v.reason }));
  }

  function list(year?: number): PlanSummary[] {
    const rows = (
      year === undefined
        ? raw.prepare('SELECT id, year, title, status, version, updated_at FROM plans ORDER BY year DESC, id').all()
        : raw
            .prepare('SELECT id, year, title, status, version, updated_at FROM plans WHERE year = ? ORDER BY id')
            .all(year)
    ) as PlanRow[];
    return rows.map(summary);
  }

  function get(id: number): PlanView {
    const plan = row(id);
    return { ...summary(plan), tasks: readTasksOfPlan(raw, id), versions: versionSummaries(id) };
  }

  /** Freezes the plan as it stands now into version `version` (inside the caller's transaction). */
  function freezeVersion(planId: number, version: number, reason: string | null): void {
    const plan = row(planId);
    const tasks = readTasksOfPlan(raw, planId);
    if (tasks.length === 0) throw new AppError('plan.empty', '计划中还没有抽查任务,不能公示。');
    const at = ctx.now().toISOString();
    const publication: PlanPublication = {
      bureauName: readSettings(raw).bureauName,
      title: plan.title,
      year: plan.year,
      version,
      publishedAt: at,
      changeReason: reason,
      rows: tasks.map((task) => publicationRow(raw, task)),
    };
    raw
      .prepare(
        'INSERT INTO plan_versions (plan_id, version, published_at, actor, reason, publication, tasks) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(planId, version, at, ctx.actor(), reason, JSON.stringify(publication), JSON.stringify(tasks));
    raw
      .prepare("UPDATE plans SET status = '已公示', version = ?, updated_at = ? WHERE id = ?")
      .run(version, at, planId);
    appendAuditRaw(
      raw,
      { actor: ctx.actor(), action: 'plans:publish', target: `plans:${planId}`, detail: { version, reason } },
      ctx.now(),
    );
  }

  /** The next version of a published plan, for a change made in the caller's transaction. */
  function publishChange(planId: number, reason: string): void {
    freezeVersion(planId, row(planId).version + 1, reason);
  }

  function save(input: PlanInput): PlanView {
    const at = ctx.now().toISOString();
    const title = input.title.trim();
    if (title === '') throw new AppError('plan.invalid', '计划名称不能为空。');
    const id = raw
      .transaction(() => {
        if (input.id === undefined) {
          const clash = raw.prepare('SELECT id FROM plans WHERE year = ? AND title = ?').get(input.year, title);
          if (clash) throw new AppError('plan.duplicate', `${input.year} 年已有名为《${title}》的计划。`);
          const newId = Number(
            raw
              .prepare(
                "INSERT INTO plans (year, title, status, version, created_at, updated_at) VALUES (?, ?, '草稿', 0, ?, ?)",
              )
              .run(input.year, title, at, at).lastInsertRowid,
          );
          appendAuditRaw(
            raw,
            {
              actor: ctx.actor(),
              action: 'plans:create',
              target: `plans:${newId}`,
              detail: { year: input.year, title },
            },
            ctx.now(),
          );
          return newId;
        }
        const plan = row(input.id);
        if (plan.year !== input.year) throw new AppError('plan.invalid', '计划年度创建后不能修改。');
        if (plan.title === title) return plan.id;
        const reason = input.changeReason?.trim() ?? '';
        if (plan.version > 0 && reason === '')
          throw new AppError('plan.reasonRequired', `《${plan.title}》已公示,修改将发布新版本,请填写修改理由。`);
        raw.prepare('UPDATE plans SET title = ?, updated_at = ? WHERE id = ?').run(title, at, plan.id);
        appendAuditRaw(
          raw,
          {
            actor: ctx.actor(),
            action: 'plans:update',
            target: `plans:${plan.id}`,
            detail: { from: plan.title, to: title, reason: reason || null },
          },
          ctx.now(),
        );
        if (plan.version > 0) publishChange(plan.id, reason);
        return plan.id;
      })
      .immediate();
    return get(id);
  }

  /** 草稿 → 已公示 (version 1). A published plan changes through save/tasks:save with a reason instead. */
  function publish(id: number): PlanView {
    raw
      .transaction(() => {
        const plan = row(id);
        if (plan.version > 0)
          throw new AppError(
            'plan.alreadyPublished',
            `《${plan.title}》已于第 ${plan.version} 版公示;修改计划或任务时填写理由即发布新版本。`,
          );
        freezeVersion(id, 1, null);
      })
      .immediate();
    return get(id);
  }

  function versions(planId: number): PlanVersionView[] {
    row(planId);
    return (
      raw
        .prepare(
          'SELECT version, published_at, actor, reason, publication, tasks FROM plan_versions WHERE plan_id = ? ORDER BY version DESC',
        )
        .all(planId) as Omit<PlanVersionsTable, 'id' | 'plan_id'>[]
    ).map((v) => ({
      planId,
      version: v.version,
      publishedAt: v.published_at,
      actor: v.actor,
      reason: v.reason,
      publication: JSON.parse(v.publication) as PlanPublication,
      tasks: JSON.parse(v.tasks) as TaskView[],
    }));
  }

  function publication(planId: number, version?: number): PlanPublication {
    const plan = row(planId);
    const wanted = version ?? plan.version;
    if (wanted === 0) throw new AppError('plan.notPublished', `《${plan.title}》尚未公示,没有可导出的公示版本。`);
    const text = raw
      .prepare('SELECT publication FROM plan_versions WHERE plan_id = ? AND version = ?')
      .pluck()
      .get(planId, wanted) as string | undefined;
    if (text === undefined) throw new AppError('plan.noSuchVersion', `《${plan.title}》没有第 ${wanted} 版。`);
    return JSON.parse(text) as PlanPublication;
  }

  /** A published version as the 公示 file (xlsx or PDF), written where the save dialog's token points. */
  async function exportPlan(req: {
    planId: number;
    version?: number;
    format: 'xlsx' | 'pdf';
    fileToken: string;
  }): Promise<{ fileName: string; version: number }> {
    const doc = publication(req.planId, req.version);
    const renderers = await deps.renderers();
    const bytes = req.format === 'pdf' ? await renderers.renderPlanPdf(doc) : await renderers.renderPlanXlsx(doc);
    const path = deps.files.resolve(req.fileToken, 'save');
    await writeFile(path, bytes);
    raw
      .transaction(() =>
        appendAuditRaw(
          raw,
          {
            actor: ctx.actor(),
            action: 'plans:export',
            target: `plans:${req.planId}`,
            detail: { version: doc.version, format: req.format, file: basename(path) },
          },
          ctx.now(),
        ),
      )
      .immediate();
    return { fileName: basename(path), version: doc.version };
  }

  return { list, get, save, publish, publishChange, versions, publication, exportPlan };
}

export type PlanService = ReturnType<typeof createPlanService>;
