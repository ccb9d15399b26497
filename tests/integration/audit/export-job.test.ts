/**
 * The 操作日志 export runs in its own worker thread: the page polls the rows written of the total, and a cancel
 * midway leaves neither the chosen file nor a temp file, and no log entry of an export.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { createTestDb, tempDir, type TestDb } from '../../fixtures/test-db';

const ROWS = 20_000;
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb('张三');
  const raw = t.conn.raw;
  raw
    .transaction(() => {
      for (let i = 1; i <= ROWS; i++) {
        const record = {
          actor: '王五',
          action: 'roster:update',
          target: `entities:${i}`,
          detail: { reason: '更新电话' },
        };
        appendAuditRaw(raw, record, new Date('2026-03-20T02:00:00Z'));
      }
    })
    .immediate();
}, 60_000);
afterEach(async () => {
  await t.services.draws.dispose();
  await t.cleanup();
});

const exports = () => t.services.audit.list({ action: 'audit:export', limit: 10 });

function start(jobId: string) {
  const dir = tempDir('ssj-audit-export-');
  const fileToken = t.services.files.issue(join(dir, '操作日志.xlsx'), 'save').token;
  return { dir, run: t.services.audit.export({ fileToken, jobId }) };
}

describe('the operation log export job', () => {
  it('reports the rows written of the total while it runs, and ends not running', async () => {
    const { dir, run } = start('e1');
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(t.services.audit.exportProgress('e1').done), 10);
    const result = await run.finally(() => clearInterval(poll));
    expect(result).toEqual({ fileName: '操作日志.xlsx', rows: ROWS });
    expect(seen.some((done) => done > 0 && done < ROWS)).toBe(true);
    expect(t.services.audit.exportProgress('e1')).toMatchObject({ running: false, total: ROWS });
    expect(readdirSync(dir)).toEqual(['操作日志.xlsx']);
    expect(exports()).toHaveLength(1);
  }, 120_000);

  it('leaves no file, no temp file and no log entry when cancelled midway', async () => {
    const { dir, run } = start('e2');
    await expect.poll(() => t.services.audit.exportProgress('e2').done, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(t.services.audit.exportProgress('e2')).toMatchObject({ running: true, total: ROWS });
    expect(t.services.audit.exportCancel('e2')).toEqual({ cancelled: true });
    await expect(run).rejects.toMatchObject({ code: 'audit.exportCancelled', message: '已取消导出，未写入文件。' });
    expect(readdirSync(dir)).toEqual([]);
    expect(exports()).toHaveLength(0);
    expect(t.services.audit.exportCancel('e2')).toEqual({ cancelled: false });
  }, 120_000);
});
