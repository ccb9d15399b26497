import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { infoCommand, migrateCommand } from '../../../src-main/cli/app-commands';
import { ROSTER_COMMANDS } from '../../../src-main/cli/roster-commands';
import { runCli } from '../../../src-main/cli/run-cli';
import { openDatabase } from '../../../src-main/db/connection';
import { tempDir } from '../../fixtures/test-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, [infoCommand, migrateCommand, ...ROSTER_COMMANDS], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A migrated database left in rollback-journal mode, as another tool or an older build may leave it. */
async function journalDatabase(dir: string): Promise<string> {
  const path = join(dir, 'county.sqlite');
  await (await openDatabase(path, { migrate: true })).close();
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  return path;
}

const toRestore: string[] = [];
afterEach(() => {
  for (const p of toRestore.splice(0)) chmodSync(p, 0o755);
});

describe('bad databases: refused in Chinese, nothing changed', () => {
  it('info changes nothing: no journal-mode switch, no -wal/-shm left behind', async () => {
    const dir = tempDir();
    const path = await journalDatabase(dir);
    const before = readFileSync(path);
    const r = await cli('info', '--db', path, '--json');
    expect(r.code).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['county.sqlite']);
  });

  it('info on a refused (newer) database leaves no -wal/-shm beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'newer.sqlite');
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    raw.pragma('user_version = 99');
    raw.close();
    const r = await cli('info', '--db', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/更新版本/);
    expect(readdirSync(dir)).toEqual(['newer.sqlite']);
  });

  it('a read-only file: writing commands refused up front in Chinese; info and import --dry-run still work', async () => {
    const dir = tempDir();
    const path = await journalDatabase(dir);
    chmodSync(path, 0o444);
    toRestore.push(path);
    const before = readFileSync(path);
    const m = await cli('migrate', '--db', path);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/^错误：数据库文件.*只读/);
    expect((await cli('info', '--db', path)).code).toBe(0);
    const csv = join(tempDir(), 'inspectors.csv');
    writeFileSync(csv, '姓名,执法证号,所属科室\n张三,A0001,一科\n');
    const dry = await cli('import', 'inspectors', csv, '--db', path, '--dry-run', '--json');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['county.sqlite']);
  });

  it('a read-only folder: writing refused up front in Chinese, info still works', async () => {
    const dir = join(tempDir(), 'locked');
    mkdirSync(dir);
    const path = await journalDatabase(dir);
    chmodSync(dir, 0o555);
    toRestore.push(dir);
    const m = await cli('migrate', '--db', path);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/^错误：.*只读/);
    expect((await cli('info', '--db', path)).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['county.sqlite']);
  });
});

describe('bad paths and empty files as --db', () => {
  it('a folder or an impossible path as --db: a Chinese message, never a stack trace', async () => {
    const dir = tempDir();
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    for (const db of [dir, join(file, 'x.sqlite'), '/dev/null/x.sqlite', ''])
      for (const cmd of ['info', 'migrate']) {
        const r = await cli(cmd, '--db', db);
        expect(r.stderr, `${cmd} --db ${db}`).not.toMatch(/程序内部错误|\bat /);
        if (cmd === 'migrate' || db === dir) expect(r.stderr, `${cmd} --db ${db}`).toMatch(/^错误：.*[\u4e00-\u9fff]/);
      }
  });

  it('a 0-byte file is refused, not initialised; migrate (the user creating it) initialises it', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.sqlite');
    writeFileSync(path, '');
    const csv = join(tempDir(), 'inspectors.csv');
    writeFileSync(csv, '姓名,执法证号,所属科室\n张三,A0001,一科\n');
    for (const cmd of ['info', 'import']) {
      const args = cmd === 'import' ? ['import', 'inspectors', csv, '--db', path] : ['info', '--db', path];
      const r = await cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^错误：.*空文件/);
      expect(statSync(path).size).toBe(0);
    }
    await expect(openDatabase(path, { migrate: true })).rejects.toMatchObject({ code: 'db.emptyFile' });
    expect(statSync(path).size).toBe(0);
    const m = await cli('migrate', '--db', path, '--json');
    expect(m.code).toBe(0);
    expect(existsSync(path) && statSync(path).size).toBeGreaterThan(0);
  });
});
