/**
 * A restore in the running app closes and reopens the database under the same handler map; the data package moves a
 * bureau's data to another database file and refuses a package whose bytes or manifest do not match.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/app/services';
import { makeBackup } from '../../../src-main/backups/copy';
import { openLiveDatabase } from '../../../src-main/app/live-database';
import { exportPackage } from '../../../src-main/backups/package';
import { importPackageFrom } from '../../../src-main/backups/package-actions';
import { reopenClosed } from '../../../src-main/backups/swap';
import { createTestDb, tempDir } from '../../fixtures/test-db';
import { refusal } from '../../fixtures/refusal';
import { fingerprint, readSetting } from './fixtures';

const ctx = { actor: () => '测试操作员', now: () => new Date('2026-11-24T02:00:00Z') };

describe('restore in the running app', () => {
  it('reopens the database and the services; the handlers reach the restored data', async () => {
    const db = await createTestDb();
    const backup = await makeBackup(db.conn.raw, db.path, 'manual', new Date(), tempDir());
    await db.conn.close();
    const live = await openLiveDatabase(db.path, (conn, reopenDatabase) =>
      createServices(conn, ctx, { reopenDatabase }),
    );
    try {
      await live.handlers['settings:set']({ bureauName: '改过的名称' });
      const token = live.services().files.issue(backup, 'open').token;
      const outcome = await live.handlers['backups:restore']({ fileToken: token });
      expect(outcome.safetyCopy).toMatch(/恢复前\.sqlite$/);
      expect((await live.handlers['settings:get']({})).bureauName).toBe('某县市场监督管理局');
      const log = await live.handlers['audit:list']({ limit: 1 });
      expect(log[0]).toMatchObject({ action: 'backups:restore', actor: '测试操作员' });
    } finally {
      await live.close();
    }
  });

  it('without a host that can reopen (the e2e harness), restore is refused in Chinese', async () => {
    const db = await createTestDb();
    const backup = await makeBackup(db.conn.raw, db.path, 'manual', new Date(), tempDir());
    const token = db.services.files.issue(backup, 'open').token;
    const e = await refusal(() => db.services.backups.restore({ fileToken: token }));
    expect(e).toMatchObject({ code: 'backups.reopenUnavailable' });
    await db.cleanup();
  });
});

describe('the data package', () => {
  async function exported() {
    const db = await createTestDb();
    await db.services.settings.set({ bureauName: '甲县市场监督管理局' });
    const pkg = join(tempDir(), '甲县.ssjpkg');
    const facts = await exportPackage(db.conn.raw, pkg, new Date());
    await db.cleanup();
    const target = await createTestDb();
    await target.conn.close();
    const deps = { dbPath: target.path, raw: null, actor: '测试', at: new Date(), reopen: reopenClosed(target.path) };
    return { pkg, facts, target, deps };
  }

  it('moves the bureau to another database, checked against its manifest', async () => {
    const { pkg, facts, target, deps } = await exported();
    expect(facts).toMatchObject({ bureauName: '甲县市场监督管理局', counts: { 市场主体: 0 } });
    const head = readFileSync(pkg).subarray(0, 400).toString('utf8').split('\n');
    expect(head[0]).toBe('SSJ-DESK-DATA-PACKAGE/1');
    expect(JSON.parse(head[1])).toMatchObject({ program: 'ssj-desk', bureauName: '甲县市场监督管理局' });
    const outcome = await importPackageFrom(pkg, deps);
    expect(outcome.safetyCopy).toBeTruthy();
    expect(readSetting(target.path, 'bureauName')).toBe('甲县市场监督管理局');
  });

  it('refuses a package whose database bytes were changed, and one cut short; nothing replaced', async () => {
    const { pkg, target, deps } = await exported();
    const before = fingerprint(target.path);
    const bytes = readFileSync(pkg);
    bytes[bytes.length - 10] ^= 0xff;
    const changed = join(tempDir(), 'changed.ssjpkg');
    writeFileSync(changed, bytes);
    expect(await refusal(() => importPackageFrom(changed, deps))).toMatchObject({
      code: 'backups.badPackage',
      message: expect.stringContaining('SHA-256'),
    });
    writeFileSync(changed, bytes.subarray(0, bytes.length - 4096));
    expect((await refusal(() => importPackageFrom(changed, deps))).message).toContain('文件不完整');
    copyFileSync(target.path, changed); // a database, not a package
    expect((await refusal(() => importPackageFrom(changed, deps))).message).toContain('不是有效的数据包');
    expect(fingerprint(target.path)).toBe(before);
  });
});
