/**
 * Every CLI command that writes to the database or the disk acts as a named user once accounts exist (`info` and
 * `audit verify` read only); a refusal changes nothing and writes no file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { infoCommand, migrateCommand } from '../../../src-main/cli/app-commands';
import { auditCommand } from '../../../src-main/cli/audit-commands';
import { BACKUP_COMMANDS } from '../../../src-main/cli/backup-commands';
import { publishCommand } from '../../../src-main/cli/publish-commands';
import { SHEET_COMMANDS } from '../../../src-main/cli/sheets-commands';
import { statsCommand } from '../../../src-main/cli/stats-commands';
import { runCaptured } from '../../fixtures/cli';
import { createTestDb, tempDir, type TestDb } from '../../fixtures/test-db';
import { addUsers, PASSWORD } from '../../fixtures/users';

const COMMANDS = [infoCommand, migrateCommand, auditCommand, ...BACKUP_COMMANDS, ...SHEET_COMMANDS, statsCommand];

let t: TestDb;
let out: string;
beforeEach(async () => {
  t = await createTestDb();
  out = tempDir();
  addUsers(t.services, [
    ['王管理', '管理员'],
    ['赵查看', '查看'],
  ]);
});
afterEach(() => t.cleanup());

const cli = (env: NodeJS.ProcessEnv, ...argv: string[]) =>
  runCaptured([...argv, '--db', t.path], [...COMMANDS, publishCommand], env);

const NO_USER = '错误：此数据库已设用户：请用 --user 用户名 指定本人账户，未做任何更改。';
const auditRows = () => t.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();

describe('CLI commands that write, once users exist', () => {
  const writers: [string, string[]][] = [
    ['migrate', ['migrate']],
    ['sheets', ['sheets', '某市监抽查〔2026〕1号', '--out', 'OUT']],
    ['stats', ['stats', '--year', '2026']],
    ['publish', ['publish', '--year', '2026', '--out', 'OUT']],
    ['backup', ['backup', '--out', 'OUT']],
    ['restore', ['restore', 'OUT/backup.sqlite']],
    ['package-export', ['package-export', '--out', 'OUT/package.ssjpkg']],
    ['package-import', ['package-import', 'OUT/package.ssjpkg']],
  ];
  it.each(writers)('%s refuses without --user and writes nothing', async (_, args) => {
    const before = auditRows();
    const r = await cli({}, ...args.map((a) => a.replace('OUT', out)));
    expect([r.code, r.err]).toEqual([1, NO_USER]);
    expect(auditRows()).toBe(before);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a role without the right is refused by name', async () => {
    const r = await cli({ SSJ_PASSWORD: PASSWORD }, 'backup', '--out', out, '--user', '赵查看');
    expect(r.err).toBe('错误：用户「赵查看」的角色「查看」无权进行此操作（仅限管理员），已拒绝，未做任何更改。');
    expect(readdirSync(out)).toEqual([]);
  });

  it('with --user and SSJ_PASSWORD, migrate, backup and package-export go through', async () => {
    const env = { SSJ_PASSWORD: PASSWORD };
    expect((await cli(env, 'migrate', '--user', '王管理')).code).toBe(0);
    expect((await cli(env, 'backup', '--out', out, '--user', '王管理')).code).toBe(0);
    const pkg = join(out, 'package.ssjpkg');
    expect((await cli(env, 'package-export', '--out', pkg, '--user', '王管理')).code).toBe(0);
    expect(existsSync(pkg)).toBe(true);
    // Any account may read the figures: the refusal is now the year's, not the user's.
    const stats = await cli(env, 'stats', '--year', '2026', '--user', '赵查看');
    expect(stats.err).not.toContain('--user');
  });

  it('info and audit verify need no user', async () => {
    expect((await cli({}, 'info')).code).toBe(0);
    const verify = await cli({}, 'audit', 'verify');
    expect([verify.code, verify.err]).toEqual([0, '']);
  });
});
