import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { infoCommand, migrateCommand } from '../../src-main/cli/app-commands';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { runCaptured } from '../fixtures/cli';
import { ssj } from '../fixtures/kill-cli';
import { tempDir } from '../fixtures/test-db';

const cli = (...argv: string[]) => runCaptured(argv, [infoCommand, migrateCommand], {});

describe('ssj CLI: help, info, migrate', () => {
  it('--help lists every command with its Chinese summary', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('info');
    expect(r.out).toContain('migrate');
    expect(r.out).toContain('--db PATH');
  });

  it('info on a missing file reports it and creates nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'none.sqlite');
    const r = await cli('info', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ dbPath: db, dbExists: false, schemaVersion: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('migrate creates the database, then info reads its version, as one JSON object each', async () => {
    const db = join(tempDir(), 'county.sqlite');
    const m = await cli('migrate', '--db', db, '--json');
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toMatchObject({
      created: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
      backupPath: null,
    });
    const i = await cli('info', '--db', db, '--json');
    expect(JSON.parse(i.out)).toMatchObject({
      dbExists: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
    });
  });

  it('a corrupt or newer database: Chinese message on stderr, exit 1, file untouched', async () => {
    const dir = tempDir();
    const corrupt = join(dir, 'corrupt.sqlite');
    writeFileSync(corrupt, 'not a database at all'.repeat(100));
    const before = readFileSync(corrupt);
    for (const cmd of ['info', 'migrate']) {
      const r = await cli(cmd, '--db', corrupt);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^错误：数据库文件.*已损坏/);
    }
    expect(readFileSync(corrupt).equals(before)).toBe(true);

    const newer = join(dir, 'newer.sqlite');
    const raw = new BetterSqlite3(newer);
    raw.pragma('user_version = 99');
    raw.close();
    const r = await cli('migrate', '--db', newer);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/更新版本.*请升级本程序/);
    expect(existsSync(`${newer}-wal`)).toBe(false);
  });

  it('unknown commands and options are refused in Chinese', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 1, err: expect.stringMatching(/^未知命令：frobnicate/) });
    expect(await cli('info', '--colour')).toMatchObject({ code: 1, err: expect.stringMatching(/^参数错误/) });
  });

  it('runs as a real process through tsx: one JSON object on stdout, exit status from the command', () => {
    const db = join(tempDir(), 'proc.sqlite');
    const m = ssj('migrate', '--db', db, '--json');
    expect(m.status, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ created: true, schemaVersion: LATEST_SCHEMA_VERSION });
    const bad = join(tempDir(), 'bad.sqlite');
    writeFileSync(bad, 'x'.repeat(4096));
    const r = ssj('info', '--db', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已损坏');
  });
});
