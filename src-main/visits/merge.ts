import type BetterSqlite3 from 'better-sqlite3';
import type { VisitProposal } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { all, column, qb, run } from '../db/sql';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { drawnRows, proposalOf } from './read';

/** The proposal for these tasks at this entity, refused unless they may be merged into one visit. */
function checkedProposal(raw: BetterSqlite3.Database, entityId: number, taskIds: number[]): VisitProposal {
  const rows = all(raw, drawnRows().where('s.entity_id', '=', entityId).where('t.id', 'in', taskIds));
  if (rows.length !== taskIds.length)
    throw new AppError('visit.notDrawn', '所选任务中有的没有抽中该检查对象（或抽取尚未封存），不能合并。');
  const proposal = proposalOf(
    raw,
    rows.sort((a, b) => (a.start_date < b.start_date ? -1 : 1)),
  );
  if (proposal.startDate > proposal.endDate)
    throw new AppError('visit.noOverlap', '所选任务的开展时间没有重叠，不能合并为一次检查。');
  if (new Set(rows.map((r) => r.lead_department)).size < 2)
    throw new AppError(
      'visit.sameDepartment',
      '合并检查用于不同部门的任务（部门联合抽查）；同一部门的任务请直接安排。',
    );
  const merged = column(
    raw,
    qb
      .selectFrom('joint_visit_tasks as j')
      .innerJoin('tasks as t', 't.id', 'j.task_id')
      .select('t.number')
      .where('j.entity_id', '=', entityId)
      .where('j.task_id', 'in', taskIds),
  );
  if (merged.length > 0)
    throw new AppError('visit.alreadyMerged', `任务 ${merged.join('、')} 对该对象的检查已合并过，不能重复合并。`);
  return proposal;
}

/** The clerk confirms: one visit for these tasks at this entity. Checked again here; recorded with its audit row. */
export function mergeVisit(raw: BetterSqlite3.Database, ctx: ServiceContext, req: ParsedReq<'visits:merge'>): number {
  const taskIds = [...new Set(req.taskIds)];
  if (taskIds.length < 2) throw new AppError('visit.tooFew', '合并检查至少需要两个任务。');
  const now = ctx.now();
  return raw
    .transaction(() => {
      const proposal = checkedProposal(raw, req.entityId, taskIds);
      const visit = {
        entity_id: req.entityId,
        items: JSON.stringify(proposal.items.map((i) => i.id)),
        start_date: proposal.startDate,
        end_date: proposal.endDate,
        note: req.note?.trim() ?? '',
        created_at: now.toISOString(),
        actor: ctx.actor(),
      };
      const visitId = Number(run(raw, qb.insertInto('joint_visits').values(visit)).lastInsertRowid);
      for (const task of proposal.tasks)
        run(
          raw,
          qb
            .insertInto('joint_visit_tasks')
            .values({ visit_id: visitId, task_id: task.taskId, draw_id: task.drawId, entity_id: req.entityId }),
        );
      appendAuditRaw(
        raw,
        {
          actor: ctx.actor(),
          action: 'visits:merge',
          target: `entities:${req.entityId}`,
          detail: { visitId, tasks: proposal.tasks.map((t) => t.number), items: proposal.items.length },
        },
        now,
      );
      return visitId;
    })
    .immediate();
}
