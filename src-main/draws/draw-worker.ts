/**
 * Worker-thread side of the draw job (job.ts): its own database connection, the snapshot cache kept from 准备 to 揭晓,
 * and the ranking pool for city-scale draws (parallel-rank.ts, reading the codes from the shared memory 准备 encoded
 * them into). Each request runs one step of worker/ (worker-rpc.ts serveRequests).
 */
import { workerData } from 'node:worker_threads';
import { openDatabase, type DbConnection } from '../db/connection';
import { DrawWorkerPool } from './parallel-rank';
import { amendStep } from './worker/amend-step';
import { prepareStep } from './worker/prepare-step';
import { revealStep } from './worker/reveal-step';
import { catchUpRosterDates, rosterDatesStep } from './worker/roster-dates-step';
import { sealStep } from './worker/seal-step';
import { SnapshotCache, type StepContext } from './worker/step-context';
import type { DrawJobMessage, StepProgress, StepResult } from './job';
import { MMAP_BYTES, readsInTwoHalves, rosterIds } from './worker/snapshot-read';
import { SnapshotReader } from './snapshot-reader';
import { serveRequests } from '../workers/worker-rpc';
import { STEP_BUSY_TIMEOUT_MS, stepRefusal } from './step-refusal';

const { dbPath } = (workerData as { request: { dbPath: string } }).request;
const cache = new SnapshotCache();
// The second reader of city-scale snapshots (snapshot-reader.ts): started with the connection when the roster is
// big enough to be read in two halves, so that 准备 does not wait for it; never for a county's roster.
const reader = new SnapshotReader(dbPath);
let connection: DbConnection | null = null;
let pool: DrawWorkerPool | null = null;

async function handle(message: DrawJobMessage, report: (progress: StepProgress) => void): Promise<StepResult> {
  if (!connection) {
    connection = await openDatabase(dbPath, { migrate: false });
    // 64 MB of page cache (封存 writes a city's drawn rows and two large texts in one transaction; the default is 2 MB)
    // and the roster read through the memory map: measured faster at city scale (docs/performance.md).
    connection.raw.pragma('cache_size = -65536');
    connection.raw.pragma(`busy_timeout = ${STEP_BUSY_TIMEOUT_MS}`);
    connection.raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (readsInTwoHalves(rosterIds(connection.raw))) {
      reader.warm();
      // The ranking threads of a city-scale 揭晓, started now rather than in the middle of it.
      pool ??= new DrawWorkerPool();
    }
  }
  const raw = connection.raw;
  const step: StepContext = {
    actor: message.actor,
    now: new Date(message.nowIso),
    progress: (label, done, total) => report({ label, done, total }),
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

serveRequests<DrawJobMessage, StepResult, StepProgress>(
  async (message, report) => ({ value: await handle(message, report) }),
  stepRefusal,
);
