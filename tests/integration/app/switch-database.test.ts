/**
 * 打开其他数据库 / 新建数据库 in the running app: the handlers reach the chosen file afterwards; a file that cannot be
 * opened, or a "new" file that already exists, is refused and the current database stays open, unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/app/services';
import { openLiveDatabase, type LiveDatabase } from '../../../src-main/app/live-database';
import { rememberDbPath, rememberedDbPath } from '../../../src-main/db/paths';
import { createTestDb, tempDir } from '../../fixtures/test-db';
import { refusal } from '../../fixtures/refusal';

const ctx = { actor: () => '测试操作员', now: () => new Date('2026-11-24T02:00:00Z') };
let live: LiveDatabase;
let first: string;
let answer: string | null;

beforeEach(async () => {
  const db = await createTestDb();
  await db.services.settings.set({ bureauName: '甲县市场监督管理局' });
  first = db.path;
  await db.conn.close();
  live = await openLiveDatabase(first, (conn, reopenDatabase, switchDatabase) =>
    createServices(conn, ctx, { reopenDatabase, switchDatabase, fileDialog: async () => answer }),
  );
});
afterEach(async () => {
  await live.close();
});

describe('switching the open database', () => {
  it('creates a new database and opens it; opening the first one again brings its data back', async () => {
    answer = join(tempDir(), '练习.sqlite');
    expect(await live.handlers['app:switch-database']({ mode: 'create' })).toEqual({
      fileName: '练习.sqlite',
      dbPath: answer,
    });
    expect(live.path()).toBe(answer);
    expect((await live.handlers['app:info']({})).dbPath).toBe(answer);
    expect((await live.handlers['settings:get']({})).bureauSet).toBe(false);

    answer = first;
    await live.handlers['app:switch-database']({ mode: 'open' });
    expect((await live.handlers['settings:get']({})).bureauName).toBe('甲县市场监督管理局');
  });

  it('refuses a file that is not a database and stays on the current one', async () => {
    answer = join(tempDir(), '名录.sqlite');
    writeFileSync(answer, '这不是数据库文件，而是一段文字。'.repeat(20));
    const e = await refusal(() => live.handlers['app:switch-database']({ mode: 'open' }));
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(live.path()).toBe(first);
    expect((await live.handlers['settings:get']({})).bureauName).toBe('甲县市场监督管理局');
  });

  it('refuses to "create" over an existing database file', async () => {
    answer = first;
    const e = await refusal(() => live.handlers['app:switch-database']({ mode: 'create' }));
    expect(e).toMatchObject({ code: 'app.databaseExists' });
    expect(live.path()).toBe(first);
  });

  it('does nothing when the dialog is cancelled', async () => {
    answer = null;
    expect(await live.handlers['app:switch-database']({ mode: 'open' })).toBeNull();
    expect(live.path()).toBe(first);
  });
});

describe('the remembered database', () => {
  it('is the file noted last while it exists, else none', () => {
    const dir = tempDir();
    expect(rememberedDbPath(dir)).toBeNull();
    rememberDbPath(dir, first);
    expect(rememberedDbPath(dir)).toBe(first);
    rememberDbPath(dir, join(dir, '已删除.sqlite'));
    expect(rememberedDbPath(dir)).toBeNull();
  });
});
