/**
 * The running app's database: the one connection, the services over it and the handler map the dispatch path calls.
 * A restore closes all of it and opens it again: new calls wait at a gate, the calls already running finish, the
 * workers end, the connection closes, the file is swapped, and the services are built again over the new connection.
 */
import { AppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { createHandlers, type Handlers } from '../ipc/handlers';
import type { Services } from '../app/services';
import { recordRestore, reopenFailed, type Reopen } from './swap';

/** How long a restore waits for the calls already running before it refuses. */
const DRAIN_LIMIT_MS = 30_000;

export interface LiveDatabase {
  /** Stable object: its functions always reach the current services. */
  handlers: Handlers;
  services(): Services;
  close(): Promise<void>;
}

type AnyHandler = (req: unknown) => unknown;

export async function openLiveDatabase(
  dbPath: string,
  build: (conn: DbConnection, reopen: Reopen) => Services,
): Promise<LiveDatabase> {
  let conn = await openDatabase(dbPath, { migrate: true });
  let gate: Promise<void> = Promise.resolve();
  let running = 0;
  let current: Record<string, AnyHandler>;
  let services: Services;

  const shutDown = async () => {
    services.backups.dispose();
    await services.draws.dispose();
    await conn.close();
  };
  const install = () => {
    services = build(conn, reopen);
    current = createHandlers(services) as unknown as Record<string, AnyHandler>;
  };

  const reopen: Reopen = async (swap, note, at) => {
    let release = () => {};
    gate = new Promise((ok) => (release = ok));
    try {
      await drained(() => running <= 1); // the restore's own call is still running
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
    } finally {
      release();
    }
  };

  install();
  const handlers = {} as Record<string, AnyHandler>;
  for (const name of Object.keys(current!)) {
    handlers[name] = async (req) => {
      await gate;
      running++;
      try {
        return await current[name](req);
      } finally {
        running--;
      }
    };
  }
  return { handlers: handlers as unknown as Handlers, services: () => services, close: shutDown };
}

async function drained(done: () => boolean): Promise<void> {
  const until = Date.now() + DRAIN_LIMIT_MS;
  while (!done()) {
    if (Date.now() > until)
      throw new AppError('backups.reopenFailed', '其他操作仍在进行，暂不能恢复。请稍后再试。当前数据库未作任何修改。');
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
