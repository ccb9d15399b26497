/**
 * The lists a 公示包 carries, as the announcements publish them (src-main/disclosure: masked by the bureau's field
 * rules): a task's drawn list, and only those of its results that were published (publication_results) and are still
 * within their 公示期.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ResultAnnouncement, TaskAnnouncement } from '@shared/domain/disclosure';
import { isAppError } from '@shared/errors';
import { column, qb } from '../db/sql';
import { resultAnnouncement, taskAnnouncement } from '../disclosure/announcements';

export interface TaskLists {
  drawn: TaskAnnouncement;
  /** null: no result of the task is published (or every published one's 公示期 ended). */
  results: ResultAnnouncement | null;
}

function publishedResultIds(raw: BetterSqlite3.Database, taskId: number): Set<number> {
  const query = qb
    .selectFrom('publication_results as pr')
    .innerJoin('results as r', 'r.id', 'pr.result_id')
    .select('pr.result_id')
    .distinct()
    .where('r.task_id', '=', taskId);
  return new Set(column(raw, query));
}

function publishedResults(raw: BetterSqlite3.Database, taskId: number, today: string): ResultAnnouncement | null {
  const published = publishedResultIds(raw, taskId);
  if (published.size === 0) return null;
  let announcement: ResultAnnouncement;
  try {
    announcement = resultAnnouncement(raw, { taskId }, today);
  } catch (error) {
    if (isAppError(error) && error.code === 'disclosure.noResults') return null;
    throw error;
  }
  const rows = announcement.rows.filter((row) => published.has(row.resultId)).map((row, i) => ({ ...row, seq: i + 1 }));
  return rows.length > 0 ? { ...announcement, rows } : null;
}

export function taskLists(raw: BetterSqlite3.Database, taskId: number, today: string): TaskLists {
  return { drawn: taskAnnouncement(raw, taskId), results: publishedResults(raw, taskId, today) };
}
