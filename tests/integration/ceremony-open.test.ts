/**
 * ceremony:open: the operator's page asks main for the projector window. The window itself is Electron's
 * (src-main/window.ts, checked in tests/e2e/electron.spec.ts); here the injected opener and the channel around it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { createServices } from '../../src-main/app/services';
import { loadDemoData } from '../../src-main/demo/demo-data';
import { createDemoPlan } from '../../src-main/demo/plan-demo';
import { createTestDb, type TestDb } from '../fixtures/test-db';

const TRUSTED = 'app://ssj/index.html';
let t: TestDb | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function withTask() {
  t = await createTestDb();
  loadDemoData(t.conn.raw, { entities: 300, actor: '测试操作员', now: t.ctx.now() });
  return createDemoPlan(t.services, t.conn.raw, t.ctx.now()).taskId;
}

describe('ceremony:open', () => {
  it('asks the injected opener for the task and returns where the window went', async () => {
    const taskId = await withTask();
    const opened: number[] = [];
    const services = createServices(t!.conn, t!.ctx, {
      openCeremonyWindow: (id) => {
        opened.push(id);
        return { fullScreen: true, displays: 2 };
      },
    });
    const dispatch = createDispatch({
      handlers: createHandlers(services),
      isTrustedSender: (url) => url === TRUSTED,
      logError: () => {},
    });
    expect(await dispatch(TRUSTED, 'ceremony:open', { taskId })).toEqual({
      ok: true,
      value: { fullScreen: true, displays: 2 },
    });
    expect(opened).toEqual([taskId]);
  });

  it('refuses an unknown task and a host without windows, in Chinese, without calling the opener', async () => {
    const taskId = await withTask();
    const opened: number[] = [];
    const withWindows = createServices(t!.conn, t!.ctx, {
      openCeremonyWindow: (id) => (opened.push(id), { fullScreen: false, displays: 1 }),
    });
    const dispatch = (services: typeof withWindows) =>
      createDispatch({ handlers: createHandlers(services), isTrustedSender: () => true, logError: () => {} });
    expect(await dispatch(withWindows)(TRUSTED, 'ceremony:open', { taskId: taskId + 99 })).toMatchObject({
      ok: false,
      error: { code: 'task.notFound', message: expect.stringContaining('没有找到抽查任务') },
    });
    expect(await dispatch(withWindows)(TRUSTED, 'ceremony:open', { taskId: 'x' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('编号必须是数字') },
    });
    // The CLI and plain services have no window to open.
    expect(await dispatch(t!.services)(TRUSTED, 'ceremony:open', { taskId })).toEqual({
      ok: false,
      error: { code: 'ceremony.unavailable', message: '投影画面只能在桌面程序中打开。' },
    });
    expect(opened).toEqual([]);
  });
});
