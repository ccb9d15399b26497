/** `audit verify` as a user runs it: the real CLI process, its exit status and its Chinese lines. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { auditCommand } from '../../../src-main/cli/audit-commands';
import { runCli } from '../../../src-main/cli/run-cli';
import { openDatabase } from '../../../src-main/db/connection';
import { ssj } from '../../fixtures/kill-cli';
import { tempDir } from '../../fixtures/test-db';

/** A migrated database file with five log rows. */
async function loggedDb(): Promise<string> {
  const db = join(tempDir(), 'ssj.sqlite');
  const conn = await openDatabase(db, { migrate: true });
  const at = new Date('2026-11-23T09:00:00.000Z');
  for (let i = 1; i <= 5; i++) {
    const record = { actor: '张三', action: 'settings:set', target: `k${i}`, detail: { i } };
    conn.raw.transaction(() => appendAuditRaw(conn.raw, record, at)).immediate();
  }
  await conn.close();
  return db;
}

describe('ssj audit verify', () => {
  it('exits 0 on an intact log, 1 naming the first broken row after an outside edit', async () => {
    const db = await loggedDb();
    const intact = ssj('audit', 'verify', '--db', db);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^操作日志完整：共 5 条记录，链头 [0-9a-f]{64}。/);

    const outside = new BetterSqlite3(db);
    outside.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = '李四' WHERE id = 3");
    outside.close();
    const broken = ssj('audit', 'verify', '--db', db, '--json');
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 3 });
    expect(ssj('audit', 'verify', '--db', db).stderr).toContain('操作日志不完整：操作日志第 3 条：内容与其哈希不符');
  });

  it('refuses a missing file and a wrong sub-command in Chinese, with exit 1, creating nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'none.sqlite');
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), env: {} };
    expect(await runCli(['audit', 'verify', '--db', db], [auditCommand], io)).toBe(1);
    expect(await runCli(['audit', 'check', '--db', db], [auditCommand], io)).toBe(1);
    expect(err.join('\n')).toMatch(/不存在[\s\S]*audit verify/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
