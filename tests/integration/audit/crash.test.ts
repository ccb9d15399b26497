/**
 * The database and its operation log survive a kill: the real CLI killed (SIGKILL, its whole process group) in the
 * middle of 加载示例数据's one long write leaves a file that passes integrity_check, holds no part of the write, and
 * whose log chain `ssj audit verify` finds intact.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { openDatabase } from '../../../src-main/db/connection';
import { expectChainIntact, killMidway, readDb, walBytes } from '../../fixtures/kill-cli';
import { countRows, tempDir } from '../../fixtures/test-db';

describe('a kill in the middle of a write', () => {
  it('leaves an intact database, none of the write, and an intact log chain', async () => {
    const db = join(tempDir('ssj-crash-'), 'ssj.sqlite');
    // A migrated file with a few log rows, so the chain has links to keep.
    const conn = await openDatabase(db, { migrate: true });
    for (let i = 1; i <= 5; i++) {
      const record = { actor: '张三', action: 'settings:set', target: `k${i}`, detail: { i } };
      conn.raw.transaction(() => appendAuditRaw(conn.raw, record, new Date())).immediate();
    }
    await conn.close();
    // The write's pages spill into the WAL long before it commits: well past the migrations' few pages.
    const killed = await killMidway(['demo', '--entities', '400000', '--db', db], () => walBytes(db) > 8 << 20);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(walBytes(db)).toBeGreaterThan(8 << 20);

    readDb(db, (after) => {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(countRows(after, 'entities')).toBe(0);
      expect(after.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'demo%'").pluck().get()).toBe(0);
    });
    expectChainIntact(db);
  }, 300_000);
});
