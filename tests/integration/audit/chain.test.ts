import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditRaw } from '../../../src-main/audit/service';
import { auditRowHash, verifyAuditChain } from '../../../src-main/audit/chain';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
const at = new Date('2026-11-23T09:00:00.000Z');

/** Ten rows, alternating the synchronous and the Kysely path. */
async function tenRows(): Promise<void> {
  for (let i = 1; i <= 10; i++) {
    const record = { actor: '张三', action: 'settings:set', target: `k${i}`, detail: { before: i - 1, after: i } };
    if (i % 2) t.conn.raw.transaction(() => appendAuditRaw(t.conn.raw, record, at)).immediate();
    else await t.conn.db.transaction().execute((trx) => appendAudit(trx, record, at));
  }
}

/** Raw SQL as an outside tool would run it, with the log's triggers dropped first. */
function tamper(sqlText: string): void {
  t.conn.raw.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
    DROP TRIGGER IF EXISTS audit_log_linked; ${sqlText}`);
}

beforeEach(async () => {
  t = await createTestDb();
  await tenRows();
});
afterEach(() => t.cleanup());

describe('the audit hash chain', () => {
  it('is intact after writes from both paths, and names its head', () => {
    const check = verifyAuditChain(t.conn.raw);
    const head = t.conn.raw.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    expect(check).toEqual({ ok: true, rows: 10, head });
  });

  it('refuses, with its triggers in place, an edit, a delete and an unlinked insert', () => {
    expect(() => t.conn.raw.exec("UPDATE audit_log SET actor = '李四' WHERE id = 3")).toThrow('操作日志不可修改');
    expect(() => t.conn.raw.exec('DELETE FROM audit_log WHERE id = 3')).toThrow('操作日志不可删除');
    const insert = "INSERT INTO audit_log (at, actor, action, target) VALUES ('2026-11-24', 'x', 'y', 'z')";
    expect(() => t.conn.raw.exec(insert)).toThrow('操作日志只能按链接顺序追加');
  });

  it.each([
    ['an edited field', "UPDATE audit_log SET actor = '李四' WHERE id = 4", 4],
    ['an edited detail', "UPDATE audit_log SET detail = '{}' WHERE id = 6", 6],
    ['a deleted row', 'DELETE FROM audit_log WHERE id = 5', 6],
    ['the first row deleted', 'DELETE FROM audit_log WHERE id = 1', 2],
    ['the last rows deleted', 'DELETE FROM audit_log WHERE id >= 9', 9],
    [
      'two rows swapped',
      'UPDATE audit_log SET id = -id WHERE id IN (3, 4); UPDATE audit_log SET id = 7 + id WHERE id < 0',
      3,
    ],
    [
      'a row appended without its link',
      "INSERT INTO audit_log (at, actor, action, target) VALUES ('2026-11-24T00:00:00.000Z', '李四', 'x', 'y')",
      11,
    ],
  ])('detects %s, even with the triggers dropped', (_name, sqlText, brokenAt) => {
    tamper(sqlText);
    const check = verifyAuditChain(t.conn.raw);
    expect(check).toMatchObject({ ok: false, brokenAt });
    if (!check.ok) expect(check.reason).toMatch(new RegExp(`^操作日志第 ${brokenAt} 条：.+。$`));
  });

  it('detects a row inserted in the middle with a well-formed link and hash', () => {
    const prev = t.conn.raw.prepare('SELECT hash FROM audit_log WHERE id = 4').pluck().get() as string;
    const fields = {
      id: 5,
      prev_hash: prev,
      at: at.toISOString(),
      actor: '李四',
      action: 'x',
      target: 'y',
      detail: '{}',
    };
    tamper(`UPDATE audit_log SET id = -id WHERE id >= 5; UPDATE audit_log SET id = 1 - id WHERE id < 0;
      INSERT INTO audit_log (id, prev_hash, at, actor, action, target, detail, hash)
      VALUES (5, '${prev}', '${fields.at}', '李四', 'x', 'y', '{}', '${auditRowHash(fields)}')`);
    expect(verifyAuditChain(t.conn.raw)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('detects a row whose content and own hash were both rewritten', () => {
    const row = t.conn.raw.prepare('SELECT * FROM audit_log WHERE id = 5').get() as Parameters<typeof auditRowHash>[0];
    const forged = { ...row, actor: '李四' };
    tamper(`UPDATE audit_log SET actor = '李四', hash = '${auditRowHash(forged)}' WHERE id = 5`);
    expect(verifyAuditChain(t.conn.raw)).toMatchObject({ ok: false, brokenAt: 6 });
  });
});
