/**
 * The running app's database: the one connection, the services over it and the handler map the dispatch path calls.
 * A restore, or opening another database file, closes all of it and opens it again: new calls wait at a gate, the
 * calls already running finish, the workers end, the connection closes, and the services are built again over the
 * new connection.
 */
import { existsSync, statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { createHandlers, type Handlers } from '../ipc/handlers';
import type { Services } from './services';
import { recordRestore, reopenFailed, type Reopen } from '../backups/swap';

/** How long a restore or a switch waits for the calls already running before it refuses. */
const DRAIN_LIMIT_MS = 30_000;

/** Opens the database at `path` in place of the current one; `create`: a new file the user named in the dialog. */
export type SwitchDatabase = (path: string, create: boolean) => Promise<void>;

export interface LiveDatabase {
  /** Stable object: its functions always reach the current services. */
  handlers: Handlers;
  services(): Services;
  /** The file open now. */
  path(): string;
  close(): Promise<void>;
}

type AnyHandler = (req: unknown) => unknown;

export async function openLiveDatabase(
  dbPath: string,
  build: (conn: DbConnection, reopen: Reopen, switchTo: SwitchDatabase) => Services,
): Promise<LiveDatabase> {
  let conn = await openDatabase(dbPath, { migrate: true });
  let running = 0;
  let current: Record<string, AnyHandler>;
  let services: Services;
  const gate = gateKeeper(() => running);

  const shutDown = async () => {
    services.backups.dispose();
    await services.draws.dispose();
    await conn.close();
  };
  const install = () => {
    services = build(conn, reopen, switchTo);
    current = createHandlers(services) as unknown as Record<string, AnyHandler>;
  };

  const reopen: Reopen = (swap, note, at) =>
    gate.closedDuring(async () => {
      await shutDown();
      swap.apply();
      try {
        conn = await openDatabase(dbPath, { migrate: true });
        recordRestore(conn.raw, note, at);
      } catch (e) {
        await conn.close().catch(() => undefined);
        swap.undo();
        conn = await openDatabase(dbPath, { migrate: true });
        install();
        throw reopenFailed(e);
      }
      swap.done();
      install();
      return conn.schemaVersion;
    });

  // The other file opens first: if it cannot, the current database stays open and nothing has changed.
  const switchTo: SwitchDatabase = (path, create) =>
    gate.closedDuring(async () => {
      if (create && existsSync(path) && statSync(path).size > 0) {
        throw new AppError('app.databaseExists', '新建数据库须选择一个新的文件名：所选文件已存在，未作任何修改。');
      }
      const next = await openDatabase(path, { migrate: true, createEmpty: create });
      await shutDown();
      conn = next;
      dbPath = next.path;
      install();
    });

  install();
  const handlers = {} as Record<string, AnyHandler>;
  for (const name of Object.keys(current!)) {
    handlers[name] = async (req) => {
      await gate.passed();
      running++;
      try {
        return await current[name](req);
      } finally {
        running--;
      }
    };
  }
  return { handlers: handlers as unknown as Handlers, services: () => services, path: () => dbPath, close: shutDown };
}

/** New calls wait while `work` runs, once the calls already running (but the one asking) have finished. */
function gateKeeper(running: () => number) {
  let gate: Promise<void> = Promise.resolve();
  return {
    passed: () => gate,
    async closedDuring<T>(work: () => Promise<T>): Promise<T> {
      let release = () => {};
      gate = new Promise((ok) => (release = ok));
      try {
        await drained(() => running() <= 1);
        return await work();
      } finally {
        release();
      }
    },
  };
}

async function drained(done: () => boolean): Promise<void> {
  const until = Date.now() + DRAIN_LIMIT_MS;
  while (!done()) {
    if (Date.now() > until) throw new AppError('app.busy', '其他操作仍在进行，请稍后再试。当前数据库未作任何修改。');
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
