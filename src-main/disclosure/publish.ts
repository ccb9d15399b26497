/**
 * 公示: records an announcement as published — its row in publications (and, for results, one row per result in
 * publication_results) with the digest of what was published and its audit row, in one transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ResultAnnouncement, ResultScope, TaskAnnouncement } from '@shared/domain/disclosure';
import { chinaDate } from '@shared/domain/china-time';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { qb, run, value } from '../db/sql';
import { announcementDigest, resultAnnouncement, taskAnnouncement } from './announcements';

/** Publishes the task's 抽查任务公告 with the next 第{n}号; a draw is announced once. */
export function publishTask(raw: BetterSqlite3.Database, ctx: ServiceContext, taskId: number): TaskAnnouncement {
  return raw
    .transaction(() => {
      const a = taskAnnouncement(raw, taskId);
      if (a.published) {
        throw new AppError(
          'disclosure.alreadyPublished',
          `抽查任务${a.task.taskNumber}的抽查任务公告已于${chinaDate(new Date(a.published.publishedAt))}公示（第${a.serial}号），不再重复公示。`,
        );
      }
      const at = ctx.now();
      const id = value(
        raw,
        qb
          .insertInto('publications')
          .values({
            kind: '抽查任务公告',
            year: a.year,
            bureau_name: a.task.bureauName,
            serial: a.serial,
            title: a.title,
            task_id: taskId,
            draw_id: a.draw.drawId,
            published_at: at.toISOString(),
            published_by: ctx.actor(),
            digest: announcementDigest(a),
          })
          .returning('id'),
      )!;
      const detail = { title: a.title, drawId: a.draw.drawId, entities: a.rows.length };
      appendAuditRaw(
        raw,
        { actor: ctx.actor(), action: 'disclosure:publish-task', target: `publications:${id}`, detail },
        at,
      );
      return taskAnnouncement(raw, taskId);
    })
    .immediate();
}

/** Publishes the 抽查结果公告 of the scope: the reviewed results still within their 公示期. */
export function publishResults(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  scope: ResultScope,
): ResultAnnouncement {
  return raw
    .transaction(() => {
      const at = ctx.now();
      const a = resultAnnouncement(raw, scope, chinaDate(at));
      const id = value(
        raw,
        qb
          .insertInto('publications')
          .values({
            kind: '抽查结果公告',
            year: a.year,
            bureau_name: a.bureauName,
            title: a.title,
            task_id: 'taskId' in scope ? scope.taskId : null,
            range_from: 'from' in scope ? scope.from : null,
            range_to: 'to' in scope ? scope.to : null,
            published_at: at.toISOString(),
            published_by: ctx.actor(),
            digest: announcementDigest(a),
          })
          .returning('id'),
      )!;
      run(
        raw,
        qb.insertInto('publication_results').values(a.rows.map((r) => ({ publication_id: id, result_id: r.resultId }))),
      );
      const detail = { title: a.title, results: a.rows.length, expired: a.expired };
      appendAuditRaw(
        raw,
        { actor: ctx.actor(), action: 'disclosure:publish-results', target: `publications:${id}`, detail },
        at,
      );
      return resultAnnouncement(raw, scope, chinaDate(at));
    })
    .immediate();
}
