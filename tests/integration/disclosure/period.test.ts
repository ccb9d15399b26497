/**
 * 公示期: a 责令改正 result stays published 6 months after its 整改完成 date, another for the settings' months from its
 * first publication; once past, the page lists it as due to come down and later announcements leave it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultAnnouncement } from '../../../src-main/disclosure/announcements';
import { addMonths } from '../../../src-main/disclosure/period';
import { publishResults } from '../../../src-main/disclosure/publish';
import { dueResults } from '../../../src-main/disclosure/views';
import { closeFollowUp } from '../../../src-main/results/follow-ups';
import { disclosureCounty, type DisclosureCounty } from './setup';

let c: DisclosureCounty;
let clean: number;
let problem: number;
beforeAll(async () => {
  c = await disclosureCounty();
  c.ctx.clock.now = new Date('2026-11-25T02:00:00.000Z');
  clean = c.approve(c.cleanSheet(0));
  problem = c.approve(c.problemSheet(1));
  publishResults(c.conn.raw, c.ctx, { taskId: c.taskId });
  const followUp = c.conn.raw.prepare('SELECT id FROM result_follow_ups WHERE result_id = ?').pluck().get(problem);
  closeFollowUp(c.conn.raw, c.ctx, followUp as number, { closedOn: '2026-12-10', note: '已整改完毕' });
});
afterAll(async () => {
  await c.close();
});

const published = (today: string) =>
  resultAnnouncement(c.conn.raw, { taskId: c.taskId }, today).rows.map((r) => r.resultId);

describe('公示期', () => {
  it('counts months to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-12-10', 6)).toBe('2027-06-10');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('keeps a 责令改正 result 6 months after the 整改完成 date', () => {
    expect(published('2027-06-10')).toEqual([clean, problem]);
    expect(published('2027-06-11')).toEqual([clean]);
  });

  it('lists what is due to come down: soon within 30 days, then past', () => {
    expect(dueResults(c.conn.raw, '2027-05-01')).toEqual([]);
    expect(dueResults(c.conn.raw, '2027-05-20')).toMatchObject([
      { resultId: problem, basis: '责令改正', since: '2026-12-10', until: '2027-06-10', status: '即将到期' },
    ]);
    expect(dueResults(c.conn.raw, '2027-06-11')).toMatchObject([{ resultId: problem, status: '已到期' }]);
  });

  it('keeps another result for the settings months from its first publication', () => {
    expect(published('2029-11-25')).toEqual([clean]);
    expect(() => published('2029-11-26')).toThrow('（另有 2 条已过公示期）');
    expect(dueResults(c.conn.raw, '2029-11-26').map((d) => [d.resultId, d.basis, d.until])).toEqual([
      [problem, '责令改正', '2027-06-10'],
      [clean, '一般', '2029-11-25'],
    ]);
  });
});
