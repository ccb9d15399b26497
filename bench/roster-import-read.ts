/** Worker for bench/roster-import.ts: the streaming read of the file alone (records built, nothing compared or written). */
import { parentPort, workerData } from 'node:worker_threads';
import { openImportFile } from '../src-main/rosters/readers/index';

const { path } = (workerData as { request: { path: string } }).request;
(async () => {
  const reading = await openImportFile(path, 'entities');
  let records = 0;
  for await (const batch of reading) for (const r of batch) if (r.record) records++;
  parentPort!.postMessage({ records, rowsRead: reading.rowsRead });
})().catch((e: unknown) => parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) }));
