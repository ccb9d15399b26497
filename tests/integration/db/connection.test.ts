import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { backupBeforeMigration, openDatabase, runMigrations, type DbConnection } from '../../../src-main/db/connection';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src-main/db/migrations';
import { tempDir } from '../../fixtures/test-db';

const open: DbConnection[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function expectRefused(path: string, code: string, messagePart: RegExp) {
  const before = existsSync(path) ? sha(path) : null;
  const dir = join(path, '..');
  const filesBefore = readdirSync(dir).sort();
  const error = await openDatabase(path, { migrate: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  expect((error as AppError).message).toMatch(messagePart);
  // Nothing written: same bytes, no -wal/-shm or backup left behind.
  if (before) expect(sha(path)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(filesBefore);
}

describe('openDatabase', () => {
  it('creates a new file with WAL, foreign keys and the latest schema', async () => {
    const path = join(tempDir(), 'nested', 'folder', 'ssj.sqlite');
    const conn = await openDatabase(path, { migrate: true });
    open.push(conn);
    expect(conn.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(conn.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.backupPath).toBeNull(); // nothing to back up in a new file
  });

  it('leaves an existing file alone when asked not to migrate', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.sqlite');
    new BetterSqlite3(path).close(); // a valid, empty SQLite file (0 bytes: opened only when the user asks)
    const conn = await openDatabase(path, { migrate: false, createEmpty: true });
    open.push(conn);
    expect(conn.schemaVersion).toBe(0);
  });

  it('refuses a database from a newer version, writing nothing', async () => {
    const path = join(tempDir(), 'newer.sqlite');
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    raw.close();
    await expectRefused(path, 'db.newerVersion', /更新版本.*请升级本程序/);
  });

  it('refuses a corrupt file, writing nothing', async () => {
    const path = join(tempDir(), 'corrupt.sqlite');
    writeFileSync(path, Buffer.from('这不是数据库'.repeat(500)));
    await expectRefused(path, 'db.corrupt', /已损坏或不是数据库文件/);
  });

  it('refuses a SQLite file that belongs to another program', async () => {
    const path = join(tempDir(), 'other.sqlite');
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE customers (id INTEGER)');
    raw.close();
    await expectRefused(path, 'db.foreign', /不是本程序的数据库/);
  });

  it('refuses a folder it cannot write to, with a Chinese message', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // root ignores permission bits; then use a folder that cannot exist (its parent is a plain file).
    const plainFile = join(dir, 'not-a-folder');
    writeFileSync(plainFile, 'x');
    const target = process.getuid?.() === 0 ? join(plainFile, 'sub', 'ssj.sqlite') : join(locked, 'ssj.sqlite');
    const error = await openDatabase(target, { migrate: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: process.getuid?.() === 0 ? 'db.badPath' : 'db.readOnly' });
    expect((error as Error).message).toMatch(/不是文件夹|文件夹.*只读/);
    expect(readdirSync(locked)).toEqual([]);
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gap, and the latest is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001: the audit log is append-only', async () => {
    const conn = await openDatabase(join(tempDir(), 'a.sqlite'), { migrate: true });
    open.push(conn);
    appendAuditRaw(conn.raw, { actor: '张三', action: 'x', target: 'y' }, new Date('2026-11-23T09:00:00Z'));
    expect(() => conn.raw.prepare("UPDATE audit_log SET actor = '李四'").run()).toThrow(/操作日志不可修改/);
    expect(() => conn.raw.prepare('DELETE FROM audit_log').run()).toThrow(/操作日志不可删除/);
    expect(conn.raw.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: '张三' }]);
  });

  it('back up a file that holds data before migrating it, and run all pending steps in one transaction', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(path);
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER)') };
    expect(await backupBeforeMigration(raw, path, new Date(), [v1])).toBeNull(); // a new file: nothing to protect
    runMigrations(raw, [v1]);
    raw.prepare('INSERT INTO t VALUES (42)').run();

    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    const backup = await backupBeforeMigration(raw, path, new Date('2026-11-23T10:11:12Z'), [v1, v2]);
    expect(backup).toBe(join(dir, '备份', 'ssj-desk-2026-11-23-181112-升级前.sqlite'));
    runMigrations(raw, [v1, v2]);
    const copy = new BetterSqlite3(backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT * FROM t').all()).toEqual([{ x: 42 }]);
    copy.close();

    // A failing step rolls back every step of the run, including the version bump.
    const v3: Migration = { version: 3, name: 'three', up: (db) => db.exec('CREATE TABLE u (a)') };
    const v4: Migration = { version: 4, name: 'broken', up: (db) => db.exec('ALTER TABLE nowhere ADD COLUMN z') };
    expect(() => runMigrations(raw, [v1, v2, v3, v4])).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
    raw.close();
  });
});
