/**
 * Worker-thread side of the draw job (draw-job.ts): its own database connection, the snapshot cache kept from 准备
 * to 揭晓, and the ranking pool for city-scale draws (parallel-draw.ts: workers of its own, reading the codes from
 * the shared memory 准备 encoded them into). Each message runs one step of draw-steps.ts and answers done or error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { DrawWorkerPool } from '../draw/parallel-draw';
import { amendStep, catchUpRosterDates, prepareStep, revealStep, rosterDatesStep, sealStep, SnapshotCache, type StepContext } from '../services/draw-steps';
import type { DrawJobMessage, DrawWorkerReply } from './draw-job';
import { SnapshotReader } from './snapshot-reader';

const port = parentPort!;
const { dbPath } = (workerData as { request: { dbPath: string } }).request;
const cache = new SnapshotCache();
// The second reader of city-scale snapshots, started now so that 准备 never waits for it (snapshot-reader.ts).
const reader = new SnapshotReader(dbPath);
let connection: DbConnection | null = null;
let pool: DrawWorkerPool | null = null;

const post = (reply: DrawWorkerReply) => port.postMessage(reply);

async function handle(message: DrawJobMessage): Promise<{ drawId?: number; timings: Record<string, number> }> {
  connection ??= await openDatabase(dbPath, { migrate: false });
  const raw = connection.raw;
  const step: StepContext = {
    actor: message.actor,
    now: new Date(message.nowIso),
    progress: (label, done, total) => post({ id: message.id, type: 'progress', label, done, total }),
  };
  const { request } = message;
  switch (request.op) {
    case 'prepare':
      // Dates of earlier sealed draws first (normally done already): the recent-inspection exclusion must see them.
      catchUpRosterDates(raw, step);
      return prepareStep(raw, request.taskId, step, cache, reader.read);
    case 'reveal':
      return revealStep(raw, request.drawId, step, cache, () => (pool ??= new DrawWorkerPool()));
    case 'seal':
      return sealStep(raw, request.drawId, step, cache);
    case 'roster-dates':
      return rosterDatesStep(raw, request.drawId, step);
    case 'amend':
      return amendStep(raw, request, step, cache);
  }
}

port.on('message', (message: DrawJobMessage) => {
  handle(message).then(
    (value) => post({ id: message.id, type: 'done', value }),
    (error: unknown) => {
      if (isAppError(error)) post({ id: message.id, type: 'error', code: error.code, message: error.message, details: error.details });
      else post({ id: message.id, type: 'error', code: 'internal', message: `抽取计算时发生程序内部错误,本步骤未保存任何内容:${(error as Error)?.stack ?? String(error)}` });
    },
  );
});
