/**
 * 后续处置 to 完结: an approved result with a problem opens one follow-up (measure, office, due date); closing it needs
 * its note; the list flags what is overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { closeFollowUp, listFollowUps, updateFollowUp } from '../../../src-main/results/follow-ups';
import { review } from '../../../src-main/results/review';
import { resultCounts, resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const approved = (sheet: ReturnType<ResultsCounty['cleanSheet']>) => {
  const [id] = saveEntry(c.conn.raw, c.ctx, sheet).resultIds;
  review(c.conn.raw, c.ctx, [id], 'approve');
  return id;
};
const followUpOf = (resultId: number) =>
  listFollowUps(c.conn.raw, { today: '2026-12-01' }).find((f) => f.resultId === resultId);

describe('follow-ups', () => {
  it('opens one for an approved result with a problem', () => {
    const id = approved(c.problemSheet(0));
    const office = c.conn.raw.prepare('SELECT office FROM entities WHERE id = ?').pluck().get(c.drawn(0).entityId);
    expect(followUpOf(id)).toMatchObject({
      measure: '责令改正,后续跟踪由日常监管部门负责',
      office,
      dueOn: '2026-12-31',
      closedOn: null,
      overdue: false,
    });
  });

  it('opens none for a result without a problem', () => {
    expect(followUpOf(approved(c.cleanSheet(1)))).toBeUndefined();
  });

  it('flags an open follow-up past its due date as overdue', () => {
    const id = approved(c.problemSheet(2));
    const overdue = listFollowUps(c.conn.raw, { today: '2027-01-04', overdueOnly: true });
    expect(overdue.map((f) => f.resultId)).toContain(id);
  });

  it('refuses to close without a note and writes nothing', () => {
    const id = approved(c.problemSheet(3));
    const before = resultCounts(c);
    expect(() => closeFollowUp(c.conn.raw, c.ctx, followUpOf(id)!.id, { closedOn: '2026-12-10', note: ' ' })).toThrow(
      '完结后续处置须填写完结情况说明。',
    );
    expect(resultCounts(c)).toEqual(before);
  });

  it('closes with its date and note, and is not changed afterwards', () => {
    const id = approved(c.problemSheet(4));
    const followUp = followUpOf(id)!;
    closeFollowUp(c.conn.raw, c.ctx, followUp.id, { closedOn: '2026-12-10', note: '已完成年报公示' });
    expect(followUpOf(id)).toMatchObject({ closedOn: '2026-12-10', closingNote: '已完成年报公示', overdue: false });
    const before = resultCounts(c);
    expect(() => updateFollowUp(c.conn.raw, c.ctx, followUp.id, { office: '城关市场监管所' })).toThrow(
      '后续处置已于2026-12-10完结，不能再修改。',
    );
    expect(resultCounts(c)).toEqual(before);
  });

  it('changes the due date of an open follow-up', () => {
    const id = approved(c.problemSheet(5));
    updateFollowUp(c.conn.raw, c.ctx, followUpOf(id)!.id, { dueOn: '2027-01-15' });
    expect(followUpOf(id)).toMatchObject({ dueOn: '2027-01-15' });
  });
});
