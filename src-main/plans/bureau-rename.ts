/**
 * A change of 机关名称 or 机关简称 reaches the tasks of plans never published: their number, their 机关名称, and the
 * bureau as lead or joining department. A published task (and so every drawn one) keeps what was published.
 */
import type { Transaction } from 'kysely';
import { formatTaskNumber } from '@shared/domain/tasks';
import type { Database } from '../db/schema';

export interface BureauNames {
  bureauName: string;
  bureauShortName: string;
}

/** Renames the draft tasks inside the caller's transaction; returns their numbers after the change. */
export async function renameBureauInDrafts(
  trx: Transaction<Database>,
  from: BureauNames,
  to: BureauNames,
  at: string,
): Promise<string[]> {
  const drafts = await trx
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['tasks.id', 'tasks.year', 'tasks.seq', 'tasks.lead_department'])
    .where('plans.version', '=', 0)
    .orderBy('tasks.id')
    .execute();
  for (const task of drafts) {
    const lead = task.lead_department === from.bureauName ? to.bureauName : task.lead_department;
    await trx
      .updateTable('tasks')
      .set({
        number: formatTaskNumber(to.bureauShortName, task.year, task.seq),
        bureau_name: to.bureauName,
        lead_department: lead,
        updated_at: at,
      })
      .where('id', '=', task.id)
      .execute();
    await trx
      .updateTable('task_departments')
      .set({ department: to.bureauName })
      .where('task_id', '=', task.id)
      .where('department', '=', from.bureauName)
      .execute();
  }
  return drafts.map((t) => formatTaskNumber(to.bureauShortName, t.year, t.seq));
}
