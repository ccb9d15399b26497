/** Worker-thread side of snapshot-reader.ts: its own connection, one readSnapshotRange per message. */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { readSnapshotRange } from '../services/task-scope';
import type { SnapshotReaderMessage, SnapshotReaderReply } from './snapshot-reader';

const port = parentPort!;
const { dbPath } = (workerData as { request: { dbPath: string } }).request;
let connection: DbConnection | null = null;

port.on('message', (message: SnapshotReaderMessage) => {
  const reply = async (): Promise<SnapshotReaderReply> => {
    try {
      connection ??= await openDatabase(dbPath, { migrate: false });
      return { id: message.id, row: readSnapshotRange(connection.raw, message.request, message.lookups, message.range) };
    } catch (error) {
      if (isAppError(error)) return { id: message.id, code: error.code, message: error.message };
      return { id: message.id, code: 'internal', message: `读取检查对象时发生程序内部错误:${(error as Error)?.stack ?? String(error)}` };
    }
  };
  void reply().then((value) => port.postMessage(value));
});
