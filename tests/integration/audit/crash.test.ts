/**
 * The database and its operation log survive a kill: the real CLI killed (SIGKILL, its whole process group) in the
 * middle of 加载示例数据's one long write leaves a file that passes integrity_check, holds no part of the write, and
 * whose log chain `ssj audit verify` finds intact.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { openDatabase } from '../../../src-main/db/connection';
import { tempDir } from '../../fixtures/test-db';

const ROOT = resolve(__dirname, '../../..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const ssj = (...argv: string[]) => spawnSync(tsx, ['src-main/cli.ts', ...argv], { cwd: ROOT, encoding: 'utf8' });

const walBytes = (db: string) => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

/** Starts `ssj …` in a process group of its own and kills the group once `when()` holds; resolves when it is gone. */
async function killMidway(argv: string[], when: () => boolean): Promise<NodeJS.Signals | null> {
  const child = spawn(tsx, ['src-main/cli.ts', ...argv], { cwd: ROOT, detached: true, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const deadline = Date.now() + 120_000;
  while (!when() && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
  process.kill(-child.pid!, 'SIGKILL');
  return exited;
}

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
    const signal = await killMidway(['demo', '--entities', '400000', '--db', db], () => walBytes(db) > 8 << 20);
    expect(signal).toBe('SIGKILL');
    expect(walBytes(db)).toBeGreaterThan(8 << 20);

    const after = new BetterSqlite3(db);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
      expect(after.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'demo%'").pluck().get()).toBe(0);
    } finally {
      after.close();
    }
    const verify = ssj('audit', 'verify', '--db', db);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^操作日志完整：/);
  }, 300_000);
});
