/**
 * An entity found ended at the door: the end state is the result (no findings asked), and on approval the roster learns
 * it through its change log — 注销/吊销 as 登记状态, 迁出/已关闭停业 as a tag (the registration itself is still 存续).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndState } from '@shared/domain/results';
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const ended = (i: number, endState: EndState) =>
  c.cleanSheet(i, { endState, rows: [], categories: [], followUps: [], methods: [] });
const entity = (i: number) =>
  c.conn.raw.prepare('SELECT reg_status, tags FROM entities WHERE id = ?').get(c.drawn(i).entityId);
const changes = (i: number) =>
  c.conn.raw
    .prepare(
      "SELECT source, before, after FROM roster_changes WHERE roster = 'entities' AND source = 'edit' AND record_id = ?",
    )
    .all(c.drawn(i).entityId);

describe('end states', () => {
  it('enters an ended entity without findings', () => {
    expect(saveEntry(c.conn.raw, c.ctx, ended(0, '注销')).outcome).toBe('entered');
  });

  it('leaves the roster alone until the result is approved', () => {
    saveEntry(c.conn.raw, c.ctx, ended(1, '注销'));
    expect(entity(1)).toMatchObject({ reg_status: '存续' });
    expect(changes(1)).toEqual([]);
  });

  it('sets 登记状态 to 注销 through the change log on approval', () => {
    const [id] = saveEntry(c.conn.raw, c.ctx, ended(2, '注销')).resultIds;
    review(c.conn.raw, c.ctx, [id], 'approve');
    expect(entity(2)).toMatchObject({ reg_status: '注销' });
    expect(changes(2)).toEqual([{ source: 'edit', before: '{"reg_status":"存续"}', after: '{"reg_status":"注销"}' }]);
  });

  it('tags an entity that moved away, its registration still 存续', () => {
    const [id] = saveEntry(c.conn.raw, c.ctx, ended(3, '迁出')).resultIds;
    const tagsBefore = JSON.parse((entity(3) as { tags: string }).tags) as string[];
    review(c.conn.raw, c.ctx, [id], 'approve');
    expect(entity(3)).toEqual({ reg_status: '存续', tags: JSON.stringify([...tagsBefore, '迁出']) });
    expect(changes(3)).toHaveLength(1);
  });
});
