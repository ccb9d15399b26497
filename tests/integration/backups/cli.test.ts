/** `backup`, `restore`, `package-export`, `package-import` on the command line: exit codes and Chinese messages. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_COMMANDS } from '../../../src-main/cli/backup-commands';
import { runCaptured } from '../../fixtures/cli';
import { ssj } from '../../fixtures/kill-cli';
import { createTestDb, tempDir } from '../../fixtures/test-db';
import { fingerprint, readSetting, tamper } from './fixtures';

const cli = (...argv: string[]) => runCaptured(argv, BACKUP_COMMANDS, {});

/** A database with the bureau entered, closed (the CLI works on files nobody holds open). */
async function closedDb(bureauName: string) {
  const db = await createTestDb();
  await db.services.settings.set({ bureauName });
  await db.conn.close();
  return db.path;
}

describe('ssj backup / restore', () => {
  it('backup --out DIR writes a checked copy and says what it holds; restore brings it back', async () => {
    const db = await closedDb('甲县市场监督管理局');
    const dir = tempDir();
    const b = await cli('backup', '--db', db, '--out', dir, '--json');
    expect(b.code).toBe(0);
    const made = JSON.parse(b.out) as { path: string; bureauName: string };
    expect(made).toMatchObject({ bureauName: '甲县市场监督管理局' });
    expect(made.path.startsWith(dir)).toBe(true);

    tamper(db, `UPDATE settings SET value = '"乙县"' WHERE key = 'bureauName'`);
    const r = await cli('restore', made.path, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已从备份恢复数据库');
    expect(r.out).toContain('恢复前的数据库已备份到');
    expect(readSetting(db, 'bureauName')).toBe('甲县市场监督管理局');
  });

  it('refuses a newer backup with exit 1 and a Chinese message; the database is byte-identical', async () => {
    const db = await closedDb('甲县市场监督管理局');
    const dir = tempDir();
    const made = JSON.parse((await cli('backup', '--db', db, '--out', dir, '--json')).out) as { path: string };
    tamper(made.path, 'PRAGMA user_version = 99');
    const before = fingerprint(db);
    const r = await cli('restore', made.path, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误.备份（.*）来自更新版本的本程序/);
    expect(fingerprint(db)).toBe(before);
  });

  it('missing arguments and files: exit 1, Chinese, nothing created', async () => {
    expect((await cli('restore', '--db', join(tempDir(), 'x.sqlite'))).err).toContain('请指定要恢复的备份文件');
    const none = await cli('backup', '--db', join(tempDir(), 'none.sqlite'));
    expect(none).toMatchObject({ code: 1, err: expect.stringContaining('找不到数据库文件') });
    expect((await cli('package-export', '--db', join(tempDir(), 'x.sqlite'))).err).toContain('请用 --out 指定');
  });

  it('package-export then package-import moves the bureau (the real CLI process)', async () => {
    const from = await closedDb('丙县市场监督管理局');
    const to = await closedDb('另一个局');
    const pkg = join(tempDir(), '丙县.ssjpkg');
    const e = ssj('package-export', '--db', from, '--out', pkg);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toContain('已导出数据包');
    const again = ssj('package-export', '--db', from, '--out', pkg);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('未覆盖');
    const i = ssj('package-import', pkg, '--db', to);
    expect(i.status, i.stderr).toBe(0);
    expect(readSetting(to, 'bureauName')).toBe('丙县市场监督管理局');
  });
});
