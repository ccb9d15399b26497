/**
 * 加载示例数据 through the services runs in its own worker thread: the main thread stays free while it writes, a
 * cancel leaves the database as it was, and the load is refused on a database that already holds records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.services.draws.dispose();
  await t.cleanup();
});

const TABLES = ['entities', 'inspectors', 'experts', 'items', 'offices', 'roster_changes', 'audit_log', 'settings'];
const counts = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.conn.raw, table)]));

describe('demo load job', () => {
  it('writes the demo county in a worker while this thread keeps running, with progress', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(t.services.demo.progress('j1').done), 10);
    const summary = await t.services.demo.load(5000, 'j1').finally(() => {
      clearInterval(timer);
      clearInterval(poll);
    });
    expect(summary.entities).toBe(5000);
    expect(countRows(t.conn.raw, 'entities')).toBe(5000);
    expect(countRows(t.conn.raw, 'inspectors')).toBe(summary.inspectors);
    expect(ticks).toBeGreaterThan(5);
    expect(seen.some((w) => w > 0 && w < 5000)).toBe(true);
    expect(t.services.demo.progress('j1')).toMatchObject({ running: false });
  });

  it('writes nothing when cancelled midway', async () => {
    const before = counts();
    const load = t.services.demo.load(400000, 'j2');
    await expect.poll(() => t.services.demo.progress('j2').done, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(t.services.demo.cancel('j2')).toEqual({ cancelled: true });
    await expect(load).rejects.toMatchObject({ code: 'demo.cancelled' });
    expect(counts()).toEqual(before);
  });

  it('refuses a database that already holds records, in Chinese, changing nothing', async () => {
    await t.services.demo.load(200);
    const before = counts();
    await expect(t.services.demo.load(200)).rejects.toMatchObject({
      code: 'demo.notEmpty',
      message: expect.stringContaining('只能加载到空数据库'),
    });
    expect(counts()).toEqual(before);
  });
});
