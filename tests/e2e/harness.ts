/**
 * The browser e2e harness: the BUILT renderer (out/renderer) in real Chromium, with `window.api` bridged
 * to the same dispatch path the Electron main process uses, over real services on a temp SQLite file.
 * Nothing is mocked: only the transport differs (a Playwright binding instead of Electron IPC), and the
 * client object is built by the same createApi() the preload uses.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { IpcResult } from '../../src-shared/ipc/contract';
import { createDispatch } from '../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { APP_ORIGIN, appResponse } from '../../src-main/serving';
import { createServices, type ServiceDeps, type Services } from '../../src-main/app/services';
import { openLiveDatabase } from '../../src-main/app/live-database';
import type { FileDialog, FileDialogRequest } from '../../src-main/app/file-tokens';
import { createTestDb, type TestDb } from '../fixtures/test-db';

const ROOT = resolve(__dirname, '../..');
const RENDERER_DIR = resolve(ROOT, 'out/renderer');
export const SCREENSHOTS = resolve(__dirname, 'screenshots');

/** The preload's job, done in the page: window.api = createApi(invoke over the binding). */
function clientInitScript(): string {
  const bundle = buildSync({
    stdin: {
      contents: `import { createApi } from '@shared/ipc/client';
        window.api = createApi((channel, req) => window.__ssjInvoke(channel, req));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    alias: { '@shared': resolve(ROOT, 'src-shared') },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  return bundle.outputFiles[0].text;
}

/** Serves out/renderer through the app:// handler's own answer: same CSP header, same path guard, never a throw. */
function serveRenderer(): Promise<Server> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer 不存在:请先运行 npm run build(npm run test:e2e 会自动构建)');
  }
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0];
    void appResponse(RENDERER_DIR, `${APP_ORIGIN}${path.startsWith('/') ? path : `/${path}`}`).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * The open/save/folder dialog, as the test drives it (ServiceDeps.fileDialog): the test says which file the next dialog
 * returns, the way a user would pick it. The services, the file tokens and the renderer are the real ones.
 */
export interface FileDialogStub {
  /** The next dialogs (open, save or folder, in the order shown) return these paths (a list: a multi-select); null: cancel. */
  answer(...paths: (string | string[] | null)[]): void;
  /** Every dialog shown so far: mode, title, filters, suggested name. */
  readonly shown: FileDialogRequest[];
  /** Answers not used yet. */
  readonly pending: number;
}

function fileDialogStub(): FileDialogStub & { dialog: FileDialog } {
  const answers: (string | string[] | null)[] = [];
  const shown: FileDialogRequest[] = [];
  return {
    answer: (...paths) => void answers.push(...paths),
    shown,
    get pending() {
      return answers.length;
    },
    dialog: async (request) => {
      shown.push(request);
      if (answers.length === 0)
        throw new Error(`e2e:测试没有为“${request.title}”对话框准备文件(先调用 app.fileDialog.answer)`);
      return answers.shift()!;
    },
  };
}

export interface AppFixture {
  db: TestDb;
  /** The services the page talks to (over db.conn, with the test's file dialog). */
  services: Services;
  /** Which file the next open/save dialog returns. */
  fileDialog: FileDialogStub;
  baseUrl: string;
  /** Opens a route of the app (hash routing), e.g. '/settings'. */
  open(route?: string): Promise<void>;
  /** Task ids the page asked main to open the projector window for (ceremony:open), in order. */
  readonly ceremonyWindows: number[];
  /** Gives another page of the test (e.g. the projector's, at 1920×1080) the same window.api bridge. */
  bridge(other: Page): Promise<void>;
}

/**
 * The services the page reaches: over the test's connection, or (`live`) a live database as the desktop app opens
 * it, which a restore or 打开其他数据库 closes and opens again behind the same handlers.
 */
interface Host {
  readonly services: Services;
  handlers: Handlers;
  close(): Promise<void>;
}

function fixedHost(db: TestDb, deps: ServiceDeps): Host {
  const services = createServices(db.conn, db.ctx, deps);
  return { services, handlers: createHandlers(services), close: () => services.draws.dispose() };
}

async function liveHost(db: TestDb, deps: ServiceDeps): Promise<Host> {
  const live = await openLiveDatabase(db.path, (conn, reopenDatabase, switchDatabase) =>
    createServices(conn, db.ctx, { ...deps, reopenDatabase, switchDatabase }),
  );
  return {
    get services() {
      return live.services();
    },
    handlers: live.handlers,
    close: () => live.close(),
  };
}

/**
 * `bureau`: whether the database starts with the bureau entered (a first-run spec says false); `live`: the page talks
 * to a live database (see Host), for the specs that switch or restore it.
 */
export const test = base.extend<
  { app: AppFixture; bureau: boolean; live: boolean },
  { server: { baseUrl: string }; initScript: string }
>({
  bureau: [true, { option: true }],
  live: [false, { option: true }],
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveRenderer();
      await use({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
      await new Promise((ok) => server.close(ok));
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  initScript: [async ({}, use) => use(clientInitScript()), { scope: 'worker' }],
  app: async ({ page, server, initScript, bureau, live }, use, testInfo) => {
    const db = await createTestDb(undefined, { bureau });
    const fileDialog = fileDialogStub();
    const ceremonyWindows: number[] = [];
    const deps: ServiceDeps = {
      fileDialog: fileDialog.dialog,
      // ——— ceremony window: recorded; the test opens the route in a page of its own ———
      openCeremonyWindow: (taskId) => {
        ceremonyWindows.push(taskId);
        return { fullScreen: false, displays: 1 };
      },
    };
    const host = live ? await liveHost(db, deps) : fixedHost(db, deps);
    const dispatch = createDispatch({
      handlers: host.handlers,
      isTrustedSender: (url) => url.startsWith(server.baseUrl),
      authorize: (channel) => host.services.users.authorize(channel),
      logError: (channel, e) => console.error(`[ipc ${channel}]`, e),
    });
    const pageErrors: Error[] = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    // Every call the pages made, with its time and outcome: printed when the test fails, so a failure seen only on
    // another machine (CI keeps nothing but the log) says which call refused, failed or never answered.
    const calls = new CallLog();
    const bridge = async (target: Page) => {
      await target.exposeBinding('__ssjInvoke', (source, channel: unknown, payload: unknown) =>
        calls.around(String(channel), () => dispatch(source.frame.url(), channel, payload)),
      );
      await target.addInitScript({ content: initScript });
    };
    await bridge(page);
    await use({
      db,
      get services() {
        return host.services;
      },
      fileDialog,
      baseUrl: server.baseUrl,
      open: async (route = '/') => {
        await page.goto(`${server.baseUrl}index.html#${route}`);
        await page.getByTestId('page-title').waitFor();
      },
      ceremonyWindows,
      bridge: async (other) => {
        other.on('pageerror', (e) => pageErrors.push(e));
        await bridge(other);
      },
    });
    if (testInfo.status !== testInfo.expectedStatus) console.log(calls.tail());
    // The draw worker holds a connection of its own: end it before the database goes.
    await host.close();
    await db.cleanup();
    if (pageErrors.length) throw new Error(`页面脚本错误：${pageErrors.map((e) => e.message).join('; ')}`);
  },
});

