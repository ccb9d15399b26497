import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { CHANNELS } from '@shared/ipc/contract';
import { createDispatch, type Dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { createTestDb, type TestDb } from '../fixtures/test-db';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';

const TRUSTED = 'app://ssj/index.html';
let t: TestDb;
let dispatch: Dispatch;
let handlers: Handlers;
const logged: unknown[] = [];

beforeEach(async () => {
  t = await createTestDb();
  handlers = createHandlers(t.services);
  dispatch = createDispatch({
    handlers,
    isTrustedSender: (url) => url.startsWith('app://ssj/'),
    logError: (_c, e) => logged.push(e),
  });
});
afterEach(() => t.cleanup());

describe('the dispatch path', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers a real call with { ok, value }', async () => {
    const res = await dispatch(TRUSTED, 'app:info', {});
    expect(res).toMatchObject({ ok: true, value: { dbPath: t.conn.path, schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  it('refuses an untrusted sender before looking at anything else', async () => {
    const res = await dispatch('https://evil.example/', 'settings:set', { minTeamSize: 2 });
    expect(res).toEqual({ ok: false, error: { code: 'ipc.untrustedSender', message: '拒绝来自非本程序页面的调用' } });
  });

  it('refuses an unknown channel, including prototype names', async () => {
    for (const channel of ['db:drop', '__proto__', 'constructor', 42, null]) {
      const res = await dispatch(TRUSTED, channel, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    }
  });

  it('turns malformed payloads into a typed error in Chinese, never an exception', async () => {
    const cases: unknown[] = [
      null,
      'text',
      [],
      { minTeamSize: 1 },
      { minTeamSize: '3' },
      { defaultRatioBp: 5.5 },
      { gradeRatioBp: { A: 100 } },
      { unknownKey: true },
    ];
    for (const payload of cases) {
      const res = await dispatch(TRUSTED, 'settings:set', payload);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('ipc.invalidRequest');
        expect(res.error.message).toMatch(/^请求参数不正确/);
      }
    }
    expect(await t.services.settings.get()).toMatchObject({ minTeamSize: 2, defaultRatioBp: 500 });
  });

  it('passes an AppError through as its code and message, and hides unexpected errors', async () => {
    const failing = createDispatch({
      handlers: {
        ...handlers,
        'settings:get': () => {
          throw new AppError('plan.notFound', '没有找到该计划');
        },
        'app:info': () => {
          throw new TypeError('secret internals');
        },
      },
      isTrustedSender: () => true,
      logError: (_c, e) => logged.push(e),
    });
    expect(await failing(TRUSTED, 'settings:get', {})).toEqual({
      ok: false,
      error: { code: 'plan.notFound', message: '没有找到该计划' },
    });
    const res = await failing(TRUSTED, 'app:info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'app.internal' } });
    expect(JSON.stringify(res)).not.toContain('secret internals');
    expect(logged.at(-1)).toBeInstanceOf(TypeError);
  });
});

describe('settings and the audit log', () => {
  it('starts from the bureau defaults', async () => {
    expect(await t.services.settings.get()).toMatchObject({
      defaultRatioBp: 500,
      recentInspectionYears: 3,
      minTeamSize: 2,
    });
  });

  it('saves a change, and logs who changed what from what to what in the same transaction', async () => {
    const res = await dispatch(TRUSTED, 'settings:set', { bureauName: '  城关县市场监督管理局 ', minTeamSize: 3 });
    expect(res).toMatchObject({ ok: true, value: { bureauName: '城关县市场监督管理局', minTeamSize: 3 } });
    const log = await t.services.audit.list({ limit: 10 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: '测试操作员',
      action: 'settings:set',
      detail: {
        minTeamSize: { from: 2, to: 3 },
        bureauName: { from: '某县市场监督管理局', to: '城关县市场监督管理局' },
      },
    });
  });

  it('writes no log row for a save that changes nothing', async () => {
    await dispatch(TRUSTED, 'settings:set', { minTeamSize: 2 });
    expect(await t.services.audit.list({ limit: 10 })).toEqual([]);
  });

  it('rolls the setting back when the audit row cannot be written', async () => {
    t.conn.raw.exec("CREATE TRIGGER block BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const res = await dispatch(TRUSTED, 'settings:set', { minTeamSize: 4 });
    expect(res.ok).toBe(false);
    expect((await t.services.settings.get()).minTeamSize).toBe(2);
  });
});
