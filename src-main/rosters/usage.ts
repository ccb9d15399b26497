/**
 * Whether a roster record may be deleted: never while a draw is between 承诺 and 封存 (its frozen pool names people
 * and entities the seal and the record look up), never once a draw drew it (the record and results keep pointing at
 * it). Each refusal is a Chinese sentence that suggests retiring the record instead.
 */
import { sql, type Transaction } from 'kysely';
import type { QueryableRoster } from '@shared/domain/roster-views';
import { AppError } from '@shared/errors';
import { expertDrawId, inspectorDrawId } from '../draws/draw-people';
import type { Database } from '../db/schema';

type Trx = Transaction<Database>;

const RETIRE_HINT: Record<QueryableRoster, string> = {
  entities: '如该户已不再经营，可将登记状态改为注销或吊销。',
  inspectors: '如该人员已不参加抽查，可将状态改为调离。',
  experts: '如该专家已不参加抽查，可将状态改为退出。',
};

async function drawInProgress(trx: Trx): Promise<string | undefined> {
  const row = await trx
    .selectFrom('draws')
    .innerJoin('tasks', 'tasks.id', 'draws.task_id')
    .select('tasks.name')
    .where('draws.state', 'in', ['committed', 'revealed'])
    .executeTakeFirst();
  return row?.name;
}

/** Why the entity must stay: a draw drew it, a result or a joint visit names it. */
async function entityUse(trx: Trx, id: number): Promise<string | undefined> {
  const drawn = await trx
    .selectFrom('draw_selected')
    .innerJoin('draws', 'draws.id', 'draw_selected.draw_id')
    .innerJoin('tasks', 'tasks.id', 'draws.task_id')
    .select('tasks.name')
    .where('draw_selected.entity_id', '=', id)
    .executeTakeFirst();
  if (drawn) return `任务「${drawn.name}」的抽取抽中了这户`;
  const recorded = await trx
    .selectFrom('results')
    .innerJoin('tasks', 'tasks.id', 'results.task_id')
    .select('tasks.name')
    .where('results.entity_id', '=', id)
    .executeTakeFirst();
  if (recorded) return `任务「${recorded.name}」已录入这户的检查结果`;
  const visited = await trx.selectFrom('joint_visits').select('id').where('entity_id', '=', id).executeTakeFirst();
  return visited ? '这户已有联合检查记录' : undefined;
}

/**
 * Why the person must stay: a draw's teams, as revealed or amended, named him (`personIds`: every id a draw may have
 * given him — an inspector is 检查员N in newer draws and his 执法证号 in older ones).
 */
async function personUse(trx: Trx, personIds: string[]): Promise<string | undefined> {
  const inTeam = await trx
    .selectFrom('draws')
    .innerJoin('tasks', 'tasks.id', 'draws.task_id')
    .leftJoin('draw_results', 'draw_results.draw_id', 'draws.id')
    .select('tasks.name')
    .where(
      // The revealed proof's packages[].team (JSON; draws revealed before draw_results keep it in draws.result).
      sql<boolean>`EXISTS (SELECT 1 FROM json_each(coalesce(draw_results.result, draws.result), '$.result.packages') AS p,
        json_each(p.value, '$.team') AS t WHERE t.value IN (${sql.join(personIds)}))`,
    )
    .executeTakeFirst();
  if (inTeam) return `任务「${inTeam.name}」的抽取把此人编入了检查组`;
  const amended = await trx
    .selectFrom('draw_amendments')
    .innerJoin('draws', 'draws.id', 'draw_amendments.draw_id')
    .innerJoin('tasks', 'tasks.id', 'draws.task_id')
    .select('tasks.name')
    .where((eb) => eb.or([eb('draw_amendments.in_id', 'in', personIds), eb('draw_amendments.out_id', 'in', personIds)]))
    .executeTakeFirst();
  return amended ? `任务「${amended.name}」的递补涉及此人` : undefined;
}

/** Refuses the delete of a record a draw used or may still use. */
export async function refuseIfUsed(trx: Trx, roster: QueryableRoster, row: { id: number; code: string }) {
  const running = await drawInProgress(trx);
  if (running !== undefined)
    throw new AppError(
      'roster.drawInProgress',
      `任务「${running}」的抽取正在进行（已承诺，尚未封存），其间不能删除名录记录。请在封存或作废后再删除。`,
    );
  const reason =
    roster === 'entities'
      ? await entityUse(trx, row.id)
      : await personUse(trx, roster === 'experts' ? [expertDrawId(row.id)] : [inspectorDrawId(row.id), row.code]);
  if (reason !== undefined)
    throw new AppError('roster.inUse', `不能删除：${reason}，抽取记录须完整保留。${RETIRE_HINT[roster]}`);
}