export { expect } from '@playwright/test';

/** The pages' calls through the bridge: channel, start (ms into the test), duration and outcome. */
interface CallEntry {
  channel: string;
  at: number;
  ms?: number;
  outcome?: string;
}

class CallLog {
  private readonly started = performance.now();
  private readonly entries: CallEntry[] = [];

  async around<R extends IpcResult<unknown>>(channel: string, call: () => Promise<R>): Promise<R> {
    const entry: CallEntry = { channel, at: Math.round(performance.now() - this.started) };
    this.entries.push(entry);
    const result = await call();
    entry.ms = Math.round(performance.now() - this.started - entry.at);
    entry.outcome = result.ok ? 'ok' : `${result.error.code}: ${result.error.message.slice(0, 300)}`;
    return result;
  }

  /** The last calls, polls of the same channel folded into one line; an unanswered call says so. */
  tail(count = 40): string {
    const lines: string[] = [];
    let last = '';
    let repeats = 0;
    for (const e of this.entries) {
      const line = `${e.channel} → ${e.outcome ?? '(未返回)'}`;
      if (line === last && e.outcome === 'ok') {
        repeats++;
        continue;
      }
      if (repeats) lines.push(`    …同上 ${repeats} 次`);
      repeats = 0;
      last = line;
      lines.push(`  +${e.at} ms ${line}${e.ms === undefined ? '' : ` (${e.ms} ms)`}`);
    }
    if (repeats) lines.push(`    …同上 ${repeats} 次`);
    return `[e2e] 页面最后的调用:\n${lines.slice(-count).join('\n')}`;
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false });
}
