/**
 * A bulk edit runs in its own worker thread: this thread keeps running meanwhile, progress counts the selection, and
 * a stop midway rolls the whole edit back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
let ids: number[];
beforeAll(async () => {
  t = await createTestDb();
  loadDemoData(t.conn.raw, { entities: 30000, actor: '测试操作员', now: t.ctx.now() });
  ids = t.conn.raw.prepare('SELECT id FROM entities ORDER BY id').pluck().all() as number[];
}, 120_000);
afterAll(async () => {
  await t.services.draws.dispose();
  await t.cleanup();
});

const tagged = () =>
  t.conn.raw.prepare("SELECT count(*) FROM entities WHERE tags LIKE '%批量测试%'").pluck().get() as number;
const changes = () => t.conn.raw.prepare("SELECT count(*) FROM roster_changes WHERE source = 'bulk'").pluck().get();

describe('bulk edit job', () => {
  it('writes nothing when stopped midway', async () => {
    const before = { tagged: tagged(), changes: changes() };
    const edit = t.services.rosters.bulkUpdate({
      roster: 'entities',
      ids,
      set: { addTags: ['批量测试'] },
      jobId: 'b1',
    });
    await expect.poll(() => t.services.rosters.bulkProgress('b1').done, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(t.services.rosters.bulkProgress('b1').total).toBe(30000);
    expect(t.services.rosters.bulkCancel('b1')).toEqual({ cancelled: true });
    await expect(edit).rejects.toMatchObject({ code: 'roster.bulkCancelled' });
    expect({ tagged: tagged(), changes: changes() }).toEqual(before);
  });

  it('edits the selection in the worker while this thread keeps running', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const result = await t.services.rosters
      .bulkUpdate({ roster: 'entities', ids: ids.slice(0, 5000), set: { addTags: ['批量测试'] } })
      .finally(() => clearInterval(timer));
    expect(result).toEqual({ matched: 5000, changed: 5000 });
    expect(tagged()).toBe(5000);
    expect(changes()).toBe(5000);
    expect(ticks).toBeGreaterThan(3);
  });
});
