/**
 * Writes made while another connection holds the write lock — the draw worker setting 最近被抽查日期 after 封存, an
 * import, a second clerk — wait their turn and succeed. A deferred transaction that reads first would instead fail at
 * its first write with SQLITE_BUSY_SNAPSHOT (the busy timeout does not apply to that error): every write transaction
 * begins IMMEDIATE, the raw ones (`.immediate()`) and Kysely's (connection.ts). A draw step that waited longer than
 * it may is refused in Chinese.
 */
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepRefusal } from '../../../src-main/draws/step-refusal';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { county, type County } from '../../fixtures/county';

/**
 * Another connection on `path` that takes the write lock, writes a row, reports 'locked', holds the lock for `holdMs`,
 * then commits. Resolves once it holds the lock; `committed` resolves after its commit.
 */
async function otherWriter(path: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.path);
     db.pragma('busy_timeout = 5000');
     db.exec('BEGIN IMMEDIATE');
     db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other-writer', '1', '2026-11-23T09:00:00.000Z')").run();
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();
     parentPort.postMessage('committed');`,
    { eval: true, workerData: { path, holdMs } },
  );
  const next = () =>
    new Promise<string>((resolve, reject) => (worker.once('message', resolve), worker.once('error', reject)));
  expect(await next()).toBe('locked');
  return { committed: next().then(() => undefined) };
}

describe('write transactions while another connection writes', () => {
  let c: County;
  beforeEach(async () => {
    c = await county(300);
  });
  afterEach(async () => {
    await c.close();
  });

  it('a task added to a plan (raw transaction that reads the next number, then writes) waits for the lock', async () => {
    const plan = c.services.plans.save({ year: 2026, title: '并发写入测试计划' });
    const other = await otherWriter(c.path, 300);
    // Blocks this thread in the busy handler until the other connection commits.
    const task = c.services.tasks.save(
      demoTaskInput(c.conn.raw, plan.id, c.ctx.now(), { name: '并发写入时新建的任务' }),
    );
    await other.committed;
    expect(c.services.tasks.get(task.id)).toMatchObject({ planId: plan.id, name: '并发写入时新建的任务' });
    expect(c.count("settings WHERE key = 'other-writer'")).toBe(1);
  });

  it('an entity edited (Kysely transaction that reads, then writes) waits for the lock and is saved', async () => {
    const id = c.conn.raw.prepare('SELECT min(id) FROM entities').pluck().get() as number;
    const other = await otherWriter(c.path, 300);
    await c.services.rosters.update({ roster: 'entities', id, patch: { name: '并发写入时改名的商户' } } as never);
    await other.committed;
    expect(c.conn.raw.prepare('SELECT name FROM entities WHERE id = ?').pluck().get(id)).toBe('并发写入时改名的商户');
  });
});

describe('a draw step that cannot get the write lock', () => {
  it('is refused in Chinese, saying nothing was saved (a real SQLITE_BUSY, not an internal error)', async () => {
    const c = await county(50);
    try {
      const holder = new BetterSqlite3(c.path);
      const waiter = new BetterSqlite3(c.path, { timeout: 0 });
      holder.exec('BEGIN IMMEDIATE');
      let busy: unknown;
      try {
        waiter.exec('BEGIN IMMEDIATE');
      } catch (error) {
        busy = error;
      }
      holder.exec('ROLLBACK');
      holder.close();
      waiter.close();
      expect((busy as { code: string }).code).toBe('SQLITE_BUSY');
      const refusal = stepRefusal(busy);
      expect(refusal.code).toBe('draw.databaseBusy');
      expect(refusal.message).toMatch(/数据库正被其他操作.+占用.+本步骤未保存任何内容/);
      expect(stepRefusal(new TypeError('x')).code).toBe('app.internal');
    } finally {
      await c.close();
    }
  });
});
