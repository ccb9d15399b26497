/**
 * A county year with known counts for 统计分析: six results of one sealed draw — published on time, published on the
 * last day, published late, unpublished past its deadline, and two not yet due — two of them with problems, one
 * closed. The clock stands at 2026-12-22 (China): results inspected 2026-11-23 were due 12-21, those of 11-24 12-22.
 */
import { createHash } from 'node:crypto';
import { saveEntry } from '../../../src-main/results/entry';
import { closeFollowUp } from '../../../src-main/results/follow-ups';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from '../results/setup';

export interface StatsCounty extends ResultsCounty {
  /** Result ids r0…r5, in the order described above. */
  results: number[];
  /** Entities drawn by the sealed draw. */
  drawnCount: number;
}

function publish(c: ResultsCounty, resultIds: number[], at: string): void {
  const raw = c.conn.raw;
  const { lastInsertRowid } = raw
    .prepare(
      `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
       VALUES ('抽查结果公告', 2026, '某县市场监督管理局', '抽查结果公告', ?, ?, '测试操作员', ?)`,
    )
    .run(c.taskId, at, createHash('sha256').update(at).digest('hex'));
  const insert = raw.prepare('INSERT INTO publication_results (publication_id, result_id) VALUES (?, ?)');
  for (const id of resultIds) insert.run(lastInsertRowid, id);
}

export async function statsCounty(): Promise<StatsCounty> {
  const c = await resultsCounty();
  const raw = c.conn.raw;
  const enter = (sheet: ReturnType<ResultsCounty['cleanSheet']>) => saveEntry(raw, c.ctx, sheet).resultIds[0];
  const results = [
    enter(c.cleanSheet(0)),
    enter(c.problemSheet(1)),
    enter(c.problemSheet(2)),
    enter(c.cleanSheet(3, { inspectedOn: '2026-11-23' })),
    enter(c.cleanSheet(4, { inspectedOn: '2026-11-23' })),
    enter(c.cleanSheet(5)),
  ];
  review(raw, c.ctx, results.slice(0, 5), 'approve');
  publish(c, [results[0]], '2026-11-25T02:00:00.000Z');
  publish(c, [results[1]], '2026-12-22T01:00:00.000Z');
  publish(c, [results[3]], '2026-12-22T03:00:00.000Z');
  // Published again later: the first publication dates it.
  publish(c, [results[0]], '2027-01-10T02:00:00.000Z');
  const followUp = (id: number) =>
    raw.prepare('SELECT id FROM result_follow_ups WHERE result_id = ?').pluck().get(id) as number;
  closeFollowUp(raw, c.ctx, followUp(results[1]), { closedOn: '2026-12-01', note: '已按期完成整改。' });
  c.ctx.clock.now = new Date('2026-12-22T02:00:00.000Z');
  const drawnCount = raw
    .prepare('SELECT count(*) FROM draw_selected WHERE draw_id = ?')
    .pluck()
    .get(c.drawId) as number;
  return { ...c, results, drawnCount };
}
