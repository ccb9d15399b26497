/**
 * Backups and restores on real database files: a backup taken while another connection writes is one consistent
 * state; a restore round-trips; every refusal (newer structure, corrupt file, broken operation log) leaves the
 * database file byte-identical, with nothing left beside it.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../src-main/backups/check';
import { makeBackup } from '../../../src-main/backups/copy';
import { dailyBackup, pruneDaily } from '../../../src-main/backups/daily';
import { backupFolder, listBackups } from '../../../src-main/backups/names';
import { restoreFrom } from '../../../src-main/backups/restore';
import { reopenClosed } from '../../../src-main/backups/swap';
import { createTestDb, tempDir, type TestDb } from '../../fixtures/test-db';
import { refusal } from '../../fixtures/refusal';
import { fingerprint, readSetting, siblings, tamper } from './fixtures';

const open: TestDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});
const testDb = async () => {
  const db = await createTestDb();
  open.push(db);
  return db;
};

/** Fills the settings table with filler rows so the online backup needs many steps. */
function fill(raw: BetterSqlite3.Database, rows: number): void {
  const insert = raw.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 't')");
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`fill-${i}`, JSON.stringify('x'.repeat(200)));
  })();
}

const restoreDeps = (dbPath: string, at = new Date('2026-11-24T02:00:00Z')) => ({
  dbPath,
  raw: null,
  actor: '测试操作员',
  at,
  reopen: reopenClosed(dbPath),
});

describe('the online backup', () => {
  it('is one consistent state while another connection keeps writing', async () => {
    const db = await testDb();
    fill(db.conn.raw, 20_000);
    const writer = new BetterSqlite3(db.path);
    writer.pragma('busy_timeout = 5000');
    const step = writer.transaction((n: number) => {
      writer.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '1', 't')").run(`probe-${n}`);
      writer
        .prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('probe', ?, 't')")
        .run(String(n));
    });
    let writes = 0;
    let writing = true;
    const loop = () => {
      if (!writing) return;
      step(++writes);
      setImmediate(loop);
    };
    setImmediate(loop);
    const path = await makeBackup(db.conn.raw, db.path, 'manual', new Date());
    writing = false;
    writer.close();

    expect(writes).toBeGreaterThan(0);
    const copy = new BetterSqlite3(path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const probes = copy.prepare("SELECT count(*) FROM settings WHERE key LIKE 'probe-%'").pluck().get();
    const probe = copy.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get();
    copy.close();
    expect(String(probes)).toBe(probe ?? '0');
    expect(checkDatabaseFile(path).schemaVersion).toBeGreaterThan(0);
  });

  it('daily: one per bureau day, then the daily backups older than the kept days go (others stay)', async () => {
    const db = await testDb();
    const day = (iso: string) => new Date(iso);
    expect(await dailyBackup(db.conn.raw, db.path, day('2026-11-20T01:00:00Z'))).toMatch(/2026-11-20-090000-每日/);
    expect(await dailyBackup(db.conn.raw, db.path, day('2026-11-20T15:00:00Z'))).toBeNull(); // 23:00 the same day
    await makeBackup(db.conn.raw, db.path, 'manual', day('2026-11-19T01:00:00Z'), backupFolder(db.path));
    expect(await dailyBackup(db.conn.raw, db.path, day('2026-11-20T16:30:00Z'))).toMatch(/2026-11-21-003000-每日/);
    expect(pruneDaily(backupFolder(db.path), 2, day('2026-11-22T01:00:00Z'))).toEqual([
      'ssj-desk-2026-11-20-090000-每日.sqlite',
    ]);
    expect(listBackups(backupFolder(db.path)).map((b) => `${b.kind} ${b.day}`)).toEqual([
      'daily 2026-11-21',
      'manual 2026-11-19',
    ]);
  });
});

describe('restore', () => {
  it('round trip: the backup comes back, the replaced database is kept as a backup, the log says so', async () => {
    const db = await testDb();
    await db.services.settings.set({ bureauName: '甲县市场监督管理局' });
    const backup = await makeBackup(db.conn.raw, db.path, 'manual', new Date(), tempDir());
    await db.services.settings.set({ bureauName: '乙县市场监督管理局' });
    await db.conn.close();

    const outcome = await restoreFrom(backup, restoreDeps(db.path));
    expect(readSetting(db.path, 'bureauName')).toBe('甲县市场监督管理局');
    expect(readSetting(outcome.safetyCopy!, 'bureauName')).toBe('乙县市场监督管理局');
    expect(outcome.safetyCopy).toContain('恢复前');
    const raw = new BetterSqlite3(db.path, { readonly: true });
    expect(raw.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('backups:restore');
    raw.close();
    expect(siblings(db.path).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['ssj.sqlite', '备份']);
    open.splice(0); // closed above
  });

  async function refusedRestore(prepare: (backup: string) => void, code: string, message: RegExp) {
    const db = await testDb();
    await db.services.settings.set({ minTeamSize: 3 }); // one row in the operation log
    const backup = await makeBackup(db.conn.raw, db.path, 'manual', new Date(), tempDir());
    prepare(backup);
    const before = fingerprint(db.path);
    const files = siblings(db.path);
    const backupBefore = fingerprint(backup);
    const e = await refusal(() => restoreFrom(backup, { ...restoreDeps(db.path), raw: db.conn.raw }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toContain('当前数据库未作任何修改');
    expect(fingerprint(db.path)).toBe(before);
    expect(siblings(db.path)).toEqual(files);
    expect(fingerprint(backup)).toBe(backupBefore); // the chosen file is only read
  }

  it('refuses a backup from a newer structure version', () =>
    refusedRestore((b) => tamper(b, 'PRAGMA user_version = 99'), 'backups.newerVersion', /结构版本 99/));

  it('refuses a corrupt file', () =>
    refusedRestore((b) => writeFileSync(b, Buffer.alloc(8192, 7)), 'backups.corrupt', /已损坏/));

  it('refuses a copy cut short (an interrupted copy to a USB stick)', () =>
    refusedRestore(
      (b) => writeFileSync(b, readFileSync(b).subarray(0, Math.floor(readFileSync(b).length / 2))),
      'backups.corrupt',
      /已损坏/,
    ));

  it('refuses a backup whose operation log was edited with an outside tool', () =>
    refusedRestore(
      (b) => tamper(b, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = '别人'"),
      'backups.brokenChain',
      /操作日志校验未通过/,
    ));

  it('refuses a file of another kind and a missing one', async () => {
    const other = join(tempDir(), 'other.sqlite');
    tamper(other, 'CREATE TABLE t (x)');
    await refusedRestore((b) => copyFileSync(other, b), 'backups.notOurs', /不是本程序的数据库/);
    const db = await testDb();
    const e = await refusal(() => restoreFrom(join(tempDir(), 'none.sqlite'), restoreDeps(db.path)));
    expect(e.code).toBe('backups.notFound');
    expect(existsSync(`${db.path}.restoring`)).toBe(false);
  });
});
