/** The import and demo CLI commands on temp databases, through runCli as a user runs them. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { ROSTER_COMMANDS } from '../../../src-main/cli/roster-commands';
import { countRows, tempDir, tempFile } from '../../fixtures/test-db';
import { writeEntityXlsx } from '../../fixtures/roster-files';

const HAINAN = resolve(__dirname, '../../fixtures/samples/hainan-2020-item-list.xlsx');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, ROSTER_COMMANDS, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return {
    status,
    out: out.join('\n'),
    err: err.join('\n'),
    json: () => JSON.parse(out.join('\n')) as Record<string, unknown>,
  };
}

function count(dbPath: string, table: string): number {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return countRows(raw, table);
  } finally {
    raw.close();
  }
}

describe('import (CLI)', () => {
  it('imports the Hainan list as 285 items with sub-items; a re-import finds all unchanged', async () => {
    const db = join(tempDir(), 'ssj.sqlite');
    const first = await cli('import', 'items', HAINAN, '--db', db, '--json');
    expect(first.status).toBe(0);
    expect(first.json()).toMatchObject({
      kind: 'items',
      dryRun: false,
      new: 285,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect((first.json().subItems as { new: number }).new).toBeGreaterThanOrEqual(285);
    expect(count(db, 'items')).toBe(285);
    expect(count(db, 'item_sub_items')).toBe((first.json().subItems as { new: number }).new);
    expect(count(db, 'roster_changes')).toBe(285);
    expect(count(db, 'audit_log')).toBe(1);

    const again = await cli('import', 'items', HAINAN, '--db', db, '--json');
    expect(again.json()).toMatchObject({ new: 0, updated: 0, unchanged: 285, rejected: 0 });
    expect(count(db, 'roster_changes')).toBe(285);
  });

  it('--dry-run reports the counts and writes nothing, not even a new database file', async () => {
    const db = join(tempDir(), 'never.sqlite');
    const result = await cli('import', 'items', HAINAN, '--db', db, '--dry-run', '--json');
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({ dryRun: true, new: 285 });
    expect(existsSync(db)).toBe(false);
  });

  it('--dry-run against an existing database writes no record, change or audit row', async () => {
    const dir = tempDir();
    const db = join(dir, 'ssj.sqlite');
    const file = join(dir, 'entities.xlsx');
    await writeEntityXlsx(file, 300);
    await cli('import', 'entities', file, '--db', db, '--json');
    const changesBefore = count(db, 'roster_changes');
    const result = await cli('import', 'entities', file, '--db', db, '--dry-run', '--json');
    expect(result.json()).toMatchObject({ new: 0, unchanged: 300, rejected: 0 });
    expect(count(db, 'roster_changes')).toBe(changesBefore);
    expect(count(db, 'entities')).toBe(300);
  });
});

describe('import (CLI): bad rows and bad files', () => {
  it('counts rejected rows, lists them with row and column, and still exits 0', async () => {
    const { dir, file } = tempFile(
      'bad.csv',
      '统一社会信用代码,名称,信用风险等级\n91469006MA5T00000X,好店一,B\n,无代码店,A\n91469006MA5T00001B,等级错店,E\n91469006MA5T00000X,重复店,C\n',
    );
    const db = join(dir, 'ssj.sqlite');
    const result = await cli('import', 'entities', file, '--db', db, '--json');
    expect(result.status).toBe(0);
    const json = result.json() as {
      rejected: number;
      new: number;
      problems: { row: number; column: string | null; reason: string }[];
    };
    expect(json.rejected).toBeGreaterThanOrEqual(3);
    expect(json.problems.some((p) => p.row === 4 && /E/.test(p.reason))).toBe(true);
    expect(count(db, 'entities')).toBe(json.new);
  });

  it('exits 1 with a Chinese message when the file cannot be read, and writes nothing', async () => {
    const { dir, file } = tempFile('not-a-sheet.xlsx', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
    const db = join(dir, 'ssj.sqlite');
    const result = await cli('import', 'entities', file, '--db', db, '--json');
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/无法识别的文件类型/);
    expect(count(db, 'entities')).toBe(0);
    expect(count(db, 'audit_log')).toBe(0);
  });

  it('refuses an unknown roster name', async () => {
    const result = await cli('import', 'cats', HAINAN);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/items/);
  });
});

describe('demo (CLI)', () => {
  it('creates a plausible county with valid codes, then refuses to mix with existing data', async () => {
    const db = join(tempDir(), 'demo.sqlite');
    const result = await cli('demo', '--entities', '5000', '--db', db, '--json');
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({ entities: 5000, items: 12 });
    const raw = new BetterSqlite3(db, { readonly: true });
    const grades = Object.fromEntries(
      (
        raw.prepare('SELECT credit_grade, count(*) n FROM entities GROUP BY 1').all() as {
          credit_grade: string;
          n: number;
        }[]
      ).map((g) => [g.credit_grade, g.n / 5000]),
    );
    expect(grades.B).toBeGreaterThan(0.6);
    expect(grades.A).toBeGreaterThan(0.1);
    expect(grades.D).toBeLessThan(0.06);
    const { checkUscc } = await import('@shared/domain/uscc');
    const codes = raw.prepare('SELECT uscc FROM entities WHERE uscc IS NOT NULL').pluck().all() as string[];
    expect(codes.every((c) => checkUscc(c).ok)).toBe(true);
    expect(raw.prepare("SELECT count(*) FROM offices WHERE kind = '市场监管所'").pluck().get()).toBeGreaterThanOrEqual(
      5,
    );
    expect(raw.prepare("SELECT count(*) FROM inspectors WHERE tags LIKE '%食品%'").pluck().get()).toBeGreaterThan(0);
    expect(
      raw.prepare('SELECT min(n) FROM (SELECT count(*) n FROM item_sub_items GROUP BY item_id)').pluck().get(),
    ).toBeGreaterThanOrEqual(2);
    raw.close();
    const again = await cli('demo', '--entities', '100', '--db', db);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/空数据库/);
  });
});
