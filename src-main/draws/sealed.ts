import { qb } from '../db/sql';

/** Sealed draws (`d`) with their task (`t`): what every list of draws ready for sheets and results starts from. */
export function sealedDrawsWithTask() {
  return qb.selectFrom('draws as d').innerJoin('tasks as t', 't.id', 'd.task_id').where('d.state', '=', 'sealed');
}
