/**
 * The 后续处置 page's calls: the list filtered by task, status and overdue, with the days late judged on China's
 * today; an edit or a close answers the record as it now is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
const ids: number[] = [];
beforeAll(async () => {
  c = await resultsCounty();
  for (const i of [0, 1, 2]) {
    const [id] = saveEntry(c.conn.raw, c.ctx, c.problemSheet(i)).resultIds;
    review(c.conn.raw, c.ctx, [id], 'approve');
    ids.push(id);
  }
});
afterAll(async () => {
  await c.close();
});

const service = () => c.services.results;
const byResult = (resultId: number) =>
  service()
    .followUps({ status: 'all', overdueOnly: false })
    .items.find((f) => f.resultId === resultId)!;

describe('follow-ups service', () => {
  it('lists the open follow-ups with their task and the tasks to filter by', () => {
    const list = service().followUps({ status: 'open', overdueOnly: false, taskId: c.taskId });
    expect(list.today).toBe('2026-11-23');
    expect(list.items).toHaveLength(3);
    expect(list.items[0]).toMatchObject({ taskId: c.taskId, taskName: '结果录入测试', daysLate: 0, overdue: false });
    expect(list.tasks.map((t) => t.id)).toEqual([c.taskId]);
  });

  it('counts the days an open follow-up is late on China’s today', () => {
    const { id } = byResult(ids[0]);
    service().updateFollowUp({ id, dueOn: '2026-11-20' });
    const overdue = service().followUps({ status: 'open', overdueOnly: true });
    expect(overdue.items.map((f) => [f.id, f.overdue, f.daysLate])).toEqual([[id, true, 3]]);
  });

  it('answers a close with the closed record, which leaves the open list', () => {
    const { id } = byResult(ids[1]);
    const closed = service().closeFollowUp({ id, closedOn: '2026-11-22', note: '已责令整改到位' });
    expect(closed).toMatchObject({ id, closedOn: '2026-11-22', closingNote: '已责令整改到位', overdue: false });
    expect(
      service()
        .followUps({ status: 'open', overdueOnly: false })
        .items.map((f) => f.id),
    ).not.toContain(id);
    expect(
      service()
        .followUps({ status: 'closed', overdueOnly: false })
        .items.map((f) => f.id),
    ).toEqual([id]);
  });

  it('refuses a close without a note, keeping the record open', () => {
    const { id } = byResult(ids[2]);
    expect(() => service().closeFollowUp({ id, closedOn: '2026-11-22', note: '' })).toThrow('完结情况说明');
    expect(byResult(ids[2]).closedOn).toBeNull();
  });
});
